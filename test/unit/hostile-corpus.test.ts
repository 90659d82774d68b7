/**
 * Every file of the hostile corpus (test/fixtures/hostile/, made by scripts/make-hostile-corpus.ts) goes
 * through the same parser as the app's import, against the repo's real dataset. Each bad file must be
 * refused with the message and field its manifest names, every error must name the file, nothing may
 * throw, and the loaded dataset must come out exactly as it went in.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRepoDataset } from '../../scripts/lib/loadData';
import type { ManifestEntry } from '../../scripts/make-hostile-corpus';
import { decodeUtf8 } from '../../src/claims/importBatch';
import { MAX_IMPORT_BYTES, parseClaimImport } from '../../src/claims/importClaims';
import type { Claim, Dataset } from '../../src/claims/model';
import { type DataError, formatDataError, MAX_ERRORS, parsePlaces, type Result } from '../../src/claims/schema';

const dir = new URL('../fixtures/hostile/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as { files: ManifestEntry[] };

const repo = loadRepoDataset();
if (!repo.ok) throw new Error(`the repo dataset does not load: ${repo.errors.map(formatDataError).join('; ')}`);
const dataset: Dataset = repo.value;

/** Read as the app reads a picked file (`readFileText`): a fatal UTF-8 decode of the bytes, a leading BOM dropped. */
const readAsApp = (file: string) => decodeUtf8(file, readFileSync(new URL(file, dir)));

function parse(entry: Pick<ManifestEntry, 'file' | 'parser'>, read: Result<string>): Result<unknown[]> {
  if (!read.ok) return read;
  const text = read.value;
  return entry.parser === 'places' ? parsePlaces(entry.file, text) : parseClaimImport(entry.file, text, dataset);
}

function expectWellFormedErrors(file: string, errors: readonly DataError[]): void {
  expect(errors.length).toBeGreaterThan(0);
  expect(errors.length).toBeLessThanOrEqual(MAX_ERRORS + 1);
  for (const e of errors) {
    expect(e.file).toBe(file);
    expect(typeof e.message).toBe('string');
    expect(e.message.length).toBeGreaterThan(0);
    expect(formatDataError(e).startsWith(`${file}`)).toBe(true);
  }
}

function expectNoPollution(): void {
  const probe: Record<string, unknown> = {};
  expect(probe.polluted).toBeUndefined();
  expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
  expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
}

describe('the hostile corpus', () => {
  it('has at least 50 files, each listed once in the manifest', () => {
    const onDisk = readdirSync(dir)
      .filter((f) => f !== 'manifest.json')
      .sort();
    const listed = manifest.files.map((e) => e.file).sort();
    expect(listed).toEqual(onDisk);
    expect(new Set(listed).size).toBe(listed.length);
    expect(onDisk.length).toBeGreaterThanOrEqual(50);
    for (const entry of manifest.files)
      if (entry.expect === 'error') expect(entry.message, `${entry.file} needs an expected message`).toBeTruthy();
  });

  it.each(manifest.files.map((e) => [e.file, e] as const))('%s', (_name, entry) => {
    const read = readAsApp(entry.file);
    const before = structuredClone(dataset);
    let result: Result<unknown[]> | undefined;
    expect(() => {
      result = parse(entry, read);
    }).not.toThrow();
    if (!result) throw new Error('no result');
    expect(dataset).toEqual(before);
    expectNoPollution();

    if (entry.expect === 'ok') {
      expect(result.ok, result.ok ? '' : result.errors.map(formatDataError).join('\n')).toBe(true);
      if (!result.ok || !read.ok || entry.parser === 'places') return;
      const text = read.value;
      // Imported as plain text: markup and odd characters come through exactly as written, never "cleaned".
      const source = JSON.parse(text.replace(/^\uFEFF/, '')).features[0].properties;
      const claim = result.value[0] as Claim;
      expect(claim.summary).toBe(source.summary);
      expect(claim.claimant).toBe(source.claimant);
      expect(claim.evidence.outlet).toBe(source.evidence.outlet);
      return;
    }

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expectWellFormedErrors(entry.file, result.errors);
    const match = result.errors.find(
      (e) =>
        e.message.includes(entry.message ?? '') &&
        (entry.field === undefined || e.field === entry.field) &&
        (entry.index === undefined || e.index === entry.index),
    );
    expect(
      match,
      `expected "${entry.message}" at ${entry.field ?? '(file)'}; got:\n${result.errors.map(formatDataError).join('\n')}`,
    ).toBeDefined();
  });
});

describe('hostile files too big to commit', () => {
  const claimText = (extra: Record<string, unknown>) =>
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: null,
          properties: {
            id: 'hostile-runtime',
            sourceId: 'isw',
            claimant: 'Hostile corpus',
            placeIds: ['ulanok'],
            statedDate: '2025-02-10',
            status: 'contested',
            nature: 'assessment',
            summary: 'HOSTILE CORPUS: made at run time.',
            evidence: { url: 'https://example.org/hostile', outlet: 'Test corpus', provenance: 'first-hand' },
            ...extra,
          },
        },
      ],
    });

  it('refuses a file over 5 MB before parsing it', () => {
    const text = claimText({ note: 'x'.repeat(MAX_IMPORT_BYTES) });
    const result = parseClaimImport('huge.geojson', text, dataset);
    expect(!result.ok && result.errors).toEqual([
      { file: 'huge.geojson', message: expect.stringMatching(/^the file is 5\.0 MB; the limit is 5 MB$/) },
    ]);
  });

  it('counts multi-byte characters against the limit, not UTF-16 units', () => {
    const text = claimText({ note: 'ж'.repeat(MAX_IMPORT_BYTES / 2 + 10) });
    expect(text.length).toBeLessThan(MAX_IMPORT_BYTES);
    const result = parseClaimImport('cyrillic.geojson', text, dataset);
    expect(!result.ok && result.errors[0].message).toMatch(/limit is 5 MB/);
  });

  it('refuses 2.5 million nested lists (5 MB) quickly, without touching the stack', () => {
    const n = 2_400_000;
    const start = performance.now();
    const result = parseClaimImport('deep.geojson', `${'['.repeat(n)}${']'.repeat(n)}`, dataset);
    expect(!result.ok && result.errors[0].message).toMatch(/nested more than 64 levels deep/);
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it('stops at 100 errors in a 5 MB list of junk features instead of listing 2.4 million', () => {
    const text = `{"type":"FeatureCollection","features":[${'1,'.repeat(2_400_000)}1]}`;
    const start = performance.now();
    const result = parseClaimImport('junk.geojson', text, dataset);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(MAX_ERRORS + 1);
    expect(result.errors[0].message).toMatch(/^more than 100 errors: checking stopped/);
    expect(performance.now() - start).toBeLessThan(5000);
  });

  it('reports a list too long for the checker instead of throwing', () => {
    // 600,000 bad entries in one field used to overflow zod's issue list (RangeError) and throw out of the import.
    const result = parseClaimImport('long-list.geojson', claimText({ conflictsWith: Array(600_000).fill(1) }), dataset);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expectWellFormedErrors('long-list.geojson', result.errors);
  });

  it('reports 100 of 300,000 unknown references', () => {
    const ids = Array.from({ length: 300_000 }, (_, i) => `nope-${i}`);
    const result = parseClaimImport('refs.geojson', claimText({ conflictsWith: ids }), dataset);
    expect(!result.ok && result.errors).toHaveLength(MAX_ERRORS + 1);
  });
});

describe('a UTF-8 byte-order mark', () => {
  it('is accepted whether or not the reader dropped it', () => {
    const raw = readFileSync(new URL('utf8-bom.geojson', dir), 'utf8');
    expect(raw.charCodeAt(0)).toBe(0xfeff);
    expect(parseClaimImport('utf8-bom.geojson', raw, dataset).ok).toBe(true);
    const read = readAsApp('utf8-bom.geojson');
    expect(read.ok && read.value.charCodeAt(0)).not.toBe(0xfeff);
    expect(read.ok && parseClaimImport('utf8-bom.geojson', read.value, dataset).ok).toBe(true);
  });
});

describe('random damage to a valid file (property-based)', () => {
  const valid = JSON.parse(readFileSync(new URL('utf8-bom.geojson', dir), 'utf8').slice(1)) as {
    features: { properties: Record<string, unknown> }[];
  };
  const baseClaim = valid.features[0].properties;
  const keys = [...Object.keys(baseClaim), 'evidence.url', 'evidence.outlet', 'refersTo', 'conflictsWith', '__proto__'];

  /** Never throws; either imports or returns errors that name the file; never changes what is loaded. */
  function checkTotal(text: string): void {
    const before = structuredClone(dataset);
    const result = parseClaimImport('fuzz.geojson', text, dataset);
    if (!result.ok) expectWellFormedErrors('fuzz.geojson', result.errors);
    else for (const c of result.value) expect(c.imported).toBe(true);
    expect(dataset).toEqual(before);
    expectNoPollution();
  }

  it('a field replaced by anything', () => {
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue(), (key, value) => {
        const properties = structuredClone(baseClaim);
        const [outer, inner] = key.split('.');
        if (inner) (properties.evidence as Record<string, unknown>)[inner] = value;
        else Object.defineProperty(properties, outer, { value, enumerable: true, writable: true, configurable: true });
        checkTotal(JSON.stringify({ type: 'FeatureCollection', features: [{ ...valid.features[0], properties }] }));
      }),
      { numRuns: 200 },
    );
  });

  it('a field removed, or an odd key added', () => {
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.string(), fc.jsonValue(), (key, extraKey, value) => {
        const properties: Record<string, unknown> = structuredClone(baseClaim);
        delete properties[key];
        const extra = JSON.stringify({ [extraKey]: value }).slice(1, -1);
        const body = JSON.stringify(properties);
        const text = `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":${
          body === '{}' ? `{${extra}}` : `{${extra},${body.slice(1)}`
        }}]}`;
        checkTotal(text);
      }),
      { numRuns: 150 },
    );
  });

  it('the text cut, spliced or overwritten anywhere', () => {
    const text = JSON.stringify(valid, null, 2);
    fc.assert(
      fc.property(fc.nat(text.length), fc.nat(text.length), fc.string({ unit: 'binary' }), (a, b, insert) => {
        const [from, to] = a < b ? [a, b] : [b, a];
        checkTotal(text.slice(0, from));
        checkTotal(text.slice(0, from) + insert + text.slice(to));
      }),
      { numRuns: 150 },
    );
  });

  it('any JSON at all, and any string at all', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => checkTotal(JSON.stringify(value) ?? '')),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => checkTotal(text)),
      { numRuns: 150 },
    );
  });
});
