/**
 * The time index: built once per dataset, it answers "what had each source
 * said about each place as of day D" by binary search in a per-(place, source)
 * list instead of scanning every claim.
 */

import { toDayNumber } from './dates';
import type { Claim, Dataset, IsoDate, Status } from './model';
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
  /** Ascending day numbers, one per claim, parallel to `claims`. */
  days: Int32Array;
  claims: Claim[];
  /** `STATUS_CODES` index of each claim's status, parallel to `days`. */
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
  const tracksByPlace = new Map<string, Track[]>();
  const allTracks: Track[] = [];
  for (const [placeId, bySource] of grouped) {
    const tracks: Track[] = [];
    for (const [sourceId, list] of bySource) {
      // Stable sort: claims stated the same day keep their file order.
      const sorted = [...list].sort((a, b) => (a.statedDate < b.statedDate ? -1 : a.statedDate > b.statedDate ? 1 : 0));
      const track: Track = {
        id: allTracks.length,
        sourceId,
        placeId,
        claims: sorted,
        days: Int32Array.from(sorted, (c) => toDayNumber(c.statedDate)),
        statusCodes: Uint8Array.from(sorted, (c) => STATUS_CODES.indexOf(c.status)),
      };
      tracks.push(track);
      allTracks.push(track);
    }
    tracksByPlace.set(placeId, tracks);
  }
  const claimDates = [...new Set(claims.map((c) => c.statedDate))].sort();
  return { tracksByPlace, tracks: allTracks, claimDates, firstDate: claimDates[0], lastDate: claimDates.at(-1) };
}

function positionOf(track: Track, day: number): Position | undefined {
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
  const tracks = index.tracks;
  const codes = out && out.length === tracks.length ? out : new Uint8Array(tracks.length);
  for (let t = 0; t < tracks.length; t++) {
    const track = tracks[t];
    const i = lastAtOrBefore(track.days, day);
    codes[t] = i < 0 ? NO_CLAIM : track.statusCodes[i];
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

export function datasetIndex(dataset: Dataset): TimeIndex {
  return buildTimeIndex(dataset.claims);
}
