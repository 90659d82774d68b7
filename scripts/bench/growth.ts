/**
 * How cost grows (BENCH_ONLY=growth): the same work at 10,000, 100,000 and 1,000,000 claims, places (so
 * tracks, marks and ring segments) scaled with them (`scaledSynth`). In Node: building the index and the
 * layer data, the query (`trackStatusesAsOf`), the view (`computeClaimsView`) and the whole map state.
 * In the browser, the adapter page without areas: set-up, first idle (MapLibre's worker tiling the
 * points), heap, moves and back-to-back repaints, each to a frame drawn. One row per size.
 */
import { type Summary, summarize } from '../../bench/stats';
import { generateDataset, randomDates, scaledSynth, scrubDates } from '../../bench/synth';
import { trackStatusesAsOf } from '../../src/claims/timeline';
import { computeClaimsView } from '../../src/claims/view';
import { computeFeatureStates } from '../../src/map/featureStates';
import { measureInterleaved, time, timedBuilds } from './query';
import type { BenchPage } from './scrub';

export const GROWTH_SIZES = [10_000, 100_000, 1_000_000];
/** "a move first exceeds two repaints" (issue 15). */
export const MOVES_PER_REPAINT_LIMIT = 2;

export interface NodeGrowth {
  claims: number;
  places: number;
  tracks: number;
  generateMs: number;
  buildIndexMs: number;
  buildLayerDataMs: number;
  /** Heap the dataset, index and layer data hold (after a GC when Node runs with --expose-gc; NaN without). */
  heapBytes: number;
  trackStatusesAsOf: Summary;
  computeClaimsView: Summary;
  computeFeatureStates: Summary;
}

export interface BrowserGrowth {
  claims: number;
  /** Set-up in the page (data, index, layer data) and navigation → first idle with the data drawn. */
  setupMs: number;
  firstIdleMs: number;
  heapBytes: number;
  moves: Summary;
  floor: Summary;
  /** Median move / median repaint, both to a frame drawn. */
  movesPerRepaint: number;
  /** Why the page gave no figures (a timeout, a crash), when it did not. */
  failed?: string;
}

const gc = (globalThis as { gc?: () => void }).gc;
const heapNow = () => {
  gc?.();
  return gc ? process.memoryUsage().heapUsed : Number.NaN;
};

export function nodeGrowth(claims: number, queries: number): NodeGrowth {
  const options = scaledSynth(claims);
  const heap0 = heapNow();
  let dataset = generateDataset({ ...options, claims: 0 });
  const generateMs = time(() => {
    dataset = generateDataset(options);
  });
  const { index, layers, buildIndexMs, buildLayerDataMs } = timedBuilds(dataset);
  const heapBytes = heapNow() - heap0;
  const sources = new Set(dataset.sources.map((s) => s.id));
  const placeIds = dataset.places.map((p) => p.id);
  const out = new Uint8Array(index.tracks.length);
  const dates = randomDates(options, queries, options.seed + 1);
  const [codes, view, states] = measureInterleaved(dates, [
    (date) => trackStatusesAsOf(index, date, out),
    (date) => computeClaimsView(index, placeIds, date, sources),
    (date) =>
      computeFeatureStates(layers, { view: computeClaimsView(index, placeIds, date, sources), selectedPlace: null }),
  ]);
  return {
    claims,
    places: options.places,
    tracks: index.tracks.length,
    generateMs,
    buildIndexMs,
    buildLayerDataMs,
    heapBytes,
    trackStatusesAsOf: codes,
    computeClaimsView: view,
    computeFeatureStates: states,
  };
}

export async function browserGrowth(
  open: (extra: string) => Promise<BenchPage>,
  claims: number,
  moves: number,
  repaints: number,
): Promise<BrowserGrowth> {
  const empty = summarize([]);
  let page: BenchPage | undefined;
  try {
    page = await open(`&areas=0&growth=${claims}`);
    const options = scaledSynth(claims);
    const timed = await page.scrub([
      ...scrubDates(options, 2, options.seed + 2, 400),
      ...scrubDates(options, moves, options.seed + 3, 500),
    ]);
    const floor = summarize((await page.repaint(repaints)).map((t) => t.toDrawnMs));
    const movesSummary = summarize(timed.slice(2).map((t) => t.toDrawnMs));
    return {
      claims,
      setupMs: page.info.setupMs,
      firstIdleMs: page.info.firstIdleMs,
      heapBytes: page.heapUsedBytes,
      moves: movesSummary,
      floor,
      movesPerRepaint: movesSummary.median / floor.median,
    };
  } catch (err) {
    const failed = err instanceof Error ? err.message : String(err);
    const nan = Number.NaN;
    return {
      claims,
      setupMs: nan,
      firstIdleMs: nan,
      heapBytes: nan,
      moves: empty,
      floor: empty,
      movesPerRepaint: nan,
      failed,
    };
  } finally {
    await page?.close();
  }
}

/** The first size whose median move costs more than `limit` repaints, or undefined when none does. */
export function firstSizeOver(
  rows: readonly Pick<BrowserGrowth, 'claims' | 'movesPerRepaint' | 'failed'>[],
  limit = MOVES_PER_REPAINT_LIMIT,
) {
  return rows.find((r) => r.failed !== undefined || r.movesPerRepaint > limit)?.claims;
}

export interface GrowthResults {
  sizes: number[];
  node: NodeGrowth[];
  browser: BrowserGrowth[];
  /** Moves per size in the browser, and whether Node could force GCs (heap figures need it). */
  moves: number;
  nodeGc: boolean;
  /** The first size whose move exceeds two repaints (or whose page failed); undefined when none. */
  firstOverTwoRepaints?: number;
}
