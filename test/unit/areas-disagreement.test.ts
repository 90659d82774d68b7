/**
 * The one rule for where two area maps disagree (src/areas/disagreementPair.ts, src/areas/disagreement.ts),
 * on the formats as they really are: DeepState has Ukrainian-held, grey-zone and occupied polygons, ISW's
 * Kursk layer only Russian advances (`kursk_russian_advances`, with `date`, `area_km2`, `layer_type`).
 */
import { area } from '@turf/turf';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { importDeepState } from '../../src/areas/deepstate';
import {
  type AreaDisagreement,
  areaDisagreement,
  computeDisagreement,
  disjointStatuses,
  heldDifference,
  kindOf,
} from '../../src/areas/disagreement';
import { comparableMaps, disagreementPair } from '../../src/areas/disagreementPair';
import { importIsw } from '../../src/areas/isw';
import { type AreaSnapshot, type AreaStatus, noneSkipped } from '../../src/areas/model';
import type { Result } from '../../src/claims/schema';
import { box, collection, syntheticClip } from '../fixtures/areas/load';

const km2 = (g: Polygon) => area(g) / 1e6;
const unwrap = (r: Result<AreaSnapshot>): AreaSnapshot => {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};

function snap(sourceId: string, claims: [AreaStatus, Polygon][], layer = 'k', date = '2025-02-07'): AreaSnapshot {
  return {
    sourceId,
    layer,
    statedDate: date,
    fileName: `${sourceId}-${layer}-${date}`,
    format: 'native',
    claims: claims.map(([status, geometry], i) => ({
      id: `${sourceId}-${i}`,
      sourceId,
      layer,
      status,
      statedDate: date,
      geometry,
      fileName: 'f',
      areaKm2: km2(geometry),
    })),
    skipped: noneSkipped(),
  };
}

const ring = (p: Polygon, z?: number) =>
  z === undefined ? p.coordinates : [p.coordinates[0].map(([x, y]) => [x, y, z])];

/** A DeepState-format file (labels with `geoJSON.status.*` keys); the synthetic clip is "north of 51° N". */
const deepstateText = collection(
  [
    { name: 'Звільнено /// Liberated /// geoJSON.status.dismissed', geometry: box(35.0, 51.1, 35.4, 51.3) },
    { name: 'Статус невідомий /// Unknown status /// geoJSON.status.unknown', geometry: box(35.4, 51.1, 35.5, 51.3) },
    { name: 'unit marker', point: [35.2, 51.2] },
  ].map((f) => ({
    type: 'Feature',
    properties: { name: f.name },
    geometry: f.geometry ? { type: 'Polygon', coordinates: ring(f.geometry) } : { type: 'Point', coordinates: f.point },
  })),
);

/** An ISW-format file as the real ones are: only Russian advances, 3-D positions, one null geometry. */
const iswText = collection(
  [box(35.3, 51.1, 35.45, 51.2), box(35.7, 51.1, 35.8, 51.2), null].map((g) => ({
    type: 'Feature',
    properties: {
      date: '2025-02-07',
      area_km2: g ? Number(km2(g).toFixed(2)) : 0.02,
      layer_type: 'kursk_russian_advances',
    },
    geometry: g ? { type: 'Polygon', coordinates: ring(g, 0) } : null,
  })),
);

const deepstate = unwrap(importDeepState('1738886400.geojson', deepstateText, { clip: syntheticClip() }));
const isw = unwrap(importIsw('2025-02-07.geojson', iswText));

describe('the formats the rule is written for', () => {
  it('ISW holds only Russian advances, DeepState Ukrainian-held and grey zone', () => {
    expect(new Set(isw.claims.map((c) => c.status))).toEqual(new Set(['russian-advance']));
    expect(isw.layer).toBe('kursk_russian_advances');
    expect(new Set(deepstate.claims.map((c) => c.status))).toEqual(new Set(['ukrainian', 'contested']));
  });
});

describe('kindOf', () => {
  it('is opposed for Ukrainian against Russian or an advance, either way round', () => {
    expect(kindOf('ukrainian', 'russian')).toBe('opposed');
    expect(kindOf('russian-advance', 'ukrainian')).toBe('opposed');
  });
  it('is contested for held against grey zone, either way round, and nothing for agreement', () => {
    expect(kindOf('contested', 'ukrainian')).toBe('contested');
    expect(kindOf('russian-advance', 'contested')).toBe('contested');
    expect(kindOf('contested', 'contested')).toBeNull();
    expect(kindOf('ukrainian', 'ukrainian')).toBeNull();
    expect(kindOf('russian', 'russian-advance')).toBeNull();
  });
});

describe('areaDisagreement between DeepState and ISW (the case that failed)', () => {
  const d = computeDisagreement(deepstate, isw);

  it('hatches only DeepState-Ukrainian ∩ ISW-advance, not all of DeepState’s area', () => {
    const opposed = d.parts.filter((p) => p.kind === 'opposed');
    expect(opposed.map((p) => [p.a, p.b])).toEqual([
      [
        { sourceId: 'deepstate', status: 'ukrainian' },
        { sourceId: 'isw', status: 'russian-advance' },
      ],
    ]);
    expect(d.km2.opposed).toBeCloseTo(km2(box(35.3, 51.1, 35.4, 51.2)), 1);
    const deepstateHeld = km2(box(35.0, 51.1, 35.4, 51.3));
    expect(d.km2.opposed).toBeLessThan(0.2 * deepstateHeld);
    // What the old rule (symmetric difference of Ukrainian-held ground) reported: all of DeepState's.
    expect(heldDifference(deepstate, isw).km2).toBeCloseTo(deepstateHeld, 1);
  });

  it('dots the advance into DeepState’s grey zone, and ignores an advance where DeepState says nothing', () => {
    const contested = d.parts.filter((p) => p.kind === 'contested');
    expect(contested.map((p) => [p.a.status, p.b.status])).toEqual([['contested', 'russian-advance']]);
    expect(d.km2.contested).toBeCloseTo(km2(box(35.4, 51.1, 35.45, 51.2)), 1);
    // The 35.7–35.8 advance is outside anything DeepState draws.
    for (const part of d.parts) expect(part.geometry.coordinates.flat(3).every((v) => v < 35.7 || v > 50)).toBe(true);
  });

  it('names the sources and their order, and reads the same the other way round', () => {
    expect([d.aSourceId, d.bSourceId]).toEqual(['deepstate', 'isw']);
    const back = computeDisagreement(isw, deepstate);
    expect(back.parts.map((p) => [p.kind, p.a, p.b])).toEqual(d.parts.map((p) => [p.kind, p.b, p.a]));
    expect(back.km2.opposed).toBeCloseTo(d.km2.opposed, 6);
  });
});

describe('areaDisagreement, both kinds and both directions', () => {
  const a = snap('a', [
    ['ukrainian', box(35.0, 51.0, 35.2, 51.1)],
    ['russian', box(35.2, 51.0, 35.4, 51.1)],
    ['contested', box(35.4, 51.0, 35.5, 51.1)],
  ]);
  const b = snap('b', [
    ['russian', box(35.1, 51.0, 35.2, 51.1)],
    ['ukrainian', box(35.3, 51.0, 35.45, 51.1)],
    ['contested', box(35.0, 51.0, 35.05, 51.1)],
  ]);
  const d = computeDisagreement(a, b);
  const find = (sa: AreaStatus, sb: AreaStatus) => d.parts.find((p) => p.a.status === sa && p.b.status === sb);

  it('finds Ukrainian-vs-Russian in each direction', () => {
    expect(find('ukrainian', 'russian')?.km2).toBeCloseTo(km2(box(35.1, 51.0, 35.2, 51.1)), 1);
    expect(find('russian', 'ukrainian')?.km2).toBeCloseTo(km2(box(35.3, 51.0, 35.4, 51.1)), 1);
    expect(d.km2.opposed).toBeCloseTo(km2(box(35.1, 51.0, 35.2, 51.1)) + km2(box(35.3, 51.0, 35.4, 51.1)), 1);
  });

  it('finds held-vs-contested in each direction', () => {
    expect(find('ukrainian', 'contested')?.km2).toBeCloseTo(km2(box(35.0, 51.0, 35.05, 51.1)), 1);
    expect(find('contested', 'ukrainian')?.km2).toBeCloseTo(km2(box(35.4, 51.0, 35.45, 51.1)), 1);
    expect(d.parts.filter((p) => p.kind === 'contested')).toHaveLength(2);
  });

  it('lists opposed parts first, and nothing where both agree', () => {
    expect(d.parts.map((p) => p.kind)).toEqual(['opposed', 'opposed', 'contested', 'contested']);
    expect(computeDisagreement(a, a).parts).toEqual([]);
    expect(computeDisagreement(a, snap('c', [])).km2).toEqual({ opposed: 0, contested: 0 });
  });

  it('gives ground a map draws twice to one status (contested first), so parts do not overlap', () => {
    const overlapping = snap('o', [
      ['ukrainian', box(35.0, 51.0, 35.2, 51.1)],
      ['contested', box(35.1, 51.0, 35.3, 51.1)],
    ]);
    const statuses = disjointStatuses(overlapping.claims);
    expect(area(statuses.get('ukrainian') as Polygon) / 1e6).toBeCloseTo(km2(box(35.0, 51.0, 35.1, 51.1)), 1);
    const russia = snap('r', [['russian', box(35.0, 51.0, 35.3, 51.1)]]);
    const od = computeDisagreement(overlapping, russia);
    expect(od.km2.opposed + od.km2.contested).toBeCloseTo(km2(box(35.0, 51.0, 35.3, 51.1)), 1);
    expect(od.km2.contested).toBeCloseTo(km2(box(35.1, 51.0, 35.3, 51.1)), 1);
  });
});

describe('areaDisagreement', () => {
  it('gives the same figures as the uncached rule, each map first in its own order', () => {
    const first: AreaDisagreement = areaDisagreement(deepstate, isw);
    expect(first).toEqual(computeDisagreement(deepstate, isw));
    expect(areaDisagreement(isw, deepstate).aSourceId).toBe(isw.sourceId);
    expect(first.error).toBeUndefined();
  });
});

describe('disagreementPair', () => {
  const ds = snap('deepstate', []);
  const dsOther = snap('deepstate', [], 'a-layer');
  const iswMap = snap('isw', []);
  const mine = snap('mine', []);
  const zed = snap('zed', []);
  const order = ['ua-general-staff', 'deepstate', 'isw', 'mine'];
  const all = new Set(['deepstate', 'isw', 'mine', 'zed']);

  it('takes the first two enabled sources in the dataset order, whatever the order of the maps', () => {
    expect(disagreementPair([mine, iswMap, ds], all, order)).toEqual([ds, iswMap]);
    expect(disagreementPair([mine, iswMap, ds], new Set(['isw', 'mine']), order)).toEqual([iswMap, mine]);
  });

  it('needs two sources with a map in force: two layers of one source are not a pair', () => {
    expect(disagreementPair([ds, dsOther], all, order)).toBeNull();
    expect(disagreementPair([ds, iswMap], new Set(['deepstate']), order)).toBeNull();
    expect(disagreementPair([], all, order)).toBeNull();
  });

  it('represents a source by its first layer alphabetically; unknown sources come last, by id', () => {
    expect(comparableMaps([zed, ds, dsOther, iswMap], all, order)).toEqual([dsOther, iswMap, zed]);
    expect(disagreementPair([zed, mine], all, ['isw'])).toEqual([mine, zed]);
  });
});
