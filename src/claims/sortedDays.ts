/**
 * Index of the last element <= day in the ascending run days[from .. to), or -1: the "as of" lookup
 * of every time index. The range lets many tracks share one array (see `TimeIndex.trackDays`).
 */
export function lastAtOrBefore(days: Int32Array, day: number, from = 0, to = days.length): number {
  let lo = from;
  let hi = to - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid] <= day) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
