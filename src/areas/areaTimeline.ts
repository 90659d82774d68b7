/**
 * The area timeline: what depends only on which area maps are in force, worked out once per pair of maps
 * compared, off the main thread (./timelineWorker), ahead of the slider. Between two change points of the
 * compared tracks the pair does not change, so neither does its disagreement: a slider move looks the pair
 * up (src/state/view.ts) and never clips a polygon.
 *
 * Here: which pairs the slider will need, nearest the settled date first (`pairsByPriority`), and what
 * crosses to the worker. No geometry: the main thread loads this; the clipping is in ./timelineQueue, which
 * only the worker loads.
 */
import { toDayNumber } from '../claims/dates';
import type { IsoDate } from '../claims/model';
import { lastAtOrBefore } from '../claims/sortedDays';
import { type AreaCatalog, pairKey, snapshotKey } from './catalog';
import type { AreaDisagreement } from './disagreement';
import { type DisagreementPair, disagreementPair } from './disagreementPair';
import type { AreaClaim, AreaSnapshot } from './model';

/** One pair the slider may show, by the snapshots' keys (./catalog `snapshotKey`). */
export interface WantedPair {
  key: string;
  a: string;
  b: string;
}

/** From `day` on (until the next start), the pair compared; null while fewer than two maps are in force. */
export interface PairStart {
  day: number;
  pair: DisagreementPair | null;
}

/**
 * For one set of enabled sources, each change day of their tracks, ascending, with the pair compared from that
 * day on: one pass over the change days, a pointer per track. No geometry.
 */
export function pairStarts(
  catalog: AreaCatalog,
  sources: ReadonlySet<string>,
  sourceOrder: readonly string[],
): PairStart[] {
  const tracks = [...catalog.index.tracks.values()].filter((t) => sources.has(t.sourceId));
  const days = [...new Set(tracks.flatMap((t) => [...t.days]))].sort((x, y) => x - y);
  const next = tracks.map(() => 0);
  return days.map((day) => {
    const inForce: AreaSnapshot[] = [];
    tracks.forEach((track, t) => {
      while (next[t] < track.days.length && track.days[next[t]] <= day) next[t]++;
      if (next[t] > 0) inForce.push(track.snapshots[next[t] - 1]);
    });
    return { day, pair: disagreementPair(inForce, sources, sourceOrder) };
  });
}

/**
 * Every pair compared on some date, for one set of enabled sources: the pair on `date` first, then outward
 * (the next change point after, the one before, and so on), so what the user is about to scrub to is ready
 * first. Each pair once.
 */
export function pairsByPriority(
  catalog: AreaCatalog,
  date: IsoDate,
  sources: ReadonlySet<string>,
  sourceOrder: readonly string[],
): WantedPair[] {
  const starts = pairStarts(catalog, sources, sourceOrder);
  // The interval in force on the date first, then the others by how far their start is from it.
  const from = toDayNumber(date);
  const current = lastAtOrBefore(
    Int32Array.from(starts, (start) => start.day),
    from,
  );
  const order = starts
    .map((start, i) => ({ start, rank: i === current ? -1 : Math.abs(start.day - from) }))
    .sort((x, y) => x.rank - y.rank || y.start.day - x.start.day);
  const seen = new Set<string>();
  const wanted: WantedPair[] = [];
  for (const { start } of order) {
    if (!start.pair) continue;
    const [a, b] = start.pair;
    const key = pairKey(a, b);
    if (seen.has(key)) continue;
    seen.add(key);
    wanted.push({ key, a: snapshotKey(a), b: snapshotKey(b) });
  }
  return wanted;
}

/** A snapshot as the worker needs it: its source and its polygons' status and geometry. */
export interface TimelineSnapshot {
  sourceId: string;
  claims: readonly Pick<AreaClaim, 'status' | 'geometry'>[];
}

/** What the worker answers for one pair: the disagreement (parts, km²), or why clipping failed. */
export interface PairResult {
  key: string;
  disagreement: AreaDisagreement;
}

/** The polygons of a snapshot, without the fields the worker does not need (less to copy across threads). */
export function timelineSnapshot(s: AreaSnapshot): TimelineSnapshot {
  return { sourceId: s.sourceId, claims: s.claims.map(({ status, geometry }) => ({ status, geometry })) };
}
