/** The bench's PASS/FAIL evaluation of issue 15's targets (scripts/bench/targets.ts) and its growth threshold. */
import { describe, expect, it } from 'vitest';
import { firstSizeOver } from '../../scripts/bench/growth';
import { atLeast, atMost, issueTargets, targetLines } from '../../scripts/bench/targets';

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

  it('judges the real app against its own repaint, the empty map, setData, the bundle and the cold start', () => {
    const targets = issueTargets(
      {
        app: {
          drawn: { moves: spread(120, 400), floor: spread(100, 110) },
          idle: { moves: spread(90, 100), floor: spread(80) },
        },
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
      'scrub, real app, move to a frame drawn, median': true,
      // p95 is held against the repaint's median: 400 > 1.3 × 100.
      'scrub, real app, move to a frame drawn, p95': false,
      'scrub, real app, move to idle, median': true,
      'scrub, real app, move to idle, p95': true,
      // 100 ms ≤ 3 × 40 ms.
      "real app's own repaint (drawn) vs the empty map's": true,
      'setData baseline / real app, same moves': false,
      "app's own gzip JS on the first view (beside MapLibre)": true,
      // 1600 > 1.5 × 1000.
      'cold start, navigation → map idle': false,
    });
  });

  it('leaves out what a run did not measure, and fails what it measured as NaN', () => {
    expect(issueTargets({}, ms, kB)).toEqual([]);
    const [task] = issueTargets(
      { archive: { longestImportTaskMs: Number.NaN, drawn: { moves: spread(1), floor: spread(1) } } },
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

  it('growth: the first size whose move exceeds two repaints, or whose page failed', () => {
    const row = (claims: number, movesPerRepaint: number, failed?: string) => ({ claims, movesPerRepaint, failed });
    expect(firstSizeOver([row(10_000, 1.2), row(100_000, 1.9)])).toBeUndefined();
    expect(firstSizeOver([row(10_000, 1.2), row(100_000, 2.1), row(1_000_000, 5)])).toBe(100_000);
    expect(firstSizeOver([row(10_000, 1.2), row(1_000_000, Number.NaN, 'timed out')])).toBe(1_000_000);
  });
});
