/**
 * The track record's chart, drawn in the table beside the figures: the header holds the axis of days ahead of
 * (left) or behind (right) the reference, each row one dot per change it has days for, the reference's own day
 * the line at 0. SVG, so the e2e test reads its dots and axe reads its labels.
 */
import { type ScaleLinear, scaleLinear } from 'd3-scale';
import type { TrackRecord, VoiceRecord } from '../claims/trackRecord';
import { placeName, useT } from './i18n';
import { useOffsetText } from './TrackRecordEvents';
import { signedDays } from './trackRecordFormat';
import { useApp } from './useApp';

const WIDTH = 210;
const PAD = 14;
const ROW_HEIGHT = 16;
const AXIS_HEIGHT = 30;

/** One scale for every row: symmetric about the reference's day, wide enough for the largest lead or lag. */
export function daysScale(record: TrackRecord): ScaleLinear<number, number> {
  const widest = Math.max(1, ...record.voices.flatMap((v) => v.offsets.map((e) => Math.abs(e.offsetDays ?? 0))));
  return scaleLinear()
    .domain([-widest, widest])
    .range([PAD, WIDTH - PAD])
    .nice();
}

export function DaysAxis({ x, label }: { x: ScaleLinear<number, number>; label: string }) {
  const t = useT();
  return (
    <svg className="track-record-chart axis" role="img" aria-label={label} width={WIDTH} height={AXIS_HEIGHT}>
      <text x={x(0) - 4} y={11} textAnchor="end">
        ← {t('track.chart.ahead')}
      </text>
      <text x={x(0) + 4} y={11}>
        {t('track.chart.behind')} →
      </text>
      {x.ticks(5).map((tick) => (
        <text key={tick} x={x(tick)} y={AXIS_HEIGHT - 4} textAnchor="middle" className="tick">
          {signedDays(tick)}
        </text>
      ))}
    </svg>
  );
}

export function DaysStrip({ x, row, name }: { x: ScaleLinear<number, number>; row: VoiceRecord; name: string }) {
  const places = useApp((s) => s.dataset.places);
  const t = useT();
  const offsetText = useOffsetText();
  const place = (id: string) => {
    const found = places.find((p) => p.id === id);
    return found ? placeName(found) : id;
  };
  const y = ROW_HEIGHT / 2;
  const days = row.offsets.map((e) => signedDays(e.offsetDays ?? 0)).join(', ');
  return (
    <svg
      className="track-record-chart"
      role="img"
      aria-label={t('track.chart.row', { source: name, days: days || t('track.noValue') })}
      width={WIDTH}
      height={ROW_HEIGHT}
    >
      {x.ticks(5).map((tick) => (
        <line key={tick} x1={x(tick)} x2={x(tick)} y1={0} y2={ROW_HEIGHT} className={tick === 0 ? 'zero' : 'grid'} />
      ))}
      {row.offsets.map(({ event, offsetDays }) => (
        <circle
          key={`${event.placeId}-${event.status}-${event.date}`}
          cx={x(offsetDays ?? 0)}
          cy={y}
          r={4}
          data-offset={offsetDays ?? 0}
          data-place-id={event.placeId}
        >
          <title>
            {t('track.chart.dot', {
              place: place(event.placeId),
              status: t(`status.${event.status}`).toLowerCase(),
              date: event.date,
              offset: offsetText(offsetDays ?? 0),
            })}
          </title>
        </circle>
      ))}
    </svg>
  );
}
