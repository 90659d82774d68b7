import { area } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { AreaClaim, AreaSnapshot, AreaStatus } from '../../src/areas/model';
import { noneSkipped } from '../../src/areas/model';
import { areaSeries } from '../../src/areas/series';
import { activeSnapshots, buildAreaIndex } from '../../src/areas/timeline';
import { addDays } from '../../src/claims/dates';
import { box } from '../fixtures/areas/load';

function claim(status: AreaStatus, east: number): AreaClaim {
  const geometry = box(35, 51.2, east, 51.3);
  return {
    id: `c-${status}-${east}`,
    sourceId: 's',
    layer: 'l',
    status,
    statedDate: '2025-01-01',
    geometry,
    fileName: 'f',
    areaKm2: area(geometry) / 1e6,
  };
}

function snap(sourceId: string, layer: string, statedDate: string, snapshotTime?: string, claims: AreaClaim[] = []) {
  const s: AreaSnapshot = {
    sourceId,
    layer,
    statedDate,
    fileName: `${sourceId}-${layer}-${statedDate}-${snapshotTime ?? ''}`,
    format: 'native',
    claims,
    skipped: noneSkipped(),
  };
  if (snapshotTime) s.snapshotTime = snapshotTime;
  return s;
}

describe('activeSnapshots', () => {
  const dsMorning = snap('deepstate', 'k', '2025-02-05', '2025-02-05T08:00:00Z');
  const dsEvening = snap('deepstate', 'k', '2025-02-05', '2025-02-05T21:21:58Z');
  const dsLater = snap('deepstate', 'k', '2025-03-12', '2025-03-12T12:04:44Z');
  const isw = snap('isw', 'adv', '2025-02-07');
  const iswOther = snap('isw', 'other', '2025-01-01');
  // Deliberately out of order: the index sorts.
  const index = buildAreaIndex([dsLater, isw, dsEvening, iswOther, dsMorning]);
  const all = new Set(['deepstate', 'isw']);
  const files = (date: string, enabled = all) =>
    activeSnapshots(index, date, enabled)
      .map((s) => s.fileName)
      .sort();

  it('has nothing before a track begins', () => {
    expect(files('2024-12-31')).toEqual([]);
  });

  it('takes the latest snapshot on or before the date, the last of its day', () => {
    expect(files('2025-02-05')).toEqual([dsEvening.fileName, iswOther.fileName].sort());
    expect(files('2025-02-07')).toEqual([dsEvening.fileName, isw.fileName, iswOther.fileName].sort());
    expect(files('2025-03-11')).toEqual([dsEvening.fileName, isw.fileName, iswOther.fileName].sort());
    expect(files('2025-03-12')).toEqual([dsLater.fileName, isw.fileName, iswOther.fileName].sort());
  });

  it('keeps a snapshot in force until the next one, however long', () => {
    expect(files('2030-01-01')).toEqual([dsLater.fileName, isw.fileName, iswOther.fileName].sort());
  });

  it('leaves out disabled sources', () => {
    expect(files('2025-03-12', new Set(['isw']))).toEqual([isw.fileName, iswOther.fileName].sort());
  });

  it('lists the dates of all snapshots once each', () => {
    expect(index.dates).toEqual(['2025-01-01', '2025-02-05', '2025-02-07', '2025-03-12']);
  });

  it('agrees with a naive scan on seeded random data', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const snapshots = Array.from({ length: 300 }, (_, i) =>
      snap(
        `s${rand(4)}`,
        `l${rand(2)}`,
        addDays('2024-08-01', rand(200)),
        `T${String(rand(24)).padStart(2, '0')}-${i}`,
      ),
    );
    const idx = buildAreaIndex(snapshots);
    const enabled = new Set(['s0', 's1', 's3']);
    for (let d = -2; d < 205; d += 3) {
      const date = addDays('2024-08-01', d);
      const naive = new Map<string, AreaSnapshot>();
      for (const s of snapshots) {
        if (!enabled.has(s.sourceId) || s.statedDate > date) continue;
        const key = `${s.sourceId}/${s.layer}`;
        const best = naive.get(key);
        const later =
          !best ||
          s.statedDate > best.statedDate ||
          (s.statedDate === best.statedDate && (s.snapshotTime ?? '') >= (best.snapshotTime ?? ''));
        if (later) naive.set(key, s);
      }
      const got = activeSnapshots(idx, date, enabled)
        .map((s) => s.fileName)
        .sort();
      expect(got).toEqual([...naive.values()].map((s) => s.fileName).sort());
    }
  });
});

describe('areaSeries', () => {
  it('gives km² per status per day, one point a day, for one track', () => {
    const index = buildAreaIndex([
      snap('ds', 'k', '2025-02-06', undefined, [claim('ukrainian', 35.3)]),
      snap('ds', 'k', '2025-02-05', '2025-02-05T08:00:00Z', [claim('ukrainian', 35.1)]),
      snap('ds', 'k', '2025-02-05', '2025-02-05T20:00:00Z', [claim('ukrainian', 35.2), claim('contested', 35.1)]),
      snap('ds', 'other', '2025-02-05', undefined, [claim('russian', 35.1)]),
    ]);
    const series = areaSeries(index, 'ds', 'k');
    const km = (east: number) => area(box(35, 51.2, east, 51.3)) / 1e6;
    expect(series.map((p) => p.date)).toEqual(['2025-02-05', '2025-02-06']);
    expect(series[0].snapshotTime).toBe('2025-02-05T20:00:00Z');
    expect(series[0].km2.ukrainian).toBeCloseTo(km(35.2), 6);
    expect(series[0].km2.contested).toBeCloseTo(km(35.1), 6);
    expect(series[0].km2.russian).toBe(0);
    expect(series[1].km2.ukrainian).toBeCloseTo(km(35.3), 6);
    expect(areaSeries(index, 'nobody', 'k')).toEqual([]);
  });
});
