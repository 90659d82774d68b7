/**
 * The time index: built once per dataset, it answers "what had each source
 * said about each place as of day D" by binary search in a per-(place, source)
 * list instead of scanning every claim.
 */

import { toDayNumber } from './dates';
import type { Claim, IsoDate, Status } from './model';
import { lastAtOrBefore } from './sortedDays';

export interface Position {
  sourceId: string;
  placeId: string;
  status: Status;
  /** The latest claim stated on or before the date. */
  claim: Claim;
  /** Every claim by this source about this place stated on that same latest day. */
  sameDayClaims: Claim[];
}

export interface Track {
  /** Position in `TimeIndex.tracks`; the slot of this track in `trackStatusesAsOf`'s answer. */
  id: number;
  sourceId: string;
  placeId: string;
  /** Ascending day numbers, one per claim, parallel to `claims` (a view into `TimeIndex.trackDays`). */
  days: Int32Array;
  claims: Claim[];
  /** `STATUS_CODES` index of each claim's status, parallel to `days` (a view into `TimeIndex.trackCodes`). */
  statusCodes: Uint8Array;
}

/** Statuses as small integers for the hot path; `NO_CLAIM` marks a track with nothing said yet. */
export const STATUS_CODES: readonly Status[] = ['ukrainian', 'russian', 'contested', 'none'];
export const NO_CLAIM = 255;

export interface TimeIndex {
  /** Tracks per place: each is one source's claims about that place, in date order. */
  readonly tracksByPlace: ReadonlyMap<string, readonly Track[]>;
  /** Every track, indexed by `Track.id`. */
  readonly tracks: readonly Track[];
  /**
   * All tracks' days back to back: track t owns `trackDays[trackStart[t] .. trackStart[t + 1])`.
   * One contiguous array instead of one per track halves the hot path's time (docs/PERFORMANCE.md):
   * the per-track loop walks memory in order instead of chasing a pointer per track.
   */
  readonly trackStart: Int32Array;
  readonly trackDays: Int32Array;
  /** Status codes, parallel to `trackDays`. */
  readonly trackCodes: Uint8Array;
  /** Distinct claim dates, ascending. */
  readonly claimDates: readonly IsoDate[];
  readonly firstDate: IsoDate | undefined;
  readonly lastDate: IsoDate | undefined;
}

export function buildTimeIndex(claims: readonly Claim[]): TimeIndex {
  const grouped = new Map<string, Map<string, Claim[]>>();
  for (const claim of claims) {
    for (const placeId of claim.placeIds) {
      const bySource = grouped.get(placeId) ?? new Map<string, Claim[]>();
      grouped.set(placeId, bySource);
      const list = bySource.get(claim.sourceId);
      if (list) list.push(claim);
      else bySource.set(claim.sourceId, [claim]);
    }
  }
  const sortedLists: { placeId: string; sourceId: string; claims: Claim[] }[] = [];
  for (const [placeId, bySource] of grouped) {
    for (const [sourceId, list] of bySource) {
      // Stable sort: claims stated the same day keep their file order.
      const claims = [...list].sort((a, b) => (a.statedDate < b.statedDate ? -1 : a.statedDate > b.statedDate ? 1 : 0));
      sortedLists.push({ placeId, sourceId, claims });
    }
  }
  const trackStart = new Int32Array(sortedLists.length + 1);
  sortedLists.forEach((list, t) => {
    trackStart[t + 1] = trackStart[t] + list.claims.length;
  });
  const trackDays = new Int32Array(trackStart[sortedLists.length]);
  const trackCodes = new Uint8Array(trackDays.length);
  const tracksByPlace = new Map<string, Track[]>();
  const allTracks = sortedLists.map(({ placeId, sourceId, claims: trackClaims }, id): Track => {
    const from = trackStart[id];
    trackClaims.forEach((claim, i) => {
      trackDays[from + i] = toDayNumber(claim.statedDate);
      trackCodes[from + i] = STATUS_CODES.indexOf(claim.status);
    });
    const track: Track = {
      id,
      sourceId,
      placeId,
      claims: trackClaims,
      days: trackDays.subarray(from, trackStart[id + 1]),
      statusCodes: trackCodes.subarray(from, trackStart[id + 1]),
    };
    const placeTracks = tracksByPlace.get(placeId);
    if (placeTracks) placeTracks.push(track);
    else tracksByPlace.set(placeId, [track]);
    return track;
  });
  const claimDates = [...new Set(claims.map((c) => c.statedDate))].sort();
  return {
    tracksByPlace,
    tracks: allTracks,
    trackStart,
    trackDays,
    trackCodes,
    claimDates,
    firstDate: claimDates[0],
    lastDate: claimDates.at(-1),
  };
}

/** A track's position as of `day` (a day number), or undefined before its first claim. */
export function positionOf(track: Track, day: number): Position | undefined {
  const i = lastAtOrBefore(track.days, day);
  if (i < 0) return undefined;
  let first = i;
  while (first > 0 && track.days[first - 1] === track.days[i]) first--;
  const claim = track.claims[i];
  return {
    sourceId: track.sourceId,
    placeId: track.placeId,
    status: claim.status,
    claim,
    sameDayClaims: track.claims.slice(first, i + 1),
  };
}

/** Each enabled source's position on one place as of `date`; sources with no claim yet are absent. */
export function positionsForPlace(
  index: TimeIndex,
  placeId: string,
  date: IsoDate,
  enabled: ReadonlySet<string>,
): Position[] {
  const day = toDayNumber(date);
  const positions: Position[] = [];
  for (const track of index.tracksByPlace.get(placeId) ?? []) {
    if (!enabled.has(track.sourceId)) continue;
    const position = positionOf(track, day);
    if (position) positions.push(position);
  }
  return positions;
}

/**
 * Every source's position on every place as of `date`, as one status code per track (`NO_CLAIM`
 * before a source's first claim): the map's hot path. One binary search per track, no allocation
 * when `out` is reused.
 */
export function trackStatusesAsOf(index: TimeIndex, date: IsoDate, out?: Uint8Array): Uint8Array {
  const day = toDayNumber(date);
  const { trackStart, trackDays, trackCodes } = index;
  const count = trackStart.length - 1;
  const codes = out && out.length === count ? out : new Uint8Array(count);
  for (let t = 0; t < count; t++) {
    const i = lastAtOrBefore(trackDays, day, trackStart[t], trackStart[t + 1]);
    codes[t] = i < 0 ? NO_CLAIM : trackCodes[i];
  }
  return codes;
}

/** Every source's position on every place as of `date`, as objects (for reports and tests; the map uses codes). */
export function allPositions(index: TimeIndex, date: IsoDate): Position[] {
  const day = toDayNumber(date);
  const positions: Position[] = [];
  for (const track of index.tracks) {
    const position = positionOf(track, day);
    if (position) positions.push(position);
  }
  return positions;
}

/** Sources that have ever made a claim about the place, in a stable order. */
export function sourcesForPlace(index: TimeIndex, placeId: string): string[] {
  return (index.tracksByPlace.get(placeId) ?? []).map((t) => t.sourceId);
}

/** The nearest date strictly before / after `date` in an ascending list, for "jump to claim" keys. */
export function adjacentDate(dates: readonly IsoDate[], date: IsoDate, direction: -1 | 1): IsoDate | undefined {
  if (direction === 1) return dates.find((d) => d > date);
  for (let i = dates.length - 1; i >= 0; i--) if (dates[i] < date) return dates[i];
  return undefined;
}
