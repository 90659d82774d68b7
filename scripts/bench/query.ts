/**
 * Query benchmark (Node): "every source's position on every place as of date D" for random D,
 * answered by the app's time index and by a naive scan of all claims, in the same run.
 * Run alone with `npx tsx scripts/bench/query.ts`; `npm run bench` runs it first.
 */
import { pathToFileURL } from 'node:url';
import { flatStatusesAsOf, flatten } from '../../bench/flatIndex';
import { ms, type Summary, summarize } from '../../bench/stats';
import { DEFAULT_SYNTH, generateDataset, randomDates, type SynthOptions } from '../../bench/synth';
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
import { computeFeatureStates } from '../../src/map/featureStates';
import { buildAppLayerData } from '../../src/map/placeFeatures';

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
  /** Bench-only prototype (bench/flatIndex.ts), not app code: the same codes from flat arrays. */
  prototypeFlat: Summary;
  /** naive median / app median. */
  ratioTrackStatuses: number;
  ratioAllPositions: number;
  ratioFeatureStates: number;
  /** TODO(areas): "which area snapshot is in force for every source as of D" once src/areas/ lands. */
  areas: null;
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

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/**
 * Warm up, then time every method once per date, rotating which goes first, so load from other
 * processes on a shared machine lands on all methods alike and the ratios stay fair.
 */
function measureInterleaved(dates: readonly string[], methods: ((date: string) => unknown)[]): Summary[] {
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

export function runQueryBench(options: SynthOptions = DEFAULT_SYNTH, queries = 200): QueryResults {
  const dataset = generateDataset(options);
  let index = buildTimeIndex([]);
  const buildIndexMs = time(() => {
    index = buildTimeIndex(dataset.claims);
  });
  let layers = buildAppLayerData({ sources: [], places: [], claims: [] }, index);
  const buildLayerDataMs = time(() => {
    layers = buildAppLayerData(dataset, index);
  });
  const dates = randomDates(options, queries, options.seed + 1);
  crossCheck(dataset, index, dates);
  const sources = new Set(dataset.sources.map((s) => s.id));
  const out = new Uint8Array(index.tracks.length);
  const flat = flatten(index);
  const flatOut = new Uint8Array(index.tracks.length);
  for (const date of dates.slice(0, 5))
    if (!flatStatusesAsOf(flat, date, flatOut).every((c, t) => c === trackStatusesAsOf(index, date)[t]))
      throw new Error(`the flat prototype disagrees with trackStatusesAsOf on ${date}`);

  const [codes, objects, features, naive, prototypeFlat] = measureInterleaved(dates, [
    (date) => trackStatusesAsOf(index, date, out),
    (date) => allPositions(index, date),
    (date) => computeFeatureStates(index, layers, { date, sources, selectedPlace: null }),
    (date) => naivePositions(dataset.claims, date),
    (date) => flatStatusesAsOf(flat, date, flatOut),
  ]);
  // TODO(areas): time the area as-of lookup here in the same interleaved run: `activeSnapshots(buildAreaIndex(...))`
  // (src/areas/timeline.ts) and `visibleSnapshots` (src/map/areaLayers.ts) against a naive scan of the snapshots.
  // Last, so the garbage it leaves does not land in the timings above.
  const schemaCheckMs = time(() => checkWithSchema(dataset));

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
    prototypeFlat,
    ratioTrackStatuses: naive.median / codes.median,
    ratioAllPositions: naive.median / objects.median,
    ratioFeatureStates: naive.median / features.median,
    areas: null,
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
    ['prototype flat arrays', r.prototypeFlat],
  ] as const)
    console.log(`${name.padEnd(22)} median ${ms(s.median).padStart(10)}  p95 ${ms(s.p95).padStart(10)}`);
  const x = (n: number) => `${n.toFixed(1)}×`;
  console.log(
    `naive/app ${x(r.ratioTrackStatuses)} (codes), ${x(r.ratioAllPositions)} (objects), ${x(r.ratioFeatureStates)}`,
  );
}
