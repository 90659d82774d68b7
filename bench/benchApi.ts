/** The contract between the bench page (bench/main.ts) and the runner (scripts/bench/). */

export type Variant = 'app' | 'setdata';

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
  /** performance.now() (ms since navigation) at the map's first `idle` with the data drawn. */
  firstIdleMs: number;
}

export interface MoveTiming {
  /** From the state change to the map's next `idle`, in ms. */
  toIdleMs: number;
  /** The synchronous part: the `update` call itself (compute, diff, setFeatureState or setData). */
  updateMs: number;
  /** Frames the map rendered before `idle`. */
  frames: number;
  /** Place and mark feature states that differ from the previous date (counted after `idle`, untimed). */
  changed: number;
  /** Area snapshots that came into force or dropped out since the previous date (counted after `idle`, untimed). */
  snapshotsChanged: number;
}

export interface BenchApi {
  /** Resolves at the map's first `idle` with the app layers and the data drawn. */
  ready: Promise<PageInfo>;
  /** The frame floor: a repaint with no state change, timed to `idle` like a move. */
  repaint(count: number, timeoutMs: number): Promise<MoveTiming[]>;
  /** One timing per date, in order. */
  scrub(dates: string[], moveTimeoutMs: number): Promise<MoveTiming[]>;
}

declare global {
  interface Window {
    __bench?: BenchApi;
    /** Set by the page when it fails to start, so the runner fails fast with the reason. */
    __benchError?: string;
  }
}
