/** The browser's frame scheduling, passed in so the throttle can be tested without a browser. */
export interface FrameClock {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

const animationFrames: FrameClock = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

export interface FrameThrottle<T> {
  /** Hands on `value`: at once if nothing was handed on since the last frame, else the latest at the next frame. */
  push(value: T): void;
  /** Whether a value waits for the next frame. */
  pending(): boolean;
  /** Drops the waiting value and closes the frame window. */
  cancel(): void;
}

/**
 * At most one value per animation frame, the first of a frame at once. A drag fires `input` many times a
 * frame: the first one is applied in its own event, so the map's next frame already draws it (a trailing-only
 * throttle applied it in a frame callback, and the map, asking for a frame from there, drew it a frame later).
 * Later values in the same frame are coalesced, and the latest is applied when the frame comes.
 */
export function frameThrottle<T>(apply: (value: T) => void, clock: FrameClock = animationFrames): FrameThrottle<T> {
  let handle = 0;
  let waiting: { value: T } | null = null;
  const onFrame = () => {
    handle = 0;
    const next = waiting;
    waiting = null;
    if (!next) return;
    // A value applied in this frame opens the window again: more input before the next frame waits for it.
    handle = clock.request(onFrame);
    apply(next.value);
  };
  return {
    push(value) {
      if (handle) {
        waiting = { value };
        return;
      }
      handle = clock.request(onFrame);
      apply(value);
    },
    pending: () => waiting !== null,
    cancel() {
      if (handle) clock.cancel(handle);
      handle = 0;
      waiting = null;
    },
  };
}
