import { describe, expect, it } from 'vitest';
import { formatDataError, parseClaims, parseDataset, parsePlaces, parseSources } from '../../src/claims/schema';

const feature = (properties: Record<string, unknown>) => ({ type: 'Feature', geometry: null, properties });
const collection = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

const goodClaim = {
  id: 'c1',
  sourceId: 'ru-mod',
  claimant: 'Russian MoD',
  placeIds: ['ulanok'],
  statedDate: '2025-02-06',
  status: 'russian',
  nature: 'attack-repelled',
  summary: 'Said the attack was beaten back.',
  evidence: { url: 'https://example.org/x', outlet: 'Reuters', provenance: 'reported' },
};
const goodSource = {
  id: 'ru-mod',
  name: 'Russian Ministry of Defence',
  shortName: 'RU MoD',
  kind: 'official',
  alignment: 'russian',
  reliability: 'medium',
  description: 'Official statements.',
  color: '#c0392b',
};
const goodPlace = {
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [35.38, 51.12] },
  properties: {
    id: 'ulanok',
    names: { en: 'Ulanok', ru: 'Уланок', uk: 'Уланок', alt: [] },
    kind: 'village',
    precision: { kind: 'estimate', radiusM: 3000, basis: 'estimate' },
  },
};

describe('parseClaims', () => {
  it('accepts a valid claim and fills defaults', () => {
    const result = parseClaims('claims.geojson', collection([feature(goodClaim)]));
    expect(result.ok && result.value[0]).toMatchObject({
      id: 'c1',
      conflictsWith: [],
      evidence: { alsoReportedAt: [] },
    });
  });

  it('names the file, feature index and field of each error, for every bad feature', () => {
    const result = parseClaims(
      'claims.geojson',
      collection([
        feature(goodClaim),
        feature({ ...goodClaim, id: 'c2', statedDate: '2025-02-30' }),
        feature({ ...goodClaim, id: 'c3', evidence: { ...goodClaim.evidence, url: 'javascript:alert(1)' } }),
      ]),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(formatDataError)).toEqual([
      'claims.geojson › feature 1 › properties.statedDate: must be a real calendar date written YYYY-MM-DD',
      'claims.geojson › feature 2 › properties.evidence.url: must be an http(s) URL',
    ]);
  });

  it('rejects an unknown status and unknown fields', () => {
    const result = parseClaims('f', collection([feature({ ...goodClaim, status: 'ours', extra: 1 })]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const fields = result.errors.map((e) => e.field);
    expect(fields).toContain('properties.status');
    expect(fields).toContain('properties');
  });

  it('reports invalid JSON and empty files at file level', () => {
    const bad = parseClaims('x.geojson', '{"type": "FeatureCollection", ');
    expect(!bad.ok && bad.errors[0].message).toMatch(/^not valid JSON/);
    const empty = parseClaims('x.geojson', '  ');
    expect(!empty.ok && empty.errors[0]).toEqual({ file: 'x.geojson', message: 'the file is empty' });
  });
});

describe('parsePlaces', () => {
  it('rejects coordinates out of range', () => {
    const bad = { ...goodPlace, geometry: { type: 'Point', coordinates: [35, 95] } };
    const result = parsePlaces('places.geojson', collection([bad]));
    expect(!result.ok && result.errors[0]).toMatchObject({ index: 0, field: 'geometry.coordinates.1' });
  });
  it('requires a basis for every location', () => {
    const bad = structuredClone(goodPlace);
    bad.properties.precision = { kind: 'estimate', radiusM: 3000, basis: '' };
    expect(parsePlaces('p', collection([bad])).ok).toBe(false);
  });
});

describe('parseDataset references', () => {
  const files = (claims: unknown[], places: unknown[] = [goodPlace]) => ({
    sources: { file: 'sources.json', text: JSON.stringify({ sources: [goodSource] }) },
    places: { file: 'places.geojson', text: collection(places) },
    claims: { file: 'claims.geojson', text: collection(claims) },
  });

  it('accepts a consistent dataset', () => {
    expect(parseDataset(files([feature(goodClaim)])).ok).toBe(true);
  });

  it('reports unknown sources and places, duplicate ids and dangling conflicts', () => {
    const result = parseDataset(
      files([
        feature(goodClaim),
        feature({ ...goodClaim, sourceId: 'nobody', placeIds: ['ulanok', 'atlantis'], conflictsWith: ['c9'] }),
      ]),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(formatDataError)).toEqual([
      'claims.geojson › feature 1 › properties.id: duplicate id "c1" (first used by feature 0)',
      'claims.geojson › feature 1 › properties.sourceId: unknown source "nobody"',
      'claims.geojson › feature 1 › properties.placeIds.1: unknown place "atlantis"',
      'claims.geojson › feature 1 › properties.conflictsWith.0: unknown claim "c9"',
    ]);
  });

  it('reports a sources file of the wrong shape', () => {
    const result = parseSources('sources.json', JSON.stringify([goodSource]));
    expect(!result.ok && result.errors[0]).toMatchObject({ file: 'sources.json', field: undefined });
  });
});
