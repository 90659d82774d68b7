/**
 * km² per status over time, for the chart. The app passes the import worker's measurements (`km2Of`), so
 * the main thread never measures; by default each snapshot is measured here (a union per status, ./measure).
 */
import type { IsoDate } from '../claims/model';
import { measureSnapshot, type StatusKm2 } from './measure';
import type { AreaSnapshot } from './model';
import { type AreaIndex, trackKey } from './timeline';

export interface AreaSeriesPoint {
  date: IsoDate;
  snapshotTime?: string;
  km2: StatusKm2;
}

/** km² per status over time for one track, one point per day (the snapshot in force at day's end). */
export function areaSeries(
  index: AreaIndex,
  sourceId: string,
  layer: string,
  km2Of: (snapshot: AreaSnapshot) => StatusKm2 = measureSnapshot,
): AreaSeriesPoint[] {
  const track = index.tracks.get(trackKey(sourceId, layer));
  if (!track) return [];
  const series: AreaSeriesPoint[] = [];
  track.snapshots.forEach((s, i) => {
    if (track.days[i + 1] === track.days[i]) return;
    series.push({
      date: s.statedDate,
      ...(s.snapshotTime === undefined ? {} : { snapshotTime: s.snapshotTime }),
      km2: km2Of(s),
    });
  });
  return series;
}
