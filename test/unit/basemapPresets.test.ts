import { readFileSync } from 'node:fs';
import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { basemapStyle, withAccurateBorder } from '../../src/map/basemapStyle';
import { BASEMAP_PRESETS, choiceStyle, readBasemapChoice } from '../../src/state/basemapChoice';

const builtin = basemapStyle('http://localhost/app/');
const storage = (value: unknown) => ({ getItem: () => JSON.stringify(value) });

describe('the built-in basemap draws the Psel and the Seym', () => {
  it('from public/basemap/rivers.geojson, under the border, labelled, credited to Natural Earth', () => {
    expect(builtin.sources.rivers).toMatchObject({
      type: 'geojson',
      data: 'http://localhost/app/basemap/rivers.geojson',
    });
    expect((builtin.sources.rivers as { attribution?: string }).attribution).toContain('Natural Earth');
    const ids = builtin.layers.map((l) => l.id);
    expect(ids.indexOf('rivers')).toBeGreaterThan(-1);
    expect(ids.indexOf('rivers')).toBeLessThan(ids.indexOf('border'));
    expect(builtin.layers.find((l) => l.id === 'rivers')).toMatchObject({ type: 'line', source: 'rivers' });
    expect(builtin.layers.find((l) => l.id === 'river-labels')).toMatchObject({
      type: 'symbol',
      source: 'rivers',
      layout: { 'text-field': ['get', 'name'], 'symbol-placement': 'line' },
    });
  });

  it('the committed layer has both rivers, English names, and the Russian and Ukrainian ones kept', () => {
    const rivers = JSON.parse(readFileSync('public/basemap/rivers.geojson', 'utf8'));
    const props = rivers.features.map((f: { properties: Record<string, string> }) => f.properties);
    expect(props.map((p: Record<string, string>) => [p.name, p.name_ru, p.name_uk])).toEqual([
      ['Psel', 'Псёл', 'Псел'],
      ['Seym', 'Сейм', 'Сейм'],
    ]);
    for (const f of rivers.features) expect(f.geometry.type).toBe('LineString');
    expect(JSON.parse(readFileSync('public/basemap/basemap-meta.json', 'utf8')).rivers.licence).toMatch(
      /public domain/,
    );
  });
});

describe('basemap presets', () => {
  it('are remembered by id, and an unknown id is not one', () => {
    expect(readBasemapChoice(storage({ kind: 'preset', id: 'eox-s2cloudless' }))).toEqual({
      kind: 'preset',
      id: 'eox-s2cloudless',
    });
    expect(readBasemapChoice(storage({ kind: 'preset', id: 'toString' }))).toEqual({ kind: 'builtin' });
    expect(readBasemapChoice(storage({ kind: 'preset', id: 'https://evil.example/style.json' }))).toEqual({
      kind: 'builtin',
    });
  });

  it('the OpenStreetMap preset is OpenFreeMap Liberty, the satellite one EOxCloudless, credited as their terms ask', () => {
    expect(choiceStyle({ kind: 'preset', id: 'openfreemap-liberty' })).toBe(
      'https://tiles.openfreemap.org/styles/liberty',
    );
    const satellite = choiceStyle({ kind: 'preset', id: 'eox-s2cloudless' }) as StyleSpecification;
    const source = satellite.sources['eox-s2cloudless'] as { tiles: string[]; attribution: string };
    expect(new URL(source.tiles[0].replace(/[{}]/g, '')).host).toBe(BASEMAP_PRESETS['eox-s2cloudless'].host);
    expect(source.attribution).toMatch(
      /EOxCloudless \d{4}.*EOX IT Services GmbH.*Contains modified Copernicus Sentinel data/,
    );
    expect(BASEMAP_PRESETS['openfreemap-liberty'].credit).toMatch(/OpenFreeMap.*OpenMapTiles.*OpenStreetMap/);
    // The accurate border goes on top of it.
    const out = withAccurateBorder(satellite, builtin);
    expect(out.layers.map((l) => l.id)).toEqual(['satellite-background', 'satellite', 'border']);
  });

  it('the CSP lets the presets in and nothing broader than before: no foreign images, scripts or styles', () => {
    const html = readFileSync('index.html', 'utf8');
    const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1] ?? '';
    const directives = new Map(
      csp.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    // MapLibre fetches style, tiles, glyphs and sprites (connect-src), then decodes images from blobs.
    // The DeepState archive is named too (docs/SECURITY.md), inside what `https:` already allows.
    expect(directives.get('connect-src')).toEqual(["'self'", 'https://raw.githubusercontent.com', 'https:']);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    for (const preset of Object.values(BASEMAP_PRESETS)) {
      const hosts =
        typeof preset.style === 'string'
          ? [new URL(preset.style).host]
          : Object.values(preset.style.sources).flatMap((s) =>
              'tiles' in s ? s.tiles.map((t) => new URL(t.replace(/[{}]/g, '')).host) : [],
            );
      expect(hosts).toEqual([preset.host]);
      expect(new URL(`https://${preset.host}/`).protocol).toBe('https:');
    }
  });
});
