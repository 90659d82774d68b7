import { useRef, useState } from 'react';
import type { ChangeRange } from '../claims/changes';
import type { IsoDate } from '../claims/model';
import {
  defaultTimelapseRange,
  TIMELAPSE_SIZES,
  TIMELAPSE_SPEED,
  timelapseDays,
  timelapseFileName,
  videoSeconds,
} from '../state/timelapse';
import { downloadBlob } from './download';
import { formatNumber, useT } from './i18n';
import { useMapRegistry } from './maps';
import type { TimelapsePhase } from './timelapse';
import { useApp, useAppStore, useViews } from './useApp';
import { usePictureText } from './usePictureText';
import './embed.css';

type Progress =
  | { state: 'idle' }
  | { state: 'recording'; phase: TimelapsePhase; done: number; total: number }
  | { state: 'saved'; name: string };

/**
 * A timelapse video of a range of days: the app steps through each day, waits for the map to draw it (area
 * maps included), and records the frames in the browser as WebM (./timelapse.ts), with the date, sources, key
 * and attribution in every frame. Nothing is uploaded; the file is downloaded.
 */
export function TimelapsePanel() {
  const store = useAppStore();
  const views = useViews();
  const ctx = useApp((s) => s.ctx);
  const { firstDate, lastDate } = ctx;
  const changeRange = useApp((s) => s.changeRange);
  const date = useApp((s) => s.date);
  const suggested = defaultTimelapseRange({ changeRange, date }, ctx);
  const sources = useApp((s) => s.dataset.sources);
  const { maps } = useMapRegistry();
  const t = useT();
  const { text, keyLabel } = usePictureText();
  // The range follows the suggestion (the Changes range, else the last 30 days) until the user edits it.
  const [chosen, setChosen] = useState<ChangeRange | null>(null);
  const range = chosen ?? suggested;
  const [speed, setSpeed] = useState<number>(TIMELAPSE_SPEED.default);
  const [sizeIndex, setSizeIndex] = useState(0);
  const [progress, setProgress] = useState<Progress>({ state: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const job = useRef<AbortController | null>(null);
  const days = timelapseDays(range);
  const speedOk = speed >= TIMELAPSE_SPEED.min && speed <= TIMELAPSE_SPEED.max;
  const controller = maps[1];
  const canRecord = controller !== null && days.length > 0 && speedOk && progress.state !== 'recording';

  const setEnd = (end: keyof ChangeRange, value: IsoDate) => setChosen({ ...range, [end]: value });

  /** Resolves once the store has measured the day's area disagreement, if two area maps are compared. */
  const measured = (signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      const done = () => {
        const areas = views.frame(store.getState()).areas;
        return !(areas.pair && areas.disagreement === undefined);
      };
      if (done()) return resolve();
      const finish = () => {
        stop();
        signal.removeEventListener('abort', finish);
        if (signal.aborted) reject(signal.reason);
        else resolve();
      };
      const stop = store.subscribe(() => {
        if (done()) finish();
      });
      signal.addEventListener('abort', finish);
    });

  const record = async () => {
    if (!controller) return;
    // The suggested range follows the slider, which the recording moves: hold it still.
    setChosen(range);
    const abort = new AbortController();
    job.current = abort;
    const before = store.getState().date;
    const enabled = store.getState().sources;
    const names = sources.filter((s) => enabled.has(s.id)).map((s) => s.shortName);
    const size = TIMELAPSE_SIZES[sizeIndex] ?? TIMELAPSE_SIZES[0];
    setError(null);
    setProgress({ state: 'recording', phase: 'drawing', done: 0, total: days.length });
    try {
      const { agreementKey, composePicture } = await import('./picture');
      const { recordTimelapse } = await import('./timelapse');
      const key = agreementKey(keyLabel);
      const video = await recordTimelapse({
        days,
        speed,
        size,
        signal: abort.signal,
        onProgress: (phase, done, total) => {
          setProgress({ state: 'recording', phase, done, total });
          // Every day is drawn: the slider goes back while the video is recorded.
          if (phase === 'drawing' && done === total) store.getState().update({ date: before });
        },
        drawDay: async (day) => {
          store.getState().update({ date: day });
          await measured(abort.signal);
          // The map pane applies a store change in React's effects, which run after this task's microtasks.
          await new Promise((resolve) => setTimeout(resolve, 0));
          const map = await controller.captureDate(day, abort.signal);
          const credits = controller.attribution() || t('picture.builtin');
          return composePicture([{ canvas: map, date: day, sources: names }], text, credits, key);
        },
      });
      const name = timelapseFileName(range);
      downloadBlob(name, video);
      setProgress({ state: 'saved', name });
    } catch (err) {
      setProgress({ state: 'idle' });
      if (!abort.signal.aborted) setError(err instanceof Error ? err.message : String(err));
    } finally {
      job.current = null;
      store.getState().update({ date: before });
    }
  };

  return (
    <section className="timelapse-panel" aria-labelledby="timelapse-heading">
      <h2 id="timelapse-heading">{t('panel.timelapse')}</h2>
      <p className="hint">{t('timelapse.intro')}</p>
      {(['from', 'to'] as const).map((end) => (
        <label key={end}>
          {t(`timelapse.${end}`)}{' '}
          <input
            type="date"
            name={`timelapse-${end}`}
            min={firstDate}
            max={lastDate}
            value={range[end]}
            onChange={(e) => e.target.value && setEnd(end, e.target.value)}
          />
        </label>
      ))}
      <label>
        {t('timelapse.speed')}{' '}
        <input
          type="number"
          name="timelapse-speed"
          min={TIMELAPSE_SPEED.min}
          max={TIMELAPSE_SPEED.max}
          step={0.5}
          value={speed}
          onChange={(e) => setSpeed(e.target.valueAsNumber)}
        />
      </label>
      <label>
        {t('timelapse.size')}{' '}
        <select name="timelapse-size" value={sizeIndex} onChange={(e) => setSizeIndex(Number(e.target.value))}>
          {TIMELAPSE_SIZES.map((s, i) => (
            <option key={`${s.width}x${s.height}`} value={i}>
              {t('embed.pixels', { width: s.width, height: s.height })}
            </option>
          ))}
        </select>
      </label>
      <p className="timelapse-length" aria-live="polite">
        {days.length === 0
          ? t('timelapse.backwards')
          : speedOk
            ? t('timelapse.length', {
                count: days.length,
                seconds: formatNumber(Math.round(videoSeconds(days.length, speed) * 10) / 10),
              })
            : t('timelapse.badSpeed', { min: TIMELAPSE_SPEED.min, max: TIMELAPSE_SPEED.max })}
      </p>
      <div className="panel-actions">
        <button type="button" onClick={() => void record()} disabled={!canRecord}>
          {t('timelapse.record')}
        </button>
        {progress.state === 'recording' && (
          <button type="button" onClick={() => job.current?.abort()}>
            {t('timelapse.cancel')}
          </button>
        )}
      </div>
      {progress.state === 'recording' && (
        <>
          <progress
            value={progress.done + (progress.phase === 'recording' ? progress.total : 0)}
            max={2 * progress.total}
            aria-label={t('timelapse.progressLabel')}
          />
          <p role="status">{t(`timelapse.${progress.phase}`, { done: progress.done, total: progress.total })}</p>
        </>
      )}
      {progress.state === 'saved' && <p role="status">{t('timelapse.saved', { name: progress.name })}</p>}
      {error && <p className="basemap-notice">{t('timelapse.failed', { error })}</p>}
    </section>
  );
}
