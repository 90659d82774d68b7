/**
 * A place's history as rows, one per source that spoke about it: each claim holds from its date until
 * that source's next claim (claims of the same day: the day's last one holds, as "as of" reads them).
 */
import type { Claim, IsoDate, Status } from './model';
import type { TimeIndex } from './timeline';

export interface TimelineSegment {
  claim: Claim;
  status: Status;
  from: IsoDate;
  /** The source's next claim date; null while it is still in force at the end of the record. */
  to: IsoDate | null;
  /** Another record reports the same statement differently (kept as a separate record). */
  conflicting: boolean;
}

export interface TimelineRow {
  sourceId: string;
  segments: TimelineSegment[];
}

/** Rows for the enabled sources, in `sourceOrder` (the dataset's order of sources). */
export function placeTimeline(
  index: TimeIndex,
  placeId: string,
  enabled: ReadonlySet<string>,
  sourceOrder: readonly string[],
): TimelineRow[] {
  const rank = new Map(sourceOrder.map((id, i) => [id, i]));
  return (index.tracksByPlace.get(placeId) ?? [])
    .filter((track) => enabled.has(track.sourceId))
    .sort((a, b) => (rank.get(a.sourceId) ?? 0) - (rank.get(b.sourceId) ?? 0))
    .map((track) => ({
      sourceId: track.sourceId,
      segments: track.claims.map((claim, i) => {
        const later = track.claims.slice(i + 1).find((c) => c.statedDate > claim.statedDate);
        const sameDayLater = track.claims[i + 1]?.statedDate === claim.statedDate;
        return {
          claim,
          status: claim.status,
          from: claim.statedDate,
          to: sameDayLater ? claim.statedDate : (later?.statedDate ?? null),
          conflicting: claim.conflictsWith.length > 0,
        };
      }),
    }));
}
