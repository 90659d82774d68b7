/**
 * What changed in the area maps between two dates: per (source, layer) track, the km² of
 * Ukrainian-held ground gained and lost between the snapshot in force at `from` and the one
 * in force at `to` (a track with no map yet at `from` counts as holding nothing).
 */
import type { IsoDate } from '../claims/model';
import { heldDifference } from './disagreement';
import type { AreaSnapshot, AreaStatus } from './model';
import { type AreaIndex, activeSnapshots, trackKey } from './timeline';

export interface AreaChange {
  sourceId: string;
  layer: string;
  from?: AreaSnapshot;
  to: AreaSnapshot;
  /** Held at `to`, not at `from`. */
  gainedKm2: number;
  /** Held at `from`, not at `to`. */
  lostKm2: number;
}

const key = (s: AreaSnapshot) => trackKey(s.sourceId, s.layer);

const NOTHING: Pick<AreaSnapshot, 'claims'> = { claims: [] };
/** Snapshots are immutable once imported, so a pair's measure is computed once (the slider re-asks often). */
const cache = new WeakMap<object, WeakMap<AreaSnapshot, Map<string, { gainedKm2: number; lostKm2: number }>>>();

function measured(from: AreaSnapshot | undefined, to: AreaSnapshot, statuses: readonly AreaStatus[]) {
  const a = from ?? NOTHING;
  const byTo = cache.get(a) ?? new WeakMap();
  cache.set(a, byTo);
  const byStatuses = byTo.get(to) ?? new Map();
  byTo.set(to, byStatuses);
  const k = statuses.join(',');
  const hit = byStatuses.get(k);
  if (hit) return hit;
  const d = heldDifference(a, to, statuses);
  const result = { gainedKm2: d.onlyBKm2, lostKm2: d.onlyAKm2 };
  byStatuses.set(k, result);
  return result;
}

/** One entry per track with a map in force at `to`; tracks whose snapshot did not change are left out. */
export function areaChangesBetween(
  index: AreaIndex,
  from: IsoDate,
  to: IsoDate,
  enabled: ReadonlySet<string>,
  statuses: readonly AreaStatus[] = ['ukrainian'],
): AreaChange[] {
  const [early, late] = from <= to ? [from, to] : [to, from];
  const before = new Map(activeSnapshots(index, early, enabled).map((s) => [key(s), s]));
  const changes: AreaChange[] = [];
  for (const after of activeSnapshots(index, late, enabled)) {
    const was = before.get(key(after));
    if (was === after) continue;
    const { gainedKm2, lostKm2 } = measured(was, after, statuses);
    changes.push({
      sourceId: after.sourceId,
      layer: after.layer,
      ...(was ? { from: was } : {}),
      to: after,
      gainedKm2,
      lostKm2,
    });
  }
  return changes;
}
