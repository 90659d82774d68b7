/**
 * PROTOTYPE, bench only (not app code): `trackStatusesAsOf` over one flat array of days and one of
 * status codes for all tracks, instead of a separate `Int32Array` per track object. Measured beside
 * the app's version so docs/PERFORMANCE.md can show what the layout change is worth.
 */
import { toDayNumber } from '../src/claims/dates';
import type { IsoDate } from '../src/claims/model';
import { NO_CLAIM, type TimeIndex } from '../src/claims/timeline';

export interface FlatIndex {
  /** Track t's claims are days[start[t] .. start[t + 1]). */
  start: Int32Array;
  days: Int32Array;
  codes: Uint8Array;
}

export function flatten(index: TimeIndex): FlatIndex {
  const start = new Int32Array(index.tracks.length + 1);
  index.tracks.forEach((t, i) => {
    start[i + 1] = start[i] + t.days.length;
  });
  const days = new Int32Array(start[index.tracks.length]);
  const codes = new Uint8Array(days.length);
  index.tracks.forEach((t, i) => {
    days.set(t.days, start[i]);
    codes.set(t.statusCodes, start[i]);
  });
  return { start, days, codes };
}

/** Same answer as `trackStatusesAsOf(index, date, out)`. */
export function flatStatusesAsOf(flat: FlatIndex, date: IsoDate, out: Uint8Array): Uint8Array {
  const day = toDayNumber(date);
  const { start, days, codes } = flat;
  for (let t = 0; t < out.length; t++) {
    let lo = start[t];
    let hi = start[t + 1] - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (days[mid] <= day) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    out[t] = found < 0 ? NO_CLAIM : codes[found];
  }
  return out;
}
