import { area } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { AreaClaim, AreaSnapshot } from '../../src/areas/model';
import { noneSkipped } from '../../src/areas/model';
import { disagreementPair, EMPTY_DISAGREEMENT } from '../../src/map/areaDisagreement';
import { buildAreaLayerData } from '../../src/map/areaLayers';
import { checkStyleUrl, readBasemapChoice, saveBasemapChoice } from '../../src/map/basemapChoice';
import { basemapStyle, withAccurateBorder } from '../../src/map/basemapStyle';
import { disagreementCollection } from '../../src/map/disagreementCollection';
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
  const snap = (sourceId: string, date: string, east: number): AreaSnapshot => {
    const geometry = box(35, 51.2, east, 51.3);
    const claim: AreaClaim = {
      id: `${sourceId}-${date}`,
      sourceId,
      layer: 'k',
      status: 'ukrainian',
      statedDate: date,
      geometry,
      fileName: 'f',
      areaKm2: area(geometry) / 1e6,
    };
    return {
      sourceId,
      layer: 'k',
      statedDate: date,
      fileName: date,
      format: 'native',
      claims: [claim],
      skipped: noneSkipped(),
    };
  };
  const data = buildAreaLayerData([
    snap('deepstate', '2025-02-05', 35.4),
    snap('isw', '2025-02-06', 35.3),
    snap('deepstate', '2025-03-12', 35.2),
  ]);
  const both = new Set(['deepstate', 'isw']);

  it('needs two sources with a map in force', () => {
    expect(disagreementPair(data, '2025-02-05', both)).toBeNull();
    expect(disagreementPair(data, '2025-02-10', new Set(['deepstate']))).toBeNull();
    expect(disagreementPair(data, '2025-02-10', both)).toEqual([0, 1]);
    expect(disagreementPair(data, '2025-03-12', both)).toEqual([1, 2]);
    expect(disagreementCollection(data, null)).toBe(EMPTY_DISAGREEMENT);
  });

  it('computes the hatched area once per pair', () => {
    const first = disagreementCollection(data, disagreementPair(data, '2025-02-10', both));
    expect(disagreementCollection(data, disagreementPair(data, '2025-02-20', both))).toBe(first);
    expect(first.features.map((f) => f.properties.heldBy)).toEqual(['deepstate']);
    const expected = area(box(35.3, 51.2, 35.4, 51.3)) / 1e6;
    expect(first.features[0].properties.km2).toBeCloseTo(expected, 0);
    const march = disagreementCollection(data, disagreementPair(data, '2025-03-12', both));
    expect(march).not.toBe(first);
    expect(march.features.map((f) => f.properties.heldBy)).toEqual(['isw']);
  });
});
