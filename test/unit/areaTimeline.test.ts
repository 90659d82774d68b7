/** The area timeline: which pairs the slider will need, in what order, and the worker's queue. */
import { describe, expect, it, vi } from 'vitest';
import { pairsByPriority, type TimelineSnapshot } from '../../src/areas/areaTimeline';
import { buildAreaCatalog, pairKey, snapshotKey } from '../../src/areas/catalog';
import type { AreaDisagreement } from '../../src/areas/disagreement';
import { type AreaSnapshot, type AreaStatus, noneSkipped } from '../../src/areas/model';
import { NO_RUSSIAN_HELD } from '../../src/areas/russianHeld';
import { createTimelineQueue } from '../../src/areas/timelineQueue';
import type { TimelineRequest, TimelineResponse } from '../../src/areas/timelineWorker';
import { bindAreaTimeline } from '../../src/state/areaTimeline';
import { createAppStore } from '../../src/state/store';
import { createViewSelectors } from '../../src/state/view';
import { claim, dataset } from './factories';

const snap = (sourceId: string, statedDate: string): AreaSnapshot => ({
  sourceId,
  layer: 'k',
  statedDate,
  fileName: `${sourceId}-${statedDate}`,
  format: 'native',
  claims: [],
  skipped: noneSkipped(),
});

const ds1 = snap('deepstate', '2025-02-01');
const ds2 = snap('deepstate', '2025-02-10');
const ds3 = snap('deepstate', '2025-02-20');
const isw1 = snap('isw', '2025-02-05');
const isw2 = snap('isw', '2025-02-15');
const catalog = buildAreaCatalog([ds1, ds2, ds3, isw1, isw2]);
const both = new Set(['deepstate', 'isw']);
const order = ['deepstate', 'isw'];
const names = new Map([ds1, ds2, ds3, isw1, isw2].map((s) => [snapshotKey(s), `${s.sourceId} ${s.statedDate}`]));
const readable = (pairs: ReturnType<typeof pairsByPriority>) =>
  pairs.map((p) => `${names.get(p.a)} / ${names.get(p.b)}`);

describe('pairsByPriority', () => {
  it('lists every pair compared on some date once, the date’s own first, then outward', () => {
    // Pairs by interval: 02-05 ds1/isw1, 02-10 ds2/isw1, 02-15 ds2/isw2, 02-20 ds3/isw2.
    expect(readable(pairsByPriority(catalog, '2025-02-16', both, order))).toEqual([
      'deepstate 2025-02-10 / isw 2025-02-15', // in force on 02-16
      'deepstate 2025-02-20 / isw 2025-02-15', // the next change, 4 days after
      'deepstate 2025-02-10 / isw 2025-02-05', // 02-10, 6 days before
      'deepstate 2025-02-01 / isw 2025-02-05', // 02-05
    ]);
  });

  it('keys each pair as the store looks it up', () => {
    const [first] = pairsByPriority(catalog, '2025-02-16', both, order);
    expect(first.key).toBe(pairKey(ds2, isw2));
  });

  it('follows the sources enabled and their order', () => {
    expect(pairsByPriority(catalog, '2025-02-16', new Set(['deepstate']), order)).toEqual([]);
    expect(readable(pairsByPriority(catalog, '2025-02-06', both, ['isw', 'deepstate']))[0]).toBe(
      'isw 2025-02-05 / deepstate 2025-02-01',
    );
  });

  it('before any map, starts from the first pair', () => {
    expect(readable(pairsByPriority(catalog, '2025-01-01', both, order))[0]).toBe(
      'deepstate 2025-02-01 / isw 2025-02-05',
    );
  });
});

describe('createTimelineQueue', () => {
  const answer = (a: TimelineSnapshot, b: TimelineSnapshot): AreaDisagreement => ({
    aSourceId: a.sourceId,
    bSourceId: b.sourceId,
    parts: [],
    km2: { opposed: 0, contested: 0 },
    russianHeld: NO_RUSSIAN_HELD,
  });

  it('computes in the order wanted, each pair once, and takes a new order at once', () => {
    const computed: string[] = [];
    const queue = createTimelineQueue((a, b) => {
      computed.push(`${a.sourceId}/${b.sourceId}`);
      return answer(a, b);
    });
    for (const s of [ds1, ds2, isw1]) queue.add(snapshotKey(s), s);
    const p1 = { key: 'p1', a: snapshotKey(ds1), b: snapshotKey(isw1) };
    const p2 = { key: 'p2', a: snapshotKey(ds2), b: snapshotKey(isw1) };
    queue.want([p1, p2]);
    expect(queue.next()?.key).toBe('p1');
    queue.want([p2, p1]);
    expect(queue.next()?.key).toBe('p2');
    expect(queue.next()).toBeNull();
    expect(computed).toEqual(['deepstate/isw', 'deepstate/isw']);
    expect(queue.progress()).toEqual({ done: 2, total: 2 });
  });

  it('waits for a pair’s maps to arrive, and forgets removed maps', () => {
    const queue = createTimelineQueue(answer);
    const p = { key: 'p', a: snapshotKey(ds3), b: snapshotKey(isw2) };
    queue.want([p]);
    queue.add(snapshotKey(ds3), ds3);
    expect(queue.next()).toBeNull();
    expect(queue.progress()).toEqual({ done: 0, total: 1 });
    queue.add(snapshotKey(isw2), isw2);
    queue.remove([snapshotKey(ds3)]);
    expect(queue.next()).toBeNull();
    queue.add(snapshotKey(ds3), ds3);
    expect(queue.next()?.key).toBe('p');
  });
});

describe('bindAreaTimeline', () => {
  /** The worker's own queue, run in this thread: every message answered on the next task. */
  function inThreadTimeline(): Worker {
    const queue = createTimelineQueue();
    const listeners = new Set<(event: MessageEvent<TimelineResponse>) => void>();
    const answer = (data: TimelineResponse) => {
      for (const listener of listeners) listener({ data } as MessageEvent<TimelineResponse>);
    };
    return {
      addEventListener: (_: string, l: (event: MessageEvent<TimelineResponse>) => void) => listeners.add(l),
      postMessage: (request: TimelineRequest) =>
        setTimeout(() => {
          if (request.type === 'add') for (const { key, snapshot } of request.snapshots) queue.add(key, snapshot);
          else if (request.type === 'remove') queue.remove(request.keys);
          else queue.want(request.pairs);
          const results = [];
          for (let r = queue.next(); r; r = queue.next()) results.push(r);
          answer({ type: 'results', results, ...queue.progress() });
        }),
      terminate: () => undefined,
    } as unknown as Worker;
  }
  const box = (w: number, s: number, e: number, n: number) => ({
    type: 'Polygon' as const,
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  });
  const loaded = (snapshot: AreaSnapshot) => ({
    snapshot,
    km2: { ukrainian: 0, russian: 0, contested: 0, 'russian-advance': 0 },
    frontLine: { type: 'MultiLineString' as const, coordinates: [] },
  });
  const withClaim = (s: AreaSnapshot, status: AreaStatus, geometry: ReturnType<typeof box>): AreaSnapshot => ({
    ...s,
    claims: [
      {
        id: s.fileName,
        sourceId: s.sourceId,
        layer: s.layer,
        status,
        statedDate: s.statedDate,
        geometry,
        fileName: s.fileName,
        areaKm2: 1,
      },
    ],
  });

  it('fills the store with each pair’s disagreement, which the frame selector looks up', async () => {
    vi.useFakeTimers();
    try {
      const store = createAppStore({
        bundled: dataset([
          claim('deepstate', 'sudzha', '2025-02-01', 'ukrainian'),
          claim('isw', 'sudzha', '2025-02-01', 'russian'),
        ]),
      });
      const ds = withClaim(ds2, 'ukrainian', box(35, 51, 35.2, 51.1));
      const isw = withClaim(isw1, 'russian-advance', box(35.1, 51, 35.3, 51.1));
      const stop = bindAreaTimeline(store, inThreadTimeline);
      store.getState().addArea(loaded(ds));
      store.getState().addArea(loaded(isw));
      store.getState().update({ date: '2025-02-12' });
      const views = createViewSelectors();
      const before = views.frame(store.getState());
      expect(before.areas.pair).toEqual([ds, isw]);
      expect(before.areas.disagreement).toBeUndefined();
      expect([...(before.areasOnHand?.visible ?? [])].sort()).toEqual([0, 1]);
      await vi.runAllTimersAsync();
      const after = views.frame(store.getState());
      expect(after.areas.disagreement?.km2.opposed).toBeGreaterThan(0);
      expect(store.getState().areaTimeline).toEqual({ done: 1, total: 1 });
      // The same date again: the same frame, nothing measured on this thread.
      expect(views.frame(store.getState())).toBe(after);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
