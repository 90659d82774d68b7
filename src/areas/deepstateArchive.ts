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
