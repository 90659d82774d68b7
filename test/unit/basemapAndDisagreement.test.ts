import { area } from '@turf/turf';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areasOnDate, buildAreaCatalog } from '../../src/areas/catalog';
import { areaDisagreement } from '../../src/areas/disagreement';
import type { AreaClaim, AreaSnapshot, AreaStatus } from '../../src/areas/model';
import { noneSkipped } from '../../src/areas/model';
import { disagreementCollection as collectionOf, EMPTY_DISAGREEMENT } from '../../src/map/areaDisagreement';
import { basemapStyle, withAccurateBorder } from '../../src/map/basemapStyle';
import { checkStyleUrl, readBasemapChoice, saveBasemapChoice } from '../../src/state/basemapChoice';
import { areaComparison } from '../../src/state/view';
import { box } from '../fixtures/areas/load';

describe('withAccurateBorder', () => {
  const builtin = basemapStyle('http://localhost/');

  it('leaves the built-in style alone', () => {
    expect(withAccurateBorder(builtin, builtin)).toBe(builtin);
  });

  it("appends the accurate border on top of a foreign style, renaming the style's own `border`", () => {
    const foreign = {
      version: 8 as const,
      sources: { border: { type: 'vector' as const, url: 'https://example.org/tiles.json' } },
      layers: [
        { id: 'bg', type: 'background' as const },
        { id: 'border', type: 'line' as const, source: 'border', 'source-layer': 'b' },
      ],
    };
    const out = withAccurateBorder(foreign, builtin);
    expect(out.layers.map((l) => l.id)).toEqual(['bg', 'basemap-border', 'border']);
    expect(out.sources.border).toBe(builtin.sources.border);
    expect(out.sources['basemap-border']).toBe(foreign.sources.border);
    expect(out.layers[1]).toMatchObject({ source: 'basemap-border' });
  });
});

describe('basemap choice', () => {
  it('accepts only http(s) style URLs', () => {
    expect(checkStyleUrl('https://example.org/style.json')).toEqual({
      ok: true,
      url: 'https://example.org/style.json',
    });
    expect(checkStyleUrl('javascript:alert(1)').ok).toBe(false);
    expect(checkStyleUrl('not a url').ok).toBe(false);
  });

  it('round-trips through storage and falls back to the built-in basemap on anything odd', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => store.set(k, v),
    };
    expect(readBasemapChoice(storage)).toEqual({ kind: 'builtin' });
    saveBasemapChoice({ kind: 'url', url: 'https://example.org/s.json' }, storage);
    expect(readBasemapChoice(storage)).toEqual({ kind: 'url', url: 'https://example.org/s.json' });
    for (const bad of ['{', '{"kind":"url","url":"javascript:x"}', '{"kind":"other"}']) {
      store.set('frontline-claims:basemap:v1', bad);
      expect(readBasemapChoice(storage)).toEqual({ kind: 'builtin' });
    }
  });
});

describe('area disagreement layer data', () => {
  // DeepState maps hold Ukrainian-held ground; ISW's, as its real files, only Russian advances.
  const snap = (sourceId: string, date: string, status: AreaStatus, geometry: Polygon): AreaSnapshot => {
    const claim: AreaClaim = {
      id: `${sourceId}-${date}`,
      sourceId,
      layer: sourceId === 'isw' ? 'kursk_russian_advances' : 'k',
      status,
      statedDate: date,
      geometry,
      fileName: 'f',
      areaKm2: area(geometry) / 1e6,
    };
    return {
      sourceId,
      layer: claim.layer,
      statedDate: date,
      fileName: date,
      format: sourceId === 'isw' ? 'isw' : 'native',
      claims: [claim],
      skipped: noneSkipped(),
    };
  };
  const data = buildAreaCatalog([
    snap('isw', '2025-02-06', 'russian-advance', box(35.3, 51.2, 35.5, 51.3)),
    snap('deepstate', '2025-02-05', 'ukrainian', box(35, 51.2, 35.4, 51.3)),
    snap('deepstate', '2025-03-12', 'ukrainian', box(35, 51.2, 35.35, 51.3)),
  ]);
  const both = new Set(['deepstate', 'isw']);
  const order = ['deepstate', 'isw'];
  /** The pair the shared view gives the map, as positions in the catalog. */
  const disagreementPair = (
    _: unknown,
    date: string,
    sources: ReadonlySet<string>,
    ids: readonly (string | { id: string })[],
  ): [number, number] | null => {
    const { pair } = areaComparison(
      areasOnDate(data, date, sources),
      sources,
      ids.map((id) => (typeof id === 'string' ? { id } : id)),
    );
    return pair && [data.snapshotIndex.get(pair[0]) ?? -1, data.snapshotIndex.get(pair[1]) ?? -1];
  };
  /** The map's collection for a pair of positions, as the app gives it: the rule's answer, made GeoJSON once. */
  const answers = new Map<string, ReturnType<typeof areaDisagreement>>();
  const disagreementCollection = (_: unknown, pair: readonly [number, number] | null) => {
    if (!pair) return collectionOf(undefined);
    const key = pair.join(',');
    const answer = answers.get(key) ?? areaDisagreement(data.snapshots[pair[0]], data.snapshots[pair[1]]);
    answers.set(key, answer);
    return collectionOf(answer);
  };

  it('needs two sources with a map in force, and takes them in the dataset order', () => {
    expect(disagreementPair(data, '2025-02-05', both, order)).toBeNull();
    expect(disagreementPair(data, '2025-02-10', new Set(['deepstate']), order)).toBeNull();
    expect(disagreementPair(data, '2025-02-10', both, order)).toEqual([1, 0]);
    expect(disagreementPair(data, '2025-02-10', both, [{ id: 'isw' }, { id: 'deepstate' }])).toEqual([0, 1]);
    expect(disagreementPair(data, '2025-03-12', both, order)).toEqual([2, 0]);
    expect(disagreementCollection(data, null)).toBe(EMPTY_DISAGREEMENT);
  });

  it('hatches DeepState-Ukrainian ∩ ISW-advance, once per pair', () => {
    const first = disagreementCollection(data, disagreementPair(data, '2025-02-10', both, order));
    expect(disagreementCollection(data, disagreementPair(data, '2025-02-20', both, order))).toBe(first);
    expect(first.features.map((f) => f.properties)).toEqual([
      {
        kind: 'opposed',
        aSource: 'deepstate',
        aStatus: 'ukrainian',
        bSource: 'isw',
        bStatus: 'russian-advance',
        km2: expect.closeTo(area(box(35.3, 51.2, 35.4, 51.3)) / 1e6, 0),
      },
    ]);
    const march = disagreementCollection(data, disagreementPair(data, '2025-03-12', both, order));
    expect(march).not.toBe(first);
    expect(march.features[0].properties.km2).toBeCloseTo(area(box(35.3, 51.2, 35.35, 51.3)) / 1e6, 0);
  });

  it('carries the same km² as the rule the Areas panel shows', () => {
    const [a, b] = disagreementPair(data, '2025-02-10', both, order) ?? [];
    const rule = areaDisagreement(data.snapshots[a ?? -1], data.snapshots[b ?? -1]);
    const features = disagreementCollection(data, [a ?? -1, b ?? -1]).features;
    expect(features.reduce((s, f) => s + f.properties.km2, 0)).toBe(rule.km2.opposed + rule.km2.contested);
  });
});
