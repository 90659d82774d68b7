/**
 * The performance issues' targets as PASS/FAIL lines, each with its ratio (open issue 15 and issue 14 item 5;
 * docs/PERFORMANCE.md, "Targets"). Pure: the runner hands in what the run measured, and a target whose
 * measurement the run did not make is left out rather than guessed.
 */

export interface Target {
  name: string;
  pass: boolean;
  measured: string;
  goal: string;
  /** measured / limit for an upper bound, limit / measured for a lower bound: PASS is ≤ 1 either way. */
  ratio: number;
  margin: string;
}

/** The fewest data a ratio target needs: a measured figure and what it is held against. */
export interface Bound {
  name: string;
  measured: number;
  /** The figure the target multiplies (a floor, a baseline); `factor × of` is the limit. */
  of: number;
  factor: number;
  /** How the figures print: a time, a size, a plain ratio. */
  unit: (n: number) => string;
  /** What `of` is, for the goal's text ("the data page's repaint"). */
  ofLabel?: string;
}

const times = (n: number) => `${n.toFixed(2)}×`;

/** measured ≤ factor × of. */
export function atMost({ name, measured, of, factor, unit, ofLabel }: Bound): Target {
  const limit = factor * of;
  const ratio = measured / limit;
  const pass = measured <= limit;
  const goal = ofLabel ? `≤ ${factor} × ${ofLabel} (${unit(of)}) = ${unit(limit)}` : `≤ ${unit(limit)}`;
  const vs = ofLabel ? `; ${times(measured / of)} ${ofLabel}` : '';
  return {
    name,
    pass,
    measured: unit(measured),
    goal,
    ratio,
    margin: `${times(ratio)} the limit${vs}`,
  };
}

/** measured ≥ factor (a speed-up: `measured` is already a ratio, `of` is 1). */
export function atLeast(name: string, measured: number, factor: number): Target {
  const ratio = factor / measured;
  return {
    name,
    pass: measured >= factor,
    measured: times(measured),
    goal: `≥ ${factor}×`,
    ratio,
    margin: `${times(measured / factor)} the goal`,
  };
}

/** A bound whose measurement is missing (NaN, or a page that never reached it) is reported as such, not passed. */
export function checked(target: Target, ...inputs: number[]): Target {
  if (inputs.every(Number.isFinite)) return target;
  return { ...target, pass: false, ratio: Number.NaN, measured: 'not measured', margin: 'no figure' };
}

/** The block the run ends with: one line per target, failures first, each with its ratio. */
export function targetLines(targets: readonly Target[]): string[] {
  if (!targets.length) return ['targets: none in what this run measured'];
  const order = [...targets].sort((a, b) => Number(a.pass) - Number(b.pass));
  const failed = targets.filter((t) => !t.pass).length;
  return [
    `targets: ${targets.length - failed} PASS, ${failed} FAIL (ratio = measured / limit; ≤ 1.00× passes)`,
    ...order.map(
      (t) =>
        `${t.pass ? 'PASS' : 'FAIL'}  ${Number.isFinite(t.ratio) ? times(t.ratio).padStart(7) : '    n/a'}  ${t.name}: ` +
        `${t.measured} (goal ${t.goal}; ${t.margin})`,
    ),
  ];
}

interface Spread {
  median: number;
  p95: number;
}

/** A page's moves against its own repaint floor, both timed the same way (to `idle`, or to a frame drawn). */
interface MovesAndFloor {
  moves: Spread;
  floor: Spread;
}

/** What one run measured, in ms and bytes; every part optional (a `BENCH_ONLY` run has few). */
export interface IssueFigures {
  /** The real app with React at 100k claims: moves and the page's own back-to-back repaints. */
  app?: { drawn: MovesAndFloor; idle: MovesAndFloor };
  /** The empty map's repaint, to a frame drawn. */
  emptyRepaintDrawn?: Spread;
  /** setData baseline median / app median, to `idle`, over the moves both took. */
  setdataSpeedup?: number;
  /** The app's own gzip JS on the first view (not MapLibre's chunk, not a worker). */
  appOwnGzipBytes?: number;
  /** Cold start medians: navigation → map idle, the app and the empty MapLibre page of the same run. */
  coldStart?: { app: number; emptyMap: number };
  /** The real archive: longest main-thread task while importing, moves to a frame drawn against the page's repaint, the baseline's speed-up. */
  archive?: { longestImportTaskMs: number; drawn: MovesAndFloor; setdataSpeedup?: number };
}

/** "a move ≤ 1.3 × the page's own repaint" (issue 15), median and p95 each against the repaint's median. */
const MOVE_PER_REPAINT = 1.3;
/** "the data page's own repaint ≤ 3 × the empty map's". */
const REPAINT_PER_EMPTY = 3;
/** "≥ 5 × faster than setData". */
const SETDATA_SPEEDUP = 5;
/** "the app's own gzip JS on the first view ≤ 110 kB". */
const APP_OWN_JS_BYTES = 110_000;
/** "cold start ≤ 1.5 × an empty MapLibre page's". */
const COLD_PER_EMPTY = 1.5;
/** "no main-thread task over 200 ms while importing". */
const IMPORT_TASK_MS = 200;

function movePerRepaint(name: string, page: MovesAndFloor, unit: (n: number) => string): Target[] {
  const bound = (stat: 'median' | 'p95') =>
    checked(
      atMost({
        name: `${name}, ${stat}`,
        measured: page.moves[stat],
        of: page.floor.median,
        factor: MOVE_PER_REPAINT,
        unit,
        ofLabel: 'its repaint',
      }),
      page.moves[stat],
      page.floor.median,
    );
  return [bound('median'), bound('p95')];
}

/** Issue 15's table and issue 14 item 5, for what `f` has. `ms` and `kB` format the figures. */
export function issueTargets(f: IssueFigures, ms: (n: number) => string, kB: (n: number) => string): Target[] {
  const out: Target[] = [];
  if (f.app) {
    out.push(...movePerRepaint('scrub, real app, move to a frame drawn', f.app.drawn, ms));
    out.push(...movePerRepaint('scrub, real app, move to idle', f.app.idle, ms));
    if (f.emptyRepaintDrawn)
      out.push(
        checked(
          atMost({
            name: "real app's own repaint (drawn) vs the empty map's",
            measured: f.app.drawn.floor.median,
            of: f.emptyRepaintDrawn.median,
            factor: REPAINT_PER_EMPTY,
            unit: ms,
            ofLabel: "the empty map's",
          }),
          f.app.drawn.floor.median,
          f.emptyRepaintDrawn.median,
        ),
      );
  }
  if (f.setdataSpeedup !== undefined)
    out.push(
      checked(atLeast('setData baseline / real app, same moves', f.setdataSpeedup, SETDATA_SPEEDUP), f.setdataSpeedup),
    );
  if (f.appOwnGzipBytes !== undefined)
    out.push(
      atMost({
        name: "app's own gzip JS on the first view (beside MapLibre)",
        measured: f.appOwnGzipBytes,
        of: APP_OWN_JS_BYTES,
        factor: 1,
        unit: kB,
      }),
    );
  if (f.coldStart)
    out.push(
      checked(
        atMost({
          name: 'cold start, navigation → map idle',
          measured: f.coldStart.app,
          of: f.coldStart.emptyMap,
          factor: COLD_PER_EMPTY,
          unit: ms,
          ofLabel: 'an empty MapLibre page',
        }),
        f.coldStart.app,
        f.coldStart.emptyMap,
      ),
    );
  if (f.archive) {
    const a = f.archive;
    out.push(
      checked(
        atMost({
          name: 'real archive: longest main-thread task while importing',
          measured: a.longestImportTaskMs,
          of: IMPORT_TASK_MS,
          factor: 1,
          unit: ms,
        }),
        a.longestImportTaskMs,
      ),
      ...movePerRepaint('real archive, real app, move to a frame drawn', a.drawn, ms),
    );
    if (a.setdataSpeedup !== undefined)
      out.push(
        checked(
          atLeast('real archive: setData baseline / real app, same moves', a.setdataSpeedup, SETDATA_SPEEDUP),
          a.setdataSpeedup,
        ),
      );
  }
  return out;
}
