/**
 * Text a user reads (a place's location basis, a claim's summary, date note, note and conflict note) is
 * written for the reader: no repository paths, no references to the research files or their row ids, and
 * no bare record ids. Related records are linked by `conflictsWith`; provenance stays in `researchRef`.
 */
import { describe, expect, it } from 'vitest';
import { loadRepoDataset } from '../../scripts/lib/loadData';

const loaded = loadRepoDataset();
if (!loaded.ok) throw new Error('the bundled data does not parse');
const { places, claims } = loaded.value;
const claimIds = claims.map((c) => c.id);

const RULES: [string, RegExp][] = [
  [
    'a file path',
    /\b(?:public|data|shared|src|scripts|research)\/[\w./-]+|\b[\w-]+\.(?:md|csv|geojson|ts|tsx|json)\b/i,
  ],
  ['a research reference', /\bresearch\b|§|\bsnapshot index\b|\b(?:row|rows) [SUKNC]\d{2}\b/i],
  ['a research row id', /\b[SUKNC]\d{2}\b/],
  ['a bare record id', /\b[suknc]\d{2}(?:[–-][suknc]?\d{2})?\b|\b(?:ds|isw-layer)-[a-z-]+-\d{4}-\d{2}-\d{2}\b/],
];

function problems(text: string | undefined): string[] {
  if (!text) return [];
  const found = RULES.filter(([, re]) => re.test(text)).map(([what]) => what);
  for (const id of claimIds) if (text.includes(id)) found.push(`the record id "${id}"`);
  return found;
}

describe('user-facing text in the bundled data', () => {
  it('the rules catch what they are for', () => {
    expect(problems('computed against public/basemap/border-detail.geojson')).toContain('a file path');
    expect(problems('from the research (claims.md §1)')).toContain('a research reference');
    expect(problems('see research row U09')).toContain('a research row id');
    expect(problems('compare u02–u05')).toContain('a bare record id');
    expect(problems(`same as ${claimIds[0]}`)).toContain(`the record id "${claimIds[0]}"`);
    expect(problems('The ministry said on 6 Feb 2025 that the attack was repelled near 38K-028.')).toEqual([]);
  });

  it.each(places.map((p) => [p.id, p.precision.basis] as const))('place %s: basis', (_id, basis) => {
    expect(problems(basis)).toEqual([]);
  });

  it.each(claims.map((c) => [c.id, c] as const))('claim %s: summary, dateNote, note, conflictNote', (_id, c) => {
    for (const field of [c.summary, c.dateNote, c.note, c.conflictNote]) expect(problems(field)).toEqual([]);
  });
});
