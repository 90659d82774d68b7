/**
 * The performance issues' targets as PASS/FAIL lines, each with its ratio (issue 23's two tables, issue 15,
 * issue 14 item 5; docs/PERFORMANCE.md, "How to run"). Each is held against a limit the app owns (a time
 * budget of the interface, a count) or against a figure of the same run (the page's own repaint, the empty
 * map, the setData baseline): none is an absolute time that measures the machine. Pure: the runner hands in
 * what the run measured, and a target whose measurement the run did not make is left out rather than guessed.
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
  /** The worst move, where the figure has one (printed beside the median, not judged). */
  max?: number;
}

/** A page's moves against its own repaint floor, both timed to a frame drawn. */
interface MovesAndFloor {
  moves: Spread;
  floor: Spread;
}

/** Per move on the real app: to a frame drawn against its repaint, JS before the frames, the longest task. */
interface AppMoves {
  drawn: MovesAndFloor;
  /** Main-thread JS before the frames: the event, the store, React's render and commit, the effects. */
  js: Spread;
  /** The longest main-thread task over [move, settled] (0: none ≥ 50 ms). */
  longestTask: Spread;
}

/**
 * What one run measured, in ms, bytes and counts; every part optional (a `BENCH_ONLY` run has few). Issue
 * 23's two tables: `app`, `adapterFrames`, `emptyRepaintDrawn`, `setdataSpeedup` (the synthetic scrub: 100k
 * claims, 1,000 area snapshots) and `archive` (the real DeepState archive on the real app).
 */
export interface IssueFigures {
  /** The real app with React at 100k claims and the synthetic snapshots; `frames`: drawn per move, to settled. */
  app?: AppMoves & { frames: Spread };
  /** Frames drawn per move on the adapter-only page (MapController alone), the same moves. */
  adapterFrames?: Spread;
  /** The empty map's repaint, to a frame drawn. */
  emptyRepaintDrawn?: Spread;
  /** setData baseline median / app median, to `idle`, over the moves both took. */
  setdataSpeedup?: number;
  /** The app's own gzip JS on the first view (not MapLibre's chunk, not a worker). */
  appOwnGzipBytes?: number;
  /** Cold start medians: navigation → map idle, the app and the empty MapLibre page of the same run. */
  coldStart?: { app: number; emptyMap: number };
  /** The real archive imported on the real app, then its moves (when it made any); the baseline's speed-up when it ran. */
  archive?: {
    moves?: AppMoves;
    import: {
      /** Drop → every file imported (the store's `importAreaFiles` resolved). */
      ms: number;
      files: number;
      /** Files the store reports refused (its import outcomes). */
      refused: number;
      longestTaskMs: number;
    };
    setdataSpeedup?: number;
    /** ISW's layer dropped beside the archive: drop → every pair measured (issue 26), and the main thread meanwhile. */
    agreement?: { fillMs: number; pairs: number; measured: number; longestTaskMs: number };
  };
}

/** "move → frame drawn ≤ 1.3 × its own repaint" (issues 15 and 23), the moves' median against the repaint's. */
const MOVE_PER_REPAINT = 1.3;
/** "main-thread JS before the frames ≤ 50 ms" (issue 23), median. */
const JS_BEFORE_FRAMES_MS = 50;
/** "frames per move: 1" (issue 23), median; counted to settled. */
const FRAMES_PER_MOVE = 1;
/** "the data page's own repaint ≤ 3 × the empty map's". */
const REPAINT_PER_EMPTY = 3;
/** "≥ 5 × faster than setData". */
const SETDATA_SPEEDUP = 5;
/** "the app's own gzip JS on the first view ≤ 110 kB". */
const APP_OWN_JS_BYTES = 110_000;
/** "cold start ≤ 1.5 × an empty MapLibre page's". */
const COLD_PER_EMPTY = 1.5;
/** "no main-thread task over 200 ms while importing", and the longest task per move (issue 23), median. */
const LONG_TASK_MS = 200;
/** "import of all 366 files ≤ 60 s" (issue 23). */
const IMPORT_MS = 60_000;
/** "the agreement chart fills for the real archive within 2 minutes" (issue 26). */
const AGREEMENT_FILL_MS = 120_000;

const seconds = (n: number) => `${(n / 1000).toFixed(1)} s`;
const frameCount = (n: number) => `${n} frame${n === 1 ? '' : 's'}`;

/** The measured text with the spread beside the median: "(p95 …, max …)". */
function withSpread(target: Target, s: Spread, unit: (n: number) => string): Target {
  if (target.measured === 'not measured') return target;
  const max = s.max !== undefined ? `, max ${unit(s.max)}` : '';
  return { ...target, measured: `${target.measured} (p95 ${unit(s.p95)}${max})` };
}

/** The median of `s` ≤ `limit` (an absolute bound: a time budget of the interface, a count). */
function medianAtMost(name: string, s: Spread, limit: number, unit: (n: number) => string): Target {
  return withSpread(checked(atMost({ name, measured: s.median, of: limit, factor: 1, unit }), s.median), s, unit);
}

/** Every file accepted: PASS when none was refused; the ratio is files / accepted (1.00× when all were). */
export function noneRefused(name: string, files: number, refused: number): Target {
  const accepted = files - refused;
  return {
    name,
    pass: files > 0 && refused === 0,
    measured: `${accepted} of ${files} accepted, ${refused} refused`,
    goal: `all ${files}, 0 refused`,
    ratio: accepted > 0 ? files / accepted : Number.POSITIVE_INFINITY,
    margin: refused ? `${refused} to go` : 'every file',
  };
}

/** The rows both of issue 23's tables share: move vs repaint, JS before the frames, the longest task per move. */
function appMoveTargets(prefix: string, a: AppMoves, ms: (n: number) => string): Target[] {
  const { moves, floor } = a.drawn;
  const taskUnit = (v: number) => (v ? ms(v) : 'none ≥ 50 ms');
  return [
    withSpread(
      checked(
        atMost({
          name: `${prefix}: move → frame drawn, median`,
          measured: moves.median,
          of: floor.median,
          factor: MOVE_PER_REPAINT,
          unit: ms,
          ofLabel: 'its own repaint',
        }),
        moves.median,
        floor.median,
      ),
      moves,
      ms,
    ),
    medianAtMost(`${prefix}: main-thread JS before the frames, median`, a.js, JS_BEFORE_FRAMES_MS, ms),
    medianAtMost(`${prefix}: longest main-thread task per move, median`, a.longestTask, LONG_TASK_MS, taskUnit),
  ];
}

/** Issue 23's two tables (and issue 14/15's size and cold-start bounds), for what `f` has. `ms` and `kB` format the figures. */
export function issueTargets(f: IssueFigures, ms: (n: number) => string, kB: (n: number) => string): Target[] {
  const out: Target[] = [];
  const speedup = (name: string, x: number) => checked(atLeast(name, x, SETDATA_SPEEDUP), x);
  if (f.app) {
    const prefix = 'synthetic, real app';
    out.push(...appMoveTargets(prefix, f.app, ms));
    out.push(medianAtMost(`${prefix}: frames drawn per move, median`, f.app.frames, FRAMES_PER_MOVE, frameCount));
    if (f.emptyRepaintDrawn)
      out.push(
        checked(
          atMost({
            name: `${prefix}: its repaint vs the empty map's (frame drawn, medians)`,
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
  if (f.adapterFrames)
    out.push(
      medianAtMost(
        'synthetic, adapter-only page: frames drawn per move, median',
        f.adapterFrames,
        FRAMES_PER_MOVE,
        frameCount,
      ),
    );
  if (f.setdataSpeedup !== undefined)
    out.push(speedup('synthetic: setData baseline / real app, same moves (medians to idle)', f.setdataSpeedup));
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
    const prefix = 'real archive, real app';
    out.push(
      checked(
        atMost({
          name: `real archive: import of all ${a.import.files} files`,
          measured: a.import.ms,
          of: IMPORT_MS,
          factor: 1,
          unit: seconds,
        }),
        a.import.ms,
      ),
      noneRefused('real archive: files refused by the import', a.import.files, a.import.refused),
      checked(
        atMost({
          name: 'real archive: longest main-thread task while importing',
          measured: a.import.longestTaskMs,
          of: LONG_TASK_MS,
          factor: 1,
          unit: ms,
        }),
        a.import.longestTaskMs,
      ),
      ...(a.moves ? appMoveTargets(prefix, a.moves, ms) : []),
    );
    if (a.setdataSpeedup !== undefined)
      out.push(speedup('real archive: setData baseline / real app, same moves (medians to idle)', a.setdataSpeedup));
    if (a.agreement) out.push(...agreementTargets(a.agreement, ms));
  }
  return out;
}

/**
 * Issue 26: the agreement chart filled for the real archive (every DeepState/ISW pair measured) within 2
 * minutes of ISW's drop, with no main-thread task over 200 ms meanwhile. A fill that stopped short of every
 * pair has no time.
 */
function agreementTargets(
  g: NonNullable<NonNullable<IssueFigures['archive']>['agreement']>,
  ms: (n: number) => string,
): Target[] {
  const filled = g.pairs > 0 && g.measured === g.pairs ? g.fillMs : Number.NaN;
  return [
    checked(
      atMost({
        name: `real archive: agreement chart filled (${g.measured} of ${g.pairs} map pairs), ISW's drop → every pair measured`,
        measured: filled,
        of: AGREEMENT_FILL_MS,
        factor: 1,
        unit: seconds,
      }),
      filled,
    ),
    checked(
      atMost({
        name: 'real archive: longest main-thread task while the agreement chart fills',
        measured: g.longestTaskMs,
        of: LONG_TASK_MS,
        factor: 1,
        unit: ms,
      }),
      g.longestTaskMs,
    ),
  ];
}
