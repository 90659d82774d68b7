import { describe, expect, it } from 'vitest';
import { COUNTS_END, COUNTS_START, computeCounts, renderCounts, replaceCountsBlock } from '../../scripts/lib/counts';
import { loadRepoDataset } from '../../scripts/lib/loadData';
import { claim, dataset, place } from './factories';

describe('headline counts', () => {
  const data = dataset([
    claim('s', 'a', '2025-02-06', 'russian'),
    claim('s', 'a', '2024-08-07', 'none', { nature: 'map-derived' }),
  ]);
  data.places = [
    place('a'),
    place('b', { precision: { kind: 'estimate', radiusM: 2000, basis: 'x' } }),
    place('c', { precision: { kind: 'landmark', landmark: 'church', radiusM: 500, basis: 'x' } }),
  ];

  it('counts places by precision kind, claims, sources and the stated range', () => {
    const counts = computeCounts(data);
    expect(counts.placesByPrecision).toEqual({ point: 1, landmark: 1, 'arc-minute': 0, estimate: 1 });
    expect(counts.claims).toBe(2);
    expect(counts.mapDerived).toBe(1);
    expect([counts.firstStated, counts.lastStated]).toEqual(['2024-08-07', '2025-02-06']);
    expect(renderCounts(counts)).toContain(
      '3 places (1 published point, 1 landmark in the place, 1 estimated from distances)',
    );
  });

  it('rewrites the block between the markers and reports whether it changed', () => {
    const text = `before ${COUNTS_START}old${COUNTS_END} after`;
    const once = replaceCountsBlock(text, 'new');
    expect(once).toEqual({ ok: true, text: `before ${COUNTS_START}new${COUNTS_END} after`, changed: true });
    if (!once.ok) throw new Error('unreachable');
    expect(replaceCountsBlock(once.text, 'new')).toMatchObject({ ok: true, changed: false });
  });

  it('fails on missing, unpaired or repeated markers', () => {
    expect(replaceCountsBlock('no markers', 'x').ok).toBe(false);
    expect(replaceCountsBlock(`${COUNTS_END} then ${COUNTS_START}`, 'x').ok).toBe(false);
    expect(replaceCountsBlock(`${COUNTS_START}${COUNTS_END}${COUNTS_START}${COUNTS_END}`, 'x').ok).toBe(false);
  });

  it('matches the bundled data: data/README.md is not stale', async () => {
    const { readFileSync } = await import('node:fs');
    const loaded = loadRepoDataset();
    if (!loaded.ok) throw new Error('the bundled data does not parse');
    const readme = readFileSync(new URL('../../data/README.md', import.meta.url), 'utf8');
    expect(replaceCountsBlock(readme, renderCounts(computeCounts(loaded.value)))).toMatchObject({
      ok: true,
      changed: false,
    });
  });
});
