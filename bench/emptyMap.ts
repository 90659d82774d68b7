/**
 * The cold-start floor (scripts/bench/coldStart.ts): MapLibre alone on the app's basemap style and default
 * view, nothing else. The app's cold start is compared with this page's, loaded the same way in the same run,
 * so what the ratio charges to the app is the app's own work, not MapLibre's or SwiftShader's.
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { basemapStyle } from '../src/map/basemapStyle';
import { DEFAULT_VIEW } from '../src/state/data';
import 'maplibre-gl/dist/maplibre-gl.css';

// stack.md pitfall 1, as src/map/MapController.ts does it.
maplibregl.setWorkerUrl(workerUrl);
const container = document.getElementById('map');
if (!container) throw new Error('bench/empty.html has no #map');
// The runner's init script catches the first `idle` through this global, as on the app's e2e build.
window.__frontlineMap = new maplibregl.Map({
  container,
  style: basemapStyle(document.baseURI),
  center: [DEFAULT_VIEW.lng, DEFAULT_VIEW.lat],
  zoom: DEFAULT_VIEW.zoom,
});
