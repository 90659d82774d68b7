/**
 * The real DeepState archive (BENCH_ONLY=archive; part of a full run when the archive is on this machine):
 * the real-app page with the 100k synthetic claims imports all of its snapshots through the store's
 * `importAreaFiles` and the import worker, as a file drop would (bench/archive.ts), then scrubs across them
 * against a setData baseline page that holds the same imported snapshots and bakes each date's into its
 * area sources, in alternating blocks, and repaints to give the page's own floor. Then, when ISW's Kursk layer
 * is there too, it drops its files on the same page and times the agreement chart's fill (every pair measured).
 * With 0 moves (BENCH_ARCHIVE_MOVES=0) the scrub, the baseline and the repaints are skipped: the imports alone,
 * a few minutes.
 */
import { loadavg } from 'node:os';
import type {
  AgreementFillTiming,
  ArchiveImportTiming,
  MoveTiming,
  ReactMoveTiming,
  Variant,
} from '../../bench/benchApi';
import { type Summary, summarize } from '../../bench/stats';
import { DEFAULT_SYNTH, scrubDates } from '../../bench/synth';
import { toDayNumber } from '../../src/claims/dates';
import { ARCHIVE_DIR, archiveFiles, iswFiles } from './archiveDir';
import { type BenchPage, compareScrub } from './scrub';

export interface ArchiveResults {
  dir: string;
  import: ArchiveImportTiming;
  /** Main-thread JS heap after GC, the real-app page before and after the import. */
  heapBeforeBytes: number;
  heapAfterBytes: number;
  /** The scrub across the imported snapshots; absent when the run made no moves. */
  scrub?: ArchiveScrub;
  /** 1-minute load average when the import started and when the scrub (or the import) ended. */
  load: [number, number];
  /** ISW's layer dropped after the scrub, until the agreement chart has filled; absent without ISW's files. */
  agreement?: AgreementFillTiming;
}

export interface ArchiveScrub {
  /** The real app's moves, to `idle` and to a frame drawn, and its own back-to-back repaints. */
  moves: Summary;
  drawn: Summary;
  /** Frames drawn per move, and the longest main-thread task per move, both to settled (bench/frames.ts). */
  frames: Summary;
  longestTask: Summary;
  /** Of a move: the synchronous JS before the map's frames (store, React, effects), and from its end to `idle`. */
  js: Summary;
  map: Summary;
  floorIdle: Summary;
  floorDrawn: Summary;
  /** The baseline's moves (the first `n` of the same dates) and its speed-up: baseline median / app median there. */
  setdata?: { moves: Summary; drawn: Summary; speedup: number };
}

type Open = <T extends MoveTiming>(url: string, variant: Variant, extra: string) => Promise<BenchPage<T>>;

/** Why the archive bench cannot run here, or undefined when it can. */
export function archiveMissing(): string | undefined {
  return archiveFiles().length
    ? undefined
    : `real archive: skipped, no DeepState snapshots in ${ARCHIVE_DIR} (it looks in ../shared/data beside the checkout, or $SHARED_DIR/data: set SHARED_DIR to the folder that holds data/)`;
}

export async function runArchiveBench(
  open: Open,
  url: string,
  moves: number,
  repaints: number,
  baselineBudgetMs: number,
): Promise<ArchiveResults> {
  const app = await open<ReactMoveTiming>(url, 'react', '&areas=0&archive=1');
  const heapBeforeBytes = await app.heapNow();
  const loadStart = loadavg()[0];
  console.log(`  importing ${archiveFiles().length} snapshots through the app's import (store + worker)…`);
  const timing = await app.importArchive();
  const heapAfterBytes = await app.heapNow();
  console.log(`  imported ${timing.imported}/${timing.files} in ${Math.round(timing.importMs)} ms`);
  const scrub = moves > 0 ? await scrubArchive(open, url, app, timing, moves, repaints, baselineBudgetMs) : undefined;
  const load = loadavg()[0];
  let agreement: AgreementFillTiming | undefined;
  if (iswFiles().length) {
    console.log(`  dropping ${iswFiles().length} ISW maps beside them: the agreement chart fills…`);
    agreement = await app.importAgreement();
    console.log(
      `  agreement chart: ${agreement.measured}/${agreement.pairs} pairs in ${Math.round(agreement.fillMs)} ms`,
    );
  }
  await app.close();
  return {
    dir: ARCHIVE_DIR,
    import: timing,
    heapBeforeBytes,
    heapAfterBytes,
    ...(scrub ? { scrub } : {}),
    load: [loadStart, load],
    ...(agreement ? { agreement } : {}),
  };
}

/** The scrub across the imported archive, against the setData baseline when it has a budget, then the repaints. */
async function scrubArchive(
  open: Open,
  url: string,
  app: BenchPage<ReactMoveTiming>,
  timing: ArchiveImportTiming,
  moves: number,
  repaints: number,
  baselineBudgetMs: number,
): Promise<ArchiveScrub> {
  const baseline = baselineBudgetMs > 0 ? await open(url, 'setdata', '&areas=0&archive=1&fade=0') : null;
  // Slider-sized steps (1–14 days) and jumps within the archive's span: nearly every step crosses a snapshot.
  const span = toDayNumber(timing.lastDate) - toDayNumber(timing.firstDate) + 1;
  const synth = { ...DEFAULT_SYNTH, firstDate: timing.firstDate, days: span };
  const seed = DEFAULT_SYNTH.seed + 7;
  const scrub = await compareScrub(
    { app, setdata: baseline, react: null },
    scrubDates(synth, 2, seed, Math.floor(span / 2)),
    scrubDates(synth, moves, seed + 1, Math.floor(span / 2)),
    baselineBudgetMs,
  );
  await baseline?.close();
  const floor = await app.repaint(repaints);
  const b = scrub.setdata;
  return {
    moves: scrub.app.moves,
    drawn: scrub.app.drawn,
    frames: scrub.app.frames,
    longestTask: scrub.app.longestTask,
    js: scrub.app.update,
    map: summarize(scrub.app.samples.map((t) => t.toIdleMs - t.updateMs)),
    floorIdle: summarize(floor.map((t) => t.toIdleMs)),
    floorDrawn: summarize(floor.map((t) => t.toDrawnMs)),
    ...(b && scrub.ratio !== undefined ? { setdata: { moves: b.moves, drawn: b.drawn, speedup: scrub.ratio } } : {}),
  };
}
