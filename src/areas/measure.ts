/**
 * km² held per status. Polygons of one status are unioned first: DeepState and ISW layers
 * overlap themselves (a new "liberated" polygon drawn over an older one), and summing the
 * features would count that ground twice.
 */
import type { ClipRegion } from './basemap';
import { AREA_STATUSES, type AreaClaim, type AreaGeometry, type AreaSnapshot, type AreaStatus } from './model';
import { areaKm2, intersectLocal, unionGeometries } from './ops';

export type StatusKm2 = Record<AreaStatus, number>;

function zeroKm2(): StatusKm2 {
  return { ukrainian: 0, russian: 0, contested: 0, 'russian-advance': 0 };
}

/** The union of the claims with one of `statuses`; null when there are none. */
export function unionOfStatuses(
  claims: readonly Pick<AreaClaim, 'status' | 'geometry'>[],
  statuses: readonly AreaStatus[],
): AreaGeometry | null {
  return unionGeometries(claims.filter((c) => statuses.includes(c.status)).map((c) => c.geometry));
}

/** km² per status; with `within`, only the part inside that region (e.g. Russia for ISW layers). */
export function measureClaims(claims: readonly AreaClaim[], within?: ClipRegion): StatusKm2 {
  const km2 = zeroKm2();
  for (const status of AREA_STATUSES) {
    const held = unionOfStatuses(claims, [status]);
    if (!held) continue;
    km2[status] = areaKm2(within ? intersectLocal(held, within.geometry, within.bbox) : held);
  }
  return km2;
}

// Snapshots are immutable once imported, and a chart asks for the same ones again and again.
const cache = new WeakMap<AreaSnapshot, StatusKm2>();

export function measureSnapshot(snapshot: AreaSnapshot): StatusKm2 {
  const known = cache.get(snapshot);
  if (known) return { ...known };
  const km2 = measureClaims(snapshot.claims);
  cache.set(snapshot, km2);
  return { ...km2 };
}
