import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, parseClaimImport, withImports } from '../../src/claims/importClaims';
import { formatDataError } from '../../src/claims/schema';
import { claim, dataset } from './factories';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/imports/${name}`, import.meta.url), 'utf8');
const loaded = dataset([
  claim('isw', 'ulanok', '2025-02-07', 'contested', { id: 'existing' }),
  claim('ru-mod', 'cherkasskaya-konopelka', '2025-02-06', 'russian'),
]);
const collection = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const asFeature = (c: object) => ({ type: 'Feature', geometry: null, properties: c });

describe('parseClaimImport', () => {
  it('accepts a valid file and marks every claim as imported', () => {
    const result = parseClaimImport('good.geojson', fixture('good-claims.geojson'), loaded);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.map((c) => [c.id, c.imported])).toEqual([
      ['fixture-isw-ulanok', true],
      ['fixture-isw-konopelka', true],
    ]);
  });

  it('rejects the whole file when any feature is bad, listing every error with feature index and field', () => {
    const result = parseClaimImport('bad.geojson', fixture('bad-claims.geojson'), loaded);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(formatDataError)).toEqual([
      'bad.geojson › feature 1 › properties.statedDate: must be a real calendar date written YYYY-MM-DD',
      'bad.geojson › feature 1 › properties.evidence.url: must be an http(s) URL',
    ]);
  });

  it('checks references against what is loaded: sources, places, and ids already used', () => {
    const props = { ...claim('nobody', 'atlantis', '2025-01-01', 'russian', { id: 'existing' }) };
    const { imported: _unused, ...withoutFlag } = props;
    const result = parseClaimImport(
      'refs.geojson',
      collection([asFeature(withoutFlag), asFeature(withoutFlag)]),
      loaded,
    );
    expect(!result.ok && result.errors.map(formatDataError)).toEqual([
      'refs.geojson › feature 0 › properties.id: a claim with id "existing" is already loaded',
      'refs.geojson › feature 0 › properties.sourceId: unknown source "nobody"',
      'refs.geojson › feature 0 › properties.placeIds.0: unknown place "atlantis"',
      'refs.geojson › feature 1 › properties.id: a claim with id "existing" is already loaded',
      'refs.geojson › feature 1 › properties.id: duplicate id "existing" (first used by feature 0)',
      'refs.geojson › feature 1 › properties.sourceId: unknown source "nobody"',
      'refs.geojson › feature 1 › properties.placeIds.0: unknown place "atlantis"',
    ]);
  });

  it('refuses empty, binary and oversized files with a clear message', () => {
    expect(parseClaimImport('e.geojson', '', loaded)).toEqual({
      ok: false,
      errors: [{ file: 'e.geojson', message: 'the file is empty' }],
    });
    const binary = parseClaimImport('b.geojson', '\u0000\u0001PNG', loaded);
    expect(!binary.ok && binary.errors[0].message).toBe('this is not a text file');
    const huge = parseClaimImport('h.geojson', ' '.repeat(MAX_IMPORT_BYTES + 1), loaded);
    expect(!huge.ok && huge.errors[0].message).toMatch(/limit is 5 MB/);
    const none = parseClaimImport('n.geojson', collection([]), loaded);
    expect(!none.ok && none.errors[0].message).toMatch(/no claims/);
  });

  it('leaves the loaded dataset untouched, whatever the outcome', () => {
    const before = structuredClone(loaded);
    parseClaimImport('bad.geojson', fixture('bad-claims.geojson'), loaded);
    const good = parseClaimImport('good.geojson', fixture('good-claims.geojson'), loaded);
    expect(loaded).toEqual(before);
    if (!good.ok) throw new Error('fixture should import');
    const merged = withImports(loaded, [{ id: 'b1', fileName: 'good.geojson', importedAt: '', claims: good.value }]);
    expect(merged.claims).toHaveLength(loaded.claims.length + 2);
    expect(withImports(loaded, [])).toBe(loaded);
  });
});
