import { describe, expect, it } from 'vitest';
import { type FrameClock, frameThrottle } from '../../src/ui/frameThrottle';

/** Frames that come only when the test says so. */
function manualFrames() {
  let next = 1;
  const callbacks = new Map<number, () => void>();
  const clock: FrameClock = {
    request(callback) {
      callbacks.set(next, callback);
      return next++;
    },
    cancel(handle) {
      callbacks.delete(handle);
    },
  };
  const frame = () => {
    const due = [...callbacks.values()];
    callbacks.clear();
    for (const callback of due) callback();
  };
  return { clock, frame, requested: () => callbacks.size };
}

/** A throttle on manual frames that records what it applies. */
function throttled() {
  const frames = manualFrames();
  const applied: number[] = [];
  const throttle = frameThrottle<number>((v) => applied.push(v), frames.clock);
  return { ...frames, applied, throttle };
}

describe('frameThrottle: one value per frame, the first at once', () => {
  it('applies the first value of a frame in its own call, without waiting for the frame', () => {
    const { clock } = manualFrames();
    const applied: number[] = [];
    frameThrottle<number>((v) => applied.push(v), clock).push(1);
    expect(applied).toEqual([1]);
  });

  it('coalesces the rest of the frame and applies the latest when the frame comes', () => {
    const { frame, applied, throttle } = throttled();
    throttle.push(1);
    throttle.push(2);
    throttle.push(3);
    expect(applied).toEqual([1]);
    expect(throttle.pending()).toBe(true);
    frame();
    expect(applied).toEqual([1, 3]);
    expect(throttle.pending()).toBe(false);
  });

  it('keeps a drag to one value per frame: a value applied by a frame makes the next input wait', () => {
    const { frame, applied, throttle } = throttled();
    throttle.push(1);
    throttle.push(2);
    frame(); // applies 2
    throttle.push(3);
    expect(applied).toEqual([1, 2]);
    frame(); // applies 3
    frame(); // nothing waits: the window closes
    throttle.push(4);
    expect(applied).toEqual([1, 2, 3, 4]);
  });

  it('asks for no frame once the input stops', () => {
    const { clock, frame, requested } = manualFrames();
    const throttle = frameThrottle<number>(() => {}, clock);
    throttle.push(1);
    expect(requested()).toBe(1);
    frame();
    expect(requested()).toBe(0);
  });

  it('cancel drops the waiting value and the next value applies at once', () => {
    const { frame, applied, throttle, requested } = throttled();
    throttle.push(1);
    throttle.push(2);
    throttle.cancel();
    expect(requested()).toBe(0);
    frame();
    throttle.push(5);
    expect(applied).toEqual([1, 5]);
  });
});
