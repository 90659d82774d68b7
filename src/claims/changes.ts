/**
 * What changed between two dates: for the enabled sources, each (place, source) whose status in
 * force at `from` differs from the one in force at `to`, with the claims behind both ends.
 * Pure: two binary searches per (place, source) on the status codes, as for the map.
 */

import { toDayNumber } from './dates';
import type { IsoDate, Status } from './model';
import { lastAtOrBefore } from './sortedDays';
import { adjacentDate, type Position, positionOf, type TimeIndex } from './timeline';

/** A source's status as of a date; `no-claim` before its first claim about the place. */
export type StatusOrNothing = Status | 'no-claim';

interface PositionChange {
  placeId: string;
  sourceId: string;
  fromStatus: StatusOrNothing;
  toStatus: StatusOrNothing;
  /** The position in force at `from` (absent: no claim yet). */
  from?: Position;
  /** The position in force at `to`. */
  to?: Position;
}

export interface PlaceChanges {
  placeId: string;
  changes: PositionChange[];
}

export interface ChangeRange {
  from: IsoDate;
  to: IsoDate;
}

/** The range in order: a later `from` and an earlier `to` are swapped. */
export function orderedRange(from: IsoDate, to: IsoDate): ChangeRange {
  return from <= to ? { from, to } : { from: to, to: from };
}

/** "Since the previous claim": from the latest claim date strictly before `date` (or `date` itself). */
export function sincePreviousClaim(claimDates: readonly IsoDate[], date: IsoDate): ChangeRange {
  return { from: adjacentDate(claimDates, date, -1) ?? date, to: date };
}

/**
 * Places whose position changed per source between the two dates, in the order of `placeIds`
 * (then of the place's sources in the index). A new claim restating the same status is no change.
 */
export function changesBetween(
  index: TimeIndex,
  placeIds: readonly string[],
  range: ChangeRange,
  enabled: ReadonlySet<string>,
): PlaceChanges[] {
  const { from, to } = orderedRange(range.from, range.to);
  const fromDay = toDayNumber(from);
  const toDay = toDayNumber(to);
  const result: PlaceChanges[] = [];
  for (const placeId of placeIds) {
    const changes: PositionChange[] = [];
    for (const track of index.tracksByPlace.get(placeId) ?? []) {
      if (!enabled.has(track.sourceId)) continue;
      // Status codes first: the Changes panel's range follows the slider (and the map's rings with it), so
      // this runs on a move; positions, with their claims, are built only for the few tracks that changed.
      const atTo = lastAtOrBefore(track.days, toDay);
      if (atTo < 0) continue;
      const atFrom = lastAtOrBefore(track.days, fromDay, 0, atTo + 1);
      if (atFrom >= 0 && track.statusCodes[atFrom] === track.statusCodes[atTo]) continue;
      const was = positionOf(track, fromDay);
      const after = positionOf(track, toDay);
      if (!after) continue;
      changes.push({
        placeId,
        sourceId: track.sourceId,
        fromStatus: was?.status ?? 'no-claim',
        toStatus: after.status,
        ...(was ? { from: was } : {}),
        to: after,
      });
    }
    if (changes.length) result.push({ placeId, changes });
  }
  return result;
}

/** Ids of the places with at least one change: the map's `changed` feature state. */
export function changedPlaceIds(changes: readonly PlaceChanges[]): Set<string> {
  return new Set(changes.map((c) => c.placeId));
}
