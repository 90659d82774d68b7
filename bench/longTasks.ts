/**
 * Main-thread long tasks (≥ 50 ms) on a bench page, from a `PerformanceObserver` for `longtask`
 * (`buffered: true`, so the tasks from before the call are in too). Installed when a page's module starts;
 * the claims table (bench/table.ts), the archive import (bench/react.tsx) and every move (bench/frames.ts)
 * read from here.
 */

export interface LongTask {
  start: number;
  duration: number;
}

/** A span of the bench's own work ([from, to], ms since navigation), not to be charged to the page. */
export type Span = [from: number, to: number];

/** The shortest task the browser reports as long. */
const LONG_TASK_MS = 50;

const longTasks: LongTask[] = [];
let observing = false;

export function observeLongTasks(): void {
  if (observing || !PerformanceObserver.supportedEntryTypes?.includes('longtask')) return;
  observing = true;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** The long tasks overlapping [start, end]. */
export const longTasksIn = (start: number, end: number): LongTask[] =>
  longTasks.filter((l) => l.start + l.duration > start && l.start < end);

/**
 * The long tasks overlapping [start, end] in which none of `instants` fell (e.g. the map's frames: with software
 * WebGL a task that draws one is blocked in Blink's commit for as long as the frame takes to rasterise).
 */
export const longTasksWithout = (start: number, end: number, instants: readonly number[]): LongTask[] =>
  longTasksIn(start, end).filter((l) => !instants.some((t) => t >= l.start && t <= l.start + l.duration));

/** When the last long task reported so far ended (0: none yet). */
export const lastLongTaskEnd = (): number => Math.max(0, ...longTasks.map((l) => l.start + l.duration));

const overlap = (task: LongTask, [from, to]: Span) =>
  Math.max(0, Math.min(task.start + task.duration, to) - Math.max(task.start, from));

/**
 * The longest of `tasks` overlapping [start, end], less the parts of it that were the bench's own work
 * (`exclude`: the `readPixels` wait for a drawn frame, counting changes). 0 when none is left at 50 ms or more.
 */
export function longestOf(
  tasks: readonly LongTask[],
  start: number,
  end: number,
  exclude: readonly Span[] = [],
): number {
  const own = tasks
    .filter((t) => t.start + t.duration > start && t.start < end)
    .map((t) => exclude.reduce((d, span) => d - overlap(t, span), t.duration));
  const longest = Math.max(0, ...own);
  return longest >= LONG_TASK_MS ? longest : 0;
}

/** `longestOf` the page's long tasks so far. */
export const longestTaskIn = (start: number, end: number, exclude: readonly Span[] = []): number =>
  longestOf(longTasks, start, end, exclude);
