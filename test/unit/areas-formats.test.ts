import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { area } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { AREA_IMPORTERS, detectAreaFormat, detectImporter, importAreaFile } from '../../src/areas/detect';
import { importIsw } from '../../src/areas/isw';
import { importNative } from '../../src/areas/native';
import { decodeUtf8 } from '../../src/claims/importBatch';
import { MAX_IMPORT_BYTES } from '../../src/claims/importClaims';
import { formatDataError } from '../../src/claims/schema';
import { box, collection, fixture, syntheticClip } from '../fixtures/areas/load';

const km2 = (g: Parameters<typeof area>[0]) => area(g) / 1e6;
const where = (r: { ok: boolean; errors?: { file: string; index?: number; field?: string }[] }) =>
  (r.errors ?? []).map((e) => [e.file, e.index, e.field]);

/** As ISW's files write positions: with an altitude of 0. */
const box3d = (...edges: Parameters<typeof box>) => {
  const { type, coordinates } = box(...edges);
  return { type, coordinates: coordinates.map((ring) => ring.map(([lon, lat]) => [lon, lat, 0])) };
};

/** The shape of an ISW layer file, without its values: keys, layer names, geometry types, position sizes. */
function iswShape(text: string) {
  const json = JSON.parse(text) as {
    features: { geometry: { type: string; coordinates: unknown } | null; properties: Record<string, unknown> }[];
  };
  const positionSizes = (c: unknown): number[] =>
    Array.isArray(c) && typeof c[0] === 'number' ? [c.length] : Array.isArray(c) ? c.flatMap(positionSizes) : [];
  return {
    keys: Object.keys(json),
    featureKeys: [...new Set(json.features.map((f) => Object.keys(f).join(',')))],
    propertyKeys: [...new Set(json.features.map((f) => Object.keys(f.properties).join(',')))],
    propertyTypes: [
      ...new Set(
        json.features.map((f) =>
          Object.values(f.properties)
            .map((v) => typeof v)
            .join(','),
        ),
      ),
    ],
    layers: [...new Set(json.features.map((f) => f.properties.layer_type))],
    geometryTypes: new Set(json.features.map((f) => f.geometry?.type ?? null)),
    positionSizes: [...new Set(json.features.flatMap((f) => positionSizes(f.geometry?.coordinates)))],
  };
}

describe('the ISW fixture', () => {
  const shape = iswShape(fixture('2024-09-13.geojson'));

  it("has the real files' shape: one layer, kursk_russian_advances, {date, area_km2, layer_type}, z=0", () => {
    expect(shape).toEqual({
      keys: ['type', 'features'],
      featureKeys: ['type,geometry,properties'],
      propertyKeys: ['date,area_km2,layer_type'],
      propertyTypes: ['string,number,string'],
      layers: ['kursk_russian_advances'],
      geometryTypes: new Set(['Polygon', null, 'MultiPolygon']),
      positionSizes: [3],
    });
  });

  // The real files are not in the repo (MANIFEST.md: no licence); compared when the shared folder is present.
  const realDir = join(process.env.SHARED_DIR ?? join(import.meta.dirname, '..', '..', '..', 'shared'), 'data');
  const iswDir = join(realDir, 'isw_kursk_russian_advances');
  it.runIf(existsSync(iswDir))('matches every real ISW file in keys, layer and position size', () => {
    for (const file of readdirSync(iswDir).filter((f) => f.endsWith('.geojson'))) {
      const real = iswShape(readFileSync(join(iswDir, file), 'utf8'));
      expect({ ...real, geometryTypes: undefined }, file).toEqual({ ...shape, geometryTypes: undefined });
      for (const type of real.geometryTypes) expect(['Polygon', 'MultiPolygon', null]).toContain(type);
    }
  });
});

describe('importIsw', () => {
  const iswFeature = (
    date: string,
    geometry: unknown = box3d(35, 51.2, 35.1, 51.3),
    layer = 'kursk_russian_advances',
  ) => ({
    type: 'Feature',
    geometry,
    properties: { date, area_km2: 9.7, layer_type: layer },
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

  const dsProps = { name: 'Звільнено /// Liberated /// geoJSON.status.dismissed' };
  const iswProps = { date: '2024-09-13', area_km2: 1.5, layer_type: 'kursk_russian_advances' };
  const nativeProps = { id: 'a', sourceId: 'cit', layer: 'k', status: 'ukrainian', statedDate: '2025-03-01' };
  const withProps = (properties: unknown) => ({ type: 'Feature', geometry: null, properties });

  it('keeps one registry, tried in the order ISW, app schema, DeepState', () => {
    expect(AREA_IMPORTERS.map((i) => i.format)).toEqual(['isw', 'native', 'deepstate']);
    const own = { isw: iswProps, native: nativeProps, deepstate: dsProps };
    for (const importer of AREA_IMPORTERS)
      for (const [format, properties] of Object.entries(own))
        expect(importer.detect('x.geojson', { kind: 'feature', properties }), `${importer.format} on ${format}`).toBe(
          importer.format === format,
        );
  });

  it('goes by the first feature with a signature; on one feature, by registry order', () => {
    const first = (features: unknown[]) => detectImporter('x.geojson', features)?.format ?? null;
    expect(first([withProps({ colour: 'red' }), withProps(dsProps), withProps(iswProps)])).toBe('deepstate');
    expect(first([null, 7, { type: 'Feature' }, withProps(iswProps), withProps(dsProps)])).toBe('isw');
    expect(first([withProps({ ...nativeProps, ...iswProps, ...dsProps })])).toBe('isw');
    expect(first([withProps({ ...nativeProps, ...dsProps })])).toBe('native');
    // A file with features is never told by its name.
    expect(detectImporter('1738790518.geojson', [withProps({ colour: 'red' })])).toBeNull();
  });

  it('reads each fixture through its importer, given parsed JSON', () => {
    const files = { isw: '2024-09-13.geojson', native: 'native-areas.geojson', deepstate: '1700000000.geojson' };
    for (const importer of AREA_IMPORTERS) {
      const file = files[importer.format];
      const result = importer.parse(file, JSON.parse(fixture(file)), { clip });
      expect(result.ok && result.value.format, file).toBe(importer.format);
      expect(result.ok && result.value.claims.length, file).toBeGreaterThan(0);
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
    expect(!unknown.ok && unknown.errors[0].message).toBe(
      'not a known area format: expected ISW {date, layer_type}, the app schema {id, sourceId, layer, status, statedDate} or DeepState labels ("… /// …")',
    );
    const binary = importAreaFile('x.geojson', 'PK\u0003\u0004\u0000\u0000', ctx);
    expect(!binary.ok && binary.errors[0].message).toBe('this is not a text file');
    const huge = importAreaFile('x.geojson', ' '.repeat(MAX_IMPORT_BYTES + 1), ctx);
    expect(!huge.ok && huge.errors[0].message).toMatch(/limit is 5 MB/);
    const notJson = importAreaFile('x.geojson', '{"type":', ctx);
    expect(!notJson.ok && notJson.errors[0].message).toMatch(/not valid JSON/);
  });
});

describe('encoding: judged by decoding the bytes, not by the characters', () => {
  // As 7 of the 366 archived DeepState snapshots: valid UTF-8 whose description holds U+FFFD in the first 4 kB.
  const name = '1732395180.geojson';
  const bytes = readFileSync(join(import.meta.dirname, '../fixtures/areas', name));

  it('a DeepState map holding U+FFFD in a description imports', () => {
    const read = decodeUtf8(name, bytes);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.indexOf('\uFFFD')).toBeGreaterThanOrEqual(0);
    expect(read.value.indexOf('\uFFFD')).toBeLessThan(4096);
    const result = importAreaFile(name, read.value, { clip: syntheticClip() });
    expect(result.ok, result.ok ? '' : result.errors.map(formatDataError).join('\n')).toBe(true);
    expect(result.ok && result.value.claims.map((c) => c.status)).toEqual(['ukrainian', 'contested']);
    expect(result.ok && result.value.statedDate).toBe('2024-11-23');
  });

  it('a file whose bytes are not UTF-8 is refused, naming the file and the byte', () => {
    const at = bytes.indexOf(0xef);
    const latin1 = Uint8Array.from(bytes);
    latin1.set([0xe9, 0x20, 0x20], at); // é as Latin-1 writes it: one byte, then a space that cannot continue it
    const read = decodeUtf8('latin1.geojson', latin1);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(formatDataError(read.errors[0])).toBe(
      `latin1.geojson: this is not a text file in UTF-8: byte ${at + 1} (0xe9) is not UTF-8 (save it as UTF-8)`,
    );
  });

  it('a binary file is refused as not text', () => {
    const read = decodeUtf8('x.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    expect(!read.ok && read.errors[0]).toEqual({ file: 'x.png', message: 'this is not a text file' });
  });
});
