import { scaleLinear } from 'd3-scale';
import type { TrackRecord, Voice } from '../claims/trackRecord';
import { placeName, useT } from './i18n';
import { useOffsetText } from './TrackRecordEvents';
import { signedDays } from './trackRecordFormat';
import { useApp } from './useApp';

const LABEL_WIDTH = 170;
const PLOT_WIDTH = 360;
const ROW_HEIGHT = 18;
const TOP = 20;
const BOTTOM = 22;

/**
 * One row per source, one dot per change it has days for, on an axis of days ahead of (left) or behind (right)
 * the reference; the reference's own day is the line at 0. Drawn as SVG: its dots are read by the e2e test.
 */
export function TrackRecordChart({
  record,
  voiceName,
  referenceName,
}: {
  record: TrackRecord;
  voiceName: (voice: Voice) => string;
  referenceName: string;
}) {
  const places = useApp((s) => s.dataset.places);
  const t = useT();
  const offsetText = useOffsetText();
  const all = record.voices.flatMap((v) => v.offsets.map((e) => Math.abs(e.offsetDays ?? 0)));
  const x = scaleLinear()
    .domain([-Math.max(1, ...all), Math.max(1, ...all)])
    .range([LABEL_WIDTH, LABEL_WIDTH + PLOT_WIDTH])
    .nice();
  const height = TOP + record.voices.length * ROW_HEIGHT + BOTTOM;
  const place = (id: string) => {
    const found = places.find((p) => p.id === id);
    return found ? placeName(found) : id;
  };
  const label = t('track.chart.label', { reference: referenceName });
  return (
    <svg
      className="track-record-chart"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${LABEL_WIDTH + PLOT_WIDTH + 10} ${height}`}
      width={LABEL_WIDTH + PLOT_WIDTH + 10}
      height={height}
    >
      <text x={x(0) - 6} y={12} textAnchor="end" className="axis-word">
        ← {t('track.chart.ahead')}
      </text>
      <text x={x(0) + 6} y={12} className="axis-word">
        {t('track.chart.behind')} →
      </text>
      {x.ticks(7).map((tick) => (
        <g key={tick}>
          <line x1={x(tick)} x2={x(tick)} y1={TOP} y2={height - BOTTOM} className={tick === 0 ? 'zero' : 'grid'} />
          <text x={x(tick)} y={height - 6} textAnchor="middle" className="tick">
            {signedDays(tick)}
          </text>
        </g>
      ))}
      {record.voices.map((row, i) => {
        const y = TOP + i * ROW_HEIGHT + ROW_HEIGHT / 2;
        return (
          <g key={row.voice.id} data-voice={row.voice.id}>
            <text x={LABEL_WIDTH - 8} y={y + 4} textAnchor="end" className="row-label">
              {voiceName(row.voice)}
            </text>
            <line x1={LABEL_WIDTH} x2={LABEL_WIDTH + PLOT_WIDTH} y1={y} y2={y} className="row-line" />
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
          </g>
        );
      })}
    </svg>
  );
}
