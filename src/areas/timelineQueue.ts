/**
 * The area timeline worker's queue: the maps it holds, the pairs wanted in order, and which are answered.
 * `next()` measures the first wanted pair not yet answered (./disagreement, polygon clipping); a new list
 * replaces the old one at once, which is how the worker is cancelled. Plain functions, tested in Node.
 */
import type { PairResult, TimelineSnapshot, WantedPair } from './areaTimeline';
import { type AreaDisagreement, areaDisagreement } from './disagreement';

export interface TimelineQueue {
  add: (key: string, snapshot: TimelineSnapshot) => void;
  remove: (keys: readonly string[]) => void;
  /** Replaces what is wanted (and its order): the earlier list is dropped, what was computed is kept. */
  want: (pairs: readonly WantedPair[]) => void;
  /** Takes an answer found elsewhere (the worker's cache of an earlier visit): it is not computed again. */
  answer: (key: string) => void;
  /** Of the wanted pairs, those not answered yet. */
  unanswered: () => WantedPair[];
  /** Computes the first wanted pair not yet answered whose maps are both known; null when nothing is left. */
  next: () => PairResult | null;
  /** Of the wanted pairs, how many are answered. */
  progress: () => { done: number; total: number };
}

export function createTimelineQueue(
  compute: (a: TimelineSnapshot, b: TimelineSnapshot) => AreaDisagreement = areaDisagreement,
): TimelineQueue {
  const snapshots = new Map<string, TimelineSnapshot>();
  const answered = new Set<string>();
  let wanted: readonly WantedPair[] = [];
  let cursor = 0;
  return {
    add: (key, snapshot) => {
      snapshots.set(key, snapshot);
      // A pair skipped for want of this map may now be computed.
      cursor = 0;
    },
    remove: (keys) => {
      for (const key of keys) snapshots.delete(key);
    },
    want: (pairs) => {
      wanted = pairs;
      cursor = 0;
    },
    answer: (key) => {
      answered.add(key);
    },
    unanswered: () => wanted.filter((p) => !answered.has(p.key)),
    next: () => {
      for (; cursor < wanted.length; cursor++) {
        const pair = wanted[cursor];
        if (answered.has(pair.key)) continue;
        const a = snapshots.get(pair.a);
        const b = snapshots.get(pair.b);
        if (!a || !b) continue;
        answered.add(pair.key);
        cursor++;
        return { key: pair.key, disagreement: compute(a, b) };
      }
      return null;
    },
    progress: () => ({ done: wanted.filter((p) => answered.has(p.key)).length, total: wanted.length }),
  };
}
