/**
 * What the app's uPlot charts share (the km² chart, ./AreaChart, and the maps' agreement, ./AgreementChart):
 * the time axis's names in the interface language and the mark at the slider's date. Loaded with uPlot only.
 */
import type uPlot from 'uplot';
import { toDayNumber } from '../claims/dates';
import type { IsoDate } from '../claims/model';

/** uPlot's time axis counts seconds. */
export const DAY_S = 86_400;

/** Month and weekday names for the time axis in the interface language (uPlot's own are English). */
export function dateNames(locale: string): uPlot.DateNames {
  const names = (count: number, option: Intl.DateTimeFormatOptions, at: (i: number) => Date) => {
    const format = new Intl.DateTimeFormat(locale, { ...option, timeZone: 'UTC' });
    return Array.from({ length: count }, (_, i) => format.format(at(i)));
  };
  const month = (i: number) => new Date(Date.UTC(2025, i, 1));
  const weekday = (i: number) => new Date(Date.UTC(2025, 0, 5 + i)); // 5 January 2025 was a Sunday
  return {
    MMMM: names(12, { month: 'long' }, month),
    MMM: names(12, { month: 'short' }, month),
    WWWW: names(7, { weekday: 'long' }, weekday),
    WWW: names(7, { weekday: 'short' }, weekday),
  };
}

/** A vertical line at the date `current()` gives when the chart draws (a redraw moves it). */
export function dateMarker(current: () => IsoDate): uPlot.Plugin {
  return {
    hooks: {
      draw: (u) => {
        const x = u.valToPos(toDayNumber(current()) * DAY_S, 'x', true);
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
}
