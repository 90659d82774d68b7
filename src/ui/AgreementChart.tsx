/**
 * The two area maps' agreement over time, drawn: the disagreement's km² (left axis) and the overlap of their
 * Russian-held ground (IoU, right axis) per day, with the slider's date marked. A click on a day, or the arrow
 * keys on the chart (a slider over its days), moves the app's date there. Loaded on demand (React.lazy) with
 * uPlot; ./MapsAgreement holds what it shows.
 */
import { type KeyboardEvent, useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { AgreementDay } from '../areas/agreementSeries';
import { toDayNumber } from '../claims/dates';
import type { IsoDate } from '../claims/model';
import { DISAGREEMENT_COLOR } from '../map/areaDisagreement';
import { DAY_S, dateMarker, dateNames } from './chartParts';
import { currentLocale, formatKm2, formatLongDate, formatNumber, useT } from './i18n';

/** The IoU line's colour: apart from the disagreement's, which is the map's hatching colour. */
const IOU_COLOR = '#1f5fbf';

interface Props {
  days: readonly AgreementDay[];
  date: IsoDate;
  onDate: (date: IsoDate) => void;
}

const iouText = (iou: number | null) =>
  iou === null ? '—' : formatNumber(iou, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function columns(days: readonly AgreementDay[]): uPlot.AlignedData {
  return [days.map((d) => d.day * DAY_S), days.map((d) => d.km2), days.map((d) => d.iou)];
}

/** The index of the day nearest `date` (the chart's days are consecutive). */
function indexOf(days: readonly AgreementDay[], date: IsoDate): number {
  if (!days.length) return -1;
  return Math.min(days.length - 1, Math.max(0, toDayNumber(date) - days[0].day));
}

/** Keys along the chart: a day, a week, the first or last day. */
const STEPS: Record<string, (i: number, n: number) => number> = {
  ArrowLeft: (i) => i - 1,
  ArrowDown: (i) => i - 1,
  ArrowRight: (i) => i + 1,
  ArrowUp: (i) => i + 1,
  PageDown: (i) => i - 7,
  PageUp: (i) => i + 7,
  Home: () => 0,
  End: (_, n) => n - 1,
};

export default function AgreementChart({ days, date, onDate }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const t = useT();
  const current = useRef(date);
  current.current = date;
  const latest = useRef({ days, onDate });
  latest.current = { days, onDate };

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const names = dateNames(currentLocale());
    const u = new uPlot(
      {
        width: Math.max(220, element.clientWidth),
        height: 180,
        plugins: [dateMarker(() => current.current)],
        scales: { x: { time: true }, km2: { range: (_u, _min, max) => [0, Math.max(1, max)] }, iou: { range: [0, 1] } },
        fmtDate: (template) => uPlot.fmtDate(template, names),
        // The legend names the lines; the day's figures are the slider's value text (below), not a live legend.
        legend: { live: false },
        axes: [
          {},
          { scale: 'km2', label: t('mapsAgreement.km2Axis'), size: 48 },
          { scale: 'iou', side: 1, label: t('mapsAgreement.iouAxis'), size: 40, grid: { show: false } },
        ],
        series: [
          {},
          {
            label: t('mapsAgreement.km2Series'),
            scale: 'km2',
            stroke: DISAGREEMENT_COLOR.opposed,
            width: 2,
            paths: uPlot.paths.stepped?.({ align: 1 }),
            value: (_u: uPlot, v: number | null) => (v === null ? '—' : formatKm2(v)),
          },
          {
            label: t('mapsAgreement.iouAxis'),
            scale: 'iou',
            stroke: IOU_COLOR,
            dash: [6, 3],
            width: 2,
            paths: uPlot.paths.stepped?.({ align: 1 }),
            value: (_u: uPlot, v: number | null) => iouText(v),
          },
        ],
      },
      columns(latest.current.days),
      element,
    );
    // A click on the plot moves the slider to the day under the pointer.
    const onClick = () => {
      const left = u.cursor.left;
      if (left === undefined || left < 0) return;
      const { days: shown, onDate: go } = latest.current;
      const day = Math.round(u.posToVal(left, 'x') / DAY_S);
      const i = shown.length ? Math.min(shown.length - 1, Math.max(0, day - shown[0].day)) : -1;
      if (i >= 0) go(shown[i].date);
    };
    u.over.addEventListener('click', onClick);
    plot.current = u;
    return () => {
      u.over.removeEventListener('click', onClick);
      u.destroy();
      plot.current = null;
    };
  }, [t]);

  useEffect(() => {
    plot.current?.setData(columns(days));
  }, [days]);

  useEffect(() => {
    plot.current?.redraw(false, false);
  }, [date]);

  const at = indexOf(days, date);
  const shown = days[at];
  const onKeyDown = (event: KeyboardEvent) => {
    const step = STEPS[event.key];
    if (!step || !days.length) return;
    event.preventDefault();
    onDate(days[Math.min(days.length - 1, Math.max(0, step(at, days.length)))].date);
  };
  return (
    <div
      ref={host}
      className="area-chart agreement-chart"
      role="slider"
      tabIndex={0}
      aria-label={t('mapsAgreement.chart')}
      aria-valuemin={0}
      aria-valuemax={Math.max(0, days.length - 1)}
      aria-valuenow={Math.max(0, at)}
      aria-valuetext={
        shown
          ? t('mapsAgreement.valueText', {
              date: formatLongDate(shown.date),
              km2: shown.km2 === null ? '—' : formatKm2(shown.km2),
              iou: iouText(shown.iou),
            })
          : undefined
      }
      onKeyDown={onKeyDown}
      data-days={days.length}
    />
  );
}
