/**
 * `npm run bench`: synthetic data (fixed seed) → query timings in Node → scrub, memory and cold start
 * in headless chromium → table on stdout and bench/results.json. Not part of `npm test`.
 * Options (env): BENCH_MOVES (200), BENCH_COLD_RUNS (5), BENCH_BASELINE_BUDGET_S (600), BENCH_BASELINE_FADE (0),
 * BENCH_REPAINTS (6, per frame-floor page), BENCH_FIRST_IDLE_TIMEOUT_S (600, per page), BENCH_WATCHDOG_MIN (120),
 * BENCH_REACT (1: also scrub the real app, bench/react.tsx). BENCH_ONLY=scrub runs only the scrub rows
 * (adapter-only and real app; the setData baseline only if BENCH_BASELINE_BUDGET_S is set) and the drawn-frame
 * floors: no query, `idle` frame floor, memory or cold start. BENCH_ONLY=frames runs only the drawn-frame
 * floors of the claims without areas (zoom 9.2 and 10.5, each also with the marks and summary ring hidden)
 * and of the empty map, twice, interleaved: a few minutes. BENCH_ONLY=table runs only the claims-table
 * interactions on the real app (scripts/bench/table.ts), BENCH_TABLE_ROUNDS (3) times. BENCH_ONLY=cold runs only
 * the cold start, the app alternating with an empty MapLibre page. BENCH_ONLY=archive runs only the real DeepState
 * archive (import, heap, long tasks, scrub against setData; skipped when the archive is absent; moves
 * BENCH_ARCHIVE_MOVES, default BENCH_MOVES; baseline budget BENCH_BASELINE_BUDGET_S; BENCH_ARCHIVE_MOVES=0 skips the scrub,
 * the baseline and the repaints: the DeepState import and ISW's agreement fill alone). BENCH_ONLY=growth runs the
 * query, the view and the scrub at 10k, 100k and 1M claims (BENCH_GROWTH_MOVES, 10 per size; BENCH_GROWTH_SIZES to
 * choose, comma-separated). BENCH_QUIET_MS (1000): after a move's `idle`, this long without a frame or a long
 * task and the move has settled (frames and the longest task per move are counted to there, bench/frames.ts).
 * Every run ends with its targets as PASS/FAIL lines with their ratios (./targets.ts: issue 23's two tables).
 * `--strict` exits 1 when a target fails.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import type { MoveTiming, ReactMoveTiming, Variant } from '../../bench/benchApi';
import { kB, ms, type Summary, summarize } from '../../bench/stats';
import { DEFAULT_SYNTH, scrubDates } from '../../bench/synth';
import { type ArchiveResults, archiveMissing, runArchiveBench } from './archive';
import { launch, withTimeout } from './browser';
import { type ColdStartResult, runColdStart } from './coldStart';
import { browserGrowth, firstSizeOver, GROWTH_SIZES, type GrowthResults, nodeGrowth } from './growth';
import { type QueryResults, runQueryBench } from './query';
import { type AreaResults, evaluateTargets, type Machine, printTable, type Results, tableTargets } from './report';
import { type BenchPage, compareScrub, openBenchPage, type ScrubComparison } from './scrub';
import { buildAndServe, REPO, target } from './servers';
import { runTableBench } from './table';
import { type IssueFigures, issueTargets } from './targets';

/** `frames`: only the drawn-frame floors of the pages without areas (a quick look at what a frame costs). */
const ONLY_FRAMES = process.env.BENCH_ONLY === 'frames';
const ONLY_SCRUB = process.env.BENCH_ONLY === 'scrub' || ONLY_FRAMES;
const ONLY_TABLE = process.env.BENCH_ONLY === 'table';
const ONLY_OTHER = (['cold', 'archive', 'growth'] as const).find((o) => o === process.env.BENCH_ONLY);
if (process.env.BENCH_ONLY !== undefined && !ONLY_SCRUB && !ONLY_TABLE && !ONLY_OTHER)
  throw new Error(
    `BENCH_ONLY=${process.env.BENCH_ONLY}: the choices are "scrub", "frames", "table", "cold", "archive" and "growth"`,
  );
const MOVES = Number(process.env.BENCH_MOVES ?? 200);
const REACT = process.env.BENCH_REACT !== '0';
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
/** The setData baseline takes seconds per move on software WebGL: it stops after this much time. */
const BASELINE_BUDGET_S = Number(process.env.BENCH_BASELINE_BUDGET_S ?? (ONLY_SCRUB ? 0 : 600));
const ARCHIVE_MOVES = Number(process.env.BENCH_ARCHIVE_MOVES ?? MOVES);
const GROWTH_MOVES = Number(process.env.BENCH_GROWTH_MOVES ?? 10);
const GROWTH = process.env.BENCH_GROWTH_SIZES ? process.env.BENCH_GROWTH_SIZES.split(',').map(Number) : GROWTH_SIZES;
/** Baseline only: with MapLibre's default 300 ms fade it re-places symbols a few ms per frame and does not settle. */
const BASELINE_FADE = process.env.BENCH_BASELINE_FADE ?? '0';
const FLOOR_REPAINTS = Number(process.env.BENCH_REPAINTS ?? 6);
/** A zoom where the per-source marks are drawn (from 10, src/map/appLayers.ts), centred on the box. */
const MARKS_ZOOM = 10.5;
/** With the area snapshots drawn, an app move takes 10–20 s on software WebGL: 200 moves alone take ~50 min. */
const WATCHDOG_MS = Number(process.env.BENCH_WATCHDOG_MIN ?? 120) * 60_000;

/** Everything that must be undone, newest first, even on failure or Ctrl-C. */
const cleanups: { label: string; run: () => Promise<unknown> | unknown }[] = [];
let cleaning: Promise<void> | undefined;

function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const { label, run } of cleanups.splice(0).reverse())
      await withTimeout(Promise.resolve().then(run), 15_000, `clean-up: ${label}`).catch((err: Error) =>
        console.error(err.message),
      );
  })();
  return cleaning;
}

let interrupted = false;

function abort(code: number, message: string): void {
  interrupted = true;
  console.error(message);
  void cleanUp().finally(() => process.exit(code));
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    return line?.split(':')[1]?.trim() ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function nproc(): number {
  try {
    return Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    return availableParallelism();
  }
}

const tempDirs = new Set<string>();
const removeDir = (dir: string) => {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
};
// Last resort, synchronous: whatever way the process ends, no build output is left in the temp folder.
process.on('exit', () => {
  for (const dir of tempDirs) removeDir(dir);
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.add(dir);
  cleanups.push({ label: `remove ${dir}`, run: () => removeDir(dir) });
  return dir;
}

/** Open a page and register its closing, so a failure anywhere still closes it. */
async function open<T extends MoveTiming>(
  browser: Browser,
  url: string,
  variant: Variant,
  extra = '',
): Promise<BenchPage<T>> {
  const page = await openBenchPage<T>(browser, url, variant, extra);
  cleanups.push({ label: `close ${variant}${extra} page`, run: () => page.close() });
  if (page.offOrigin.length)
    throw new Error(`the ${variant} page requested outside its origin: ${page.offOrigin.slice(0, 5).join(', ')}`);
  return page;
}

async function main(): Promise<Results> {
  const loadBefore = loadavg()[0];
  let query: QueryResults | undefined;
  if (!ONLY_SCRUB && !ONLY_TABLE && !ONLY_OTHER) {
    console.log(`query: ${DEFAULT_SYNTH.claims} synthetic claims (seed ${DEFAULT_SYNTH.seed}) in Node…`);
    query = runQueryBench(DEFAULT_SYNTH, 200);
  }

  const onlyBench = ONLY_SCRUB || ONLY_TABLE || ONLY_OTHER === 'archive' || ONLY_OTHER === 'growth';
  console.log(onlyBench ? 'building the bench pages (vite)…' : 'building the bench pages and the app (vite)…');
  const bench = await buildAndServe(target('bench', tempDir('frontline-bench-')));
  cleanups.push({ label: 'stop bench preview', run: () => bench.close() });
  const app = onlyBench ? undefined : await buildAndServe(target('app', tempDir('frontline-app-')));
  if (app) cleanups.push({ label: 'stop app preview', run: () => app.close() });

  console.log('launching chromium…');
  const browser: Browser = await launch();
  cleanups.push({ label: 'close chromium', run: () => browser.close() });

  const drawnOn = async (extra: string) => {
    const page = await open(browser, bench.url, 'app', extra);
    const floor = summarize((await page.repaint(FLOOR_REPAINTS)).map((t) => t.toDrawnMs));
    await page.close();
    return floor;
  };
  if (ONLY_FRAMES) {
    console.log(
      `frames drawn: ${FLOOR_REPAINTS} back-to-back repaints per page, claims without areas, and the empty map…`,
    );
    const rows: [string, Summary][] = [];
    // Twice, interleaved, so load from other processes lands on each page alike.
    for (let round = 1; round <= 2; round++)
      for (const [label, extra] of [
        ['claims only, z 9.2', '&areas=0'],
        ['  same, marks and ring hidden', '&areas=0&hide=place-mark-,place-summary-ring'],
        [`claims only, z ${MARKS_ZOOM}`, `&areas=0&zoom=${MARKS_ZOOM}`],
        ['  same, marks and ring hidden', `&areas=0&zoom=${MARKS_ZOOM}&hide=place-mark-,place-summary-ring`],
        ['empty map, z 9.2', '&empty=1'],
      ] as const)
        rows.push([`${label} (round ${round})`, await drawnOn(extra)]);
    console.log(`\nload average ${loadavg()[0].toFixed(2)} after`);
    for (const [label, v] of rows)
      console.log(`${label.padEnd(32)} median ${ms(v.median)}  p95 ${ms(v.p95)}  n ${v.n}`);
    await cleanUp();
    process.exit(0);
  }
  const machine = (): Machine => ({
    nproc: nproc(),
    cpuModel: cpuModel(),
    chromium: browser.version(),
    node: process.versions.node,
    platform: `${process.platform} ${process.arch}`,
    loadBefore,
    loadAfter: loadavg()[0],
  });
  const measureArchive = async (): Promise<ArchiveResults | { skipped: string }> => {
    const missing = archiveMissing();
    if (missing) {
      console.log(missing);
      return { skipped: missing };
    }
    console.log(
      ARCHIVE_MOVES > 0
        ? `real archive: ${ARCHIVE_MOVES} moves on the real app${BASELINE_BUDGET_S > 0 ? ' and the setData baseline' : ''}…`
        : 'real archive: the imports alone (BENCH_ARCHIVE_MOVES=0: no scrub)…',
    );
    const openPage = <T extends MoveTiming>(url: string, variant: Variant, extra: string) =>
      open<T>(browser, url, variant, extra);
    return runArchiveBench(openPage, bench.url, ARCHIVE_MOVES, FLOOR_REPAINTS, BASELINE_BUDGET_S * 1000);
  };
  const measureCold = () => {
    if (!app) throw new Error('cold start: the app was not built');
    console.log(`cold start: ${COLD_RUNS} loads of the built app, each followed by one of an empty MapLibre page…`);
    return runColdStart(browser, app.url, COLD_RUNS, `${bench.url}empty.html`);
  };
  const only = (part: 'cold' | 'archive' | 'growth', rest: Partial<Results>, figures: IssueFigures): Results => ({
    generatedAt: new Date().toISOString(),
    only: part,
    moves: 0,
    machine: machine(),
    ...rest,
    targets: issueTargets(figures, ms, kB),
  });
  if (ONLY_OTHER === 'cold') {
    const coldStart = await measureCold();
    return only('cold', { coldStart }, figuresOf({ coldStart }));
  }
  if (ONLY_OTHER === 'archive') {
    const archive = await measureArchive();
    return only('archive', { moves: ARCHIVE_MOVES, archive }, figuresOf({ archive }));
  }
  if (ONLY_OTHER === 'growth') {
    const growth = await measureGrowth(browser, bench.url);
    return only('growth', { moves: GROWTH_MOVES, growth }, {});
  }
  const measureTable = async () => {
    console.log('claims table: the real app with 100k claims, no areas (open, sort, filter, scroll)…');
    return runTableBench(browser, bench.url);
  };
  if (ONLY_TABLE) {
    const table = await measureTable();
    return {
      generatedAt: new Date().toISOString(),
      only: 'table',
      moves: 0,
      machine: machine(),
      table,
      targets: tableTargets(table),
    };
  }

  const withBaseline = BASELINE_BUDGET_S > 0;
  console.log(
    `scrub: ${MOVES} moves on each map (${['adapter-only', REACT ? 'real app' : '', withBaseline ? 'setData baseline' : ''].filter(Boolean).join(', ')}), ` +
      `alternating blocks${withBaseline ? ` (baseline budget ${BASELINE_BUDGET_S} s)` : ''}…`,
  );
  const appPage = await open(browser, bench.url, 'app');
  const reactPage = REACT ? await open<ReactMoveTiming>(browser, bench.url, 'react') : null;
  const setdataPage = withBaseline ? await open(browser, bench.url, 'setdata', `&fade=${BASELINE_FADE}`) : null;
  const warmup = scrubDates(DEFAULT_SYNTH, 2, DEFAULT_SYNTH.seed + 2, 400);
  const dates = scrubDates(DEFAULT_SYNTH, MOVES, DEFAULT_SYNTH.seed + 3, 500);
  const scrub = await compareScrub(
    { app: appPage, setdata: setdataPage, react: reactPage },
    warmup,
    dates,
    BASELINE_BUDGET_S * 1000,
  );
  await setdataPage?.close();
  // The real app's own repaint: the floor its moves are held against (issue 15).
  const reactRepaints = reactPage ? await reactPage.repaint(FLOOR_REPAINTS) : undefined;
  const reactFloor = reactRepaints && {
    idle: summarize(reactRepaints.map((t) => t.toIdleMs)),
    drawn: summarize(reactRepaints.map((t) => t.toDrawnMs)),
  };
  await reactPage?.close();

  console.log(
    `frames drawn: ${FLOOR_REPAINTS} back-to-back repaints on the data page, the claims alone and the empty map…`,
  );
  const drawnFloorOf = async (page: BenchPage) =>
    summarize((await page.repaint(FLOOR_REPAINTS)).map((t) => t.toDrawnMs));
  const drawnFloor = {
    app: await drawnFloorOf(appPage),
    claims: await drawnOn('&areas=0'),
    claimsMarks: await drawnOn(`&areas=0&zoom=${MARKS_ZOOM}`),
    empty: await drawnOn('&empty=1'),
    marksZoom: MARKS_ZOOM,
  };

  const scrubResults = { ...scrub, baselineFadeDuration: Number(BASELINE_FADE), drawnFloor, reactFloor };
  if (ONLY_SCRUB || !query || !app) {
    await appPage.close();
    return {
      generatedAt: new Date().toISOString(),
      only: 'scrub',
      moves: MOVES,
      machine: machine(),
      scrub: scrubResults,
      targets: issueTargets(figuresOf({ scrub: scrubResults }), ms, kB),
    };
  }

  const floorApp = summarize((await appPage.repaint(FLOOR_REPAINTS)).map((t) => t.toIdleMs));
  await appPage.close();

  console.log('memory and frame cost: the same page without the areas, and with no data…');
  const noAreasPage = await open(browser, bench.url, 'app', '&areas=0');
  const floorNoAreas = summarize((await noAreasPage.repaint(FLOOR_REPAINTS)).map((t) => t.toIdleMs));
  await noAreasPage.close();
  const emptyPage = await open(browser, bench.url, 'app', '&empty=1');
  const floorEmpty = summarize((await emptyPage.repaint(FLOOR_REPAINTS)).map((t) => t.toIdleMs));
  await emptyPage.close();

  const table = await measureTable();

  const coldStart = await measureCold();
  const archive = await measureArchive();

  const memory = {
    appPageBytes: scrub.app.heapUsedBytes,
    emptyPageBytes: emptyPage.heapUsedBytes,
    dataBytes: scrub.app.heapUsedBytes - emptyPage.heapUsedBytes,
    setdataPageBytes: scrub.setdata?.heapUsedBytes ?? Number.NaN,
  };
  const frameFloor = { app: floorApp, empty: floorEmpty };
  const qa = query.areas;
  const areas: AreaResults = {
    snapshots: scrub.app.info.areaSnapshots,
    tracks: qa.tracks,
    features: scrub.app.info.areaFeatures,
    vertices: scrub.app.info.areaVertices,
    frontLineVertices: qa.frontLineVertices,
    drawnInScrub: true,
    lookup: {
      activeSnapshots: qa.activeSnapshots,
      visibleSnapshots: qa.visibleSnapshots,
      naiveScan: qa.naiveScan,
      ratioActiveSnapshots: qa.ratioActiveSnapshots,
      ratioVisibleSnapshots: qa.ratioVisibleSnapshots,
    },
    snapshotsChangedPerMove: scrub.app.snapshotsChanged,
    pageSetupMs: scrub.app.info.areaSetupMs,
    noAreasPageBytes: noAreasPage.heapUsedBytes,
    heapBytes: scrub.app.heapUsedBytes - noAreasPage.heapUsedBytes,
    frameFloorNoAreas: floorNoAreas,
    importSample: qa.importSample,
  };
  return {
    generatedAt: new Date().toISOString(),
    moves: MOVES,
    machine: machine(),
    query,
    scrub: { ...scrubResults, frameFloor },
    coldStart,
    memory,
    targets: [
      ...issueTargets(figuresOf({ scrub: scrubResults, coldStart, archive }), ms, kB),
      ...evaluateTargets(coldStart),
      ...tableTargets(table),
    ],
    areas,
    table,
    archive,
  };
}

/** What issue 23's targets (and issue 15's) need, from the parts a run measured. */
function figuresOf(parts: {
  scrub?: ScrubComparison & {
    drawnFloor?: { empty: Summary };
    reactFloor?: { idle: Summary; drawn: Summary } | undefined;
  };
  coldStart?: ColdStartResult;
  archive?: ArchiveResults | { skipped: string };
}): IssueFigures {
  const { scrub, coldStart, archive } = parts;
  const figures: IssueFigures = {};
  if (scrub?.react && scrub.reactFloor)
    figures.app = {
      drawn: { moves: scrub.react.drawn, floor: scrub.reactFloor.drawn },
      js: scrub.react.update,
      longestTask: scrub.react.longestTask,
      frames: scrub.react.frames,
    };
  if (scrub) figures.adapterFrames = scrub.app.frames;
  if (scrub?.drawnFloor) figures.emptyRepaintDrawn = scrub.drawnFloor.empty;
  if (scrub?.reactRatio !== undefined) figures.setdataSpeedup = scrub.reactRatio;
  if (coldStart) {
    figures.appOwnGzipBytes = coldStart.appOwnGzipBytes;
    if (coldStart.emptyMap)
      figures.coldStart = { app: coldStart.firstIdle.median, emptyMap: coldStart.emptyMap.firstIdle.median };
  }
  if (archive && !('skipped' in archive)) {
    const moved = archive.scrub;
    figures.archive = {
      import: {
        ms: archive.import.importMs,
        files: archive.import.files,
        refused: archive.import.failed,
        longestTaskMs: archive.import.longestTaskMs,
      },
      ...(moved
        ? {
            moves: {
              drawn: { moves: moved.drawn, floor: moved.floorDrawn },
              js: moved.js,
              longestTask: moved.longestTask,
            },
          }
        : {}),
      ...(moved?.setdata ? { setdataSpeedup: moved.setdata.speedup } : {}),
      ...(archive.agreement ? { agreement: archive.agreement } : {}),
    };
  }
  return figures;
}

/** BENCH_ONLY=growth: Node rows for every size first (one process, one size at a time), then the browser's. */
async function measureGrowth(browser: Browser, benchUrl: string): Promise<GrowthResults> {
  const node = GROWTH.map((claims) => {
    console.log(`growth: ${claims} claims in Node…`);
    return nodeGrowth(claims, 100);
  });
  const browserRows = [];
  for (const claims of GROWTH) {
    console.log(`growth: ${claims} claims in the browser, ${GROWTH_MOVES} moves…`);
    browserRows.push(
      await browserGrowth((extra) => open(browser, benchUrl, 'app', extra), claims, GROWTH_MOVES, FLOOR_REPAINTS),
    );
  }
  return {
    sizes: GROWTH,
    node,
    browser: browserRows,
    moves: GROWTH_MOVES,
    nodeGc: typeof (globalThis as { gc?: unknown }).gc === 'function',
    firstOverTwoRepaints: firstSizeOver(browserRows),
  };
}

process.once('SIGINT', () => abort(130, '\nbench: interrupted, cleaning up…'));
process.once('SIGTERM', () => abort(143, 'bench: terminated, cleaning up…'));
const watchdog = setTimeout(() => abort(1, `bench: gave up after ${WATCHDOG_MS / 60_000} min`), WATCHDOG_MS);

main()
  .then(async (results) => {
    await cleanUp();
    printTable(results);
    const file = join(REPO, 'bench', 'results.json');
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nwrote ${file}`);
    process.exitCode = process.argv.includes('--strict') && results.targets.some((t) => !t.pass) ? 1 : 0;
  })
  .catch(async (err: unknown) => {
    if (!interrupted) console.error(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    await cleanUp();
    process.exitCode = 1;
  })
  .finally(() => clearTimeout(watchdog));
