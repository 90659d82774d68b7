import { area } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { detectAreaFormat, importAreaFile } from '../../src/areas/detect';
import { importIsw } from '../../src/areas/isw';
import { importNative } from '../../src/areas/native';
import { MAX_IMPORT_BYTES } from '../../src/claims/importClaims';
import { formatDataError } from '../../src/claims/schema';
import { box, collection, fixture, syntheticClip } from '../fixtures/areas/load';

const km2 = (g: Parameters<typeof area>[0]) => area(g) / 1e6;
const where = (r: { ok: boolean; errors?: { file: string; index?: number; field?: string }[] }) =>
  (r.errors ?? []).map((e) => [e.file, e.index, e.field]);

describe('importIsw', () => {
  const iswFeature = (
    date: string,
    geometry: unknown = box(35, 51.2, 35.1, 51.3),
    layer = 'kursk_russian_advances',
  ) => ({
    type: 'Feature',
    geometry,
    properties: { date, area_km2: 1, layer_type: layer },
  });

  it('reads the layer, date and polygons (2-D), skipping null geometries', () => {
    const result = importIsw('2024-09-13.geojson', fixture('2024-09-13.geojson'));
    if (!result.ok) throw new Error(result.errors.map(formatDataError).join('\n'));
    const s = result.value;
    expect(s).toMatchObject({
      sourceId: 'isw',
      layer: 'kursk_russian_advances',
      statedDate: '2024-09-13',
      format: 'isw',
    });
    expect(s.snapshotTime).toBeUndefined();
    expect(s.skipped.noGeometry).toBe(1);
    expect(s.claims.map((c) => [c.id, c.status, c.geometry.type])).toEqual([
      ['isw/kursk_russian_advances/2024-09-13/0', 'russian-advance', 'Polygon'],
      ['isw/kursk_russian_advances/2024-09-13/2', 'russian-advance', 'MultiPolygon'],
    ]);
    expect(JSON.stringify(s.claims[0].geometry.coordinates)).not.toContain(',0]');
    expect(s.claims[1].areaKm2).toBeCloseTo(km2(box(35.5, 51.3, 35.6, 51.4)) + km2(box(35.7, 51.3, 35.8, 51.4)), 6);
  });

  it('refuses features whose date or layer differs from the first, or from the file name', () => {
    const mixed = importIsw(
      'layer.geojson',
      collection([iswFeature('2024-09-13'), iswFeature('2024-09-14'), iswFeature('2024-09-13', null, 'other')]),
    );
    expect(where(mixed)).toEqual([
      ['layer.geojson', 1, 'properties.date'],
      ['layer.geojson', 2, 'properties.layer_type'],
    ]);
    const renamed = importIsw('2024-09-14.geojson', collection([iswFeature('2024-09-13')]));
    expect(!renamed.ok && renamed.errors[0].message).toMatch(/file name, "2024-09-14"/);
  });

  it('takes the date from the file name, then the context, when no feature has one', () => {
    const fromName = importIsw('isw_2024-10-01.geojson', collection([]));
    expect(fromName.ok && fromName.value.statedDate).toBe('2024-10-01');
    const fromCtx = importIsw('layer.geojson', collection([]), { date: '2024-10-02' });
    expect(fromCtx.ok && fromCtx.value.statedDate).toBe('2024-10-02');
    expect(where(importIsw('layer.geojson', collection([])))).toEqual([['layer.geojson', undefined, 'fileName']]);
  });

  it('names the field of a malformed feature', () => {
    const bad = importIsw(
      'x.geojson',
      collection([
        iswFeature('2024-13-01'),
        { ...iswFeature('2024-09-13'), geometry: { type: 'Point', coordinates: [0, 0] } },
      ]),
    );
    expect(where(bad)).toEqual([
      ['x.geojson', 0, 'properties.date'],
      ['x.geojson', 1, 'geometry.type'],
    ]);
    expect(!bad.ok && bad.errors[1].message).toBe('must be a Polygon or MultiPolygon geometry');
  });
});

describe('importNative', () => {
  const props = { id: 'a1', sourceId: 'cit', layer: 'cit-kursk', status: 'ukrainian', statedDate: '2025-03-01' };
  const feature = (
    extra: Record<string, unknown> = {},
    coordinates: unknown = box(35, 51.2, 35.1, 51.3).coordinates,
  ) => ({
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates },
    properties: { ...props, ...extra },
  });

  it('reads a snapshot in the app schema', () => {
    const result = importNative('native-areas.geojson', fixture('native-areas.geojson'), {
      sourceIds: new Set(['cit']),
    });
    if (!result.ok) throw new Error(result.errors.map(formatDataError).join('\n'));
    expect(result.value).toMatchObject({
      sourceId: 'cit',
      layer: 'cit-kursk',
      statedDate: '2025-03-01',
      format: 'native',
    });
    expect(result.value.claims.map((c) => [c.id, c.status, c.note])).toEqual([
      ['syn-ua-1', 'ukrainian', undefined],
      ['syn-grey-1', 'contested', 'Synthetic grey zone for tests.'],
    ]);
    expect(result.value.claims[0].areaKm2).toBeCloseTo(km2(box(35.1, 51.0, 35.3, 51.1)), 6);
  });

  it('rejects self-intersecting, unclosed and out-of-range rings', () => {
    const bowTie = [
      [
        [35, 51.2],
        [35.1, 51.3],
        [35.1, 51.2],
        [35, 51.3],
        [35, 51.2],
      ],
    ];
    const unclosed = [
      [
        [35, 51.2],
        [35.1, 51.2],
        [35.1, 51.3],
        [35, 51.3],
      ],
    ];
    const farEast = [
      [
        [35, 51.2],
        [181, 51.2],
        [35.1, 51.3],
        [35, 51.2],
      ],
    ];
    const result = importNative(
      'n.geojson',
      collection([feature({ id: 'a' }, bowTie), feature({ id: 'b' }, unclosed), feature({ id: 'c' }, farEast)]),
    );
    expect(where(result)).toEqual([
      ['n.geojson', 0, 'geometry.coordinates'],
      ['n.geojson', 1, 'geometry.coordinates.0'],
      ['n.geojson', 2, 'geometry.coordinates.0.1.0'],
    ]);
    expect(!result.ok && result.errors[0].message).toMatch(/crosses itself near 35.05000, 51.25000/);
  });

  it('holds one snapshot per file, unique ids, known sources and only schema fields', () => {
    const result = importNative(
      'n.geojson',
      collection([
        feature(),
        feature({ id: 'a2', layer: 'other' }),
        feature({ id: 'a1' }),
        feature({ id: 'a3', statedDate: '2025-03-02' }),
      ]),
      { sourceIds: new Set(['cit']) },
    );
    expect(where(result)).toEqual([
      ['n.geojson', 1, 'properties.layer'],
      ['n.geojson', 2, 'properties.id'],
      ['n.geojson', 3, 'properties.statedDate'],
    ]);
    const unknown = importNative('n.geojson', collection([feature()]), { sourceIds: new Set(['isw']) });
    expect(where(unknown)).toEqual([['n.geojson', 0, 'properties.sourceId']]);
    const extra = importNative('n.geojson', collection([feature({ colour: 'red', status: 'held' })]));
    expect(where(extra)).toEqual([
      ['n.geojson', 0, 'properties.status'],
      ['n.geojson', 0, 'properties'],
    ]);
    expect(where(importNative('n.geojson', collection([])))).toEqual([['n.geojson', undefined, undefined]]);
  });
});

describe('format detection', () => {
  const clip = syntheticClip();

  it('tells each format from its content, not its name', () => {
    const cases: [string, string, string][] = [
      ['1700000000.geojson', 'renamed.geojson', 'deepstate'],
      ['2024-09-13.geojson', 'renamed-2024-09-13.geojson', 'isw'],
      ['native-areas.geojson', 'renamed.geojson', 'native'],
    ];
    for (const [file, name, format] of cases) {
      const text = fixture(file);
      const features: unknown[] = JSON.parse(text).features;
      expect(detectAreaFormat(name, features)).toBe(format);
      const imported = importAreaFile(name, text, { clip, date: '2025-01-01' });
      expect(imported.ok && imported.value.format).toBe(format);
    }
  });

  it('uses the file name only for an empty collection', () => {
    expect(detectAreaFormat('1738790518.geojson', [])).toBe('deepstate');
    expect(detectAreaFormat('2024-09-13.geojson', [])).toBe('isw');
    expect(detectAreaFormat('areas.geojson', [])).toBeNull();
  });

  it('refuses unknown formats, non-text and oversized files before parsing them', () => {
    const ctx = { clip };
    const unknown = importAreaFile('x.geojson', collection([{ type: 'Feature', properties: { colour: 'red' } }]), ctx);
    expect(!unknown.ok && unknown.errors[0].message).toMatch(/not a known area format/);
    const binary = importAreaFile('x.geojson', 'PK\u0003\u0004\u0000\u0000', ctx);
    expect(!binary.ok && binary.errors[0].message).toBe('this is not a text file');
    const huge = importAreaFile('x.geojson', ' '.repeat(MAX_IMPORT_BYTES + 1), ctx);
    expect(!huge.ok && huge.errors[0].message).toMatch(/limit is 5 MB/);
    const notJson = importAreaFile('x.geojson', '{"type":', ctx);
    expect(!notJson.ok && notJson.errors[0].message).toMatch(/not valid JSON/);
  });
});
