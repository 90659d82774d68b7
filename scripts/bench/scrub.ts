/**
 * Scrub in a real browser, each move timed to `idle`: the app's MapController alone, the setData baseline,
 * and the real app (`<App>` with its store, driven through the date slider).
 */
import type { Browser, Page } from '@playwright/test';
import type {
  AgreementFillTiming,
  ArchiveImportTiming,
  MoveTiming,
  PageInfo,
  ReactMoveTiming,
  TableTiming,
  Variant,
} from '../../bench/benchApi';
import { type Summary, summarize } from '../../bench/stats';
import { freshPage, heapAfterGc, withTimeout } from './browser';

/** Per move; beyond it the map is considered stuck and the run fails with the date. */
const MOVE_TIMEOUT_MS = 120_000;
/**
 * Loading the page to its first `idle`. With the area snapshots (~4M positions with their front lines),
 * MapLibre's worker tiles for minutes on a loaded 2-core machine before the first `idle`.
 */
const FIRST_IDLE_TIMEOUT_MS = Number(process.env.BENCH_FIRST_IDLE_TIMEOUT_S ?? 600) * 1000;
/** Importing the real archive on the real-app page: ~6.5 min at load ~2.5 on 2 cores. */
const IMPORT_TIMEOUT_MS = Number(process.env.BENCH_IMPORT_TIMEOUT_S ?? 1800) * 1000;

/** After a move's `idle`, this long without a frame or a long task and it has settled (bench/frames.ts; the page's default: 1 s). */
const QUIET = process.env.BENCH_QUIET_MS ? `&quiet=${Number(process.env.BENCH_QUIET_MS)}` : '';

/** The map canvas of every scrub page, in CSS pixels (bench/main.ts's page is all map). */
const MAP_SIZE = { width: 1400, height: 900 };

export interface BenchPage<T extends MoveTiming = MoveTiming> {
  info: PageInfo;
  /** Requests the page made outside its own origin (must stay empty: the app works offline). */
  offOrigin: string[];
  /** Main-thread JS heap after a full GC, once the data is drawn. */
  heapUsedBytes: number;
  /** Time each move from the state change to the next `idle` (ms). */
  scrub(dates: string[]): Promise<T[]>;
  /** Repaints with no state change, timed the same way: the cost of drawing one frame. */
  repaint(count: number): Promise<T[]>;
  /** The real-app page with `table=1`: the claims-table interactions (bench/table.ts). */
  table(rounds: number): Promise<TableTiming[][]>;
  /** The real-app page with `archive=1`: import the real archive (bench/archive.ts). */
  importArchive(): Promise<ArchiveImportTiming>;
  /** The same page after `importArchive`: drop ISW's layer files and time the agreement chart's fill. */
  importAgreement(): Promise<AgreementFillTiming>;
  /** Main-thread JS heap after a full GC, now. */
  heapNow(): Promise<number>;
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

/**
 * The real app lays out panels, a header and the slider around its map: grow the viewport until the
 * map canvas is `MAP_SIZE`, as on the adapter page, so both draw the same pixels and the same marks.
 */
async function sizeMapPane(page: Page): Promise<void> {
  const canvas = page.locator('.map-canvas');
  await canvas.waitFor({ timeout: 60_000 });
  for (let i = 0; i < 3; i++) {
    const box = await canvas.boundingBox();
    const viewport = page.viewportSize();
    if (!box || !viewport) return;
    const dw = MAP_SIZE.width - Math.round(box.width);
    const dh = MAP_SIZE.height - Math.round(box.height);
    if (dw === 0 && dh === 0) return;
    await page.setViewportSize({ width: viewport.width + dw, height: viewport.height + dh });
  }
}

/**
 * Open a bench page in a fresh context, up to its first `idle`; `extra` adds query parameters. The real-app
 * page's viewport grows until its map is `MAP_SIZE`, unless `sizeMap` is false (the table bench keeps 1400×900).
 */
export async function openBenchPage<T extends MoveTiming = MoveTiming>(
  browser: Browser,
  baseUrl: string,
  variant: Variant,
  extra = '',
  sizeMap = true,
): Promise<BenchPage<T>> {
  const { context, page, crashed } = await freshPage(browser);
  const close = () => context.close().catch(() => {});
  const origin = new URL(baseUrl).origin;
  const offOrigin: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin) offOrigin.push(url);
  });
  try {
    const url =
      variant === 'react'
        ? `${baseUrl}react.html?variant=react${extra}${QUIET}`
        : `${baseUrl}index.html?variant=${variant}${extra}${QUIET}`;
    await withTimeout(page.goto(url), 60_000, `open ${variant}`);
    if (variant === 'react' && sizeMap) await sizeMapPane(page);
    const info = await withTimeout(
      Promise.race([pageReady(page), crashed]),
      FIRST_IDLE_TIMEOUT_MS,
      `first idle (${variant})`,
    );
    const heap = await heapAfterGc(page);
    const guard = (work: Promise<MoveTiming[] | undefined>, moves: number, label: string): Promise<T[]> =>
      withTimeout(Promise.race([work, crashed]), moves * MOVE_TIMEOUT_MS + 10_000, `${label} (${variant})`).then(
        (timings) => (timings ?? []) as T[],
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
    const table = (rounds: number) =>
      withTimeout(
        Promise.race([page.evaluate((n) => window.__bench?.table?.(n), rounds), crashed]),
        rounds * 10 * 60_000,
        `table (${variant})`,
      ).then((timings) => {
        if (!timings) throw new Error(`the ${variant} page has no table bench`);
        return timings;
      });
    /** One import on the page (the archive's, then ISW's), with the import's time limit. */
    const importOnce = <R>(what: string, work: Promise<R | undefined>): Promise<R> =>
      withTimeout(Promise.race([work, crashed]), IMPORT_TIMEOUT_MS, `${what} (${variant})`).then((timing) => {
        if (!timing) throw new Error(`the ${variant} page has no ${what}`);
        return timing;
      });
    const importArchive = () =>
      importOnce(
        'archive import',
        page.evaluate(() => window.__bench?.importArchive?.()),
      );
    const importAgreement = () =>
      importOnce(
        'agreement fill',
        page.evaluate(() => window.__bench?.importAgreement?.()),
      );
    const heapNow = async () => (await heapAfterGc(page)).usedBytes;
    return {
      info,
      offOrigin,
      heapUsedBytes: heap.usedBytes,
      scrub,
      repaint,
      table,
      importArchive,
      importAgreement,
      heapNow,
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

interface ScrubVariantResult {
  info: PageInfo;
  /** State change → next `idle`: the figure the targets use. */
  moves: Summary;
  /** State change → that frame drawn (`readPixels` after `idle`). */
  drawn: Summary;
  /** The synchronous `update` call alone (react page: all synchronous work up to the end of the last commit's task). */
  update: Summary;
  /** Frames drawn per move, up to settled (the setData baseline: up to `idle`; bench/frames.ts). */
  frames: Summary;
  /** The longest main-thread task per move, over [move, settled] (0: none ≥ 50 ms; bench/longTasks.ts). */
  longestTask: Summary;
  /** State change → settled: the move's last frame or long task. */
  settled: Summary;
  /** Area snapshots that came into force or dropped out per move. */
  snapshotsChanged: Summary;
  samples: MoveTiming[];
  heapUsedBytes: number;
}

/** The real app: React's share of a move and the map's, beside the adapter-only page's figures. */
interface ReactScrubResult extends Omit<ScrubVariantResult, 'samples'> {
  samples: ReactMoveTiming[];
  /** `input` + `change` dispatch (React renders, commits and runs the effects inside it). */
  dispatch: Summary;
  /** React `<Profiler>` actualDuration summed over a move's commits (render phase only). */
  render: Summary;
  /**
   * The synchronous JS that is not React's render: the handler, the store and its listeners (zustand runs
   * the selectors, so the shared views are computed here), the URL, the commit, the effects (`controller.update`).
   */
  otherJs: Summary;
  commits: Summary;
  /** End of the last commit's task (effects, MapPane's `controller.update`, included) → `idle`. */
  map: Summary;
  /** Moves with a commit after `idle` (work React deferred past the frames), and those commits in all. */
  movesWithLateCommits: number;
  lateCommits: number;
  /** Real app / adapter-only, over the same moves (both pages take them all). */
  ratio: { median: number; p95: number; update: number; frames: number };
}

export interface ScrubComparison {
  app: ScrubVariantResult;
  /** Absent when the baseline has no budget (BENCH_ONLY=scrub without BENCH_BASELINE_BUDGET_S). */
  setdata?: ScrubVariantResult;
  /** The app's median over the same moves the baseline took (the first `setdata.moves.n`). */
  appPairedMedian?: number;
  /** setData median / app median over the same moves, to `idle`. */
  ratio?: number;
  /** setData median / the real app's median over the same moves, to `idle` (issue 15's figure). */
  reactRatio?: number;
  /** Absent with BENCH_REACT=0. */
  react?: ReactScrubResult;
}

function result<T extends MoveTiming>(page: BenchPage<T>, samples: MoveTiming[]): ScrubVariantResult {
  return {
    info: page.info,
    moves: summarize(samples.map((s) => s.toIdleMs)),
    drawn: summarize(samples.map((s) => s.toDrawnMs)),
    update: summarize(samples.map((s) => s.updateMs)),
    frames: summarize(samples.map((s) => s.frames)),
    longestTask: summarize(samples.map((s) => s.longestTaskMs ?? Number.NaN)),
    settled: summarize(samples.map((s) => s.toSettledMs ?? Number.NaN)),
    snapshotsChanged: summarize(samples.map((s) => s.snapshotsChanged)),
    samples,
    heapUsedBytes: page.heapUsedBytes,
  };
}

function reactResult(page: BenchPage<ReactMoveTiming>, samples: ReactMoveTiming[], app: ScrubVariantResult) {
  const base = result(page, samples);
  const late = samples.filter((s) => s.lateCommits > 0);
  return {
    ...base,
    samples,
    dispatch: summarize(samples.map((s) => s.dispatchMs)),
    render: summarize(samples.map((s) => s.renderMs)),
    otherJs: summarize(samples.map((s) => s.updateMs - s.renderMs)),
    commits: summarize(samples.map((s) => s.commits)),
    map: summarize(samples.map((s) => s.mapMs)),
    movesWithLateCommits: late.length,
    lateCommits: late.reduce((sum, s) => sum + s.lateCommits, 0),
    ratio: {
      median: base.moves.median / app.moves.median,
      p95: base.moves.p95 / app.moves.p95,
      update: base.update.median / app.update.median,
      frames: base.frames.median / app.frames.median,
    },
  } satisfies ReactScrubResult;
}

/**
 * The pages stay open and take the same moves in alternating blocks (adapter, real app, baseline), so
 * load from other processes on a shared machine lands on each alike; each page sees the same dates in the
 * same order. The baseline stops taking blocks once it has used `baselineBudgetMs` (each of its moves can
 * take seconds); it is skipped when `setdata` is null.
 */
export async function compareScrub(
  pages: {
    app: BenchPage;
    setdata: BenchPage | null;
    react: BenchPage<ReactMoveTiming> | null;
  },
  warmup: string[],
  dates: string[],
  baselineBudgetMs: number,
  block = 10,
): Promise<ScrubComparison> {
  const { app, setdata, react } = pages;
  await app.scrub(warmup);
  await react?.scrub(warmup);
  await setdata?.scrub(warmup);
  const samples = { app: [] as MoveTiming[], setdata: [] as MoveTiming[], react: [] as ReactMoveTiming[] };
  let baselineMs = 0;
  for (let i = 0; i < dates.length; i += block) {
    const slice = dates.slice(i, i + block);
    samples.app.push(...(await app.scrub(slice)));
    if (react) samples.react.push(...(await react.scrub(slice)));
    if (setdata && baselineMs < baselineBudgetMs) {
      const t0 = performance.now();
      samples.setdata.push(...(await setdata.scrub(slice)));
      baselineMs += performance.now() - t0;
    }
    const r = react ? `, real app ${samples.react.length}` : '';
    console.log(`  ${i + slice.length}/${dates.length} moves (baseline ${samples.setdata.length}${r})`);
  }
  const a = result(app, samples.app);
  const out: ScrubComparison = { app: a };
  if (react) out.react = reactResult(react, samples.react, a);
  if (setdata && samples.setdata.length) {
    const b = result(setdata, samples.setdata);
    const pairedMedian = (list: MoveTiming[]) => summarize(list.slice(0, b.moves.n).map((s) => s.toIdleMs)).median;
    const appPairedMedian = pairedMedian(samples.app);
    Object.assign(out, { setdata: b, appPairedMedian, ratio: b.moves.median / appPairedMedian });
    if (react) out.reactRatio = b.moves.median / pairedMedian(samples.react);
  }
  return out;
}
