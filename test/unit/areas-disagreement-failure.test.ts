/** A polygon-clipping failure inside the disagreement rule is reported, not thrown, and not retried. */
import { describe, expect, it, vi } from 'vitest';
import { areaDisagreement } from '../../src/areas/disagreement';
import { type AreaSnapshot, type AreaStatus, noneSkipped } from '../../src/areas/model';
import { createTimelineQueue } from '../../src/areas/timelineQueue';
import { disagreementCollection, EMPTY_DISAGREEMENT } from '../../src/map/areaDisagreement';
import { box } from '../fixtures/areas/load';

const calls = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../src/areas/ops', async (original) => {
  const ops = await original<typeof import('../../src/areas/ops')>();
  return {
    ...ops,
    intersectNear: () => {
      calls.n++;
      throw new Error('Unable to complete output ring');
    },
  };
});

const snap = (sourceId: string, status: AreaStatus): AreaSnapshot => ({
  sourceId,
  layer: 'k',
  statedDate: '2025-02-07',
  fileName: sourceId,
  format: 'native',
  claims: [
    {
      id: sourceId,
      sourceId,
      layer: 'k',
      status,
      statedDate: '2025-02-07',
      geometry: box(35, 51, 35.2, 51.1),
      fileName: sourceId,
      areaKm2: 1,
    },
  ],
  skipped: noneSkipped(),
});

describe('when polygon clipping fails', () => {
  it('the rule says so and gives no parts; the map draws nothing', () => {
    const a = snap('deepstate', 'ukrainian');
    const b = snap('isw', 'russian-advance');
    const d = areaDisagreement(a, b);
    expect(d.error).toContain('Unable to complete output ring');
    expect(d.parts).toEqual([]);
    expect(d.km2).toEqual({ opposed: 0, contested: 0 });
    expect(disagreementCollection(d)).toBe(EMPTY_DISAGREEMENT);
  });

  it('the area timeline answers the pair once and does not retry it', () => {
    const queue = createTimelineQueue();
    queue.add('a', snap('deepstate', 'ukrainian'));
    queue.add('b', snap('isw', 'russian-advance'));
    const pair = { key: 'a|b', a: 'a', b: 'b' };
    queue.want([pair]);
    const n = calls.n;
    expect(queue.next()?.disagreement.error).toContain('Unable to complete output ring');
    expect(calls.n).toBeGreaterThan(n);
    const after = calls.n;
    queue.want([pair]);
    expect(queue.next()).toBeNull();
    expect(calls.n).toBe(after);
    expect(queue.progress()).toEqual({ done: 1, total: 1 });
  });
});
