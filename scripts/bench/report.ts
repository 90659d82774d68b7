/** Targets, the printed table and the shape of bench/results.json. */
import { kB, MB, ms, type Summary } from '../../bench/stats';
import type { ArchiveResults } from './archive';
import type { ColdStartResult } from './coldStart';
import type { GrowthResults } from './growth';
import type { AreaQueryResults, QueryResults } from './query';
import type { ScrubComparison } from './scrub';
import { printArchive, printColdStart, printGrowth, taskSpread } from './sections';
import { TABLE_LONG_TASK_MS, type TableResults } from './table';
import { atMost, checked, type Target, targetLines } from './targets';

export interface Machine {
  nproc: number;
  cpuModel: string;
  chromium: string;
  node: string;
  platform: string;
  /** 1-minute load average before and after the run: high values mean other work shared the CPUs. */
  loadBefore: number;
  loadAfter: number;
}

interface Memory {
  /** Main-thread JS heap after GC, bench page with the 100k-claim dataset and the area snapshots drawn (app variant). */
  appPageBytes: number;
  /** The same page with no data: MapLibre, the basemap and the bench code. */
  emptyPageBytes: number;
  /** The difference: dataset, areas, time indexes, layer data and the map's main-thread copy of the features. */
  dataBytes: number;
  /** The setData baseline's page (it holds all snapshots too, and copies of those in force). */
  setdataPageBytes: number;
}

/** Area snapshots at scale (docs/PERFORMANCE.md, "area snapshots at scale"). */
export interface AreaResults {
  snapshots: number;
  tracks: number;
  features: number;
  vertices: number;
  frontLineVertices: number;
  /**
   * Both scrub pages draw them: the app's through `MapController.setAreas` (every move then runs
   * `updateAreas`), the baseline's by `setData` with the snapshots in force on every move. So the scrub
   * and frame-floor figures are with areas.
   */
  drawnInScrub: true;
  /** The as-of lookup in Node (copied from `query.areas`): the app's functions against a naive scan. */
  lookup: Pick<
    AreaQueryResults,
    'activeSnapshots' | 'visibleSnapshots' | 'naiveScan' | 'ratioActiveSnapshots' | 'ratioVisibleSnapshots'
  >;
  /** Area snapshots switched on or off per app move (the baseline's moves switch the same ones). */
  snapshotsChangedPerMove: Summary;
  /** In the page: generating the snapshots and `buildAreaLayerData`. */
  pageSetupMs: number;
  /** Main-thread JS heap after GC of the app page without the areas (`?areas=0`), after its first idle. */
  noAreasPageBytes: number;
  /** What the areas add to the main-thread heap: app page − the page without areas. MapLibre's worker not included. */
  heapBytes: number;
  /** A repaint with no change on the page without areas (compare `scrub.frameFloor.app`). */
  frameFloorNoAreas: Summary;
  /** The import worker's work per snapshot, in Node (copied from `query.areas`). */
  importSample: AreaQueryResults['importSample'];
}

interface ScrubResults extends ScrubComparison {
  /** MapLibre `fadeDuration` of the baseline map (the app's map keeps the default, 300). */
  baselineFadeDuration: number;
  /** A repaint with no change, timed to `idle`: on the data page (after the scrub) and on the empty page. Full runs only. */
  frameFloor?: { app: Summary; empty: Summary };
  /**
   * Back-to-back repaints with no change, each timed to the frame drawn (`readPixels` after `idle`): the data
   * page (areas, zoom 9.2), the claims alone at zoom 9.2 and at `marksZoom` (where the per-source marks are
   * drawn), and the empty page. Every run.
   */
  drawnFloor?: { app: Summary; claims: Summary; claimsMarks: Summary; empty: Summary; marksZoom: number };
  /** The real-app page's own back-to-back repaints after its scrub, to `idle` and to a frame drawn (issue 15's floor). */
  reactFloor?: { idle: Summary; drawn: Summary };
}

/**
 * A full run has every part but growth; `only` names the one part a `BENCH_ONLY` run has (scrub: the scrub
 * rows and frame floors).
 */
export interface Results {
  generatedAt: string;
  only?: 'scrub' | 'table' | 'cold' | 'archive' | 'growth';
  /** BENCH_MOVES: moves each scrub page was asked to take (0 for a table-only run). */
  moves: number;
  machine: Machine;
  query?: QueryResults;
  /** Absent from a table-only run. */
  scrub?: ScrubResults;
  /** The claims table at 100k claims on the real app (scripts/bench/table.ts); absent from a scrub-only run. */
  table?: TableResults;
  coldStart?: ColdStartResult;
  memory?: Memory;
  targets: Target[];
  areas?: AreaResults;
  /** The real DeepState archive, or why it was skipped. */
  archive?: ArchiveResults | { skipped: string };
  growth?: GrowthResults;
}

/**
 * The older targets (docs/PERFORMANCE.md rounds 1–4) that still hold: the initial JS's size. Their absolute
 * times (query median ≤ 1 ms, scrub p95 ≤ 100 ms) are retired: on software rendering they measure the
 * machine, not the app; the figures are still printed.
 */
export function evaluateTargets(cold: ColdStartResult | undefined): Target[] {
  if (!cold) return [];
  return [
    checked(
      atMost({
        name: 'initial JS before first idle (gzip, workers included)',
        measured: cold.jsGzipBytes,
        of: 450_000,
        factor: 1,
        unit: kB,
      }),
      cold.jsGzipBytes,
    ),
  ];
}

/** One target per claims-table interaction: its longest long task (median round) ≤ 200 ms. */
export function tableTargets(table: TableResults): Target[] {
  return table.interactions.map((t) => {
    const target = atMost({
      name: `table: ${t.name}, longest long task (median of ${t.longestTask.n} rounds)`,
      measured: t.longestTask.median,
      of: TABLE_LONG_TASK_MS,
      factor: 1,
      unit: (v) => (v ? ms(v) : 'none ≥ 50 ms'),
    });
    return {
      ...target,
      measured: `${target.measured} (worst round ${t.longestTask.max ? ms(t.longestTask.max) : 'none ≥ 50 ms'})`,
    };
  });
}

/** The table's rows: per interaction, to the next frame, to the frame after its last DOM change, the longest task. */
function printTableRows(t: TableResults): void {
  const w = [44, 11, 11, 11, 11, 11, 7, 5];
  const task = (v: number) => (v ? ms(v) : '< 50 ms');
  console.log(
    `\nclaims table: ${t.info.claims} claims, real app, no areas, ${t.viewport.width}×${t.viewport.height} viewport, ` +
      `${t.rounds} rounds (medians; worst round's long task beside)`,
  );
  console.log(row(['interaction', 'next frame', 'settled', 'long task', 'worst', 'own task', 'rows', ''], w));
  for (const i of t.interactions)
    console.log(
      row(
        [
          i.name,
          ms(i.nextFrame.median),
          ms(i.settled.median),
          task(i.longestTask.median),
          task(i.longestTask.max),
          task(i.changeTask.median),
          String(i.rows),
          i.pass ? 'PASS' : 'FAIL',
        ],
        w,
      ),
    );
  console.log(
    `  "next frame": the change → the first frame after it; "settled": → the first frame after the table's last DOM change;`,
  );
  console.log(
    `  "long task": the longest longtask overlapping that span, median round (PASS: ≤ ${TABLE_LONG_TASK_MS} ms); "worst": the worst round's;`,
  );
  console.log(
    `  "own task": the long task the change ran in (React's render and commit; not the map's frames), median round`,
  );
}

function printTargets(r: Results): void {
  for (const line of targetLines(r.targets)) console.log(line);
}

function row(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
}

const x = (n: number) => `${n.toFixed(2)}×`;
const count = (s: Summary) => `${s.median} (p95 ${s.p95}, max ${s.max})`;

/** The scrub rows: adapter-only, the real app with React's share beside it, the baseline. */
function scrubRows(s: ScrubResults): string[][] {
  const timing = (name: string, v: Summary) => [name, ms(v.median), ms(v.p95), String(v.n)];
  const rows = [
    timing('scrub: adapter-only, MapController.update → idle', s.app.moves),
    timing('scrub: adapter-only, update() → frame drawn', s.app.drawn),
    timing('scrub: adapter-only, update() call alone', s.app.update),
  ];
  if (s.react)
    rows.push(
      timing('scrub: real app, slider input → idle', s.react.moves),
      timing('scrub: real app, slider input → frame drawn', s.react.drawn),
      timing('  real app: all JS before the frames', s.react.update),
      timing('    of it React render (Profiler actualDuration)', s.react.render),
      timing('    of it the rest (store, views, commit, effects)', s.react.otherJs),
      timing('  real app: end of that JS → idle (map frames)', s.react.map),
    );
  if (s.reactFloor)
    rows.push(
      timing("repaint, no change: the real app's page → idle", s.reactFloor.idle),
      timing("repaint, no change: the real app's page → drawn", s.reactFloor.drawn),
    );
  const f = s.drawnFloor;
  if (f)
    rows.push(
      timing('frame drawn, no change: data page (z 9.2)', f.app),
      timing('frame drawn, no change: claims only (z 9.2)', f.claims),
      timing(`frame drawn, no change: claims only (z ${f.marksZoom})`, f.claimsMarks),
      timing('frame drawn, no change: empty map (z 9.2)', f.empty),
    );
  if (s.setdata)
    rows.push(
      timing(`scrub: setData baseline → idle (fade ${s.baselineFadeDuration})`, s.setdata.moves),
      timing('scrub: setData baseline update() call alone', s.setdata.update),
    );
  return rows;
}

function printScrubNotes(s: ScrubResults): void {
  const size = (info: { mapSize?: [number, number] }) => (info.mapSize ? info.mapSize.join('×') : '?');
  if (s.react) {
    const r = s.react;
    console.log(
      `real app / adapter-only (same ${r.moves.n} moves, interleaved): median ${x(r.ratio.median)}, p95 ${x(r.ratio.p95)}; ` +
        `synchronous JS ${x(r.ratio.update)}`,
    );
    console.log(
      `  to settled (no frame, no long task for a quiet second after idle): frames drawn per move ${count(r.frames)} ` +
        `(adapter-only ${count(s.app.frames)}); longest main-thread task per move ${taskSpread(r.longestTask)} ` +
        `(adapter-only ${taskSpread(s.app.longestTask)}); move → settled median ${ms(r.settled.median)}`,
    );
    console.log(
      `  React commits per move ${count(r.commits)}; ${r.movesWithLateCommits} moves had commits after idle (${r.lateCommits} in all); ` +
        `map canvas ${size(r.info)} (adapter page ${size(s.app.info)})`,
    );
    if (r.info.areaTimelineMs !== undefined)
      console.log(
        `  area timeline filled ${ms(r.info.areaTimelineMs)} after the page started (moves are timed after it)`,
      );
    const share = (part: number) => `${((part / r.moves.median) * 100).toFixed(0)} %`;
    console.log(
      `  of the real app's median move: React render ${share(r.render.median)}, all JS before the frames ${share(r.update.median)}, ` +
        `map ${share(r.map.median)} (medians of each part, so they need not add up)`,
    );
  }
  if (s.setdata && s.ratio !== undefined && s.appPairedMedian !== undefined)
    console.log(
      `setData/app: ${s.ratio.toFixed(1)}× (median to idle over the ${s.setdata.moves.n} moves both took; adapter page ${ms(s.appPairedMedian)})`,
    );
  if (s.setdata && s.reactRatio !== undefined)
    console.log(`setData/real app: ${s.reactRatio.toFixed(2)}× (the same moves, to idle)`);
}

function printHeader(r: Results): void {
  const { machine } = r;
  console.log(`${machine.nproc} CPUs (${machine.cpuModel}), Chromium ${machine.chromium}, Node ${machine.node}`);
  console.log(`load average ${machine.loadBefore.toFixed(2)} before, ${machine.loadAfter.toFixed(2)} after\n`);
}

export function printTable(r: Results): void {
  const w = [48, 12, 12, 5];
  const { query: q, scrub: s, coldStart: c, memory: m, areas: a, table: t } = r;
  if (r.only === 'cold' || r.only === 'archive' || r.only === 'growth') {
    console.log(`\nFrontline Claims bench, BENCH_ONLY=${r.only}`);
    printHeader(r);
    if (c) printColdStart(c);
    if (r.archive) printArchive(r.archive);
    if (r.growth) printGrowth(r.growth);
    console.log('');
    printTargets(r);
    return;
  }
  if (!s) {
    console.log('\nFrontline Claims bench, the claims table only (BENCH_ONLY=table)');
    printHeader(r);
    if (t) printTableRows(t);
    console.log('');
    printTargets(r);
    return;
  }
  if (!q || !c || !m || !a || !s.frameFloor) {
    console.log(`\nFrontline Claims bench, scrub rows only (BENCH_ONLY=scrub), ${r.moves} moves per page`);
    printHeader(r);
    console.log(row(['measure', 'median', 'p95', 'n'], w));
    for (const line of scrubRows(s)) console.log(row(line, w));
    console.log('');
    printScrubNotes(s);
    console.log('');
    printTargets(r);
    return;
  }
  const timing = (name: string, v: Summary) => [name, ms(v.median), ms(v.p95), String(v.n)];
  console.log(
    `\nFrontline Claims bench: ${q.dataset.claims} claims, ${q.dataset.places} places, ${q.dataset.sources} sources, ` +
      `${a.snapshots} area snapshots (${a.tracks} tracks, ${(a.vertices / 1e6).toFixed(2)}M vertices)`,
  );
  printHeader(r);
  console.log(row(['measure', 'median', 'p95', 'n'], w));
  for (const line of [
    timing('query: trackStatusesAsOf (index, codes)', q.trackStatusesAsOf),
    timing('query: allPositions (index, Position objects)', q.allPositions),
    timing('query: computeFeatureStates (whole map path)', q.computeFeatureStates),
    timing('query: naive scan of all claims', q.naiveScan),
    timing('query: areas activeSnapshots (index)', a.lookup.activeSnapshots),
    timing('query: areas visibleSnapshots (map path)', a.lookup.visibleSnapshots),
    timing('query: areas naive scan of all snapshots', a.lookup.naiveScan),
    ...scrubRows(s),
    timing('frame floor: repaint, no change (data page)', s.frameFloor.app),
    timing('frame floor: repaint, no change (no areas)', a.frameFloorNoAreas),
    timing('frame floor: repaint, no change (no data)', s.frameFloor.empty),
    timing('cold start: navigation → first idle', c.firstIdle),
  ])
    console.log(row(line, w));
  console.log('');
  const x1 = (n: number) => `${n.toFixed(1)}×`;
  const ratios = [
    `${x1(q.ratioTrackStatuses)} (trackStatusesAsOf)`,
    `${x1(q.ratioAllPositions)} (allPositions)`,
    `${x1(q.ratioFeatureStates)} (computeFeatureStates)`,
  ];
  console.log(`naive/app: ${ratios.join(', ')}`);
  console.log(
    `naive/app (areas): ${x1(a.lookup.ratioActiveSnapshots)} (activeSnapshots), ${x1(a.lookup.ratioVisibleSnapshots)} (visibleSnapshots)`,
  );
  printScrubNotes(s);
  printColdStart(c);
  console.log(`heap after load: ${MB(m.appPageBytes)} (empty page ${MB(m.emptyPageBytes)}, data +${MB(m.dataBytes)})`);
  const sw = a.snapshotsChangedPerMove;
  console.log(
    `areas: ${a.snapshots} snapshots, ${a.features} features, ${a.vertices} vertices + ${a.frontLineVertices} in front lines, ` +
      `drawn on both scrub pages; a move switches ${sw.median} snapshots (median, p95 ${sw.p95})`,
  );
  console.log(
    `  heap the areas add: +${MB(a.heapBytes)} (page without areas ${MB(a.noAreasPageBytes)}); set-up in the page ${ms(a.pageSetupMs)}`,
  );
  const i = a.importSample;
  console.log(
    `  import worker's work per snapshot (Node, median of ${i.snapshots}): ${ms(i.totalMs.median)} ` +
      `(import ${ms(i.importMs.median)}, measure ${ms(i.measureMs.median)}, front line ${ms(i.frontLineMs.median)})`,
  );
  if (r.archive) printArchive(r.archive);
  console.log('');
  printTargets(r);
}
