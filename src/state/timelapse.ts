/**
 * A timelapse's plan, worked out before anything is drawn: which days it steps through, how long each
 * day is held in the video, how long the video is, and the file's name. The recording itself is in
 * src/ui/timelapse.ts.
 */
import type { ChangeRange } from '../claims/changes';
import { addDays, toDayNumber } from '../claims/dates';
import type { IsoDate } from '../claims/model';
import type { AppState, StateContext } from './appState';

/** Video sizes offered, in pixels (even, as VP8 wants); the first is the default. */
export const TIMELAPSE_SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 854, height: 480 },
  { width: 1080, height: 1080 },
] as const;

export type TimelapseSize = (typeof TIMELAPSE_SIZES)[number];

/** Days per second of video: the default, and the bounds the dialog accepts. */
export const TIMELAPSE_SPEED = { default: 2, min: 0.5, max: 30 } as const;

/** How many days the default range covers when the Changes panel has no range of its own. */
const DEFAULT_DAYS = 30;

/** The Changes panel's range when one is chosen, else the 30 days up to the date shown (within the record). */
export function defaultTimelapseRange(state: Pick<AppState, 'changeRange' | 'date'>, ctx: StateContext): ChangeRange {
  if (state.changeRange) return state.changeRange;
  const from = addDays(state.date, -(DEFAULT_DAYS - 1));
  // ISO dates compare as strings.
  if (from < ctx.firstDate) return { from: ctx.firstDate, to: state.date };
  return { from, to: state.date };
}

/** Every day from `from` to `to`, both included; none when the range runs backwards. */
export function timelapseDays({ from, to }: ChangeRange): IsoDate[] {
  const count = toDayNumber(to) - toDayNumber(from) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => addDays(from, i));
}

/** The video's length in seconds: each day is held for 1/speed s. */
export function videoSeconds(days: number, daysPerSecond: number): number {
  return days / daysPerSecond;
}

export function timelapseFileName({ from, to }: ChangeRange): string {
  return `frontline-${from}_${to}.webm`;
}
