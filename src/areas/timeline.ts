/**
 * The area time index: per (source, layer), the snapshots in date order with their day numbers,
 * so "which snapshot is in force on day D" is a binary search, as for place claims. No geometry
 * here: the map and the app need the index at start-up, polygon clipping (./series, ./measure) only
 * once area maps are imported.
 */

import { toDayNumber } from '../claims/dates';
import type { IsoDate } from '../claims/model';
import { lastAtOrBefore } from '../claims/sortedDays';
import type { AreaSnapshot } from './model';

interface AreaTrack {
  sourceId: string;
  layer: string;
  /** Ascending by stated date, then snapshot time; parallel to `days`. */
  snapshots: readonly AreaSnapshot[];
  days: Int32Array;
}

export interface AreaIndex {
  /** Keyed by `trackKey(sourceId, layer)`, in order of first appearance. */
  readonly tracks: ReadonlyMap<string, AreaTrack>;
  /** Distinct stated dates, ascending: ticks for the date slider. */
  readonly dates: readonly IsoDate[];
}

export function trackKey(sourceId: string, layer: string): string {
  return `${sourceId}\u0000${layer}`;
}

/** Undated snapshots sort before timed ones of the same day; equal keys keep input order. */
function compareSnapshots(a: AreaSnapshot, b: AreaSnapshot): number {
  if (a.statedDate !== b.statedDate) return a.statedDate < b.statedDate ? -1 : 1;
  const ta = a.snapshotTime ?? '';
  const tb = b.snapshotTime ?? '';
  return ta < tb ? -1 : ta > tb ? 1 : 0;
}

export function buildAreaIndex(snapshots: readonly AreaSnapshot[]): AreaIndex {
  const grouped = new Map<string, AreaSnapshot[]>();
  for (const s of snapshots) {
    const key = trackKey(s.sourceId, s.layer);
    const list = grouped.get(key);
    if (list) list.push(s);
    else grouped.set(key, [s]);
  }
  const tracks = new Map<string, AreaTrack>();
  for (const [key, list] of grouped) {
    const sorted = [...list].sort(compareSnapshots);
    tracks.set(key, {
      sourceId: sorted[0].sourceId,
      layer: sorted[0].layer,
      snapshots: sorted,
      days: Int32Array.from(sorted, (s) => toDayNumber(s.statedDate)),
    });
  }
  return { tracks, dates: [...new Set(snapshots.map((s) => s.statedDate))].sort() };
}

/**
 * For each track of an enabled source, the latest snapshot stated on or before `date` (the last
 * of that day when there are several). Tracks with nothing yet are absent: no snapshot, no claim.
 */
export function activeSnapshots(index: AreaIndex, date: IsoDate, enabledSources: ReadonlySet<string>): AreaSnapshot[] {
  const day = toDayNumber(date);
  const active: AreaSnapshot[] = [];
  for (const track of index.tracks.values()) {
    if (!enabledSources.has(track.sourceId)) continue;
    const i = lastAtOrBefore(track.days, day);
    if (i >= 0) active.push(track.snapshots[i]);
  }
  return active;
}

/**
 * How far `snapshotsAround` looks: `steps` each way always, and further, up to `maxSteps`, while the snapshots
 * found do not yet cover `days` days each way (a daily track needs more steps than a weekly one to keep a
 * slider-sized move within reach).
 */
export interface Reach {
  steps: number;
  days: number;
  maxSteps: number;
}

/**
 * For each track of an enabled source, the snapshot in force on `date` (as `activeSnapshots`) and the ones up to
 * `reach` steps (a number, or a `Reach`) would bring into force: stepping back, the one in force the day before,
 * and the day before that one's day, and so on; stepping forward, the one in force on the next later day with a
 * snapshot, and so on.
 * Before a track's first day only its first `reach` are neighbours. The map keeps these on hand so a step to a
 * neighbour is drawn without loading anything. Per track, nearer steps come first, back before forward.
 */
export function snapshotsAround(
  index: AreaIndex,
  date: IsoDate,
  enabledSources: ReadonlySet<string>,
  reach: number | Reach = 1,
): { inForce: AreaSnapshot[]; neighbours: AreaSnapshot[] } {
  const {
    steps,
    days: reachDays,
    maxSteps,
  } = typeof reach === 'number' ? { steps: reach, days: 0, maxSteps: reach } : reach;
  const day = toDayNumber(date);
  const inForce: AreaSnapshot[] = [];
  const neighbours: AreaSnapshot[] = [];
  for (const track of index.tracks.values()) {
    if (!enabledSources.has(track.sourceId)) continue;
    const { days, snapshots } = track;
    const i = lastAtOrBefore(days, day);
    if (i >= 0) inForce.push(snapshots[i]);
    let back = i;
    let forward = i;
    for (let step = 0; step < maxSteps; step++) {
      const always = step < steps;
      // Back: the earliest held so far is in force from its day; a move to before it needs the one before.
      if (back >= 0 && (always || days[back] > day - reachDays)) {
        back = lastAtOrBefore(days, days[back] - 1);
        if (back >= 0) neighbours.push(snapshots[back]);
      }
      // `forward` is the last of its day, so forward + 1 starts the next day that has a snapshot: its last one
      // is in force then.
      const next = forward + 1 < days.length ? lastAtOrBefore(days, days[forward + 1]) : days.length;
      if (next < days.length && (always || days[next] <= day + reachDays)) {
        forward = next;
        neighbours.push(snapshots[forward]);
      } else if (always) forward = next;
    }
  }
  return { inForce, neighbours };
}
