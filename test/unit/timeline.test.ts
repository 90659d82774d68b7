import { describe, expect, it } from 'vitest';
import { agreementKey, agreementOf } from '../../src/claims/agreement';
import { addDays } from '../../src/claims/dates';
import { lastAtOrBefore } from '../../src/claims/sortedDays';
import {
  adjacentDate,
  allPositions,
  buildTimeIndex,
  NO_CLAIM,
  positionsForPlace,
  STATUS_CODES,
  trackStatusesAsOf,
} from '../../src/claims/timeline';
import { claim } from './factories';

const all = new Set(['ua', 'ru', 'isw']);

describe('positionsForPlace', () => {
  const claims = [
    claim('ua', 'sudzha', '2024-08-15', 'ukrainian'),
    claim('ru', 'sudzha', '2025-03-13', 'russian'),
    claim('ua', 'sudzha', '2025-03-16', 'russian'),
    claim('isw', 'sudzha', '2025-03-12', 'russian'),
  ];
  const index = buildTimeIndex(claims);

  it('reports no position before a source first speaks', () => {
    expect(positionsForPlace(index, 'sudzha', '2024-08-14', all)).toEqual([]);
  });

  it("takes each source's latest claim stated on or before the date", () => {
    const at = (date: string) =>
      Object.fromEntries(positionsForPlace(index, 'sudzha', date, all).map((p) => [p.sourceId, p.status]));
    expect(at('2024-08-15')).toEqual({ ua: 'ukrainian' });
    expect(at('2025-03-12')).toEqual({ ua: 'ukrainian', isw: 'russian' });
    expect(at('2025-03-15')).toEqual({ ua: 'ukrainian', isw: 'russian', ru: 'russian' });
    expect(at('2025-03-16')).toEqual({ ua: 'russian', isw: 'russian', ru: 'russian' });
  });

  it('leaves out disabled sources', () => {
    const positions = positionsForPlace(index, 'sudzha', '2025-03-20', new Set(['ru']));
    expect(positions.map((p) => p.sourceId)).toEqual(['ru']);
  });

  it('keeps every claim a source made on its latest day, in file order', () => {
    const a = claim('ru', 'ulanok', '2025-02-06', 'russian');
    const b = claim('ru', 'ulanok', '2025-02-06', 'russian');
    const older = claim('ru', 'ulanok', '2025-01-01', 'contested');
    const [position] = positionsForPlace(buildTimeIndex([a, older, b]), 'ulanok', '2025-02-07', all);
    expect(position.claim).toBe(b);
    expect(position.sameDayClaims).toEqual([a, b]);
  });

  it('links a claim about several places to each of them', () => {
    const both = claim('ru', 'ulanok', '2025-02-06', 'russian', { placeIds: ['ulanok', 'konopelka'] });
    const idx = buildTimeIndex([both]);
    expect(positionsForPlace(idx, 'konopelka', '2025-02-06', all)[0].claim).toBe(both);
    expect(positionsForPlace(idx, 'ulanok', '2025-02-06', all)[0].claim).toBe(both);
  });
});

describe('the index agrees with a naive scan of every claim', () => {
  // A seeded generator keeps the check reproducible.
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const statuses = ['ukrainian', 'russian', 'contested', 'none'] as const;
  const claims = Array.from({ length: 2000 }, () =>
    claim(
      `s${Math.floor(random() * 6)}`,
      `p${Math.floor(random() * 30)}`,
      addDays('2024-08-01', Math.floor(random() * 300)),
      statuses[Math.floor(random() * 4)],
    ),
  );
  const index = buildTimeIndex(claims);

  it.each(['2024-07-31', '2024-08-01', '2024-11-15', '2025-02-06', '2025-06-01'])('on %s', (date) => {
    const naive = new Map<string, string>();
    for (const c of claims) {
      if (c.statedDate > date) continue;
      const key = `${c.placeIds[0]}|${c.sourceId}`;
      const prev = naive.get(key);
      // Later in file order wins on the same day, as in the index.
      const prevClaim = claims.find((x) => x.id === prev);
      if (!prevClaim || prevClaim.statedDate <= c.statedDate) naive.set(key, c.id);
    }
    const indexed = new Map(allPositions(index, date).map((p) => [`${p.placeId}|${p.sourceId}`, p.claim.id]));
    expect(indexed).toEqual(naive);

    // The map's path answers with one code per track from the shared flat arrays: same statuses.
    const codes = trackStatusesAsOf(index, date);
    const byCodes = new Map<string, string>();
    index.tracks.forEach((track, t) => {
      if (codes[t] !== NO_CLAIM) byCodes.set(`${track.placeId}|${track.sourceId}`, STATUS_CODES[codes[t]]);
    });
    const naiveStatuses = new Map(
      [...naive].map(([key, id]) => [key, claims.find((c) => c.id === id)?.status ?? 'missing']),
    );
    expect(byCodes).toEqual(naiveStatuses);
  });

  it("keeps each track's days and codes as views of the shared arrays", () => {
    for (const track of index.tracks) {
      const from = index.trackStart[track.id];
      expect(track.days.length).toBe(index.trackStart[track.id + 1] - from);
      expect(track.days.buffer).toBe(index.trackDays.buffer);
      expect([...track.days]).toEqual([...index.trackDays.subarray(from, from + track.days.length)]);
      expect([...track.statusCodes]).toEqual(track.claims.map((c) => STATUS_CODES.indexOf(c.status)));
    }
  });

  it('reuses the output array it is given', () => {
    const out = new Uint8Array(index.tracks.length);
    expect(trackStatusesAsOf(index, '2025-01-01', out)).toBe(out);
  });
});

describe('lastAtOrBefore', () => {
  const days = Int32Array.from([1, 3, 3, 7, 10, 10, 12]);

  it('finds the last element on or before a day in the whole array', () => {
    expect(lastAtOrBefore(days, 0)).toBe(-1);
    expect(lastAtOrBefore(days, 3)).toBe(2);
    expect(lastAtOrBefore(days, 9)).toBe(3);
    expect(lastAtOrBefore(days, 99)).toBe(6);
  });

  it('stays inside the range it is given', () => {
    // days[3 .. 6) is [7, 10, 10]
    expect(lastAtOrBefore(days, 5, 3, 6)).toBe(-1);
    expect(lastAtOrBefore(days, 10, 3, 6)).toBe(5);
    expect(lastAtOrBefore(days, 99, 3, 6)).toBe(5);
    expect(lastAtOrBefore(days, 99, 4, 4)).toBe(-1);
  });
});

describe('agreementOf', () => {
  const index = buildTimeIndex([
    claim('ru', 'k', '2025-02-06', 'russian'),
    claim('isw', 'k', '2025-02-07', 'contested'),
    claim('ua', 'k', '2025-02-06', 'none'),
  ]);
  const key = (date: string, sources: string[]) =>
    agreementKey(agreementOf(positionsForPlace(index, 'k', date, new Set(sources))));

  it('is "no-claim" when no enabled source has spoken', () => {
    expect(key('2025-02-05', ['ru', 'isw', 'ua'])).toBe('no-claim');
  });
  it('does not count a statement without a position', () => {
    expect(key('2025-02-06', ['ua'])).toBe('no-claim');
    expect(key('2025-02-06', ['ua', 'ru'])).toBe('agree-russian');
  });
  it('is disputed when enabled sources take different positions', () => {
    expect(key('2025-02-07', ['ru', 'isw'])).toBe('disputed');
    const agreement = agreementOf(positionsForPlace(index, 'k', '2025-02-07', all));
    expect(agreement).toEqual({ kind: 'disputed', byStatus: { russian: ['ru'], contested: ['isw'] } });
  });
  it('turns from disputed to agreed when a source is switched off', () => {
    expect(key('2025-02-07', ['isw'])).toBe('agree-contested');
  });
});

describe('adjacentDate', () => {
  const index = buildTimeIndex([claim('a', 'p', '2024-08-15', 'ukrainian'), claim('a', 'p', '2025-02-06', 'russian')]);
  it('finds the previous and next claim dates', () => {
    expect(adjacentDate(index.claimDates, '2024-12-01', 1)).toBe('2025-02-06');
    expect(adjacentDate(index.claimDates, '2024-12-01', -1)).toBe('2024-08-15');
    expect(adjacentDate(index.claimDates, '2025-02-06', 1)).toBeUndefined();
    expect(adjacentDate(index.claimDates, '2024-08-15', -1)).toBeUndefined();
  });
});
