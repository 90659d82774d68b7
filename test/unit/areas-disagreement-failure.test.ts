/** A polygon-clipping failure inside the disagreement rule is reported, not thrown, and not retried. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { areaDisagreement } from '../../src/areas/disagreement';
import { type AreaSnapshot, type AreaStatus, noneSkipped } from '../../src/areas/model';
import { EMPTY_DISAGREEMENT } from '../../src/map/areaDisagreement';
import { buildAreaLayerData } from '../../src/map/areaLayers';
import { disagreementCollection } from '../../src/map/disagreementCollection';
import { box } from '../fixtures/areas/load';

const calls = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../src/areas/ops', async (original) => {
  const ops = await original<typeof import('../../src/areas/ops')>();
  return {
    ...ops,
    intersectGeometries: () => {
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
  afterEach(() => vi.restoreAllMocks());

  it('the rule says so and gives no parts, once per pair; the map draws nothing and warns', () => {
    const a = snap('deepstate', 'ukrainian');
    const b = snap('isw', 'russian-advance');
    const d = areaDisagreement(a, b);
    expect(d.error).toContain('Unable to complete output ring');
    expect(d.parts).toEqual([]);
    expect(d.km2).toEqual({ opposed: 0, contested: 0 });
    const n = calls.n;
    expect(areaDisagreement(a, b)).toBe(d);
    expect(calls.n).toBe(n);

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const data = buildAreaLayerData([a, b]);
    expect(disagreementCollection(data, [0, 1])).toBe(EMPTY_DISAGREEMENT);
    expect(disagreementCollection(data, [0, 1])).toBe(EMPTY_DISAGREEMENT);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
