/**
 * Polygon clipping with Clipper2 (the `clipper2-ts` port): integer coordinates, so lon/lat are scaled to
 * 1e-7° (about 1 cm) on the way in and back on the way out. Measured against polyclip-ts (what turf 7
 * uses, with bignumber.js) on the real DeepState archive: the same km² within 0.1 %, several times faster,
 * and no "Unable to complete output ring" (docs/PERFORMANCE.md, round 7; scripts/bench/clipping.ts).
 *
 * Rings go in with one orientation for outer rings and the other for holes, under the non-zero fill rule:
 * overlapping polygons (DeepState draws new areas over old ones) then add up instead of cancelling.
 * Results come out as GeoJSON, outer rings counter-clockwise and holes clockwise (RFC 7946).
 */
// The engine and its types only: the package's index also pulls in offsetting, Minkowski sums and
// triangulation, which the app does not use (about twice the bytes).
import { ClipType, FillRule, type Path64, type Paths64 } from 'clipper2-ts/dist/Core.js';
import { Clipper64, type PolyPath64, PolyTree64 } from 'clipper2-ts/dist/Engine.js';
import type { Polygon, Position } from 'geojson';
import type { AreaGeometry } from './model';

const SCALE = 1e7;

/** Twice the signed area of a closed path (positive: counter-clockwise with y up). */
function signedArea(path: Path64): number {
  let sum = 0;
  for (let i = 0, j = path.length - 1; i < path.length; j = i++)
    sum += (path[j].x - path[i].x) * (path[j].y + path[i].y);
  return sum;
}

function toPath(ring: readonly Position[], outer: boolean): Path64 {
  // GeoJSON repeats the first position at the end; Clipper's paths are implicitly closed.
  const n =
    ring.length > 1 && ring[0][0] === ring.at(-1)?.[0] && ring[0][1] === ring.at(-1)?.[1]
      ? ring.length - 1
      : ring.length;
  const path: Path64 = new Array(n);
  for (let i = 0; i < n; i++) path[i] = { x: Math.round(ring[i][0] * SCALE), y: Math.round(ring[i][1] * SCALE) };
  if (signedArea(path) > 0 !== outer) path.reverse();
  return path;
}

/** A geometry's rings as integer paths (1e-7°), outer rings counter-clockwise and holes clockwise. */
export function toPaths(geometry: AreaGeometry, out: Paths64 = []): Paths64 {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const rings of polygons)
    for (const [i, ring] of rings.entries()) if (ring.length >= 3) out.push(toPath(ring, i === 0));
  return out;
}

function toRing(path: Path64, outer: boolean): Position[] {
  const ring: Position[] = path.map((p) => [p.x / SCALE, p.y / SCALE]);
  if (signedArea(path) > 0 !== outer) ring.reverse();
  ring.push([...ring[0]]);
  return ring;
}

/** How to walk a clipper's tree of result rings: outer rings hold holes, holes hold islands. */
export interface RingTree<N> {
  ring: (node: N) => Path64 | null;
  children: (node: N) => readonly N[];
}

/** The rings of a clipper's result tree as GeoJSON; null when it is empty. */
export function geometryFromTree<N>(roots: readonly N[], tree: RingTree<N>): AreaGeometry | null {
  const polygons: Polygon['coordinates'][] = [];
  // An outer ring with its holes; islands inside the holes become polygons of their own.
  const collect = (outer: N) => {
    const ring = tree.ring(outer);
    if (!ring) return;
    const rings = [toRing(ring, true)];
    for (const hole of tree.children(outer)) {
      const holeRing = tree.ring(hole);
      if (holeRing) rings.push(toRing(holeRing, false));
      for (const island of tree.children(hole)) collect(island);
    }
    polygons.push(rings);
  };
  for (const root of roots) collect(root);
  if (polygons.length === 0) return null;
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0] }
    : { type: 'MultiPolygon', coordinates: polygons };
}

const polyPaths: RingTree<PolyPath64> = {
  ring: (node) => node.poly,
  children: (node) => Array.from({ length: node.count }, (_, i) => node.child(i)),
};

function run(type: ClipType, subject: Paths64, clip: Paths64 | null): AreaGeometry | null {
  const clipper = new Clipper64();
  clipper.addSubject(subject);
  if (clip) clipper.addClip(clip);
  const tree = new PolyTree64();
  if (!clipper.execute(type, FillRule.NonZero, tree)) throw new Error('polygon clipping failed (Clipper2)');
  return geometryFromTree(polyPaths.children(tree), polyPaths);
}

export const clipper2 = {
  intersect: (a: AreaGeometry, b: AreaGeometry) => run(ClipType.Intersection, toPaths(a), toPaths(b)),
  union: (parts: readonly AreaGeometry[]) => {
    const paths: Paths64 = [];
    for (const part of parts) toPaths(part, paths);
    return run(ClipType.Union, paths, null);
  },
  difference: (a: AreaGeometry, b: AreaGeometry) => run(ClipType.Difference, toPaths(a), toPaths(b)),
};
