/**
 * Run a job only once its key has settled: `push(key)` on every change (each slider tick), and `run(key)`
 * starts `delayMs` after the last push. A job for another key aborts the one in flight (its signal); a
 * settled key equal to the one in flight lets that job go on. `cancel()` drops the timer and aborts.
 */
export interface Settler<K> {
  push: (key: K) => void;
  cancel: () => void;
}

interface Timers {
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: never) => void;
}

export function createSettler<K>(
  delayMs: number,
  run: (key: K, signal: AbortSignal) => Promise<void>,
  timers: Timers = globalThis as unknown as Timers,
): Settler<K> {
  let timer: unknown;
  let inFlight: { key: K; controller: AbortController } | null = null;
  const clear = () => {
    if (timer !== undefined) timers.clearTimeout(timer as never);
    timer = undefined;
  };
  const start = (key: K) => {
    timer = undefined;
    if (inFlight && Object.is(inFlight.key, key)) return;
    inFlight?.controller.abort();
    const job = { key, controller: new AbortController() };
    inFlight = job;
    void run(key, job.controller.signal)
      .catch(() => undefined)
      .finally(() => {
        if (inFlight === job) inFlight = null;
      });
  };
  return {
    push: (key) => {
      clear();
      timer = timers.setTimeout(() => start(key), delayMs);
    },
    cancel: () => {
      clear();
      inFlight?.controller.abort();
      inFlight = null;
    },
  };
}
