/** The contract between the bench page (bench/main.ts) and the runner (scripts/bench/). */

/** `app`: MapController alone; `setdata`: the baseline; `react`: the real `<App>` with its store (bench/react.tsx). */
export type Variant = 'app' | 'setdata' | 'react';

export interface PageInfo {
  variant: Variant;
  claims: number;
  places: number;
  sources: number;
  marks: number;
  /** Area snapshots drawn (0 with `?areas=0` or `?empty=1`), their polygon features and vertices. */
  areaSnapshots: number;
  areaFeatures: number;
  areaVertices: number;
  /** Generating the synthetic data, the time index and the static layer data, in the page (areas included). */
  setupMs: number;
  /** The part of `setupMs` spent on areas: generating the snapshots and `buildAreaLayerData`. */
  areaSetupMs: number;
  /** Real-app page: from the page's start until the area timeline had measured every pair (src/state/areaTimeline.ts). */
  areaTimelineMs?: number;
  /** performance.now() (ms since navigation) at the map's first `idle` with the data drawn. */
  firstIdleMs: number;
  /** The map canvas's CSS size, [width, height]. */
  mapSize?: [number, number];
}

export interface MoveTiming {
  /** From the state change to the map's next `idle`, in ms. */
  toIdleMs: number;
  /**
   * From the state change to a frame actually drawn: a 1×1 `readPixels` right after `idle`, which waits until
   * the GPU (here SwiftShader) has executed the frame's commands. `idle` fires when they are issued.
   */
  toDrawnMs: number;
  /** The synchronous part: the `update` call itself (compute, diff, setFeatureState or setData). */
  updateMs: number;
  /**
   * Frames the map drew for the move: its `render` events from the move until it settled (no frame and no
   * long task for a quiet second after `idle`; bench/frames.ts). The setData baseline's: up to `idle`.
   */
  frames: number;
  /**
   * The longest main-thread long task overlapping [move, settled], less the bench's own `idle` handler
   * (the `readPixels` wait); 0 when none reached 50 ms (bench/longTasks.ts). Set by `untilSettled`.
   */
  longestTaskMs?: number;
  /** From the state change to settled (the last frame or long task of the move). Set by `untilSettled`. */
  toSettledMs?: number;
  /** Place and mark feature states that differ from the previous date (counted after `idle`, untimed). */
  changed: number;
  /** Area snapshots that came into force or dropped out since the previous date (counted after `idle`, untimed). */
  snapshotsChanged: number;
}

/**
 * A move on the real app (bench/react.tsx), from setting the slider's value to the map's next `idle`.
 * `updateMs` is all the synchronous work before the map's frames: the event, the store, React's render and
 * commit, and the effects (MapPane's `controller.update`), up to the end of the task of the last commit.
 */
export interface ReactMoveTiming extends MoveTiming {
  /**
   * `dispatchEvent` of `input` and `change`. React renders and commits a discrete event's update, and runs
   * its effects, before the dispatch returns, so this is nearly all of `updateMs`.
   */
  dispatchMs: number;
  /** React's `<Profiler>`: the sum of `actualDuration` over the commits the move caused (render phase). */
  renderMs: number;
  /** React commits between the move and `idle`. */
  commits: number;
  /** From the end of the last commit's task (effects included) to `idle`: the map's frames. */
  mapMs: number;
  /** Commits that came after `idle` (work React deferred); 0 when a move's React work all precedes the frames. */
  lateCommits: number;
}

/** One claims-table interaction on the real-app page (bench/table.ts), in ms from the change. */
export interface TableTiming {
  name: string;
  /** The change → the first frame after it. */
  nextFrameMs: number;
  /** The change → the first frame after the table's last DOM change (deferred work, a late re-render). */
  settledMs: number;
  /** The longest `longtask` overlapping [change, settled]; 0 when none reached 50 ms. */
  longestTaskMs: number;
  /** The long task the change itself ran in (React's synchronous render and commit of it); 0 when under 50 ms. */
  changeTaskMs: number;
  longTasks: number;
  /** Rows the table holds afterwards (its filtered claims). */
  rows: number;
}

/** The real archive's import on the real-app page (bench/react.tsx `?archive=1`), from the drop to the map's idle. */
export interface ArchiveImportTiming {
  files: number;
  /** Snapshots the store holds afterwards, and files the import refused. */
  imported: number;
  failed: number;
  /** Each refused file's first error, as the app words it. */
  refusals: string[];
  /** Fetching the files from the bench server, before the drop (not part of the import). */
  fetchMs: number;
  /** `importAreaFiles(files)` → it resolved (every file through the worker and applied to the store). */
  importMs: number;
  /** The same start → the map's first `idle` after the last snapshot reached it. */
  toIdleMs: number;
  /** Long tasks (≥ 50 ms) on the main thread over [start, idle]: the longest, how many, how many over 200 ms. */
  longestTaskMs: number;
  longTasks: number;
  tasksOver200: number;
  /** Map frames drawn over [start, idle], and the longest long task that drew none (the import's own work). */
  frames: number;
  longestTaskNoFrameMs: number;
  /**
   * From the same start until the area timeline had measured every pair the slider may show (its worker
   * works on while the map is already drawn); and the longest main-thread task over that whole span.
   */
  timelineMs?: number;
  longestTaskWithTimelineMs?: number;
  /** The snapshots' first and last dates (the scrub moves between them). */
  firstDate: string;
  lastDate: string;
}

/**
 * The agreement chart's fill on the real-app page, after the archive's import and scrub (bench/react.tsx
 * `importAgreement`): ISW's layer files dropped beside DeepState's snapshots with the Data tab open, until the
 * area timeline has measured every pair of the two tracks (the chart filled).
 */
export interface AgreementFillTiming {
  files: number;
  /** ISW maps the store holds afterwards. */
  imported: number;
  /** Pairs of maps compared (the timeline's total), and how many its worker measured. */
  pairs: number;
  measured: number;
  /** Drop → the files imported (the store's `importAreaFiles` resolved). */
  importMs: number;
  /** Drop → every pair measured. */
  fillMs: number;
  /** Long tasks (≥ 50 ms) on the main thread over [drop, filled]: the longest, how many, how many over 200 ms. */
  longestTaskMs: number;
  longTasks: number;
  tasksOver200: number;
  /** The longest of them while the files were imported, and after (only the worker's answers arriving). */
  longestTaskImportingMs: number;
  longestTaskMeasuringMs: number;
  /** Map frames drawn over [drop, filled], and the longest long task that drew none (the import's own work). */
  frames: number;
  longestTaskNoFrameMs: number;
}

export interface BenchApi<T extends MoveTiming = MoveTiming> {
  /** Resolves at the map's first `idle` with the app layers and the data drawn. */
  ready: Promise<PageInfo>;
  /** The frame floor: a repaint with no state change, timed to `idle` like a move. */
  repaint(count: number, timeoutMs: number): Promise<T[]>;
  /** One timing per date, in order. */
  scrub(dates: string[], moveTimeoutMs: number): Promise<T[]>;
  /** The real-app page only: the claims-table interactions (bench/table.ts), `rounds` times, per round. */
  table?(rounds: number): Promise<TableTiming[][]>;
  /** The real-app page with `?archive=1` only: import the real archive as a file drop would. */
  importArchive?(): Promise<ArchiveImportTiming>;
  /** The same page, after `importArchive`: drop ISW's files and time the agreement chart's fill. */
  importAgreement?(): Promise<AgreementFillTiming>;
}

declare global {
  interface Window {
    __bench?: BenchApi<MoveTiming | ReactMoveTiming>;
    /** Set by the page when it fails to start, so the runner fails fast with the reason. */
    __benchError?: string;
  }
}
