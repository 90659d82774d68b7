/** The bench's PASS/FAIL evaluation of issue 23's and issue 15's targets (scripts/bench/targets.ts) and its growth threshold. */
import { describe, expect, it } from 'vitest';
import { longestOf } from '../../bench/longTasks';
import { firstSizeOver } from '../../scripts/bench/growth';
import { atLeast, atMost, issueTargets, noneRefused, targetLines } from '../../scripts/bench/targets';

const ms = (n: number) => `${Math.round(n)} ms`;
const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
const spread = (median: number, p95 = median) => ({ median, p95 });

describe('bench targets', () => {
  it('an upper bound passes at the limit and fails above it, with the ratio to the limit', () => {
    const at = atMost({ name: 'a', measured: 130, of: 100, factor: 1.3, unit: ms, ofLabel: 'its repaint' });
    expect(at.pass).toBe(true);
    expect(at.ratio).toBeCloseTo(1);
    const over = atMost({ name: 'b', measured: 260, of: 100, factor: 1.3, unit: ms, ofLabel: 'its repaint' });
    expect(over.pass).toBe(false);
    expect(over.ratio).toBeCloseTo(2);
    expect(over.goal).toBe('≤ 1.3 × its repaint (100 ms) = 130 ms');
    expect(over.margin).toContain('2.60× its repaint');
  });

  it('a speed-up passes from the factor up, and its ratio is ≤ 1 when it passes', () => {
    expect(atLeast('s', 5, 5)).toMatchObject({ pass: true, ratio: 1 });
    expect(atLeast('s', 2.5, 5)).toMatchObject({ pass: false, ratio: 2 });
    expect(atLeast('s', 10, 5).ratio).toBeCloseTo(0.5);
  });

  const appMoves = (over: Partial<{ move: number; js: number; task: number; frames: number }> = {}) => ({
    drawn: { moves: spread(over.move ?? 120, 400), floor: spread(100, 110) },
    js: { ...spread(over.js ?? 30, 60), max: 80 },
    longestTask: { ...spread(over.task ?? 0, 120), max: 250 },
    frames: { ...spread(over.frames ?? 1, 2), max: 3 },
  });

  it("judges issue 23's synthetic table: each row against its limit or a figure of the same run", () => {
    const targets = issueTargets(
      {
        app: appMoves(),
        adapterFrames: { ...spread(3, 4), max: 5 },
        emptyRepaintDrawn: spread(40),
        setdataSpeedup: 3,
        appOwnGzipBytes: 100_000,
        coldStart: { app: 1600, emptyMap: 1000 },
      },
      ms,
      kB,
    );
    const verdict = Object.fromEntries(targets.map((t) => [t.name, t.pass]));
    expect(verdict).toEqual({
      // 120 ≤ 1.3 × 100; the p95 (400) is printed, not judged.
      'synthetic, real app: move → frame drawn, median': true,
      'synthetic, real app: main-thread JS before the frames, median': true,
      // No long task in the median move; the worst move's 250 ms is printed beside it.
      'synthetic, real app: longest main-thread task per move, median': true,
      'synthetic, real app: frames drawn per move, median': true,
      // 100 ms ≤ 3 × 40 ms.
      "synthetic, real app: its repaint vs the empty map's (frame drawn, medians)": true,
      'synthetic, adapter-only page: frames drawn per move, median': false,
      'synthetic: setData baseline / real app, same moves (medians to idle)': false,
      "app's own gzip JS on the first view (beside MapLibre)": true,
      // 1600 > 1.5 × 1000.
      'cold start, navigation → map idle': false,
    });
    const byName = (name: string) => targets.find((t) => t.name.endsWith(name));
    expect(byName('move → frame drawn, median')?.measured).toBe('120 ms (p95 400 ms)');
    expect(byName('longest main-thread task per move, median')).toMatchObject({
      measured: 'none ≥ 50 ms (p95 120 ms, max 250 ms)',
      goal: '≤ 200 ms',
      ratio: 0,
    });
    expect(byName('adapter-only page: frames drawn per move, median')).toMatchObject({
      measured: '3 frames (p95 4 frames, max 5 frames)',
      goal: '≤ 1 frame',
      ratio: 3,
    });
  });

  it('fails JS before the frames over 50 ms, a median move task over 200 ms and two frames per move', () => {
    const targets = issueTargets({ app: appMoves({ move: 140, js: 51, task: 201, frames: 2 }) }, ms, kB);
    expect(targets.map((t) => [t.name.replace('synthetic, real app: ', ''), t.pass])).toEqual([
      ['move → frame drawn, median', false],
      ['main-thread JS before the frames, median', false],
      ['longest main-thread task per move, median', false],
      ['frames drawn per move, median', false],
    ]);
    expect(targets[1].ratio).toBeCloseTo(51 / 50);
    expect(targets[3].ratio).toBe(2);
  });

  it("judges issue 23's real-archive table: import time, refusals, tasks, moves and the baseline", () => {
    const archive = (ms_: number, refused: number, importTask: number, speedup?: number) => ({
      moves: appMoves(),
      import: { ms: ms_, files: 366, refused, longestTaskMs: importTask },
      ...(speedup === undefined ? {} : { setdataSpeedup: speedup }),
    });
    const pass = issueTargets({ archive: archive(59_000, 0, 180, 6) }, ms, kB);
    expect(pass.map((t) => t.name)).toEqual([
      'real archive: import of all 366 files',
      'real archive: files refused by the import',
      'real archive: longest main-thread task while importing',
      'real archive, real app: move → frame drawn, median',
      'real archive, real app: main-thread JS before the frames, median',
      'real archive, real app: longest main-thread task per move, median',
      'real archive: setData baseline / real app, same moves (medians to idle)',
    ]);
    expect(pass.every((t) => t.pass)).toBe(true);
    expect(pass[0]).toMatchObject({ measured: '59.0 s', goal: '≤ 60.0 s' });
    expect(pass[1]).toMatchObject({ ratio: 1, measured: '366 of 366 accepted, 0 refused' });

    const fail = issueTargets({ archive: archive(443_000, 7, 990) }, ms, kB);
    expect(fail.slice(0, 3).map((t) => t.pass)).toEqual([false, false, false]);
    expect(fail[1].ratio).toBeCloseTo(366 / 359);
    // No baseline in this run: its row is left out, not guessed.
    expect(fail.some((t) => t.name.includes('setData'))).toBe(false);
    // No moves either (BENCH_ARCHIVE_MOVES=0, the imports alone): the import's rows only.
    const { moves: _, ...importOnly } = archive(59_000, 0, 180);
    expect(issueTargets({ archive: importOnly }, ms, kB).map((t) => t.name)).toEqual(
      pass.slice(0, 3).map((t) => t.name),
    );
  });

  it("judges issue 26's agreement fill: every pair within 2 minutes, no task over 200 ms; a fill cut short fails", () => {
    const withFill = (fillMs: number, measured: number, longestTaskMs: number) =>
      issueTargets(
        {
          archive: {
            moves: appMoves(),
            import: { ms: 1, files: 366, refused: 0, longestTaskMs: 0 },
            agreement: { fillMs, pairs: 400, measured, longestTaskMs },
          },
        },
        ms,
        kB,
      ).slice(-2);
    const [fill, task] = withFill(119_000, 400, 190);
    expect(fill).toMatchObject({ pass: true, measured: '119.0 s', goal: '≤ 120.0 s' });
    expect(fill.name).toContain('400 of 400 map pairs');
    expect(task).toMatchObject({
      pass: true,
      name: 'real archive: longest main-thread task while the agreement chart fills',
    });
    expect(withFill(121_000, 400, 210).map((t) => t.pass)).toEqual([false, false]);
    // A fill that stopped at 399 pairs has no time, however quick.
    expect(withFill(5_000, 399, 0)[0]).toMatchObject({ pass: false, measured: 'not measured' });
  });

  it('every file accepted: none refused passes, any refusal or an empty archive fails', () => {
    expect(noneRefused('r', 366, 0)).toMatchObject({ pass: true, ratio: 1 });
    expect(noneRefused('r', 366, 7)).toMatchObject({ pass: false, margin: '7 to go' });
    expect(noneRefused('r', 0, 0).pass).toBe(false);
    expect(noneRefused('r', 3, 3).ratio).toBe(Number.POSITIVE_INFINITY);
  });

  it('leaves out what a run did not measure, and fails what it measured as NaN', () => {
    expect(issueTargets({}, ms, kB)).toEqual([]);
    const [move, js] = issueTargets({ app: { ...appMoves(), js: spread(Number.NaN) } }, ms, kB);
    expect(move.pass).toBe(true);
    expect(js).toMatchObject({ pass: false, measured: 'not measured' });
    const [, , task] = issueTargets(
      { archive: { ...appMoves(), import: { ms: 1, files: 1, refused: 0, longestTaskMs: Number.NaN } } },
      ms,
      kB,
    );
    expect(task).toMatchObject({ pass: false, measured: 'not measured' });
  });

  it('prints failures first, each line with PASS or FAIL and its ratio', () => {
    const lines = targetLines([atLeast('fast', 10, 5), atLeast('slow', 2, 5)]);
    expect(lines[0]).toContain('1 PASS, 1 FAIL');
    expect(lines[1]).toMatch(/^FAIL +2\.50× +slow/);
    expect(lines[2]).toMatch(/^PASS +0\.50× +fast/);
  });

  it("a move's longest task: overlapping tasks only, less the bench's own work, under 50 ms none", () => {
    const tasks = [
      { start: 0, duration: 300 }, // before the move
      { start: 1000, duration: 120 },
      { start: 1500, duration: 900 }, // the frame task holding the bench's readPixels wait, 1600–2300
      { start: 3000, duration: 400 }, // after settled
    ];
    expect(longestOf(tasks, 900, 2500)).toBe(900);
    expect(longestOf(tasks, 900, 2500, [[1600, 2300]])).toBe(200);
    expect(longestOf(tasks, 900, 1400)).toBe(120);
    // 120 ms less 80 of the bench's: 40 ms is not a long task.
    expect(longestOf(tasks, 900, 1400, [[1000, 1080]])).toBe(0);
    expect(longestOf([], 0, 1)).toBe(0);
  });

  it('growth: the first size whose move exceeds two repaints, or whose page failed', () => {
    const row = (claims: number, movesPerRepaint: number, failed?: string) => ({ claims, movesPerRepaint, failed });
    expect(firstSizeOver([row(10_000, 1.2), row(100_000, 1.9)])).toBeUndefined();
    expect(firstSizeOver([row(10_000, 1.2), row(100_000, 2.1), row(1_000_000, 5)])).toBe(100_000);
    expect(firstSizeOver([row(10_000, 1.2), row(1_000_000, Number.NaN, 'timed out')])).toBe(1_000_000);
  });
});
