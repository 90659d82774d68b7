import { describe, expect, it } from 'vitest';
import { buildAreaCatalog, pairsAround, snapshotsOnHand } from '../../src/areas/catalog';
import { snapshotsToEvict, snapshotWindow } from '../../src/areas/deepstateArchive';
import { DEEPSTATE_SNAPSHOT_TIMES } from '../../src/areas/deepstateSnapshotTimes';
import type { AreaSnapshot } from '../../src/areas/model';
import { noneSkipped } from '../../src/areas/model';
import { buildAreaIndex, snapshotsAround } from '../../src/areas/timeline';
import { buildAreaLayerData } from '../../src/map/areaLayers';

const t = (iso: string) => Date.parse(iso) / 1000;

describe('the archive snapshots around a date', () => {
  const times = [
    t('2024-09-03T20:13:51Z'),
    t('2024-09-05T08:00:00Z'),
    t('2024-09-05T20:06:25Z'),
    t('2024-09-06T20:34:19Z'),
    t('2024-09-08T10:00:00Z'),
  ];

  it('are the ones in force the day before and on the next day with a snapshot, the last of each day', () => {
    expect(snapshotWindow(times, '2024-09-06')).toEqual({ inForce: times[3], previous: times[2], next: times[4] });
    // 5 September has two: the evening one is in force, the morning one never is, so it is nobody's neighbour.
    expect(snapshotWindow(times, '2024-09-04')).toEqual({ inForce: times[0], previous: null, next: times[2] });
    expect(snapshotWindow(times, '2024-09-05')).toEqual({ inForce: times[2], previous: times[0], next: times[3] });
  });

  it('on a day without a snapshot of its own, are those around the one still in force', () => {
    expect(snapshotWindow(times, '2024-09-07')).toEqual({ inForce: times[3], previous: times[2], next: times[4] });
  });

  it('before the list, only the first; after its last day, only the last; nothing for an empty list', () => {
    expect(snapshotWindow(times, '2024-09-01')).toEqual({ inForce: null, previous: null, next: times[0] });
    expect(snapshotWindow(times, '2024-09-08')).toEqual({ inForce: times[4], previous: times[3], next: null });
    expect(snapshotWindow(times, '2024-09-09')).toEqual({ inForce: null, previous: times[4], next: null });
    expect(snapshotWindow([], '2024-09-06')).toEqual({ inForce: null, previous: null, next: null });
  });

  it('are, on every day of the shipped list, what is in force a day before the snapshot and on the next new one', () => {
    const dayOf = (time: number) => new Date(time * 1000).toISOString().slice(0, 10);
    const inForce = (date: string) => {
      const end = Date.parse(`${date}T23:59:59Z`) / 1000;
      return DEEPSTATE_SNAPSHOT_TIMES.filter((x) => x <= end).at(-1) ?? null;
    };
    for (let day = Date.parse('2024-08-01T00:00:00Z'); day <= Date.parse('2025-08-02T00:00:00Z'); day += 86_400_000) {
      const date = new Date(day).toISOString().slice(0, 10);
      const w = snapshotWindow(DEEPSTATE_SNAPSHOT_TIMES, date);
      const now = inForce(date);
      expect(w.inForce, date).toBe(now);
      if (now !== null) expect(w.previous, date).toBe(inForce(dayOf(now - 86_400)));
      // The next is what is in force on the first day that brings a different snapshot.
      let d = day + 86_400_000;
      while (inForce(new Date(d).toISOString().slice(0, 10)) === now && d < day + 400 * 86_400_000) d += 86_400_000;
      const later = inForce(new Date(d).toISOString().slice(0, 10));
      expect(w.next, date).toBe(later === now ? null : later);
    }
  });
});

describe('which fetched snapshots go', () => {
  it('none while the loaded ones fit', () => {
    expect(snapshotsToEvict([1, 2, 3], [2], 3)).toEqual([]);
    expect(snapshotsToEvict([], [], 3)).toEqual([]);
  });

  it('never the kept ones; the farthest from any kept one first', () => {
    expect(snapshotsToEvict([100, 10, 20, 30, 40, 200], [20, 30], 4)).toEqual([100, 200]);
    expect(snapshotsToEvict([5, 50, 500], [50], 1)).toEqual([5, 500]);
  });

  it('all others when the kept ones alone fill the room', () => {
    expect(snapshotsToEvict([1, 2, 3, 4], [2, 3], 2)).toEqual([1, 4]);
    expect(snapshotsToEvict([1, 2, 3, 4], [1, 2, 3], 2)).toEqual([4]);
  });
});

function snap(sourceId: string, statedDate: string, snapshotTime?: string): AreaSnapshot {
  return {
    sourceId,
    layer: 'k',
    statedDate,
    fileName: `${sourceId}-${statedDate}-${snapshotTime ?? ''}`,
    format: 'native',
    claims: [],
    skipped: noneSkipped(),
    ...(snapshotTime ? { snapshotTime } : {}),
  };
}

describe('the snapshots a track keeps on hand', () => {
  const feb4 = snap('deepstate', '2025-02-04');
  const feb5am = snap('deepstate', '2025-02-05', '2025-02-05T08:00:00Z');
  const feb5pm = snap('deepstate', '2025-02-05', '2025-02-05T21:00:00Z');
  const feb7 = snap('deepstate', '2025-02-07');
  const feb9 = snap('deepstate', '2025-02-09');
  const isw = snap('isw', '2025-02-06');
  const index = buildAreaIndex([feb9, feb4, feb5pm, isw, feb7, feb5am]);
  const both = new Set(['deepstate', 'isw']);

  it('are the one in force, the one in force the day before it, and the one the next new day brings', () => {
    expect(snapshotsAround(index, '2025-02-06', new Set(['deepstate']))).toEqual({
      inForce: [feb5pm],
      neighbours: [feb4, feb7],
    });
    expect(snapshotsAround(index, '2025-02-07', both)).toEqual({ inForce: [feb7, isw], neighbours: [feb5pm, feb9] });
  });

  it('before a track starts, its first; at its end, the one before', () => {
    expect(snapshotsAround(index, '2025-02-01', both)).toEqual({ inForce: [], neighbours: [feb4, isw] });
    expect(snapshotsAround(index, '2025-03-01', new Set(['deepstate']))).toEqual({
      inForce: [feb9],
      neighbours: [feb7],
    });
  });

  it('leave out the tracks of sources switched off', () => {
    expect(snapshotsAround(index, '2025-02-06', new Set(['isw']))).toEqual({ inForce: [isw], neighbours: [] });
  });

  it('further steps each way: the day before each one back, the next day after each one forward', () => {
    expect(snapshotsAround(index, '2025-02-06', new Set(['deepstate']), 2)).toEqual({
      inForce: [feb5pm],
      neighbours: [feb4, feb7, feb9],
    });
    expect(snapshotsAround(index, '2025-02-01', new Set(['deepstate']), 3)).toEqual({
      inForce: [],
      neighbours: [feb4, feb5pm, feb7],
    });
  });

  it('a reach in days: more steps while those found do not cover the days each way, up to a most', () => {
    const deepstate = new Set(['deepstate']);
    // In force on the 6th: the 5th's last. Three days each way reach back to the 3rd and on to the 9th.
    expect(snapshotsAround(index, '2025-02-06', deepstate, { steps: 1, days: 3, maxSteps: 5 })).toEqual({
      inForce: [feb5pm],
      neighbours: [feb4, feb7, feb9],
    });
    // Two days forward end on the 8th: the 9th's map is not needed.
    expect(snapshotsAround(index, '2025-02-06', deepstate, { steps: 1, days: 2, maxSteps: 5 })).toEqual({
      inForce: [feb5pm],
      neighbours: [feb4, feb7],
    });
    // The steps cap the days.
    expect(snapshotsAround(index, '2025-02-06', deepstate, { steps: 1, days: 30, maxSteps: 1 })).toEqual({
      inForce: [feb5pm],
      neighbours: [feb4, feb7],
    });
  });

  it('on the map: indices of the snapshots shown, of those one step needs, and of all within reach', () => {
    const snapshots = [feb9, feb4, feb5pm, isw, feb7, feb5am];
    const data = buildAreaLayerData(snapshots);
    const { visible, needed, ready } = snapshotsOnHand(data, '2025-02-06', new Set(['deepstate']));
    expect([...visible]).toEqual([2]);
    expect([...needed].sort()).toEqual([1, 2, 4]);
    expect([...ready].sort()).toEqual([0, 1, 2, 4]);
  });

  it('the pairs compared within reach: the one in force first, then each other one once, by day', () => {
    const catalog = buildAreaCatalog([feb9, feb4, feb5pm, isw, feb7, feb5am]);
    // Before ISW's first map (6 Feb) there is no pair; from then on DeepState's map of each day meets it.
    expect(pairsAround(catalog, '2025-02-07', both, ['deepstate', 'isw'])).toEqual([
      [feb7, isw],
      [feb5pm, isw],
      [feb9, isw],
    ]);
    expect(pairsAround(catalog, '2025-02-07', new Set(['deepstate']), ['deepstate', 'isw'])).toEqual([]);
  });

  it('on the map: each snapshot knows its track, and each track has its own slots', () => {
    const data = buildAreaLayerData([feb9, feb4, isw, feb7]);
    expect(data.tracks).toEqual([{ sourceId: 'deepstate' }, { sourceId: 'isw' }]);
    expect(data.trackOf).toEqual([0, 0, 1, 0]);
  });
});

describe('area feature ids', () => {
  it('stay the same for a snapshot in every build, and never collide', () => {
    const claim = { id: 'c', sourceId: 's', layer: 'k', status: 'ukrainian' as const, statedDate: '2025-02-05' };
    const geometry = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [35, 51],
          [35.1, 51],
          [35.1, 51.1],
          [35, 51],
        ],
      ],
    };
    const withClaims = (s: AreaSnapshot, n: number): AreaSnapshot => ({
      ...s,
      claims: Array.from({ length: n }, () => ({ ...claim, geometry, fileName: 'f', areaKm2: 1 })),
    });
    const a = withClaims(snap('s', '2025-02-05'), 3);
    const b = withClaims(snap('s', '2025-02-06'), 2);
    const ids = (data: ReturnType<typeof buildAreaLayerData>, i: number) => data.featuresBySnapshot[i].map((f) => f.id);
    const first = buildAreaLayerData([a, b]);
    const second = buildAreaLayerData([b, a]);
    expect(ids(second, 0)).toEqual(ids(first, 1));
    expect(ids(second, 1)).toEqual(ids(first, 0));
    expect(new Set([...ids(first, 0), ...ids(first, 1)]).size).toBe(5);
  });
});
