/**
 * The area timeline's worker: holds the imported maps' polygons and measures the disagreement of each pair
 * the slider will need (./areaTimeline), nearest the settled date first. Between two pairs it yields to
 * its message queue, so a new order (the user settled elsewhere, toggled a source) or a removed map is
 * taken at once: that is how a run is cancelled.
 */
/// <reference lib="webworker" />
import { createTimelineQueue, type PairResult, type TimelineSnapshot, type WantedPair } from './areaTimeline';

export type TimelineRequest =
  | { type: 'add'; snapshots: { key: string; snapshot: TimelineSnapshot }[] }
  | { type: 'remove'; keys: string[] }
  | { type: 'want'; pairs: WantedPair[] };

export type TimelineResponse =
  | { type: 'results'; results: PairResult[]; done: number; total: number }
  | { type: 'idle'; done: number; total: number };

const queue = createTimelineQueue();
let scheduled = false;

/** Results go out in small batches: fewer messages and store updates, but never more than this late. */
const BATCH_MS = 50;

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setTimeout(run, 0);
}

function run(): void {
  scheduled = false;
  const results: PairResult[] = [];
  const started = performance.now();
  let result = queue.next();
  while (result) {
    results.push(result);
    if (performance.now() - started > BATCH_MS) break;
    result = queue.next();
  }
  const { done, total } = queue.progress();
  if (results.length) self.postMessage({ type: 'results', results, done, total } satisfies TimelineResponse);
  if (result) schedule();
  else self.postMessage({ type: 'idle', done, total } satisfies TimelineResponse);
}

self.onmessage = (event: MessageEvent<TimelineRequest>) => {
  const request = event.data;
  if (request.type === 'add') for (const { key, snapshot } of request.snapshots) queue.add(key, snapshot);
  else if (request.type === 'remove') queue.remove(request.keys);
  else queue.want(request.pairs);
  schedule();
};
