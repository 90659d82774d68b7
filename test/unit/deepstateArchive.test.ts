import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/lib/loadData';
import {
  checkArchiveBaseUrl,
  DEFAULT_ARCHIVE_BASE_URL,
  snapshotInForce,
  snapshotUrl,
} from '../../src/areas/deepstateArchive';
import { DEEPSTATE_SNAPSHOT_TIMES } from '../../src/areas/deepstateSnapshotTimes';

const t = (iso: string) => Date.parse(iso) / 1000;

describe('the DeepState snapshot in force on a date', () => {
  const times = [
    t('2024-09-05T20:06:25Z'),
    t('2024-09-06T08:00:00Z'),
    t('2024-09-06T20:34:19Z'),
    t('2024-09-08T10:00:00Z'),
  ];

  it('is the latest published by the end of that UTC day', () => {
    expect(snapshotInForce(times, '2024-09-06')).toBe(t('2024-09-06T20:34:19Z'));
    expect(snapshotInForce(times, '2024-09-05')).toBe(t('2024-09-05T20:06:25Z'));
  });

  it('counts a snapshot published at 23:59:59 UTC, not one at midnight after', () => {
    const edge = [t('2024-09-06T23:59:59Z'), t('2024-09-07T00:00:00Z')];
    expect(snapshotInForce(edge, '2024-09-06')).toBe(edge[0]);
    expect(snapshotInForce(edge, '2024-09-07')).toBe(edge[1]);
  });

  it('is the previous one on a day without a snapshot of its own', () => {
    expect(snapshotInForce(times, '2024-09-07')).toBe(t('2024-09-06T20:34:19Z'));
  });

  it('is none before the first snapshot, after the last one’s day, or for an empty list', () => {
    expect(snapshotInForce(times, '2024-09-04')).toBeNull();
    expect(snapshotInForce(times, '2024-09-08')).toBe(times[3]);
    expect(snapshotInForce(times, '2024-09-09')).toBeNull();
    expect(snapshotInForce([], '2024-09-06')).toBeNull();
  });

  it('agrees with a scan of the shipped list on every day it covers', () => {
    const first = Date.parse('2024-07-30T00:00:00Z');
    for (let day = first; day <= Date.parse('2025-08-05T00:00:00Z'); day += 86_400_000) {
      const date = new Date(day).toISOString().slice(0, 10);
      const end = day / 1000 + 86_399;
      const atOrBefore = DEEPSTATE_SNAPSHOT_TIMES.filter((x) => x <= end);
      const last = DEEPSTATE_SNAPSHOT_TIMES.at(-1) ?? 0;
      const expected =
        atOrBefore.length && date <= new Date(last * 1000).toISOString().slice(0, 10) ? atOrBefore.at(-1) : null;
      expect(snapshotInForce(DEEPSTATE_SNAPSHOT_TIMES, date), date).toBe(expected ?? null);
    }
  });
});

describe('the shipped snapshot list', () => {
  it('is the 366 file names of INDEX.csv, ascending, and holds the e2e fixtures’ times', () => {
    expect(DEEPSTATE_SNAPSHOT_TIMES).toHaveLength(366);
    expect([...DEEPSTATE_SNAPSHOT_TIMES].sort((a, b) => a - b)).toEqual(DEEPSTATE_SNAPSHOT_TIMES);
    for (const time of [1725394431, 1725654859, 1738874979]) expect(DEEPSTATE_SNAPSHOT_TIMES).toContain(time);
    const index = join(repoRoot, '..', 'shared', 'data', 'deepstate_kursk_clipped', 'INDEX.csv');
    let csv: string;
    try {
      csv = readFileSync(index, 'utf8');
    } catch {
      return; // ../shared/data is not in every checkout
    }
    const names = csv
      .trim()
      .split('\n')
      .slice(1)
      .map((row) => Number(row.split(',')[0].replace('.geojson', '')));
    expect(DEEPSTATE_SNAPSHOT_TIMES).toEqual(names.sort((a, b) => a - b));
  });
});

describe('archive URLs', () => {
  it('default to the raw files of the archive at the pinned commit', () => {
    expect(snapshotUrl(DEFAULT_ARCHIVE_BASE_URL, 1725654859)).toBe(
      'https://raw.githubusercontent.com/DanielRose2310/deepstatemaps-history/df633a1700680411949934a4345f1af263327377/geojsons/1725654859.geojson',
    );
  });

  it('accept http(s) base URLs only, adding the trailing slash', () => {
    expect(checkArchiveBaseUrl(' https://mirror.example/archive ')).toEqual({
      ok: true,
      url: 'https://mirror.example/archive/',
    });
    expect(snapshotUrl('https://mirror.example/archive/', 1)).toBe('https://mirror.example/archive/geojsons/1.geojson');
    for (const bad of [
      'javascript:alert(1)',
      'data:text/plain,x',
      'file:///etc/',
      'ftp://x/',
      '/relative/',
      'not a url',
    ])
      expect(checkArchiveBaseUrl(bad).ok, bad).toBe(false);
    expect(checkArchiveBaseUrl('https://user:pw@x.example/').ok).toBe(false);
    expect(checkArchiveBaseUrl('https://x.example/?a=1').ok).toBe(false);
  });
});
