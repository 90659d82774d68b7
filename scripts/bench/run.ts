/**
 * `npm run bench`: synthetic data (fixed seed) → query timings in Node → scrub, memory and cold start
 * in headless chromium → table on stdout and bench/results.json. Not part of `npm test`.
 * Options (env): BENCH_MOVES (200), BENCH_COLD_RUNS (5), BENCH_BASELINE_BUDGET_S (600), BENCH_BASELINE_FADE (0),
 * BENCH_FIRST_IDLE_TIMEOUT_S (600, per page), BENCH_WATCHDOG_MIN (120).
 * `--strict` exits 1 when a target fails.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { summarize } from '../../bench/stats';
import { DEFAULT_SYNTH, scrubDates } from '../../bench/synth';
import { launch, withTimeout } from './browser';
import { runColdStart } from './coldStart';
import { runQueryBench } from './query';
import { type AreaResults, evaluateTargets, type Machine, printTable, type Results } from './report';
import { compareScrub, openBenchPage } from './scrub';
import { buildAndServe, REPO, target } from './servers';

const MOVES = Number(process.env.BENCH_MOVES ?? 200);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
/** The setData baseline takes seconds per move on software WebGL: it stops after this much time. */
const BASELINE_BUDGET_S = Number(process.env.BENCH_BASELINE_BUDGET_S ?? 600);
/** Baseline only: with MapLibre's default 300 ms fade it re-places symbols a few ms per frame and does not settle. */
const BASELINE_FADE = process.env.BENCH_BASELINE_FADE ?? '0';
const FLOOR_REPAINTS = 6;
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

async function main(): Promise<Results> {
  const loadBefore = loadavg()[0];
  console.log(`query: ${DEFAULT_SYNTH.claims} synthetic claims (seed ${DEFAULT_SYNTH.seed}) in Node…`);
  const query = runQueryBench(DEFAULT_SYNTH, 200);

  console.log('building the bench page and the app (vite)…');
  const bench = await buildAndServe(target('bench', tempDir('frontline-bench-')));
  cleanups.push({ label: 'stop bench preview', run: () => bench.close() });
  const app = await buildAndServe(target('app', tempDir('frontline-app-')));
  cleanups.push({ label: 'stop app preview', run: () => app.close() });

  console.log('launching chromium…');
  const browser: Browser = await launch();
  cleanups.push({ label: 'close chromium', run: () => browser.close() });

  console.log(`scrub: ${MOVES} moves on each map, alternating blocks (baseline budget ${BASELINE_BUDGET_S} s)…`);
  const appPage = await openBenchPage(browser, bench.url, 'app');
  cleanups.push({ label: 'close app page', run: () => appPage.close() });
  const setdataPage = await openBenchPage(browser, bench.url, 'setdata', `&fade=${BASELINE_FADE}`);
  cleanups.push({ label: 'close setData page', run: () => setdataPage.close() });
  const warmup = scrubDates(DEFAULT_SYNTH, 2, DEFAULT_SYNTH.seed + 2, 400);
  const dates = scrubDates(DEFAULT_SYNTH, MOVES, DEFAULT_SYNTH.seed + 3, 500);
  const scrub = await compareScrub(appPage, setdataPage, warmup, dates, BASELINE_BUDGET_S * 1000);
  await setdataPage.close();
  const floorApp = summarize((await appPage.repaint(FLOOR_REPAINTS)).map((t) => t.toIdleMs));
  await appPage.close();

  console.log('memory and frame cost: the same page without the areas, and with no data…');
  const noAreasPage = await openBenchPage(browser, bench.url, 'app', '&areas=0');
  cleanups.push({ label: 'close no-areas page', run: () => noAreasPage.close() });
  const floorNoAreas = summarize((await noAreasPage.repaint(FLOOR_REPAINTS)).map((t) => t.toIdleMs));
  await noAreasPage.close();
  const emptyPage = await openBenchPage(browser, bench.url, 'app', '&empty=1');
  cleanups.push({ label: 'close empty page', run: () => emptyPage.close() });
  const floorEmpty = summarize((await emptyPage.repaint(FLOOR_REPAINTS)).map((t) => t.toIdleMs));
  await emptyPage.close();

  console.log(`cold start: ${COLD_RUNS} loads of the built app…`);
  const coldStart = await runColdStart(browser, app.url, COLD_RUNS);

  const machine: Machine = {
    nproc: nproc(),
    cpuModel: cpuModel(),
    chromium: browser.version(),
    node: process.versions.node,
    platform: `${process.platform} ${process.arch}`,
    loadBefore,
    loadAfter: loadavg()[0],
  };
  const memory = {
    appPageBytes: scrub.app.heapUsedBytes,
    emptyPageBytes: emptyPage.heapUsedBytes,
    dataBytes: scrub.app.heapUsedBytes - emptyPage.heapUsedBytes,
    setdataPageBytes: scrub.setdata.heapUsedBytes,
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
    machine,
    query,
    scrub: { ...scrub, baselineFadeDuration: Number(BASELINE_FADE), frameFloor },
    coldStart,
    memory,
    targets: evaluateTargets(query, scrub, coldStart),
    areas,
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
