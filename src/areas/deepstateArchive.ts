/**
 * The online DeepState archive (MANIFEST.md §2): which snapshot is in force on a date, and where its file
 * is. Pure: no fetch here (src/state/deepstateArchive.ts fetches, caches and imports).
 *
 * **In force on day D** = the latest snapshot published at or before the end of D in UTC (D 23:59:59Z),
 * the same rule the map applies to imported snapshots (src/areas/timeline.ts: latest stated date ≤ D,
 * the latest time within a day). A day without a snapshot of its own (2024-09-13, 2025-03-08, …) shows
 * the previous one. Before the list's first snapshot or after its last day there is none: the archive at
 * this commit says nothing about those days.
 */

import { addDays } from '../claims/dates';
import type { IsoDate } from '../claims/model';
import { parseHttpUrl } from '../claims/urls';

/** The archive's repository and the commit whose files the app asks for (MANIFEST.md §2). */
export const DEEPSTATE_ARCHIVE_REPO = 'DanielRose2310/deepstatemaps-history';
const DEEPSTATE_ARCHIVE_COMMIT = 'df633a1700680411949934a4345f1af263327377';

/** The archive's raw files at that commit; a snapshot is `geojsons/<unix time>.geojson` under it. */
export const DEFAULT_ARCHIVE_BASE_URL = `https://raw.githubusercontent.com/${DEEPSTATE_ARCHIVE_REPO}/${DEEPSTATE_ARCHIVE_COMMIT}/`;

const DAY_END_SECONDS = 86_399;

const dayStart = (date: IsoDate) => Date.parse(`${date}T00:00:00Z`) / 1000;

/** The snapshot in force on `date` among `times` (ascending UTC Unix seconds), or null when none is. */
export function snapshotInForce(times: readonly number[], date: IsoDate): number | null {
  const start = dayStart(date);
  if (!Number.isFinite(start) || times.length === 0) return null;
  const end = start + DAY_END_SECONDS;
  const last = times[times.length - 1];
  if (start > last - (last % 86_400) + DAY_END_SECONDS) return null;
  // Binary search: the last time ≤ end.
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid] <= end) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? null : times[lo - 1];
}

/** The UTC day a snapshot was published on. */
const dayOf = (time: number): IsoDate => new Date(time * 1000).toISOString().slice(0, 10);

/** The snapshot in force on `date` and the two a step would bring into force next: null where there is none. */
export interface SnapshotWindow {
  inForce: number | null;
  /** In force on the day before the in-force snapshot's day (after the list's last day: the last one). */
  previous: number | null;
  /** In force on the first later day with a snapshot of its own (the last one published that day). */
  next: number | null;
}

/**
 * The archive's snapshots around `date`, by the rule of `snapshotInForce`: what the map shows on the day
 * before and on the next day that has a snapshot of its own. Loading these too means a step to either day
 * finds its map already imported.
 */
export function snapshotWindow(times: readonly number[], date: IsoDate): SnapshotWindow {
  const inForce = snapshotInForce(times, date);
  const start = dayStart(date);
  if (!Number.isFinite(start) || times.length === 0) return { inForce: null, previous: null, next: null };
  const end = start + DAY_END_SECONDS;
  const later = times.find((t) => t > end);
  const next = later === undefined ? null : snapshotInForce(times, dayOf(later));
  const last = times[times.length - 1];
  const previous =
    inForce !== null
      ? snapshotInForce(times, addDays(dayOf(inForce), -1))
      : later === undefined
        ? snapshotInForce(times, dayOf(last))
        : null;
  return { inForce, previous, next };
}

/**
 * Which fetched snapshots to let go so at most `max` stay loaded: never those in `keep`, then the ones
 * farthest in time from any kept one first. The rest stay, so stepping back and forth near the date shown
 * needs no new import; what goes is still in the browser's cache (archiveCache.ts, itself bounded).
 */
export function snapshotsToEvict(loaded: readonly number[], keep: readonly number[], max: number): number[] {
  const kept = new Set(keep);
  const others = [...new Set(loaded)].filter((t) => !kept.has(t));
  const room = Math.max(0, max - loaded.filter((t) => kept.has(t)).length);
  if (others.length <= room) return [];
  const distance = (t: number) => Math.min(...keep.map((k) => Math.abs(k - t)));
  return others.sort((a, b) => distance(a) - distance(b) || a - b).slice(room);
}

export const snapshotFileName = (time: number) => `${time}.geojson`;

/** `base` + `geojsons/<time>.geojson`; `base` is a checked base URL (ending in `/`). */
export const snapshotUrl = (base: string, time: number) => new URL(`geojsons/${snapshotFileName(time)}`, base).href;

/**
 * A base URL typed by the user: http(s) only, no credentials, query or fragment; a trailing `/` is added
 * so the snapshot path goes under it.
 */
export function checkArchiveBaseUrl(raw: string): { ok: true; url: string } | { ok: false; error: string } {
  const parsed = parseHttpUrl(raw);
  if (!parsed.ok) return parsed;
  const { url } = parsed;
  if (url.username || url.password) return { ok: false, error: 'a user name or password in the URL is not allowed' };
  if (url.search || url.hash) return { ok: false, error: 'a query (?…) or fragment (#…) is not allowed' };
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return { ok: true, url: url.href };
}
