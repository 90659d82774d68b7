/**
 * Who claimed first, and who followed: for one place, every change of control a source announced, the
 * source(s) that claimed it first, and for every other enabled source whether and when it followed, or
 * until when it said otherwise.
 *
 * A change to status S begins on the day the first enabled source's position in force becomes S while no
 * enabled source held S, and lasts while at least one still does (positions as of each day, as the map
 * reads them: a source's latest claim stays in force until its next). Another source follows if its own
 * position becomes S before the change ends or another status is first claimed; otherwise it either said
 * something else (contradicted, until when) or nothing that takes a side (never). Statements without a
 * position (`none`) neither follow nor contradict.
 */
import type { TakenStatus } from './agreement';
import { fromDayNumber } from './dates';
import type { Claim, IsoDate, Status } from './model';
import { lastAtOrBefore } from './sortedDays';
import type { TimeIndex, Track } from './timeline';

export type FollowerOutcome =
  | {
      kind: 'followed';
      sourceId: string;
      date: IsoDate;
      lagDays: number;
      /** The claim by which it followed. */
      claim: Claim;
      /** What it said before it followed, if it said something else in the meantime. */
      before: TakenStatus | null;
    }
  | {
      kind: 'contradicted';
      sourceId: string;
      /** What it said instead (its last other position during the change). */
      held: TakenStatus;
      /** When its contradiction ended without following (or the change was overtaken); null: it still stands. */
      until: IsoDate | null;
    }
  | { kind: 'never'; sourceId: string };

export interface ControlChange {
  placeId: string;
  status: TakenStatus;
  date: IsoDate;
  /** The first day no enabled source held the status any more; null while one still does. */
  endDate: IsoDate | null;
  /** The place's first claimed position, rather than a change from an earlier one. */
  initial: boolean;
  /** The source(s) whose claim of that day began it, with the claim, in track order. */
  first: { sourceId: string; claim: Claim }[];
  /** Every other enabled source that spoke about the place. */
  followers: FollowerOutcome[];
}

const TAKEN: readonly Status[] = ['ukrainian', 'russian', 'contested'];
const TAKEN_STATUSES: readonly TakenStatus[] = ['ukrainian', 'russian', 'contested'];
const isTaken = (s: Status | undefined): s is TakenStatus => s !== undefined && TAKEN.includes(s);

/** Index of the claim in force on `day` in a track, or -1 before its first. */
const inForce = (track: Track, day: number) => lastAtOrBefore(track.days, day);

export function controlChanges(index: TimeIndex, placeId: string, enabled: ReadonlySet<string>): ControlChange[] {
  const tracks = (index.tracksByPlace.get(placeId) ?? []).filter((t) => enabled.has(t.sourceId));
  const days = [...new Set(tracks.flatMap((t) => [...t.days]))].sort((a, b) => a - b);
  // Each track's status in force on each claim day (undefined before its first claim).
  const statusOn = days.map((day) =>
    tracks.map((t) => {
      const i = inForce(t, day);
      return i < 0 ? undefined : t.claims[i].status;
    }),
  );
  const runs: { status: TakenStatus; start: number; end: number }[] = [];
  for (const status of TAKEN_STATUSES) {
    let start = -1;
    for (let d = 0; d <= days.length; d++) {
      const held = d < days.length && statusOn[d].some((s) => s === status);
      if (held && start < 0) start = d;
      else if (!held && start >= 0) {
        runs.push({ status, start, end: d });
        start = -1;
      }
    }
  }
  runs.sort((a, b) => a.start - b.start);
  return runs.map((run, i) => {
    // Following is judged until the change ends or another status is first claimed, whichever comes first:
    // a claim in force for months (nobody restated it) must not make a later statement count as an answer.
    const next = runs.slice(i + 1).find((r) => r.status !== run.status && r.start > run.start);
    return describe(run.status, run.start, run.end, Math.min(run.end, next?.start ?? days.length), i === 0);
  });

  /**
   * The change to `status` that held from claim day `start` to claim day `end` (exclusive; days.length:
   * still held), with followers judged until claim day `until`.
   */
  function describe(status: TakenStatus, start: number, end: number, until: number, initial: boolean): ControlChange {
    const day = days[start];
    const first: ControlChange['first'] = [];
    const followers: FollowerOutcome[] = [];
    tracks.forEach((track, t) => {
      if (statusOn[start][t] === status)
        first.push({ sourceId: track.sourceId, claim: track.claims[inForce(track, day)] });
      else followers.push(follower(track, t, status, start, until));
    });
    return {
      placeId,
      status,
      date: fromDayNumber(day),
      endDate: end < days.length ? fromDayNumber(days[end]) : null,
      initial,
      first,
      followers,
    };
  }

  function follower(track: Track, t: number, status: TakenStatus, start: number, end: number): FollowerOutcome {
    let lastOther: TakenStatus | null = null;
    let otherEnded: number | null = null;
    for (let d = start; d < end; d++) {
      const s = statusOn[d][t];
      if (s === status) {
        const claim = track.claims[inForce(track, days[d])];
        return {
          kind: 'followed',
          sourceId: track.sourceId,
          date: fromDayNumber(days[d]),
          lagDays: days[d] - days[start],
          claim,
          before: lastOther,
        };
      }
      if (isTaken(s)) {
        lastOther = s;
        otherEnded = null;
      } else if (lastOther !== null && otherEnded === null) otherEnded = d;
    }
    if (lastOther === null) return { kind: 'never', sourceId: track.sourceId };
    const until = otherEnded ?? (end < days.length ? end : null);
    return {
      kind: 'contradicted',
      sourceId: track.sourceId,
      held: lastOther,
      until: until === null ? null : fromDayNumber(days[until]),
    };
  }
}
