/**
 * The one per-feature loop and the steps before it (src/claims/featureLoop.ts), shared by the claims schema
 * and every area importer: cap, wording, field paths, never a throw.
 */
import { describe, expect, it } from 'vitest';
import { AREA_IMPORTERS } from '../../src/areas/detect';
import { capErrors, type DataError, fail, MAX_ERRORS } from '../../src/claims/errors';
import { featuresOf, parseFeatures, parseJson, safeParseItem } from '../../src/claims/featureLoop';
import { parseClaimImport } from '../../src/claims/importClaims';
import { parseClaims } from '../../src/claims/schema';
import { z } from '../../src/claims/zod';
import { collection, syntheticClip } from '../fixtures/areas/load';
import { dataset } from './factories';

const CAP_NOTE = `more than ${MAX_ERRORS} errors: checking stopped at these ${MAX_ERRORS}; fix them and try again`;
const where = (errors: readonly DataError[]) => errors.map((e) => [e.index, e.field, e.message]);

const point = z.object({
  type: z.literal('Feature'),
  properties: z.object({ name: z.string(), tags: z.array(z.number()) }),
});

describe('parseFeatures', () => {
  it('returns every value in file order, or only errors: all or nothing', () => {
    const good = { type: 'Feature', properties: { name: 'a', tags: [1] } };
    const all = parseFeatures('f.geojson', [good, { ...good, properties: { name: 'b', tags: [] } }], point);
    expect(all.ok && all.value.map((f) => f.properties.name)).toEqual(['a', 'b']);
    const some = parseFeatures('f.geojson', [good, { type: 'Feature' }], point);
    expect(some).toEqual({
      ok: false,
      errors: [{ file: 'f.geojson', index: 1, field: 'properties', message: 'is missing (must be an object)' }],
    });
  });

  it('names file, feature index and the dotted field path, in the app wording', () => {
    const result = parseFeatures(
      'f.geojson',
      [
        { type: 'Feat', properties: { name: 'a', tags: [1] } },
        { type: 'Feature', properties: { tags: [1, 'two'] } },
      ],
      point,
    );
    expect(!result.ok && where(result.errors)).toEqual([
      [0, 'type', 'must be "Feature", not "Feat"'],
      [1, 'properties.name', 'is missing (must be text)'],
      [1, 'properties.tags.1', 'must be a number, not "two"'],
    ]);
  });

  it('stops after MAX_ERRORS errors and says so first, once', () => {
    let calls = 0;
    const items = Array.from({ length: 1000 }, (_, i) => i);
    const result = parseFeatures('junk.geojson', items, (_item, index) => {
      calls++;
      return fail([{ file: 'junk.geojson', index, message: 'bad' }]);
    });
    expect(calls).toBe(MAX_ERRORS + 1);
    expect(!result.ok && result.errors).toHaveLength(MAX_ERRORS + 1);
    expect(!result.ok && result.errors[0]).toEqual({ file: 'junk.geojson', message: CAP_NOTE });
    expect(!result.ok && result.errors.slice(1).map((e) => e.index)).toEqual(items.slice(0, MAX_ERRORS));
    // A caller that caps again what was capped changes nothing.
    if (!result.ok) expect(capErrors('junk.geojson', result.errors)).toEqual(result.errors);
  });

  it('with a function: values may be anything, and a throw becomes an error of that feature', () => {
    const result = parseFeatures('f.geojson', [1, 2, 3], (item, index) => {
      if (item === 2) throw new RangeError('too much');
      return { ok: true, value: { index, item } };
    });
    expect(!result.ok && result.errors).toEqual([
      {
        file: 'f.geojson',
        index: 1,
        message: 'could not be checked: it is too large or too deeply nested (too much)',
      },
    ]);
    const fine = parseFeatures('f.geojson', [1, 2], (item) => ({ ok: true, value: String(item) }));
    expect(fine).toEqual({ ok: true, value: ['1', '2'] });
  });

  it('safeParseItem puts a prefix before the path when it is given part of a feature', () => {
    const geometry = z.object({ coordinates: z.array(z.number()) });
    const result = safeParseItem('f.geojson', 4, { coordinates: [1, null] }, geometry, 'geometry');
    expect(!result.ok && where(result.errors)).toEqual([[4, 'geometry.coordinates.1', 'must be a number, not null']]);
  });
});

describe('featuresOf and parseJson', () => {
  const errorsOf = (json: unknown) => {
    const result = featuresOf('f.geojson', json);
    return result.ok ? [] : result.errors.map((e) => [e.field, e.message]);
  };

  it('say what the file is instead of a FeatureCollection', () => {
    expect(errorsOf([1])).toEqual([
      [undefined, 'must be a GeoJSON FeatureCollection: {"type": "FeatureCollection", "features": [...]}, not a list'],
    ]);
    expect(errorsOf({ type: 'Feature' })[0]).toEqual([
      'type',
      'is a single Feature: the file must be a GeoJSON FeatureCollection: {"type": "FeatureCollection", "features": [...]} around it',
    ]);
    expect(errorsOf({ type: 'GeometryCollection', features: [] })).toEqual([
      ['type', 'must be "FeatureCollection", not "GeometryCollection"'],
    ]);
    expect(errorsOf({ type: 'FeatureCollection' })).toEqual([['features', 'is missing (must be a list)']]);
    expect(featuresOf('f.geojson', { type: 'FeatureCollection', features: [1] })).toEqual({ ok: true, value: [1] });
  });

  it('read JSON with a BOM, refuse empty, deep and broken text', () => {
    expect(parseJson('f', '\uFEFF{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(!parseJson('f', '  ').ok && parseJson('f', '  ')).toEqual(
      fail([{ file: 'f', message: 'the file is empty' }]),
    );
    const deep = parseJson('f', '['.repeat(65) + ']'.repeat(65));
    expect(!deep.ok && deep.errors[0].message).toMatch(/^nested more than 64 levels deep/);
    const broken = parseJson('f', '{"a":');
    expect(!broken.ok && broken.errors[0].message).toMatch(/^not valid JSON \(/);
  });
});

describe('the same loop for claims and areas', () => {
  const junk = `{"type":"FeatureCollection","features":[${'1,'.repeat(300)}1]}`;
  const ctx = { clip: syntheticClip() };
  // Names each importer's own way of dating a file, so no importer refuses the file before its features.
  const names: Record<string, string> = {
    isw: '2024-09-13.geojson',
    native: 'areas.geojson',
    deepstate: '1738790518.geojson',
  };

  it('caps a file of junk features the same way, with the same words', () => {
    const claims = parseClaimImport('junk.geojson', junk, dataset([]));
    const results = [
      claims,
      parseClaims('junk.geojson', junk),
      ...AREA_IMPORTERS.map((importer) => importer.parse(names[importer.format], JSON.parse(junk), ctx)),
    ];
    for (const result of results) {
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.errors).toHaveLength(MAX_ERRORS + 1);
      expect(result.errors[0].message).toBe(CAP_NOTE);
      expect(result.errors[1]).toMatchObject({ index: 0, message: 'must be an object, not the number 1' });
      expect(result.errors.at(-1)?.index).toBe(MAX_ERRORS - 1);
    }
  });

  it('words a feature of the wrong type the same way', () => {
    const text = collection([{ type: 'Point', geometry: null, properties: {} }]);
    const messages = [
      parseClaims('f.geojson', text),
      ...AREA_IMPORTERS.map((importer) => importer.parse(names[importer.format], JSON.parse(text), ctx)),
    ].map((r) => (r.ok ? null : r.errors.find((e) => e.field === 'type')?.message));
    expect(messages).toEqual(Array(4).fill('must be "Feature", not "Point"'));
  });
});
