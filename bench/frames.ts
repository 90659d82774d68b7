/**
 * What one move costs beyond its first frame: the frames the map draws from the move until it has settled,
 * and the longest main-thread task over that span. Both bench pages (bench/main.ts, bench/react.tsx) wrap
 * each timed move in `untilSettled`.
 *
 * A frame: MapLibre fires `render` once per frame it paints, from its own `requestAnimationFrame`
 * callback; the last one is drawn before the move's `idle` handler returns (bench/drawn.ts). Settled: after
 * that `idle`, neither a frame nor a long task for `quietMs` (`?quiet=`, default 1 s; longer than the app's
 * settle delays, src/ui/DateAnnouncer.tsx, src/state/settle.ts), so work the app defers until the date
 * settles, and the frames it causes, count to the move that caused it.
 */
import type * as maplibregl from 'maplibre-gl';
import type { MoveTiming } from './benchApi';
import { lastLongTaskEnd, longestTaskIn } from './longTasks';

const QUIET_MS = Number(new URLSearchParams(location.search).get('quiet') ?? 1000);
/** Past this after `idle`, the move counts as settled whatever still runs (a page that never rests). */
const SETTLE_TIMEOUT_MS = 60_000;
const POLL_MS = 50;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `move` (a timed move or repaint, which resolves in its `idle` handler, after the frame is drawn),
 * counting the map's frames from before it starts; then waits for the map to settle. Its timing comes
 * back with `frames` (from the move to settled), `longestTaskMs` over the same span (the bench's own
 * `idle` handler excluded: its `readPixels` wait and change counting) and `toSettledMs`.
 * `settle: false` (the setData baseline, whose moves use a time budget) returns at `idle` instead.
 */
export async function untilSettled<T extends MoveTiming>(
  map: maplibregl.Map | undefined,
  move: () => Promise<T>,
  settle = true,
): Promise<T> {
  if (!map) throw new Error('no map');
  let frames = 0;
  let lastFrame = 0;
  const onRender = () => {
    frames++;
    lastFrame = performance.now();
  };
  map.on('render', onRender);
  const start = performance.now();
  try {
    const timing = await move();
    // The promise settles right after the `idle` handler: from idle to here is the bench's own work.
    const ownWork: [number, number] = [start + timing.toIdleMs, performance.now()];
    let now = ownWork[1];
    if (settle)
      while (
        now - Math.max(lastFrame, lastLongTaskEnd(), ownWork[1]) < QUIET_MS &&
        now - ownWork[1] < SETTLE_TIMEOUT_MS
      ) {
        await sleep(POLL_MS);
        now = performance.now();
      }
    // The last frame or long task of the move (the global last task ended after `start` if it matters).
    const settledAt = settle ? Math.max(lastFrame, lastLongTaskEnd(), ownWork[1]) : ownWork[1];
    return {
      ...timing,
      frames,
      longestTaskMs: longestTaskIn(start, settledAt, [ownWork]),
      toSettledMs: settledAt - start,
    };
  } finally {
    map.off('render', onRender);
  }
}
