import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSettler } from '../../src/state/settle';

describe('createSettler: run once the key settles, cancel what is stale', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A job that records its key and signal and finishes when told. */
  function jobs() {
    const started: { key: number; signal: AbortSignal; finish: () => void }[] = [];
    const run = (key: number, signal: AbortSignal) =>
      new Promise<void>((resolve) => {
        started.push({ key, signal, finish: resolve });
      });
    return { started, run };
  }

  it('runs only the last key of a burst, the delay after the last push', () => {
    const { started, run } = jobs();
    const settler = createSettler(400, run);
    for (let key = 1; key <= 10; key++) {
      settler.push(key);
      vi.advanceTimersByTime(100);
    }
    expect(started).toEqual([]);
    vi.advanceTimersByTime(299);
    expect(started).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(started.map((s) => s.key)).toEqual([10]);
  });

  it('aborts the job in flight when another key settles', () => {
    const { started, run } = jobs();
    const settler = createSettler(400, run);
    settler.push(1);
    vi.advanceTimersByTime(400);
    settler.push(2);
    // Still in flight while the new key settles: a drag does not cancel until it stops elsewhere.
    vi.advanceTimersByTime(399);
    expect(started[0].signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(started[0].signal.aborted).toBe(true);
    expect(started.map((s) => s.key)).toEqual([1, 2]);
    expect(started[1].signal.aborted).toBe(false);
  });

  it('lets the job in flight go on when the same key settles again', () => {
    const { started, run } = jobs();
    const settler = createSettler(400, run);
    settler.push(1);
    vi.advanceTimersByTime(400);
    settler.push(2);
    settler.push(1);
    vi.advanceTimersByTime(400);
    expect(started.map((s) => s.key)).toEqual([1]);
    expect(started[0].signal.aborted).toBe(false);
  });

  it('runs a key again once its job has finished', async () => {
    const { started, run } = jobs();
    const settler = createSettler(400, run);
    settler.push(1);
    vi.advanceTimersByTime(400);
    started[0].finish();
    await vi.runAllTimersAsync();
    settler.push(1);
    vi.advanceTimersByTime(400);
    expect(started.map((s) => s.key)).toEqual([1, 1]);
  });

  it('cancel drops the pending key and aborts the job in flight', () => {
    const { started, run } = jobs();
    const settler = createSettler(400, run);
    settler.push(1);
    vi.advanceTimersByTime(400);
    settler.push(2);
    settler.cancel();
    expect(started[0].signal.aborted).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(started.map((s) => s.key)).toEqual([1]);
  });

  it('survives a job that rejects', async () => {
    const settler = createSettler(10, () => Promise.reject(new Error('boom')));
    settler.push(1);
    await vi.advanceTimersByTimeAsync(10);
    settler.push(2);
    await vi.advanceTimersByTimeAsync(10);
  });
});
