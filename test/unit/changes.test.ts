import { area } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { areaChangesBetween } from '../../src/areas/changes';
import type { AreaClaim, AreaSnapshot } from '../../src/areas/model';
import { noneSkipped } from '../../src/areas/model';
import { buildAreaIndex } from '../../src/areas/timeline';
import { changedPlaceIds, changesBetween, orderedRange, sincePreviousClaim } from '../../src/claims/changes';
import { buildTimeIndex } from '../../src/claims/timeline';
import { box } from '../fixtures/areas/load';
import { claim } from './factories';

const claims = [
  claim('ua', 'sudzha', '2024-08-15', 'ukrainian'),
  claim('isw', 'sudzha', '2024-08-12', 'contested'),
  claim('isw', 'sudzha', '2025-03-12', 'russian'),
  claim('ru', 'sudzha', '2025-03-13', 'russian'),
  claim('ua', 'sudzha', '2025-03-13', 'none'),
  claim('ua', 'sudzha', '2025-03-16', 'russian'),
  claim('ru', 'ulanok', '2025-02-06', 'russian'),
  claim('ru', 'ulanok', '2025-02-20', 'russian'),
];
const index = buildTimeIndex(claims);
const places = ['sudzha', 'ulanok'];
const all = new Set(['ua', 'ru', 'isw']);
const summary = (from: string, to: string, enabled = all) =>
  changesBetween(index, places, { from, to }, enabled).map((p) =>
    [p.placeId, ...p.changes.map((c) => `${c.sourceId}:${c.fromStatus}>${c.toStatus}`)].join(' '),
  );

describe('changesBetween', () => {
  it('lists each source whose status changed, with no claim as a status', () => {
    expect(summary('2025-02-05', '2025-03-15')).toEqual([
      'sudzha ua:ukrainian>none isw:contested>russian ru:no-claim>russian',
      'ulanok ru:no-claim>russian',
    ]);
  });

  it('carries the claims in force at both ends', () => {
    const [sudzha] = changesBetween(
      index,
      ['sudzha'],
      { from: '2025-02-05', to: '2025-03-15' },
      new Set(['isw', 'ru']),
    );
    const isw = sudzha.changes.find((c) => c.sourceId === 'isw');
    expect(isw?.from?.claim.statedDate).toBe('2024-08-12');
    expect(isw?.to?.claim.statedDate).toBe('2025-03-12');
    const ru = sudzha.changes.find((c) => c.sourceId === 'ru');
    expect(ru?.from).toBeUndefined();
    expect(ru?.to?.claim.statedDate).toBe('2025-03-13');
  });

  it('ignores a new claim that restates the same status, and disabled sources', () => {
    expect(summary('2025-02-10', '2025-02-25')).toEqual([]);
    expect(summary('2025-02-05', '2025-03-15', new Set(['isw']))).toEqual(['sudzha isw:contested>russian']);
  });

  it('treats a reversed range as the same range, and an empty one as no change', () => {
    expect(summary('2025-03-15', '2025-02-05')).toEqual(summary('2025-02-05', '2025-03-15'));
    expect(summary('2025-03-15', '2025-03-15')).toEqual([]);
    expect(orderedRange('2025-03-15', '2025-02-05')).toEqual({ from: '2025-02-05', to: '2025-03-15' });
  });

  it('finds the previous claim date', () => {
    expect(sincePreviousClaim(index.claimDates, '2025-03-14')).toEqual({ from: '2025-03-13', to: '2025-03-14' });
    expect(sincePreviousClaim(index.claimDates, '2025-03-13')).toEqual({ from: '2025-03-12', to: '2025-03-13' });
    expect(sincePreviousClaim(index.claimDates, '2024-01-01')).toEqual({ from: '2024-01-01', to: '2024-01-01' });
  });

  it('names the changed places', () => {
    expect([...changedPlaceIds(changesBetween(index, places, { from: '2025-03-12', to: '2025-03-13' }, all))]).toEqual([
      'sudzha',
    ]);
  });
});

describe('areaChangesBetween', () => {
  const held = (east: number, date: string): AreaClaim => {
    const geometry = box(35, 51.2, east, 51.3);
    return {
      id: `c-${east}-${date}`,
      sourceId: 'deepstate',
      layer: 'k',
      status: 'ukrainian',
      statedDate: date,
      geometry,
      fileName: 'f',
      areaKm2: area(geometry) / 1e6,
    };
  };
  const snap = (date: string, east: number): AreaSnapshot => ({
    sourceId: 'deepstate',
    layer: 'k',
    statedDate: date,
    fileName: date,
    format: 'native',
    claims: [held(east, date)],
    skipped: noneSkipped(),
  });
  const feb = snap('2025-02-05', 35.4);
  const mar = snap('2025-03-12', 35.2);
  const index = buildAreaIndex([feb, mar]);
  const enabled = new Set(['deepstate']);

  it('measures ground lost between the snapshots in force', () => {
    const [change] = areaChangesBetween(index, '2025-02-10', '2025-03-15', enabled);
    expect(change.from).toBe(feb);
    expect(change.to).toBe(mar);
    expect(change.gainedKm2).toBeCloseTo(0, 6);
    const expected = (area(box(35.2, 51.2, 35.4, 51.3)) / 1e6) as number;
    expect(change.lostKm2).toBeGreaterThan(expected * 0.99);
    expect(change.lostKm2).toBeLessThan(expected * 1.01);
  });

  it('counts a first map as all gained, and leaves out tracks that did not change', () => {
    const [first] = areaChangesBetween(index, '2025-01-01', '2025-02-06', enabled);
    expect(first.from).toBeUndefined();
    expect(first.gainedKm2).toBeGreaterThan(0);
    expect(first.lostKm2).toBe(0);
    expect(areaChangesBetween(index, '2025-02-06', '2025-03-01', enabled)).toEqual([]);
    expect(areaChangesBetween(index, '2025-02-06', '2025-03-15', new Set())).toEqual([]);
  });
});
