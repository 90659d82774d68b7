import { type KeyboardEvent, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { fromDayNumber, toDayNumber } from '../claims/dates';
import type { IsoDate } from '../claims/model';
import { adjacentDate } from '../claims/timeline';
import { frameThrottle } from './frameThrottle';
import { formatLongDate as formatDate, useT } from './i18n';
import { useApp } from './useApp';

/** Playback speed. Frames that arrive late skip days instead of queueing them. */
const DAYS_PER_SECOND = 8;

/** The date in the interface language's locale (./i18n.ts). */
function formatLongDate(date: IsoDate): string {
  return formatDate(date);
}

/** The date shown: drag, keys, jumps between claim dates (everything claimed, points or areas), and playback. */
export function DateSlider() {
  const dates = useApp((s) => s.dates);
  const date = useApp((s) => s.date);
  const update = useApp((s) => s.update);
  const t = useT();
  const onChange = useCallback((next: IsoDate) => update({ date: next }), [update]);
  const first = dates[0] ?? date;
  const last = dates.at(-1) ?? date;
  const firstDay = toDayNumber(first);
  const lastDay = toDayNumber(last);
  const span = Math.max(1, lastDay - firstDay);
  const [playing, setPlaying] = useState(false);
  const current = useRef(date);
  current.current = date;
  const input = useRef<HTMLInputElement>(null);
  const value = toDayNumber(date) - firstDay;

  // A drag fires `input` faster than the map can draw (one software frame takes ~0.1–1 s). The thumb follows
  // the pointer at once (the input is uncontrolled), but the store takes at most one day per animation frame
  // (./frameThrottle.ts): the first at once, the latest of the rest when the next frame comes. A frame's worth
  // of input events costs one store update, one render and one map update. Jumps and playback set the date
  // directly and drop a pending drag day.
  const latestOnChange = useRef(onChange);
  latestOnChange.current = onChange;
  const [dragDays] = useState(() => frameThrottle<number>((day) => latestOnChange.current(fromDayNumber(day))));
  const cancelPending = useCallback(() => dragDays.cancel(), [dragDays]);
  const onInput = (day: number) => dragDays.push(day);
  useEffect(() => cancelPending, [cancelPending]);
  // The input is uncontrolled: show the store's date unless a drag day is waiting for its frame.
  useLayoutEffect(() => {
    const element = input.current;
    if (element && !dragDays.pending() && element.value !== String(value)) element.value = String(value);
  }, [value, dragDays]);

  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let startTime: number | undefined;
    let startDay = toDayNumber(current.current);
    if (startDay >= lastDay) startDay = firstDay;
    const tick = (now: number) => {
      startTime ??= now;
      // The day follows the clock, so a slow frame jumps ahead rather than falling behind.
      const day = Math.min(lastDay, startDay + Math.floor(((now - startTime) / 1000) * DAYS_PER_SECOND));
      const next = fromDayNumber(day);
      cancelPending();
      if (next !== current.current) onChange(next);
      if (day >= lastDay) setPlaying(false);
      else frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, firstDay, lastDay, onChange, cancelPending]);

  const jump = (direction: -1 | 1) => {
    cancelPending();
    const target = adjacentDate(dates, date, direction);
    if (target) onChange(target);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const modifier = event.shiftKey || event.altKey || event.ctrlKey || event.metaKey;
    if (!modifier) return;
    if (event.key === 'ArrowLeft' || event.key === 'ArrowDown') {
      event.preventDefault();
      jump(-1);
    } else if (event.key === 'ArrowRight' || event.key === 'ArrowUp') {
      event.preventDefault();
      jump(1);
    }
  };

  return (
    <div className="date-slider">
      <div className="date-slider-head">
        <output className="current-date" htmlFor="date-range" data-date={date}>
          {formatLongDate(date)}
        </output>
        <div className="date-slider-buttons">
          <button
            type="button"
            onClick={() => jump(-1)}
            aria-label={t('slider.previous')}
            title={t('slider.previousTitle')}
          >
            {t('slider.previousButton')}
          </button>
          <button
            type="button"
            onClick={() => setPlaying((p) => !p)}
            aria-pressed={playing}
            aria-label={playing ? t('slider.pause') : t('slider.play')}
          >
            {playing ? t('slider.pause') : t('slider.playButton')}
          </button>
          <button type="button" onClick={() => jump(1)} aria-label={t('slider.next')} title={t('slider.nextTitle')}>
            {t('slider.nextButton')}
          </button>
        </div>
      </div>
      <div className="date-track">
        <input
          id="date-range"
          type="range"
          min={0}
          max={span}
          step={1}
          ref={input}
          defaultValue={value}
          onChange={(e) => onInput(firstDay + Number(e.target.value))}
          onKeyDown={onKeyDown}
          aria-label={t('slider.date')}
          aria-valuetext={formatLongDate(date)}
          aria-keyshortcuts="Shift+ArrowLeft Shift+ArrowRight"
        />
        <div className="date-ticks" aria-hidden="true">
          {dates.map((d) => (
            <span
              key={d}
              className="date-tick"
              style={{ left: `${((toDayNumber(d) - firstDay) / span) * 100}%` }}
              title={d}
            />
          ))}
        </div>
      </div>
      <div className="date-range-ends" aria-hidden="true">
        <span>{first}</span>
        <span className="hint">{t('slider.hint')}</span>
        <span>{last}</span>
      </div>
    </div>
  );
}
