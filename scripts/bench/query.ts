/**
 * Query benchmark (Node): "every source's position on every place as of date D" and "every area
 * snapshot in force as of D" for random D, answered by the app's time indexes and by naive scans,
 * in the same run. Run alone with `npx tsx scripts/bench/query.ts`; `npm run bench` runs it first.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { ms, type Summary, summarize } from '../../bench/stats';
import {
  AREA_SNAPSHOTS,
  DEFAULT_SYNTH,
  generateAreas,
  generateDataset,
  randomDates,
  type SynthOptions,
} from '../../bench/synth';
import { snapshotsOnHand } from '../../src/areas/catalog';
import { importAreaFile } from '../../src/areas/detect';
import { frontLine } from '../../src/areas/frontline';
import { loadBorder, loadRussiaClip } from '../../src/areas/loadNode';
import { measureSnapshot } from '../../src/areas/measure';
import type { AreaSnapshot } from '../../src/areas/model';
import { activeSnapshots, trackKey } from '../../src/areas/timeline';
import { addDays } from '../../src/claims/dates';
import type { Claim, Dataset, IsoDate } from '../../src/claims/model';
import { parseDataset } from '../../src/claims/schema';
import {
  allPositions,
  buildTimeIndex,
  NO_CLAIM,
  STATUS_CODES,
  type TimeIndex,
  trackStatusesAsOf,
} from '../../src/claims/timeline';
import { computeClaimsView } from '../../src/claims/view';
import { type AreaLayerData, buildAreaLayerData } from '../../src/map/areaLayers';

const visibleSnapshots = (data: AreaLayerData, date: string, sources: ReadonlySet<string>) =>
  snapshotsOnHand(data, date, sources).visible;

import { computeFeatureStates } from '../../src/map/featureStates';
import { buildAppLayerData } from '../../src/map/placeFeatures';

const REPO = join(import.meta.dirname, '..', '..');

/** "Which area snapshot is in force for every (source, layer) as of D", over the synthetic snapshots. */
export interface AreaQueryResults {
  snapshots: number;
  /** (source, layer) pairs. */
  tracks: number;
  /** Polygon features in the map's one area source (one per area claim). */
  features: number;
  /** Distinct positions in all snapshots' rings. */
  vertices: number;
  /** Positions in the synthetic front lines (one per snapshot, drawn by the app's front-line layer). */
  frontLineVertices: number;
  /** Generating the snapshots (bench/synth.ts `generateAreas`, including turf's area per claim). */
  generateMs: number;
  /** `buildAreaLayerData`: the area index and the GeoJSON the map draws, built once per import (App.tsx). */
  buildLayerDataMs: number;
  /** The app's as-of lookup, `activeSnapshots` (src/areas/timeline.ts): a binary search per track. */
  activeSnapshots: Summary;
  /** What `MapController.updateAreas` calls on every slider move: the same, as snapshot indices. */
  visibleSnapshots: Summary;
  /** Scan every snapshot, keep the latest per (source, layer) stated on or before D. */
  naiveScan: Summary;
  /** naive median / app median. */
  ratioActiveSnapshots: number;
  ratioVisibleSnapshots: number;
  /**
   * The import worker's work per snapshot (src/areas/importWorker.ts), run in Node on a sample of the
   * snapshots written as the app's own area format: `importAreaFile` (JSON, schema, self-intersection
   * check, km² per claim), `measureSnapshot` (union per status) and `frontLine`. The import must give back
   * the generated snapshot exactly, which also checks the synthetic rings are valid app data.
   */
  importSample: {
    snapshots: number;
    fileBytes: Summary;
    importMs: Summary;
    measureMs: Summary;
    frontLineMs: Summary;
    totalMs: Summary;
  };
}

export interface QueryResults {
  dataset: { claims: number; places: number; sources: number; days: number; seed: number; tracks: number };
  queries: number;
  buildIndexMs: number;
  buildLayerDataMs: number;
  schemaCheckMs: number;
  /** The map's hot path: one status code per (place, source) track into a reused array. */
  trackStatusesAsOf: Summary;
  /** The same answer as `Position` objects (for reports and tests). */
  allPositions: Summary;
  /** The whole map path: codes, agreement per place, mark states. */
  computeFeatureStates: Summary;
  naiveScan: Summary;
  /** naive median / app median. */
  ratioTrackStatuses: number;
  ratioAllPositions: number;
  ratioFeatureStates: number;
  areas: AreaQueryResults;
}

/** The baseline: scan every claim, keep the latest per (place, source) stated on or before `date`. */
export function naivePositions(claims: readonly Claim[], date: IsoDate): Map<string, Claim> {
  const latest = new Map<string, Claim>();
  for (const claim of claims) {
    if (claim.statedDate > date) continue;
    for (const placeId of claim.placeIds) {
      const key = `${placeId}\u0000${claim.sourceId}`;
      const previous = latest.get(key);
      if (!previous || claim.statedDate >= previous.statedDate) latest.set(key, claim);
    }
  }
  return latest;
}

/**
 * The baseline for areas: scan every snapshot, keep the latest per (source, layer) stated on or before
 * `date` among the enabled sources; the same day goes by snapshot time, and then to the later in the list.
 */
export function naiveActiveSnapshots(
  snapshots: readonly AreaSnapshot[],
  date: IsoDate,
  enabledSources: ReadonlySet<string>,
): Map<string, AreaSnapshot> {
  const latest = new Map<string, AreaSnapshot>();
  for (const s of snapshots) {
    if (s.statedDate > date || !enabledSources.has(s.sourceId)) continue;
    const key = trackKey(s.sourceId, s.layer);
    const previous = latest.get(key);
    if (
      !previous ||
      s.statedDate > previous.statedDate ||
      (s.statedDate === previous.statedDate && (s.snapshotTime ?? '') >= (previous.snapshotTime ?? ''))
    )
      latest.set(key, s);
  }
  return latest;
}

/** Serialise to the app's file formats and parse with its schema: the synthetic data is valid app data. */
function checkWithSchema(dataset: Dataset): void {
  const collection = <T>(items: T[], toFeature: (item: T) => object) =>
    JSON.stringify({ type: 'FeatureCollection', features: items.map(toFeature) });
  const parsed = parseDataset({
    sources: { file: 'sources.json', text: JSON.stringify({ sources: dataset.sources }) },
    places: {
      file: 'places.geojson',
      text: collection(dataset.places, ({ coordinates, ...properties }) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates },
        properties,
      })),
    },
    claims: {
      file: 'claims.geojson',
      text: collection(dataset.claims, (properties) => ({ type: 'Feature', geometry: null, properties })),
    },
  });
  if (!parsed.ok) throw new Error(`synthetic data fails the app's schema: ${JSON.stringify(parsed.errors[0])}`);
}

export function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/**
 * Warm up, then time every method once per date, rotating which goes first, so load from other
 * processes on a shared machine lands on all methods alike and the ratios stay fair.
 */
export function measureInterleaved(dates: readonly string[], methods: ((date: string) => unknown)[]): Summary[] {
  for (const date of dates.slice(0, 20)) for (const fn of methods) fn(date);
  const samples = methods.map((): number[] => []);
  dates.forEach((date, i) => {
    for (let k = 0; k < methods.length; k++) {
      const m = (i + k) % methods.length;
      samples[m].push(time(() => methods[m](date)));
    }
  });
  return samples.map(summarize);
}

/** Both answers of the index must match the scan, or the comparison means nothing. */
function crossCheck(dataset: Dataset, index: TimeIndex, dates: readonly string[]): void {
  for (const date of dates.slice(0, 5)) {
    const naive = naivePositions(dataset.claims, date);
    const app = allPositions(index, date);
    const mismatch = app.find((p) => naive.get(`${p.placeId}\u0000${p.sourceId}`) !== p.claim);
    if (app.length !== naive.size || mismatch)
      throw new Error(`index and naive scan disagree on ${date} (${app.length} vs ${naive.size} positions)`);
    trackStatusesAsOf(index, date).forEach((code, t) => {
      const track = index.tracks[t];
      const claim = naive.get(`${track.placeId}\u0000${track.sourceId}`);
      if ((claim ? STATUS_CODES.indexOf(claim.status) : NO_CLAIM) !== code)
        throw new Error(`trackStatusesAsOf disagrees with the naive scan on ${date}`);
    });
  }
}

/** Both area lookups must match the naive scan on every date, for all sources and for a subset. */
function crossCheckAreas(
  snapshots: readonly AreaSnapshot[],
  data: AreaLayerData,
  dates: readonly string[],
  allSources: ReadonlySet<string>,
): void {
  const subset = new Set([...data.sourceIds].filter((_, i) => i % 2 === 1));
  const first = data.index.dates[0];
  const edges = first ? [addDays(first, -1), first] : [];
  for (const sources of [allSources, subset])
    for (const date of [...edges, ...dates]) {
      const expected = new Set(naiveActiveSnapshots(snapshots, date, sources).values());
      const active = activeSnapshots(data.index, date, sources);
      const visible = visibleSnapshots(data, date, sources);
      if (active.length !== expected.size || active.some((s) => !expected.has(s)))
        throw new Error(
          `activeSnapshots and the naive scan disagree on ${date} (${active.length} vs ${expected.size})`,
        );
      if (visible.size !== expected.size || [...expected].some((s) => !visible.has(data.snapshotIndex.get(s) ?? -1)))
        throw new Error(`visibleSnapshots and the naive scan disagree on ${date}`);
    }
}

/** The snapshot as a file of the app's own area format (src/areas/native.ts). */
function nativeFile(snapshot: AreaSnapshot): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: snapshot.claims.map((c) => ({
      type: 'Feature',
      geometry: c.geometry,
      properties: { id: c.id, sourceId: c.sourceId, layer: c.layer, status: c.status, statedDate: c.statedDate },
    })),
  });
}

/** The import worker's pipeline on `sample` snapshots spread over the list, after one untimed warm-up. */
function importSample(snapshots: readonly AreaSnapshot[], sample: number): AreaQueryResults['importSample'] {
  const ctx = { clip: loadRussiaClip(REPO), sourceIds: new Set(snapshots.map((s) => s.sourceId)) };
  const border = loadBorder(REPO);
  const picked = Array.from(
    { length: sample + 1 },
    (_, i) => snapshots[Math.floor((i * snapshots.length) / (sample + 1))],
  );
  const rows = picked.map((generated) => {
    const text = nativeFile(generated);
    const t0 = performance.now();
    const imported = importAreaFile(generated.fileName, text, ctx);
    const t1 = performance.now();
    if (!imported.ok)
      throw new Error(`a synthetic snapshot fails the app's import: ${JSON.stringify(imported.errors[0])}`);
    if (!isDeepStrictEqual(imported.value, generated))
      throw new Error(`importing ${generated.fileName} does not give back the generated snapshot`);
    measureSnapshot(imported.value);
    const t2 = performance.now();
    frontLine(imported.value, border);
    const t3 = performance.now();
    return { bytes: text.length, importMs: t1 - t0, measureMs: t2 - t1, frontLineMs: t3 - t2, totalMs: t3 - t0 };
  });
  const timed = rows.slice(1);
  const of = (key: keyof (typeof rows)[number]) => summarize(timed.map((r) => r[key]));
  return {
    snapshots: timed.length,
    fileBytes: of('bytes'),
    importMs: of('importMs'),
    measureMs: of('measureMs'),
    frontLineMs: of('frontLineMs'),
    totalMs: of('totalMs'),
  };
}

/** The time index and the map's static layer data of `dataset`, each build timed. */
export function timedBuilds(dataset: Dataset) {
  let index = buildTimeIndex([]);
  const buildIndexMs = time(() => {
    index = buildTimeIndex(dataset.claims);
  });
  let layers = buildAppLayerData({ sources: [], places: [], claims: [] }, index);
  const buildLayerDataMs = time(() => {
    layers = buildAppLayerData(dataset, index);
  });
  return { index, layers, buildIndexMs, buildLayerDataMs };
}

export function runQueryBench(options: SynthOptions = DEFAULT_SYNTH, queries = 200): QueryResults {
  const dataset = generateDataset(options);
  const { index, layers, buildIndexMs, buildLayerDataMs } = timedBuilds(dataset);
  const dates = randomDates(options, queries, options.seed + 1);
  crossCheck(dataset, index, dates);
  const sources = new Set(dataset.sources.map((s) => s.id));
  const placeIds = dataset.places.map((p) => p.id);
  const out = new Uint8Array(index.tracks.length);

  let areas = generateAreas(options, [], AREA_SNAPSHOTS);
  const generateAreasMs = time(() => {
    areas = generateAreas(
      options,
      dataset.sources.map((s) => s.id),
      AREA_SNAPSHOTS,
    );
  });
  let areaData = buildAreaLayerData([]);
  const buildAreaLayerDataMs = time(() => {
    areaData = buildAreaLayerData(areas.snapshots, areas.frontLines);
  });
  crossCheckAreas(areas.snapshots, areaData, dates, sources);

  const [codes, objects, features, naive, areaActive, areaVisible, areaNaive] = measureInterleaved(dates, [
    (date) => trackStatusesAsOf(index, date, out),
    (date) => allPositions(index, date),
    (date) =>
      computeFeatureStates(layers, { view: computeClaimsView(index, placeIds, date, sources), selectedPlace: null }),
    (date) => naivePositions(dataset.claims, date),
    (date) => activeSnapshots(areaData.index, date, sources),
    (date) => visibleSnapshots(areaData, date, sources),
    (date) => naiveActiveSnapshots(areas.snapshots, date, sources),
  ]);
  // Last, so the garbage they leave does not land in the timings above.
  const schemaCheckMs = time(() => checkWithSchema(dataset));
  const areaImport = importSample(areas.snapshots, 8);

  return {
    dataset: {
      claims: dataset.claims.length,
      places: dataset.places.length,
      sources: dataset.sources.length,
      days: options.days,
      seed: options.seed,
      tracks: index.tracks.length,
    },
    queries,
    buildIndexMs,
    buildLayerDataMs,
    schemaCheckMs,
    trackStatusesAsOf: codes,
    allPositions: objects,
    computeFeatureStates: features,
    naiveScan: naive,
    ratioTrackStatuses: naive.median / codes.median,
    ratioAllPositions: naive.median / objects.median,
    ratioFeatureStates: naive.median / features.median,
    areas: {
      snapshots: areas.snapshots.length,
      tracks: areaData.index.tracks.size,
      features: areaData.featuresBySnapshot.flat().length,
      vertices: areas.vertices,
      frontLineVertices: areas.frontLineVertices,
      generateMs: generateAreasMs,
      buildLayerDataMs: buildAreaLayerDataMs,
      activeSnapshots: areaActive,
      visibleSnapshots: areaVisible,
      naiveScan: areaNaive,
      ratioActiveSnapshots: areaNaive.median / areaActive.median,
      ratioVisibleSnapshots: areaNaive.median / areaVisible.median,
      importSample: areaImport,
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = runQueryBench();
  const { claims, places, sources, tracks } = r.dataset;
  console.log(`${claims} claims, ${places} places, ${sources} sources, ${tracks} tracks, ${r.queries} dates`);
  console.log(`build index ${ms(r.buildIndexMs)}, layer data ${ms(r.buildLayerDataMs)}, schema ${ms(r.schemaCheckMs)}`);
  for (const [name, s] of [
    ['trackStatusesAsOf', r.trackStatusesAsOf],
    ['allPositions', r.allPositions],
    ['computeFeatureStates', r.computeFeatureStates],
    ['naive scan', r.naiveScan],
  ] as const)
    console.log(`${name.padEnd(22)} median ${ms(s.median).padStart(10)}  p95 ${ms(s.p95).padStart(10)}`);
  const x = (n: number) => `${n.toFixed(1)}×`;
  console.log(
    `naive/app ${x(r.ratioTrackStatuses)} (codes), ${x(r.ratioAllPositions)} (objects), ${x(r.ratioFeatureStates)}`,
  );
  const a = r.areas;
  console.log(
    `\n${a.snapshots} area snapshots, ${a.tracks} tracks, ${a.features} features, ${a.vertices} vertices (+${a.frontLineVertices} in front lines)`,
  );
  console.log(`generate ${ms(a.generateMs)}, area layer data ${ms(a.buildLayerDataMs)}`);
  for (const [name, s] of [
    ['activeSnapshots', a.activeSnapshots],
    ['visibleSnapshots', a.visibleSnapshots],
    ['naive scan (areas)', a.naiveScan],
  ] as const)
    console.log(`${name.padEnd(22)} median ${ms(s.median).padStart(10)}  p95 ${ms(s.p95).padStart(10)}`);
  console.log(
    `naive/app ${x(a.ratioActiveSnapshots)} (activeSnapshots), ${x(a.ratioVisibleSnapshots)} (visibleSnapshots)`,
  );
  const i = a.importSample;
  console.log(
    `import worker's work per snapshot (median of ${i.snapshots}, ${(i.fileBytes.median / 1000).toFixed(0)} kB files): ` +
      `${ms(i.totalMs.median)} = import ${ms(i.importMs.median)} + measure ${ms(i.measureMs.median)} + front line ${ms(i.frontLineMs.median)}`,
  );
}
