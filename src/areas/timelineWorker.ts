/**
 * The area timeline's worker: holds the imported maps' polygons and measures the disagreement of each pair
 * the slider will need (./areaTimeline), nearest the settled date first. Between two batches it yields to
 * its message queue, so a new order (the user settled elsewhere, toggled a source) or a removed map is
 * taken at once: that is how a run is cancelled. Each answer is kept in IndexedDB (./timelineCache), so a
 * reload with the same maps measures nothing again.
 */
/// <reference lib="webworker" />
import type { PairResult, TimelineSnapshot, WantedPair } from './areaTimeline';
import { openTimelineCache } from './timelineCache';
import { createTimelineQueue } from './timelineQueue';

export type TimelineRequest =
  | { type: 'add'; snapshots: { key: string; snapshot: TimelineSnapshot }[] }
  | { type: 'remove'; keys: string[] }
  | { type: 'want'; pairs: WantedPair[] };

export type TimelineResponse =
  | { type: 'results'; results: PairResult[]; done: number; total: number }
  | { type: 'idle'; done: number; total: number };

const queue = createTimelineQueue();
const cache = openTimelineCache();
let scheduled = false;
/** Set while the cache is asked for a new order's pairs: nothing is computed that it may hold. */
let lookingUp: Promise<void> | null = null;

/** Results go out in small batches: fewer messages and store updates, but never more than this late. */
const BATCH_MS = 50;

const post = (results: PairResult[]) => {
  const { done, total } = queue.progress();
  self.postMessage(
    (results.length
      ? { type: 'results', results, done, total }
      : { type: 'idle', done, total }) satisfies TimelineResponse,
  );
};

function schedule(): void {
  if (scheduled || lookingUp) return;
  scheduled = true;
  setTimeout(run, 0);
}

function run(): void {
  scheduled = false;
  if (lookingUp) return;
  const results: PairResult[] = [];
  const started = performance.now();
  let result = queue.next();
  while (result) {
    results.push(result);
    if (performance.now() - started > BATCH_MS) break;
    result = queue.next();
  }
  post(results);
  cache.save(results);
  if (result) schedule();
}

/** Answers what the cache holds of the wanted pairs before anything is computed. */
function lookUp(): void {
  const pairs = queue.unanswered();
  const lookup = cache.load(pairs.map((p) => p.key)).then((found) => {
    for (const result of found) queue.answer(result.key);
    if (lookingUp === lookup) lookingUp = null;
    post(found);
    schedule();
  });
  lookingUp = lookup;
}

self.onmessage = (event: MessageEvent<TimelineRequest>) => {
  const request = event.data;
  if (request.type === 'add') for (const { key, snapshot } of request.snapshots) queue.add(key, snapshot);
  else if (request.type === 'remove') queue.remove(request.keys);
  else {
    queue.want(request.pairs);
    return lookUp();
  }
  schedule();
};
