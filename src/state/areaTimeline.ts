/**
 * The area timeline in the store: the disagreements the timeline worker (src/areas/timelineWorker.ts) has
 * measured, by pair, and its progress. `bindAreaTimeline` keeps the worker in step with the store: it sends
 * each imported map's polygons once (and drops removed ones), and, once the date has settled, the pairs the
 * slider will need in order, the settled date's first (src/areas/areaTimeline.ts `pairsByPriority`). A slider
 * move then only looks its pair up (./view.ts); it never measures.
 */
import { pairsByPriority, timelineSnapshot, type WantedPair } from '../areas/areaTimeline';
import { snapshotKey } from '../areas/catalog';
import type { AreaDisagreement } from '../areas/disagreement';
import type { AreaSnapshot } from '../areas/model';
import type { TimelineRequest, TimelineResponse } from '../areas/timelineWorker';
import { createSettler } from './settle';
import type { AppStore, Store } from './store';

export interface AreaTimelineSlice {
  /** Each measured pair's disagreement, by pair key (src/areas/catalog.ts `pairKey`). */
  disagreements: ReadonlyMap<string, AreaDisagreement>;
  /** Pairs measured of those wanted; null while no area maps are compared. */
  areaTimeline: { done: number; total: number } | null;
}

export const EMPTY_AREA_TIMELINE: AreaTimelineSlice = { disagreements: new Map(), areaTimeline: null };

const defaultWorker = () => new Worker(new URL('../areas/timelineWorker.ts', import.meta.url), { type: 'module' });

/** Maps are sent in small messages, so copying them never holds the main thread long. */
const SNAPSHOTS_PER_MESSAGE = 8;
/** How long the date must rest before the worker's order is redone around it. */
const SETTLE_MS = 120;

/** The pairs both sides may show, nearest their dates first, taken in turn (compare mode's second side too). */
function wantedPairs(s: Store): WantedPair[] {
  const catalog = s.areaCatalog;
  if (!catalog) return [];
  const order = s.dataset.sources.map((source) => source.id);
  const first = pairsByPriority(catalog, s.date, s.sources, order);
  if (!s.compare) return first;
  const second = pairsByPriority(catalog, s.date2, s.sources2, order);
  const merged: WantedPair[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < Math.max(first.length, second.length); i++)
    for (const pair of [first[i], second[i]])
      if (pair && !seen.has(pair.key)) {
        seen.add(pair.key);
        merged.push(pair);
      }
  return merged;
}

/** Starts the worker when area maps arrive and keeps it in step; returns the function that stops it. */
export function bindAreaTimeline(store: AppStore, createWorker: () => Worker = defaultWorker): () => void {
  let worker: Worker | null = null;
  /** What the worker holds: key → snapshot. */
  const sent = new Map<string, AreaSnapshot>();
  let pendingAdds: AreaSnapshot[] = [];
  let addTimer: ReturnType<typeof setTimeout> | undefined;

  const post = (request: TimelineRequest) => worker?.postMessage(request);
  const onMessage = (event: MessageEvent<TimelineResponse>) => {
    const response = event.data;
    const progress = { done: response.done, total: response.total };
    if (response.type === 'idle') return store.setState({ areaTimeline: progress });
    store.setState((s) => {
      const disagreements = new Map(s.disagreements);
      for (const { key, disagreement } of response.results) disagreements.set(key, disagreement);
      return { disagreements, areaTimeline: progress };
    });
  };
  const ensureWorker = () => {
    if (worker) return;
    worker = createWorker();
    worker.addEventListener('message', onMessage);
  };
  const sendAdds = () => {
    addTimer = undefined;
    const batch = pendingAdds.splice(0, SNAPSHOTS_PER_MESSAGE);
    if (batch.length)
      post({ type: 'add', snapshots: batch.map((s) => ({ key: snapshotKey(s), snapshot: timelineSnapshot(s) })) });
    if (pendingAdds.length) addTimer = setTimeout(sendAdds, 0);
  };
  const syncSnapshots = (snapshots: readonly AreaSnapshot[]) => {
    const now = new Map(snapshots.map((s) => [snapshotKey(s), s]));
    const gone = [...sent.keys()].filter((key) => !now.has(key));
    for (const key of gone) sent.delete(key);
    if (gone.length) post({ type: 'remove', keys: gone });
    const added = [...now].filter(([key]) => !sent.has(key));
    if (!added.length) return;
    ensureWorker();
    for (const [key, snapshot] of added) sent.set(key, snapshot);
    // The settled date's maps go first: they are what the first pairs need.
    pendingAdds = [...pendingAdds.filter((s) => now.has(snapshotKey(s))), ...added.map(([, s]) => s)];
    // The first message too goes in a task of its own, not in the store update that brought the maps (an
    // import's whole set of maps arrives in one update, already the dearest task of the import).
    if (addTimer === undefined) addTimer = setTimeout(sendAdds, 0);
  };
  const order = createSettler<Store>(SETTLE_MS, async (s) => {
    if (!worker) return;
    const pairs = wantedPairs(s);
    post({ type: 'want', pairs });
    // The worker answers with its progress; with nothing to compare there is none.
    if (!pairs.length) store.setState({ areaTimeline: null });
  });

  let last = store.getState();
  if (last.areaCatalog) {
    syncSnapshots(last.areaCatalog.snapshots);
    order.push(last);
  }
  const unsubscribe = store.subscribe((s) => {
    const previous = last;
    last = s;
    if (s.areaCatalog !== previous.areaCatalog) syncSnapshots(s.areaCatalog?.snapshots ?? []);
    if (!worker) return;
    if (
      s.areaCatalog !== previous.areaCatalog ||
      s.date !== previous.date ||
      s.sources !== previous.sources ||
      s.compare !== previous.compare ||
      s.date2 !== previous.date2 ||
      s.sources2 !== previous.sources2 ||
      s.dataset.sources !== previous.dataset.sources
    )
      order.push(s);
  });
  return () => {
    unsubscribe();
    order.cancel();
    if (addTimer !== undefined) clearTimeout(addTimer);
    worker?.terminate();
  };
}
