/**
 * The adapter-only bench page (the real app's page is bench/react.tsx): the app's real MapController (or the setData baseline) on the app's basemap with the
 * synthetic dataset and area snapshots. `?variant=app|setdata`; `?fade=0` sets the baseline's symbol fade;
 * `?empty=1` draws no data (heap and frame cost without it); `?areas=0` draws the claims without the area
 * snapshots (the heap they add); `?zoom=Z` another zoom (default 9.2, the whole box); `?hide=prefix,…` hides layers; `?claims=N` and
 * `?areas=N` for smaller data while debugging; `?growth=N` N claims with places scaled alike (`scaledSynth`); `?archive=1` (with `areas=0`) draws the real DeepState archive instead,
 * imported through the app's store first (bench/archive.ts).
 */
import type * as maplibregl from 'maplibre-gl';
import { snapshotsOnHand } from '../src/areas/catalog';
import type { Dataset } from '../src/claims/model';
import { buildTimeIndex } from '../src/claims/timeline';
import { computeClaimsView } from '../src/claims/view';
import type { AreaLayerData } from '../src/map/areaLayers';
import { buildAreaLayerData } from '../src/map/areaLayers';
import { basemapStyle } from '../src/map/basemapStyle';
import { changedStates, computeFeatureStates, type MapInputs } from '../src/map/featureStates';
import { MapController } from '../src/map/MapController';
import { buildAppLayerData } from '../src/map/placeFeatures';
import { importedAreas, withAreaSources } from './archive';
import { SetDataMap } from './baseline';
import type { BenchApi, MoveTiming, PageInfo, Variant } from './benchApi';
import { waitForDrawn } from './drawn';
import { untilSettled } from './frames';
import { observeLongTasks } from './longTasks';
import { AREA_SNAPSHOTS, DEFAULT_SYNTH, generateAreas, generateDataset, KURSK_BOX, scaledSynth } from './synth';
import 'maplibre-gl/dist/maplibre-gl.css';

const params = new URLSearchParams(location.search);
// Before anything runs: each move's longest task is read from here (bench/frames.ts).
observeLongTasks();
const variant: Variant = params.get('variant') === 'setdata' ? 'setdata' : 'app';
const empty = params.get('empty') === '1';
/** `?hide=a,b`: layers whose ids start with these are hidden once loaded (what a group of layers costs a frame). */
const hidden = (params.get('hide') ?? '').split(',').filter(Boolean);
const areaCount = Number(params.get('areas') ?? AREA_SNAPSHOTS.count);
/** Baseline only: MapLibre's symbol fade. The app's map keeps MapLibre's default (300 ms). */
const fadeDuration = params.has('fade') ? Number(params.get('fade')) : undefined;

/** The whole Kursk box in a 1400×900 viewport: every synthetic place and mark is drawn. */
const VIEW = {
  lng: (KURSK_BOX[0] + KURSK_BOX[2]) / 2,
  lat: (KURSK_BOX[1] + KURSK_BOX[3]) / 2,
  zoom: Number(params.get('zoom') ?? 9.2),
};
const START_DATE = '2025-12-19'; // day 500 of the synthetic span

/** The real archive's layer data, imported before the map starts. */
interface Archive {
  snapshots: number;
  layerData: AreaLayerData;
}

function start(dataset: Dataset, archive: Archive | undefined, t0: number): BenchApi {
  const container = document.getElementById('map');
  if (!container) throw new Error('bench/index.html has no #map');
  const index = buildTimeIndex(dataset.claims);
  const layers = buildAppLayerData(dataset, index);
  // The area maps, as App.tsx builds them from the imports: one layer data for all snapshots, front lines included.
  const t1 = performance.now();
  const areas =
    areaCount > 0
      ? generateAreas(
          DEFAULT_SYNTH,
          dataset.sources.map((s) => s.id),
          { ...AREA_SNAPSHOTS, count: areaCount },
        )
      : undefined;
  const areaData =
    archive?.layerData ?? (areas?.snapshots.length ? buildAreaLayerData(areas.snapshots, areas.frontLines) : undefined);
  const setupMs = performance.now() - t0;
  const areaSetupMs = performance.now() - t1;
  const sources = new Set(dataset.sources.map((s) => s.id));
  const style = basemapStyle(document.baseURI);
  const placeIds = dataset.places.map((p) => p.id);
  const inputsAt = (date: string): MapInputs => ({
    view: computeClaimsView(index, placeIds, date, sources),
    selectedPlace: null,
    areasOnHand: null,
  });
  // The adapter is given the area snapshots on hand with the rest, as MapPane gives them (src/ui/MapPane.tsx).
  const appInputsAt = (date: string): MapInputs => ({
    ...inputsAt(date),
    areasOnHand: areaData ? snapshotsOnHand(areaData, date, sources) : null,
  });
  const initial = inputsAt(START_DATE);

  let previous = computeFeatureStates(layers, initial);
  const shownAt = (date: string) =>
    areaData ? new Set(snapshotsOnHand(areaData, date, sources).visible) : new Set<number>();
  let previousShown = shownAt(START_DATE);
  const countChanges = (date: string) => {
    const next = computeFeatureStates(layers, inputsAt(date));
    const changed =
      changedStates(previous.places, next.places).length + changedStates(previous.marks, next.marks).length;
    previous = next;
    const shown = shownAt(date);
    const snapshotsChanged =
      [...shown].filter((s) => !previousShown.has(s)).length + [...previousShown].filter((s) => !shown.has(s)).length;
    previousShown = shown;
    return { changed, snapshotsChanged };
  };
  let move: (date: string) => void = () => {};
  let map: maplibregl.Map | undefined;
  const ready = new Promise<PageInfo>((resolve) => {
    const onLoad = () => {
      if (!map) return;
      for (const id of map.getLayersOrder())
        if (hidden.some((prefix) => id.startsWith(prefix))) map.setLayoutProperty(id, 'visibility', 'none');
      map.once('idle', () =>
        resolve({
          variant,
          claims: dataset.claims.length,
          places: dataset.places.length,
          sources: dataset.sources.length,
          marks: layers.marks.features.length,
          areaSnapshots: archive?.snapshots ?? areas?.snapshots.length ?? 0,
          areaFeatures: areaData?.featuresBySnapshot.flat().length ?? 0,
          areaVertices: areas?.vertices ?? 0,
          setupMs,
          areaSetupMs,
          firstIdleMs: performance.now(),
          mapSize: [container.clientWidth, container.clientHeight],
        }),
      );
      map.triggerRepaint();
    };
    const onError = (message: string) => {
      window.__benchError = message;
    };
    if (variant === 'app') {
      const callbacks = {
        onPlaceClick: () => {},
        onViewChange: () => {},
        onLoad: () => queueMicrotask(onLoad),
        onError,
        onBasemapFailed: onError,
        onMarkHover: () => {},
      };
      const controller = new MapController(container, layers, callbacks, {
        initialView: VIEW,
        exposeAs: '__frontlineMap',
      });
      map = window.__frontlineMap;
      // In the order MapPane (src/ui/MapPane.tsx) calls them: areas first, so the first update shows them.
      controller.setAreas(areaData, dataset.sources);
      controller.update(appInputsAt(START_DATE));
      // The same call the React app makes on a slider move (src/ui/MapPane.tsx).
      move = (date) => controller.update(appInputsAt(date));
    } else {
      const baseline = new SetDataMap(container, style, layers, areaData, dataset.sources, VIEW, initial, {
        fadeDuration,
        onLoad: () => queueMicrotask(onLoad),
      });
      map = baseline.map;
      map.on('error', (e) => onError(e.error?.message ?? 'map error'));
      move = (date) => baseline.update(inputsAt(date));
    }
  });

  const timeMove = (date: string | null, timeoutMs: number) =>
    new Promise<MoveTiming>((resolve, reject) => {
      const m = map;
      if (!m) return reject(new Error('no map'));
      let frames = 0;
      const onRender = () => {
        frames++;
      };
      const timer = setTimeout(() => {
        const why = window.__benchError ? ` (map error: ${window.__benchError})` : '';
        reject(new Error(`no idle within ${timeoutMs} ms after moving to ${date}${why}`));
      }, timeoutMs);
      const t = performance.now();
      m.on('render', onRender);
      m.once('idle', () => {
        const toIdleMs = performance.now() - t;
        waitForDrawn(m);
        const toDrawnMs = performance.now() - t;
        clearTimeout(timer);
        m.off('render', onRender);
        const changes = date === null ? { changed: 0, snapshotsChanged: 0 } : countChanges(date);
        resolve({ toIdleMs, toDrawnMs, updateMs, frames, ...changes });
      });
      if (date !== null) move(date);
      const updateMs = performance.now() - t;
      // A no-op when the move already scheduled a frame; otherwise (nothing changed) it makes `idle` come.
      m.triggerRepaint();
    });

  return {
    ready,
    async repaint(count, timeoutMs) {
      const timings: MoveTiming[] = [];
      for (let i = 0; i < count; i++)
        timings.push(await untilSettled(map, () => timeMove(null, timeoutMs), variant === 'app'));
      return timings;
    },
    async scrub(dates, moveTimeoutMs) {
      const timings: MoveTiming[] = [];
      for (const date of dates)
        timings.push(await untilSettled(map, () => timeMove(date, moveTimeoutMs), variant === 'app'));
      return timings;
    },
  };
}

async function boot(): Promise<void> {
  const t0 = performance.now();
  const synthetic = empty
    ? { sources: [], places: [], claims: [] }
    : params.has('growth')
      ? generateDataset(scaledSynth(Number(params.get('growth'))))
      : generateDataset({ ...DEFAULT_SYNTH, claims: Number(params.get('claims') ?? DEFAULT_SYNTH.claims) });
  const dataset = params.get('archive') === '1' ? withAreaSources(synthetic) : synthetic;
  const archive = params.get('archive') === '1' ? await importedAreas(dataset) : undefined;
  window.__bench = start(dataset, archive, t0);
}

boot().catch((err: unknown) => {
  window.__benchError = err instanceof Error ? err.message : String(err);
});
