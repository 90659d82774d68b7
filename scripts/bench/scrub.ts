/** Scrub in a real browser: the app's MapController vs the setData baseline, each move timed to `idle`. */
import type { Browser, Page } from '@playwright/test';
import type { MoveTiming, PageInfo, Variant } from '../../bench/benchApi';
import { type Summary, summarize } from '../../bench/stats';
import { freshPage, heapAfterGc, withTimeout } from './browser';

/** Per move; beyond it the map is considered stuck and the run fails with the date. */
const MOVE_TIMEOUT_MS = 120_000;
/**
 * Loading the page to its first `idle`. With the area snapshots (~4M positions with their front lines),
 * MapLibre's worker tiles for minutes on a loaded 2-core machine before the first `idle`.
 */
const FIRST_IDLE_TIMEOUT_MS = Number(process.env.BENCH_FIRST_IDLE_TIMEOUT_S ?? 600) * 1000;

export interface BenchPage {
  info: PageInfo;
  /** Main-thread JS heap after a full GC, once the data is drawn. */
  heapUsedBytes: number;
  /** Time each move from the state change to the next `idle` (ms). */
  scrub(dates: string[]): Promise<MoveTiming[]>;
  /** Repaints with no state change, timed the same way: the cost of drawing one frame. */
  repaint(count: number): Promise<MoveTiming[]>;
  close(): Promise<void>;
}

/** Wait for bench/main.ts to start, then for its first `idle`. */
async function pageReady(page: Page): Promise<PageInfo> {
  await page.waitForFunction(() => window.__bench !== undefined || window.__benchError !== undefined, null, {
    polling: 50,
    timeout: 0,
  });
  return page.evaluate(() => {
    if (!window.__bench) throw new Error(window.__benchError ?? 'the bench page did not start');
    return window.__bench.ready;
  });
}

/** Open the bench page in a fresh context, up to its first `idle`; `extra` adds query parameters. */
export async function openBenchPage(
  browser: Browser,
  baseUrl: string,
  variant: Variant,
  extra = '',
): Promise<BenchPage> {
  const { context, page, crashed } = await freshPage(browser);
  const close = () => context.close().catch(() => {});
  try {
    const url = `${baseUrl}index.html?variant=${variant}${extra}`;
    await withTimeout(page.goto(url), 60_000, `open ${variant}`);
    const info = await withTimeout(
      Promise.race([pageReady(page), crashed]),
      FIRST_IDLE_TIMEOUT_MS,
      `first idle (${variant})`,
    );
    const heap = await heapAfterGc(page);
    const guard = (work: Promise<MoveTiming[] | undefined>, moves: number, label: string) =>
      withTimeout(Promise.race([work, crashed]), moves * MOVE_TIMEOUT_MS + 10_000, `${label} (${variant})`).then(
        (timings) => timings ?? [],
      );
    const scrub = (dates: string[]) =>
      guard(
        page.evaluate(([list, timeout]) => window.__bench?.scrub(list, timeout), [dates, MOVE_TIMEOUT_MS] as const),
        dates.length,
        'scrub',
      );
    const repaint = (count: number) =>
      guard(
        page.evaluate(([n, timeout]) => window.__bench?.repaint(n, timeout), [count, MOVE_TIMEOUT_MS] as const),
        count,
        'repaint',
      );
    return { info, heapUsedBytes: heap.usedBytes, scrub, repaint, close };
  } catch (err) {
    await close();
    throw err;
  }
}

interface ScrubVariantResult {
  info: PageInfo;
  /** State change → next `idle`: the figure the targets use. */
  moves: Summary;
  /** The synchronous `update` call alone. */
  update: Summary;
  /** Frames rendered per move, up to `idle`. */
  frames: Summary;
  /** Area snapshots that came into force or dropped out per move. */
  snapshotsChanged: Summary;
  samples: MoveTiming[];
  heapUsedBytes: number;
}

export interface ScrubComparison {
  app: ScrubVariantResult;
  setdata: ScrubVariantResult;
  /** The app's median over the same moves the baseline took (the first `setdata.moves.n`). */
  appPairedMedian: number;
  /** setData median / app median over the same moves, to `idle`. */
  ratio: number;
}

function result(page: BenchPage, samples: MoveTiming[]): ScrubVariantResult {
  return {
    info: page.info,
    moves: summarize(samples.map((s) => s.toIdleMs)),
    update: summarize(samples.map((s) => s.updateMs)),
    frames: summarize(samples.map((s) => s.frames)),
    snapshotsChanged: summarize(samples.map((s) => s.snapshotsChanged)),
    samples,
    heapUsedBytes: page.heapUsedBytes,
  };
}

/**
 * Both pages stay open and take the same moves in alternating blocks, so load from other processes on
 * a shared machine lands on both alike; each page sees the same dates in the same order. The baseline
 * stops taking blocks once it has used `baselineBudgetMs` (each of its moves can take seconds).
 */
export async function compareScrub(
  app: BenchPage,
  setdata: BenchPage,
  warmup: string[],
  dates: string[],
  baselineBudgetMs: number,
  block = 10,
): Promise<ScrubComparison> {
  await app.scrub(warmup);
  await setdata.scrub(warmup);
  const samples: Record<Variant, MoveTiming[]> = { app: [], setdata: [] };
  let baselineMs = 0;
  for (let i = 0; i < dates.length; i += block) {
    const slice = dates.slice(i, i + block);
    samples.app.push(...(await app.scrub(slice)));
    if (baselineMs >= baselineBudgetMs) continue;
    const t0 = performance.now();
    samples.setdata.push(...(await setdata.scrub(slice)));
    baselineMs += performance.now() - t0;
    console.log(`  ${i + slice.length}/${dates.length} moves (baseline ${samples.setdata.length})`);
  }
  const a = result(app, samples.app);
  const b = result(setdata, samples.setdata);
  const appPairedMedian = summarize(samples.app.slice(0, b.moves.n).map((s) => s.toIdleMs)).median;
  return { app: a, setdata: b, appPairedMedian, ratio: b.moves.median / appPairedMedian };
}
