/**
 * What changed between two dates: for the enabled sources, each (place, source) whose status in
 * force at `from` differs from the one in force at `to`, with the claims behind both ends.
 * Pure: two binary searches per (place, source), as for the map.
 */
import type { IsoDate, Status } from './model';
import { adjacentDate, type Position, positionsForPlace, type TimeIndex } from './timeline';

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
  const result: PlaceChanges[] = [];
  for (const placeId of placeIds) {
    const before = new Map(positionsForPlace(index, placeId, from, enabled).map((p) => [p.sourceId, p]));
    const changes: PositionChange[] = [];
    for (const after of positionsForPlace(index, placeId, to, enabled)) {
      const was = before.get(after.sourceId);
      const fromStatus: StatusOrNothing = was?.status ?? 'no-claim';
      if (fromStatus === after.status) continue;
      changes.push({
        placeId,
        sourceId: after.sourceId,
        fromStatus,
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
