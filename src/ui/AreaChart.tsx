/**
 * km² over time per area track, with a marker at the slider's date. Loaded on
 * demand (React.lazy) so the charting code is not part of the first view.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { toDayNumber } from '../claims/dates';
import type { IsoDate } from '../claims/model';

export interface ChartSeries {
  label: string;
  color: string;
  dash?: number[];
  points: { date: IsoDate; km2: number }[];
}

const DAY_S = 86_400;

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
  const current = useRef(date);
  current.current = date;

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const marker: uPlot.Plugin = {
      hooks: {
        draw: (u) => {
          const x = u.valToPos(toDayNumber(current.current) * DAY_S, 'x', true);
          const { ctx } = u;
          ctx.save();
          ctx.strokeStyle = '#111';
          ctx.lineWidth = 2 * devicePixelRatio;
          ctx.beginPath();
          ctx.moveTo(x, u.bbox.top);
          ctx.lineTo(x, u.bbox.top + u.bbox.height);
          ctx.stroke();
          ctx.restore();
        },
      },
    };
    plot.current = new uPlot(
      {
        width: Math.max(220, element.clientWidth),
        height: 180,
        plugins: [marker],
        scales: { x: { time: true } },
        axes: [{}, { label: 'km²', size: 48 }],
        series: [
          {},
          ...series.map((s) => ({
            label: s.label,
            stroke: s.color,
            dash: s.dash,
            width: 2,
            paths: uPlot.paths.stepped?.({ align: 1 }),
            value: (_u: uPlot, v: number | null) => (v === null ? '—' : `${v.toFixed(1)} km²`),
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
  }, [series]);

  useEffect(() => {
    plot.current?.redraw(false, false);
  }, [date]);

  return <div ref={host} className="area-chart" role="img" aria-label="Area held over time, km², per source" />;
}
