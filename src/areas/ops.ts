/**
 * Thin wrappers over turf's polygon clipping that speak bare geometries and
 * return null for "nothing left", so callers do not juggle Feature wrappers.
 */
import { area, bbox, bboxClip, difference, feature, featureCollection, intersect, union } from '@turf/turf';
import type { BBox } from 'geojson';
import type { AreaGeometry } from './model';

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

export function intersectGeometries(a: AreaGeometry, b: AreaGeometry): AreaGeometry | null {
  return intersect(featureCollection([feature(a), feature(b)]))?.geometry ?? null;
}

/** Cut to an axis-aligned box (linear time); null when nothing is left. */
function clipToBox(geometry: AreaGeometry, box: BBox): AreaGeometry | null {
  const clipped = bboxClip(geometry, box).geometry;
  // bboxClip leaves an empty polygon for each part of a MultiPolygon outside the box; the
  // clipping library refuses those, so they are dropped here.
  if (clipped.type === 'Polygon') return clipped.coordinates.length > 0 ? clipped : null;
  if (clipped.type !== 'MultiPolygon') return null;
  const parts = clipped.coordinates.filter((polygon) => polygon.length > 0);
  return parts.length > 0 ? { type: 'MultiPolygon', coordinates: parts } : null;
}

/**
 * `a ∩ b`, with each side first cut to the other's bbox. The result is the same set, but the
 * sweep-line intersection then sees only the vertices near the overlap: cutting a DeepState polygon
 * against the 2,500-vertex Russia outline drops from ~100 ms to a few ms.
 */
export function intersectLocal(a: AreaGeometry, b: AreaGeometry, bBox: BBox = bboxOf(b)): AreaGeometry | null {
  const aBox = bboxOf(a);
  if (!bboxesOverlap(aBox, bBox)) return null;
  const aNear = clipToBox(a, bBox);
  const bNear = clipToBox(b, aBox);
  return aNear && bNear ? intersectGeometries(aNear, bNear) : null;
}

/** One pass over all pieces: turf's union takes the whole collection at once. */
export function unionGeometries(parts: readonly AreaGeometry[]): AreaGeometry | null {
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0];
  return union(featureCollection(parts.map((g) => feature(g))))?.geometry ?? null;
}

export function differenceGeometries(a: AreaGeometry, b: AreaGeometry | null): AreaGeometry | null {
  if (!b) return a;
  return difference(featureCollection([feature(a), feature(b)]))?.geometry ?? null;
}
