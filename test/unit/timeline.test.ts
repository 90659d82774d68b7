import { describe, expect, it } from 'vitest';
import { agreementKey, agreementOf } from '../../src/claims/agreement';
import { addDays } from '../../src/claims/dates';
import { adjacentDate, allPositions, buildTimeIndex, positionsForPlace } from '../../src/claims/timeline';
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
