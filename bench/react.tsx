/**
 * The real-app bench page: the app's `<App>` with its real store (src/state/store.ts) and URL binding,
 * built from the synthetic 100k-claim dataset and the synthetic area snapshots, inside React's
 * `<Profiler>`. A move sets the date slider's `<input type="range">` as a drag does (its value, then
 * `input` and `change`) and is timed to the map's next `idle` after the store took the date, and to that
 * frame drawn (a 1×1 `readPixels`), with React's share of it.
 * Built with react-dom's profiling build (`react-dom/profiling`), without which `<Profiler>` reports nothing
 * in a production build. `?areas=0` drops the area snapshots; `?claims=N`/`?areas=N` for smaller data.
 * `?table=1` passes `table=1` to the store (the claims table open), and `table()` times its interactions.
 * `?archive=1` (with `areas=0`) adds the DeepState and ISW sources, and `importArchive()` imports the real
 * archive through the store's `importAreaFiles`, as a file drop does (bench/archive.ts); `importAgreement()`
 * then drops ISW's layer files and times the agreement chart's fill.
 */
import type * as maplibregl from 'maplibre-gl';
import { Profiler, type ProfilerOnRenderCallback } from 'react';
import { createRoot } from 'react-dom/profiling';
import { pairsByPriority } from '../src/areas/areaTimeline';
import type { LoadedArea } from '../src/areas/importWorker';
import type { StatusKm2 } from '../src/areas/measure';
import type { AreaSnapshot } from '../src/areas/model';
import { toDayNumber } from '../src/claims/dates';
import { formatDataError } from '../src/claims/errors';
import { bindAreaTimeline } from '../src/state/areaTimeline';
import { withDerived } from '../src/state/data';
import { createAppStore } from '../src/state/store';
import { bindUrl } from '../src/state/urlSync';
import { App } from '../src/ui/App';
import { AppProvider } from '../src/ui/useApp';
import '../src/ui/app.css';
import { archiveFiles, withAreaSources } from './archive';
import type { AgreementFillTiming, ArchiveImportTiming, BenchApi, PageInfo, ReactMoveTiming } from './benchApi';
import { waitForDrawn } from './drawn';
import { untilSettled } from './frames';
import { longTasksIn, longTasksWithout, observeLongTasks } from './longTasks';
import { AREA_SNAPSHOTS, DEFAULT_SYNTH, generateAreas, generateDataset, KURSK_BOX } from './synth';
import { runTableBench } from './table';

const params = new URLSearchParams(location.search);
// Before anything runs: the table bench reads long tasks from here (buffered, so the load's are kept too).
observeLongTasks();
const areaCount = Number(params.get('areas') ?? AREA_SNAPSHOTS.count);

/** The adapter page's view (bench/main.ts): the runner sizes the viewport so the map pane is 1400×900 too. */
const VIEW = { lng: (KURSK_BOX[0] + KURSK_BOX[2]) / 2, lat: (KURSK_BOX[1] + KURSK_BOX[3]) / 2, zoom: 9.2 };
const START_DATE = '2025-12-19'; // day 500 of the synthetic span, as on the adapter page

/**
 * km² per status, cheaply: the sum of the claims' own `areaKm2` (the app's `areaKm2`, computed by synth).
 * It equals the worker's `measureSnapshot` (a union per status first) because a synthetic snapshot's
 * polygons of one status never overlap: one held ring, and patches a third of a turn apart.
 */
function km2Of(snapshot: AreaSnapshot): StatusKm2 {
  const km2: StatusKm2 = { ukrainian: 0, russian: 0, contested: 0, 'russian-advance': 0 };
  for (const claim of snapshot.claims) km2[claim.status] += claim.areaKm2;
  return km2;
}

interface Commit {
  actualDuration: number;
  /** performance.now() when onRender ran (during the commit) and when the task that committed ended. */
  at: number;
  taskEnd?: number;
}

function start(): BenchApi<ReactMoveTiming> {
  const element = document.getElementById('root');
  if (!element) throw new Error('bench/react.html has no #root');
  const t0 = performance.now();
  const synthetic = generateDataset({ ...DEFAULT_SYNTH, claims: Number(params.get('claims') ?? DEFAULT_SYNTH.claims) });
  const dataset = params.get('archive') === '1' ? withAreaSources(synthetic) : synthetic;
  const t1 = performance.now();
  const synthAreas =
    areaCount > 0
      ? generateAreas(
          DEFAULT_SYNTH,
          dataset.sources.map((s) => s.id),
          { ...AREA_SNAPSHOTS, count: areaCount },
        )
      : undefined;
  const loaded: LoadedArea[] =
    synthAreas?.snapshots.map((snapshot, i) => ({
      snapshot,
      frontLine: synthAreas.frontLines[i],
      km2: km2Of(snapshot),
    })) ?? [];
  // As main.tsx builds it, with the link's date and view; then the area maps, as an import adds them.
  const view = `${VIEW.zoom.toFixed(2)}/${VIEW.lat.toFixed(5)}/${VIEW.lng.toFixed(5)}`;
  const table = params.get('table') === '1' ? '&table=1' : '';
  const store = createAppStore({ bundled: dataset, search: `?date=${START_DATE}&view=${view}${table}` });
  if (loaded.length) store.setState((s) => withDerived(s, { areas: loaded }));
  const areaSetupMs = performance.now() - t1;
  bindUrl(store);
  // As main.tsx: the area timeline's worker measures every pair the slider will need, ahead of the moves.
  bindAreaTimeline(store);
  const setupMs = performance.now() - t0;
  /**
   * Resolves when the area timeline has measured every pair the store wants now (at once when there is none:
   * no area maps, or one source's alone). The count is the store's own list (`pairsByPriority`), so the progress
   * of an earlier list (fewer maps imported so far) that happens to be complete is not taken for it.
   */
  const timelineFilled = () =>
    new Promise<number>((resolve) => {
      const now = store.getState();
      const order = now.dataset.sources.map((source) => source.id);
      const expected = now.areaCatalog ? pairsByPriority(now.areaCatalog, now.date, now.sources, order).length : 0;
      const check = (s: ReturnType<typeof store.getState>) => {
        const progress = s.areaTimeline;
        if (expected === 0 || (progress && progress.total === expected && progress.done === progress.total)) {
          unsubscribe();
          resolve(performance.now());
        }
      };
      const unsubscribe = store.subscribe(check);
      check(store.getState());
    });
  const firstTimeline = timelineFilled();

  const commits: Commit[] = [];
  const onRender: ProfilerOnRenderCallback = (_id, _phase, actualDuration) => {
    const commit: Commit = { actualDuration, at: performance.now() };
    commits.push(commit);
    // Sync-lane renders (a discrete event) flush their passive effects (MapPane's `controller.update`)
    // before the task ends; a microtask queued here runs after them.
    queueMicrotask(() => {
      commit.taskEnd = performance.now();
    });
  };
  createRoot(element).render(
    <Profiler id="app" onRender={onRender}>
      <AppProvider store={store}>
        <App />
      </AppProvider>
    </Profiler>,
  );

  const mapReady = new Promise<maplibregl.Map>((resolve) => {
    const poll = () => {
      const map = window.__frontlineMap;
      if (map) resolve(map);
      else setTimeout(poll, 50);
    };
    poll();
  });
  let map: maplibregl.Map | undefined;
  const ready = mapReady.then(
    (m) =>
      new Promise<PageInfo>((resolve) => {
        map = m;
        const whenLoaded = (f: () => void) => (m.loaded() ? f() : m.once('load', f));
        whenLoaded(async () => {
          // The moves are timed once the area timeline has filled: the slider's path is a lookup then.
          const areaTimelineMs = (await firstTimeline) - t0;
          m.triggerRepaint();
          m.once('idle', () => {
            const canvas = m.getCanvas();
            const s = store.getState();
            resolve({
              variant: 'react',
              claims: s.dataset.claims.length,
              places: s.dataset.places.length,
              sources: s.dataset.sources.length,
              marks: s.index.tracks.length,
              areaSnapshots: loaded.length,
              areaFeatures: s.areas.reduce((n, a) => n + a.snapshot.claims.length, 0),
              areaTimelineMs,
              areaVertices: synthAreas?.vertices ?? 0,
              setupMs,
              areaSetupMs,
              firstIdleMs: performance.now(),
              mapSize: [canvas.clientWidth, canvas.clientHeight],
            });
          });
          m.triggerRepaint();
        });
      }),
  );

  const slider = () => {
    const input = document.querySelector<HTMLInputElement>('input#date-range');
    if (!input) throw new Error('no date slider (input#date-range)');
    return input;
  };
  // React tracks an input's value through its own setter: set it with the native one, as the browser does.
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;

  const timeMove = (date: string | null, timeoutMs: number) =>
    new Promise<ReactMoveTiming>((resolve, reject) => {
      const m = map;
      if (!m || !setValue) return reject(new Error('no map'));
      commits.length = 0;
      let frames = 0;
      const onRenderFrame = () => {
        frames++;
      };
      const timer = setTimeout(() => {
        const why = window.__benchError ? ` (map error: ${window.__benchError})` : '';
        reject(new Error(`no idle within ${timeoutMs} ms after moving to ${date}${why}`));
      }, timeoutMs);
      const t = performance.now();
      let dispatchMs = 0;
      m.on('render', onRenderFrame);
      const onIdle = () => {
        const idleAt = performance.now();
        waitForDrawn(m);
        const drawnAt = performance.now();
        clearTimeout(timer);
        m.off('render', onRenderFrame);
        const last = commits.at(-1);
        const reactDoneAt = last ? (last.taskEnd ?? last.at) : t + dispatchMs;
        resolve({
          toIdleMs: idleAt - t,
          toDrawnMs: drawnAt - t,
          updateMs: reactDoneAt - t,
          frames,
          changed: 0,
          snapshotsChanged: 0,
          dispatchMs,
          renderMs: commits.reduce((sum, c) => sum + c.actualDuration, 0),
          commits: commits.length,
          mapMs: idleAt - reactDoneAt,
          lateCommits: 0,
        });
      };
      if (date === null || store.getState().date === date) {
        m.once('idle', onIdle);
        m.triggerRepaint();
        return;
      }
      // The slider hands the date to the store on the next animation frame (one store update per frame,
      // src/ui/DateSlider.tsx): wait for the `idle` that follows the store taking it, not an earlier one.
      const unsubscribe = store.subscribe((s) => {
        if (s.date !== date) return;
        unsubscribe();
        m.once('idle', onIdle);
        // A no-op when the move schedules a frame; otherwise (nothing to redraw) it makes `idle` come.
        m.triggerRepaint();
      });
      const input = slider();
      const first = store.getState().dates[0] ?? date;
      setValue.call(input, String(toDayNumber(date) - toDayNumber(first)));
      // What a drag fires: `input` on every step (React's onChange), `change` on release.
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
      dispatchMs = performance.now() - t;
    });

  const nextIdle = (m: maplibregl.Map) =>
    new Promise<number>((resolve) => {
      m.once('idle', () => resolve(performance.now()));
      m.triggerRepaint();
    });
  /** When the map draws a frame, from now until `stop()`: a long task holding one is the frame's, not the import's. */
  const recordFrames = (m: maplibregl.Map) => {
    const times: number[] = [];
    const onRender = () => times.push(performance.now());
    m.on('render', onRender);
    return {
      times,
      stop: () => m.off('render', onRender),
    };
  };
  const longest = (tasks: readonly { duration: number }[]) => Math.max(0, ...tasks.map((t) => t.duration));
  const importArchive = async (): Promise<ArchiveImportTiming> => {
    const m = map;
    if (!m) throw new Error('no map');
    const frames = recordFrames(m);
    const f0 = performance.now();
    const files = await archiveFiles();
    const t0 = performance.now();
    await store.getState().importAreaFiles(files);
    const importedAt = performance.now();
    // React applies the last snapshots to the map in an effect: let it commit, then wait for the frames.
    await new Promise((r) => setTimeout(r, 0));
    const idleAt = await nextIdle(m);
    frames.stop();
    const tasks = longTasksIn(t0, idleAt);
    const timelineAt = await timelineFilled();
    const s = store.getState();
    const dates = s.areas.map((a) => a.snapshot.statedDate).sort();
    return {
      files: files.length,
      imported: s.areas.length,
      failed: s.areaOutcomes.filter((o) => !o.ok).length,
      refusals: s.areaOutcomes.flatMap((o) => (o.ok || !o.errors[0] ? [] : [formatDataError(o.errors[0])])),
      fetchMs: t0 - f0,
      importMs: importedAt - t0,
      toIdleMs: idleAt - t0,
      longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
      longTasks: tasks.length,
      tasksOver200: tasks.filter((t) => t.duration > 200).length,
      frames: frames.times.filter((t) => t >= t0 && t <= idleAt).length,
      longestTaskNoFrameMs: longest(longTasksWithout(t0, idleAt, frames.times)),
      timelineMs: timelineAt - t0,
      longestTaskWithTimelineMs: Math.max(0, ...longTasksIn(t0, timelineAt).map((t) => t.duration)),
      firstDate: dates[0] ?? '',
      lastDate: dates.at(-1) ?? '',
    };
  };

  const importAgreement = async (): Promise<AgreementFillTiming> => {
    // The chart is in the Data tab's Areas panel: open, as a user watching it fill would have it.
    store.getState().update({ tab: 'data' });
    const files = await archiveFiles('isw');
    const before = store.getState().areas.length;
    const m = map;
    if (!m) throw new Error('no map');
    const frames = recordFrames(m);
    const t0 = performance.now();
    await store.getState().importAreaFiles(files);
    const importedAt = performance.now();
    const filledAt = await timelineFilled();
    frames.stop();
    const tasks = longTasksIn(t0, filledAt);
    const s = store.getState();
    return {
      files: files.length,
      imported: s.areas.length - before,
      pairs: s.areaTimeline?.total ?? 0,
      measured: s.areaTimeline?.done ?? 0,
      importMs: importedAt - t0,
      fillMs: filledAt - t0,
      longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
      longTasks: tasks.length,
      tasksOver200: tasks.filter((t) => t.duration > 200).length,
      longestTaskImportingMs: Math.max(0, ...longTasksIn(t0, importedAt).map((t) => t.duration)),
      longestTaskMeasuringMs: Math.max(0, ...longTasksIn(importedAt, filledAt).map((t) => t.duration)),
      frames: frames.times.filter((t) => t >= t0 && t <= filledAt).length,
      longestTaskNoFrameMs: longest(longTasksWithout(t0, filledAt, frames.times)),
    };
  };

  return {
    ready,
    table: runTableBench,
    importArchive,
    importAgreement,
    async repaint(count, timeoutMs) {
      const timings: ReactMoveTiming[] = [];
      for (let i = 0; i < count; i++) timings.push(await untilSettled(map, () => timeMove(null, timeoutMs)));
      return timings;
    },
    async scrub(dates, moveTimeoutMs) {
      const timings: ReactMoveTiming[] = [];
      for (const date of dates) {
        const timing = await untilSettled(map, () => timeMove(date, moveTimeoutMs));
        // Work React left for later (a lazy part, a deferred effect) lands after `idle`: count it, for honesty.
        await new Promise((r) => setTimeout(r, 0));
        timing.lateCommits = commits.length - timing.commits;
        timings.push(timing);
      }
      return timings;
    },
  };
}

try {
  window.__bench = start();
} catch (err) {
  window.__benchError = err instanceof Error ? err.message : String(err);
}
