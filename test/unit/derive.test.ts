/**
 * The map-derived claims (scripts/derive.ts): circle shares, the status rules, change points only, and
 * the replacement of hand-entered map readings. Synthetic maps only, in the archives' real formats:
 * DeepState labels `Ukrainian /// English /// key` in files named by Unix time, ISW files holding only
 * a `kursk_russian_advances` layer. The synthetic "Russia" is everything north of 51° N.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Position } from 'geojson';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { checkDerived } from '../../scripts/lib/checkDerived';
import { deriveClaims } from '../../scripts/lib/deriveClaims';
import { compareWithHand, mergeDerived } from '../../scripts/lib/deriveCompare';
import { derivedClaimsText } from '../../scripts/lib/deriveFile';
import { deepStateRule, deepStateShares, iswChangePoints } from '../../scripts/lib/deriveRule';
import { loadRepoDataset, repoRoot } from '../../scripts/lib/loadData';
import { importDeepState } from '../../src/areas/deepstate';
import { importIsw } from '../../src/areas/isw';
import type { AreaSnapshot } from '../../src/areas/model';
import { placeFootprint, statusShares } from '../../src/areas/placeShare';
import type { Claim } from '../../src/claims/model';
import { formatDataError, parseClaims } from '../../src/claims/schema';
import { box, collection, syntheticClip } from '../fixtures/areas/load';
import { claim as handClaim, place } from './factories';

const clip = syntheticClip();

const LIBERATED = 'Звільнено /// Liberated /// geoJSON.status.dismissed\n';
const GREY = 'Статус невідомий /// Unknown status /// geoJSON.status.unknown\n';
const OCCUPIED = 'Окуповано /// Occupied /// geoJSON.status.occupied';

/** A box with DeepState's label, or ISW's properties. */
const dsBox = (name: string, [w, s, e, n]: number[]) => ({
  type: 'Feature',
  properties: { name, styleUrl: '#poly-test' },
  geometry: box(w, s, e, n),
});
const unitPoint = {
  type: 'Feature',
  properties: { name: 'unit' },
  geometry: { type: 'Point', coordinates: [35, 51.5] },
};
const iswBox = (date: string, [w, s, e, n]: number[]) => ({
  type: 'Feature',
  properties: { date, area_km2: 1, layer_type: 'kursk_russian_advances' },
  geometry: { ...box(w, s, e, n), coordinates: box(w, s, e, n).coordinates.map((r) => r.map(([x, y]) => [x, y, 0])) },
});
const iswNull = (date: string) => ({
  type: 'Feature',
  properties: { date, area_km2: 0, layer_type: 'kursk_russian_advances' },
  geometry: null,
});

function ok<T>(result: { ok: true; value: T } | { ok: false; errors: Parameters<typeof formatDataError>[0][] }): T {
  if (!result.ok) throw new Error(result.errors.map(formatDataError).join('\n'));
  return result.value;
}
const deepState = (unix: number, features: unknown[]): AreaSnapshot =>
  ok(importDeepState(`${unix}.geojson`, collection([unitPoint, ...features]), { clip }));
const isw = (date: string, features: unknown[]): AreaSnapshot => ok(importIsw(`${date}.geojson`, collection(features)));

// Village A has a published point; village B is approximate, a 2 km circle. 1° of longitude at 51.5° N is
// about 69.2 km, so B's circle spans ±0.0289°; a cut 0.00455° from its centre leaves 40 % on the far side,
// one 0.0142° from it 20 %.
const A: [number, number] = [35.25, 51.5];
const B: [number, number] = [35.5, 51.5];
const R = 2000;
const D40 = 0.00455;
const D20 = 0.0142;
const villageA = place('village-a', { names: { en: 'Aville', ru: 'А', uk: 'А', alt: [] }, coordinates: A });
const villageB = place('village-b', {
  names: { en: 'Beeton', ru: 'Б', uk: 'Б', alt: [] },
  coordinates: B,
  precision: { kind: 'estimate', radiusM: R, basis: 'test estimate' },
});
const around = ([x, y]: Position, d = 0.001) => [x - d, y - d, x + d, y + d];

describe('placeFootprint and statusShares', () => {
  const circle = placeFootprint(B, R, clip);

  it("measures the share of an approximate place's circle under each status", () => {
    const snap = deepState(1722500000, [
      dsBox(LIBERATED, [35.4, 51.4, B[0] - D40, 51.6]),
      dsBox(GREY, [B[0] - D40, 51.4, B[0] + D40, 51.6]),
    ]);
    const shares = statusShares(circle, snap.claims, ['ukrainian', 'contested', 'russian']);
    expect(shares.get('ukrainian')).toBeCloseTo(0.4, 2);
    expect(shares.get('contested')).toBeCloseTo(0.2, 2);
    expect(shares.get('russian')).toBe(0);
  });

  it('counts ground under two statuses once, for the first listed', () => {
    const snap = deepState(1722500000, [
      dsBox(LIBERATED, [35.4, 51.4, 35.6, 51.6]),
      dsBox(GREY, [35.4, 51.4, 35.6, 51.6]),
    ]);
    const shares = statusShares(circle, snap.claims, ['ukrainian', 'contested']);
    expect(shares.get('ukrainian')).toBeCloseTo(1, 3);
    expect(shares.get('contested')).toBeCloseTo(0, 6);
  });

  it('tests a place with a published point at that point only', () => {
    const point = placeFootprint(A);
    expect(point.kind).toBe('point');
    const snap = deepState(1722500000, [dsBox(GREY, around(A)), dsBox(LIBERATED, [A[0] + 0.002, 51.4, 35.3, 51.6])]);
    const shares = statusShares(point, snap.claims, ['ukrainian', 'contested', 'russian']);
    expect(Object.fromEntries(shares)).toEqual({ ukrainian: 0, contested: 1, russian: 0 });
  });

  it('measures only the part of a circle inside the clip region', () => {
    const onBorder = placeFootprint([35.5, 51], R, clip);
    const full = placeFootprint([35.5, 51], R);
    if (onBorder.kind !== 'circle' || full.kind !== 'circle') throw new Error('expected circles');
    expect(onBorder.areaKm2 / full.areaKm2).toBeCloseTo(0.5, 2);
  });
});

describe('the DeepState status rule', () => {
  const rule = (ukrainian: number, contested: number, russian: number) =>
    deepStateRule(
      deepStateShares(
        new Map([
          ['ukrainian', ukrainian],
          ['contested', contested],
          ['russian', russian],
        ]),
      ),
    );

  it('is Ukrainian from half the place Ukrainian-held, Russian over half unshaded or occupied, contested otherwise', () => {
    expect(rule(1, 0, 0)).toEqual({ status: 'ukrainian', basis: 'ukrainian' });
    expect(rule(0.5, 0.5, 0)).toEqual({ status: 'ukrainian', basis: 'ukrainian' });
    expect(rule(0.49, 0, 0)).toEqual({ status: 'russian', basis: 'unshaded' });
    expect(rule(0, 0, 0)).toEqual({ status: 'russian', basis: 'unshaded' });
    expect(rule(0, 0, 0.8)).toEqual({ status: 'russian', basis: 'occupied' });
    expect(rule(0.2, 0.6, 0)).toEqual({ status: 'contested', basis: 'grey' });
    expect(rule(0.4, 0.2, 0)).toEqual({ status: 'contested', basis: 'mixed' });
    // Exactly half unshaded is not "over half": no side holds more than half.
    expect(rule(0.3, 0.2, 0)).toEqual({ status: 'contested', basis: 'mixed' });
  });

  it('rounds shares to 0.1 % first, so float noise does not decide', () => {
    expect(rule(0.49996, 0, 0).status).toBe('ukrainian');
  });
});

describe('the ISW rule', () => {
  it('claims nothing before a place is first inside, russian when inside, none when it leaves', () => {
    expect(iswChangePoints([false, false, true, true, false, true])).toEqual([
      { index: 2, status: 'russian' },
      { index: 4, status: 'none' },
      { index: 5, status: 'russian' },
    ]);
    expect(iswChangePoints([false, false])).toEqual([]);
  });
});

describe('deriveClaims', () => {
  const day = 1722470400; // 2024-08-01T00:00:00Z
  const h = 3600;
  const deepstate = [
    deepState(day + 12 * h, []), // 1 Aug: nothing near
    deepState(day + 30 * h, [dsBox(GREY, around(A))]), // 2 Aug 06:00: A grey
    deepState(day + 42 * h, [
      // 2 Aug 18:00: A Ukrainian-held; B 40 % Ukrainian-held, 20 % grey, 40 % unshaded
      dsBox(LIBERATED, [A[0] - 0.01, 51.4, A[0] + 0.01, 51.6]),
      dsBox(LIBERATED, [35.4, 51.4, B[0] - D40, 51.6]),
      dsBox(GREY, [B[0] - D40, 51.4, B[0] + D40, 51.6]),
    ]),
    deepState(day + 58 * h, [
      // 3 Aug 10:00: the same statuses, drawn differently
      dsBox(LIBERATED, [A[0] - 0.02, 51.45, A[0] + 0.02, 51.55]),
      dsBox(LIBERATED, [35.4, 51.45, B[0] - D40, 51.55]),
      dsBox(GREY, [B[0] - D40, 51.45, B[0] + D40, 51.55]),
    ]),
    deepState(day + 66 * h, [dsBox(OCCUPIED, around(A, 0.05))]), // 3 Aug 18:00: A occupied, B unshaded
  ];
  const iswFiles = [
    isw('2024-09-01', [iswBox('2024-09-01', [36, 51.8, 36.1, 51.9])]), // far from both
    isw('2024-09-02', [
      iswBox('2024-09-02', [A[0] - 0.01, 51.4, A[0] + 0.01, 51.6]),
      iswBox('2024-09-02', [B[0] + D40, 51.4, 35.6, 51.6]),
    ]),
    isw('2024-09-03', [
      iswBox('2024-09-03', [A[0] - 0.01, 51.4, A[0] + 0.01, 51.6]),
      iswBox('2024-09-03', [B[0] - D20, 51.4, 35.6, 51.6]),
    ]),
    isw('2024-09-04', [iswNull('2024-09-04')]),
    isw('2024-09-05', [iswBox('2024-09-05', [A[0] - 0.01, 51.4, A[0] + 0.01, 51.6])]),
  ];
  const claims = deriveClaims([villageA, villageB], { deepstate, isw: iswFiles }, clip);
  const track = (sourceId: string, placeId: string) =>
    claims
      .filter((c) => c.sourceId === sourceId && c.placeIds[0] === placeId)
      .map((c) => [c.id, c.statedDate, c.status]);

  it('writes DeepState claims at the first map and at each change only', () => {
    expect(track('deepstate', 'village-a')).toEqual([
      ['ds-village-a-2024-08-01', '2024-08-01', 'russian'],
      ['ds-village-a-2024-08-02', '2024-08-02', 'contested'],
      ['ds-village-a-2024-08-02-1800', '2024-08-02', 'ukrainian'],
      ['ds-village-a-2024-08-03', '2024-08-03', 'russian'],
    ]);
    expect(track('deepstate', 'village-b')).toEqual([
      ['ds-village-b-2024-08-01', '2024-08-01', 'russian'],
      ['ds-village-b-2024-08-02', '2024-08-02', 'contested'],
      ['ds-village-b-2024-08-03', '2024-08-03', 'russian'],
    ]);
  });

  it('writes ISW claims from the first file a place is inside, with a circle inside from half covered', () => {
    expect(track('isw', 'village-a')).toEqual([
      ['isw-layer-village-a-2024-09-02', '2024-09-02', 'russian'],
      ['isw-layer-village-a-2024-09-04', '2024-09-04', 'none'],
      ['isw-layer-village-a-2024-09-05', '2024-09-05', 'russian'],
    ]);
    expect(track('isw', 'village-b')).toEqual([
      ['isw-layer-village-b-2024-09-03', '2024-09-03', 'russian'],
      ['isw-layer-village-b-2024-09-04', '2024-09-04', 'none'],
    ]);
  });

  it('cites the archived file and says in plain words what the map shows', () => {
    const mixed = claims.find((c) => c.id === 'ds-village-b-2024-08-02');
    expect(mixed?.evidence).toEqual({
      url: 'https://github.com/DanielRose2310/deepstatemaps-history/blob/df633a1700680411949934a4345f1af263327377/geojsons/1722621600.geojson',
      outlet: expect.any(String),
      provenance: 'derived',
      alsoReportedAt: [],
    });
    expect(mixed?.nature).toBe('map-derived');
    expect(mixed?.summary).toBe(
      "DeepState's map of 2 Aug 2024, 18:00 UTC shows Beeton split, with no side holding more than half of the village's 2 km circle (Ukrainian-held 40 %, grey zone 20 %, unshaded 40 %), recorded as contested. Its map of 2 Aug 2024, 06:00 UTC showed it in unshaded (Russian-held) ground.",
    );
    const inside = claims.find((c) => c.id === 'isw-layer-village-b-2024-09-03');
    expect(inside?.evidence.url).toBe(
      'https://github.com/sdspieg/war-datasets-dashboard/blob/cc9e7eb5ca3a84b75e2b0fb751ccad6d9f3d2bf9/public/data/kursk_geojson/2024-09-03.geojson',
    );
    expect(inside?.summary).toContain("covers Beeton (about 80 % of the village's 2 km circle)");
    for (const c of claims) {
      expect(`${c.summary} ${c.note} ${c.claimant}`).not.toMatch(/github|\.geojson|village-[ab]|\//i);
      expect(c.summary.length).toBeLessThanOrEqual(600);
    }
  });

  it('writes a file the claims schema reads back unchanged', () => {
    const text = derivedClaimsText(claims);
    expect(ok(parseClaims('derived.geojson', text))).toEqual(claims);
  });
});

describe('replacing hand-entered map readings', () => {
  const derived: Claim[] = [
    handClaim('deepstate', 'sudzha', '2024-08-14', 'ukrainian', { id: 'ds-sudzha-2024-08-14', nature: 'map-derived' }),
    handClaim('isw', 'sudzha', '2025-03-12', 'russian', { id: 'isw-layer-sudzha-2025-03-12', nature: 'map-derived' }),
  ];
  const ours = (status: Claim['status'], date: string, sourceId = 'deepstate') =>
    handClaim(sourceId, 'sudzha', date, status, {
      nature: 'map-derived',
      evidence: { url: 'https://example.org/a', outlet: 'x', provenance: 'derived', alsoReportedAt: [] },
    });
  const sameDay = ours('ukrainian', '2024-08-14');
  const otherDay = ours('russian', '2024-08-20');
  const reported = handClaim('deepstate', 'sudzha', '2024-08-14', 'ukrainian', {
    nature: 'map-derived',
    evidence: { url: 'https://example.org/b', outlet: 'News', provenance: 'reported', alsoReportedAt: [] },
  });
  const statement = handClaim('deepstate', 'sudzha', '2024-08-14', 'contested', { nature: 'assessment' });

  it('drops our own reading of the same source, place and day, and keeps reported readings, statements and other days', () => {
    const { claims, replaced } = mergeDerived([sameDay, otherDay, reported, statement], derived);
    expect(replaced).toEqual([sameDay]);
    // Derived first: on a day with both, the source's own statement is its last claim, so it counts.
    expect(claims).toEqual([...derived, otherDay, reported, statement]);
  });

  it('compares each hand-entered reading with the derived record of its day', () => {
    const rows = compareWithHand(
      [sameDay, otherDay, reported, statement, ours('russian', '2025-03-01', 'isw')],
      derived,
    );
    expect(rows.map((r) => [r.hand.id, r.derivedStatus, r.agree, r.replaced, r.sameDay?.id])).toEqual([
      [sameDay.id, 'ukrainian', true, true, 'ds-sudzha-2024-08-14'],
      [otherDay.id, 'ukrainian', false, false, undefined],
      [reported.id, 'ukrainian', true, false, 'ds-sudzha-2024-08-14'],
      [expect.any(String), 'no claim', false, false, undefined],
    ]);
  });
});

describe('the data loader', () => {
  const roots: string[] = [];
  afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });
  function copy(): string {
    const root = mkdtempSync(join(tmpdir(), 'derive-'));
    roots.push(root);
    cpSync(join(repoRoot, 'data'), join(root, 'data'), { recursive: true });
    return root;
  }
  const readJson = (root: string, file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'));
  const writeJson = (root: string, file: string, value: unknown) =>
    writeFileSync(join(root, file), JSON.stringify(value, null, 2));

  it('merges the derived claims, replacing a hand-entered reading of the same day', () => {
    const root = copy();
    const derived = readJson(root, 'data/derived-claims.geojson');
    const first = derived.features[0].properties;
    const claims = readJson(root, 'data/claims.geojson');
    claims.features.push({ type: 'Feature', geometry: null, properties: { ...first, id: 'hand-reading' } });
    writeJson(root, 'data/claims.geojson', claims);
    const loaded = ok(loadRepoDataset(root));
    const ids = new Set(loaded.claims.map((c) => c.id));
    expect(ids.has('hand-reading')).toBe(false);
    expect(ids.has(first.id)).toBe(true);
    expect(loaded.claims.length).toBe(claims.features.length - 1 + derived.features.length);
  });

  it('names the derived file, feature and field in its errors', () => {
    const root = copy();
    const derived = readJson(root, 'data/derived-claims.geojson');
    derived.features[1].properties.placeIds = ['atlantis'];
    derived.features[2].properties.id = derived.features[0].properties.id;
    writeJson(root, 'data/derived-claims.geojson', derived);
    const result = loadRepoDataset(root);
    expect(result.ok).toBe(false);
    const messages = result.ok ? [] : result.errors.map(formatDataError);
    expect(messages).toContain(
      'data/derived-claims.geojson › feature 1 › properties.placeIds.0: unknown place "atlantis"',
    );
    expect(
      messages.some((m) => m.startsWith('data/derived-claims.geojson › feature 2 › properties.id: duplicate id')),
    ).toBe(true);
  });

  it("data:check's re-derivation skips, with a message, when the archived maps are absent", () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const before = process.env.SHARED_DIR;
    process.env.SHARED_DIR = join(tmpdir(), 'no-such-shared-folder');
    try {
      expect(checkDerived(repoRoot)).toBe(true);
      expect(log.mock.calls.flat().join('\n')).toContain('not re-derived, shared/data is not present');
    } finally {
      if (before === undefined) delete process.env.SHARED_DIR;
      else process.env.SHARED_DIR = before;
      log.mockRestore();
    }
  });
});
