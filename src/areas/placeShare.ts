/**
 * What an area map says at one place: the share of the place's footprint under each status. A place
 * with a published point is that point (its shares are 0 or 1); an approximate place is its
 * uncertainty circle, and a share is the part of the circle's area under that status. If the true
 * point is equally likely anywhere in the circle, a share is the chance that the place lies in it.
 * Pure: no I/O, no clock.
 */
import { booleanPointInPolygon, circle } from '@turf/turf';
import type { Position } from 'geojson';
import type { ClipRegion } from './basemap';
import type { AreaClaim, AreaGeometry, AreaStatus } from './model';
import { areaKm2, bboxesOverlap, bboxOf, differenceGeometries, intersectLocal, unionGeometries } from './ops';

/** Vertices of the circle polygon: the area error against a true circle is under 0.2 %. */
const CIRCLE_STEPS = 64;

export type Footprint =
  | { kind: 'point'; point: Position }
  | { kind: 'circle'; centre: Position; radiusM: number; geometry: AreaGeometry; areaKm2: number };

/**
 * A point, or a circle of `radiusM` around `centre`. With `within` (e.g. Russia), only the part of the
 * circle inside it counts, so a circle reaching over a border is measured on the side the map covers.
 */
export function placeFootprint(centre: Position, radiusM?: number, within?: ClipRegion): Footprint {
  if (radiusM === undefined || radiusM <= 0) return { kind: 'point', point: centre };
  const round = circle(centre, radiusM / 1000, { steps: CIRCLE_STEPS, units: 'kilometers' }).geometry;
  const geometry = within ? intersectLocal(round, within.geometry, within.bbox) : round;
  if (!geometry) return { kind: 'point', point: centre };
  return { kind: 'circle', centre, radiusM, geometry, areaKm2: areaKm2(geometry) };
}

function containsPoint(geometry: AreaGeometry, point: Position): boolean {
  const [x, y] = point;
  const [w, s, e, n] = bboxOf(geometry);
  return x >= w && x <= e && y >= s && y <= n && booleanPointInPolygon(point, geometry);
}

/**
 * The share (0–1) of the footprint under each of `statuses`, earlier statuses winning where areas of
 * different statuses overlap (ground under two of them counts once, for the first). Statuses not
 * listed are ignored; the rest of the footprint (1 − the sum) is ground the map leaves unshaded.
 */
export function statusShares(
  footprint: Footprint,
  claims: readonly AreaClaim[],
  statuses: readonly AreaStatus[],
): Map<AreaStatus, number> {
  const shares = new Map<AreaStatus, number>(statuses.map((s) => [s, 0]));
  if (footprint.kind === 'point') {
    const hit = statuses.find((s) => claims.some((c) => c.status === s && containsPoint(c.geometry, footprint.point)));
    if (hit) shares.set(hit, 1);
    return shares;
  }
  const box = bboxOf(footprint.geometry);
  let covered: AreaGeometry | null = null;
  for (const status of statuses) {
    const pieces = claims
      .filter((c) => c.status === status && bboxesOverlap(bboxOf(c.geometry), box))
      .map((c) => intersectLocal(c.geometry, footprint.geometry, box))
      .filter((g): g is AreaGeometry => g !== null);
    const piece = unionGeometries(pieces);
    if (!piece) continue;
    const own = differenceGeometries(piece, covered);
    shares.set(status, Math.min(1, areaKm2(own) / footprint.areaKm2));
    covered = covered ? unionGeometries([covered, piece]) : piece;
  }
  return shares;
}
