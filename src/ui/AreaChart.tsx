/**
 * km² over time per area track, with a marker at the slider's date. Loaded on
 * demand (React.lazy) so the charting code is not part of the first view.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { toDayNumber } from '../claims/dates';
import type { IsoDate } from '../claims/model';
import { DAY_S, dateMarker, dateNames } from './chartParts';
import { currentLocale, formatKm2, useT } from './i18n';

export interface ChartSeries {
  label: string;
  color: string;
  dash?: number[];
  points: { date: IsoDate; km2: number }[];
}

function toColumns(series: readonly ChartSeries[]): uPlot.AlignedData {
  const days = [...new Set(series.flatMap((s) => s.points.map((p) => toDayNumber(p.date))))].sort((a, b) => a - b);
  const columns: (number | null)[][] = series.map((s) => {
    const byDay = new Map(s.points.map((p) => [toDayNumber(p.date), p.km2]));
    // Step lines: a snapshot holds until the next, so carry the last value forward.
    let last: number | null = null;
    return days.map((d) => {
      last = byDay.get(d) ?? last;
      return last;
    });
  });
  return [days.map((d) => d * DAY_S), ...columns];
}

export default function AreaChart({ series, date }: { series: readonly ChartSeries[]; date: IsoDate }) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const t = useT();
  const current = useRef(date);
  current.current = date;

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const names = dateNames(currentLocale());
    const marker = dateMarker(() => current.current);
    plot.current = new uPlot(
      {
        width: Math.max(220, element.clientWidth),
        height: 180,
        plugins: [marker],
        scales: { x: { time: true } },
        fmtDate: (template) => uPlot.fmtDate(template, names),
        axes: [{}, { label: t('unit.km2', { n: '' }).trim(), size: 48 }],
        series: [
          {},
          ...series.map((s) => ({
            label: s.label,
            stroke: s.color,
            dash: s.dash,
            width: 2,
            paths: uPlot.paths.stepped?.({ align: 1 }),
            value: (_u: uPlot, v: number | null) => (v === null ? '—' : formatKm2(v)),
          })),
        ],
      },
      toColumns(series),
      element,
    );
    return () => {
      plot.current?.destroy();
      plot.current = null;
    };
  }, [series, t]);

  useEffect(() => {
    plot.current?.redraw(false, false);
  }, [date]);

  return <div ref={host} className="area-chart" role="img" aria-label={t('areasDetails.chart')} />;
}
