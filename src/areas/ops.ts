/**
 * Polygon operations on bare geometries, null for "nothing left", so callers do not juggle Feature
 * wrappers. Clipping is Clipper2's (./clipper2.ts); areas, boxes and box cuts are turf's.
 */
import { area, bbox, bboxClip } from '@turf/turf';
import type { BBox } from 'geojson';
import { clipper2 } from './clipper2';
import type { AreaGeometry } from './model';

/** A polygon clipping library as these operations use it. Each throws when the library fails. */
export interface PolygonClipping {
  intersect(a: AreaGeometry, b: AreaGeometry): AreaGeometry | null;
  union(parts: readonly AreaGeometry[]): AreaGeometry | null;
  difference(a: AreaGeometry, b: AreaGeometry): AreaGeometry | null;
}

let clipping: PolygonClipping = clipper2;

/**
 * Puts another library behind the operations below, and returns the one it replaces: for measuring
 * candidates on the app's own work (scripts/bench/clipping.ts). The app never calls it.
 */
export function useClipping(next: PolygonClipping): PolygonClipping {
  const previous = clipping;
  clipping = next;
  return previous;
}

const M2_PER_KM2 = 1_000_000;

export function areaKm2(geometry: AreaGeometry | null): number {
  return geometry ? area(geometry) / M2_PER_KM2 : 0;
}

export function bboxOf(geometry: AreaGeometry): BBox {
  return bbox(geometry);
}

export function bboxesOverlap(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

function intersectGeometries(a: AreaGeometry, b: AreaGeometry): AreaGeometry | null {
  return clipping.intersect(a, b);
}

/** `a ∩ b`, skipping the clipping when their bboxes do not even touch. */
export function intersectNear(a: AreaGeometry, b: AreaGeometry): AreaGeometry | null {
  return bboxesOverlap(bboxOf(a), bboxOf(b)) ? intersectGeometries(a, b) : null;
}

/** Cut to an axis-aligned box (linear time); null when nothing is left. */
function clipToBox(geometry: AreaGeometry, box: BBox): AreaGeometry | null {
  const clipped = bboxClip(geometry, box).geometry;
  // bboxClip leaves an empty polygon for each part of a MultiPolygon outside the box; they are
  // dropped here.
  if (clipped.type === 'Polygon') return clipped.coordinates.length > 0 ? clipped : null;
  if (clipped.type !== 'MultiPolygon') return null;
  const parts = clipped.coordinates.filter((polygon) => polygon.length > 0);
  return parts.length > 0 ? { type: 'MultiPolygon', coordinates: parts } : null;
}

/**
 * `a ∩ b`, with each side first cut to the other's bbox. The result is the same set, but the
 * sweep-line intersection then sees only the vertices near the overlap: cutting a DeepState polygon
 * against the 2,500-vertex Russia outline drops from ~100 ms to a few ms (measured with polyclip-ts).
 */
export function intersectLocal(a: AreaGeometry, b: AreaGeometry, bBox: BBox = bboxOf(b)): AreaGeometry | null {
  const aBox = bboxOf(a);
  if (!bboxesOverlap(aBox, bBox)) return null;
  const aNear = clipToBox(a, bBox);
  const bNear = clipToBox(b, aBox);
  return aNear && bNear ? intersectGeometries(aNear, bNear) : null;
}

/** One pass over all pieces: the library takes the whole collection at once. */
export function unionGeometries(parts: readonly AreaGeometry[]): AreaGeometry | null {
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0];
  return clipping.union(parts);
}

export function differenceGeometries(a: AreaGeometry, b: AreaGeometry | null): AreaGeometry | null {
  if (!b) return a;
  return clipping.difference(a, b);
}
