import { describe, expect, it } from 'vitest';
import { loadRepoDataset } from '../../scripts/lib/loadData';
import { loadRepoStories } from '../../scripts/lib/loadStories';
import { checkContext, checkStep, type StoryCheck } from '../../src/claims/storyChecks';
import { parseStories } from '../../src/claims/storySchema';
import { claim, dataset } from './factories';

const record = dataset([
  claim('isw', 'ulanok', '2024-08-29', 'russian', { id: 'isw-ulanok' }),
  claim('mod', 'ulanok', '2025-02-06', 'russian', { id: 'mod-ulanok' }),
  claim('mod', 'konopelka', '2025-02-06', 'russian', { id: 'mod-konopelka' }),
  claim('rybar', 'konopelka', '2025-02-06', 'ukrainian', { id: 'rybar-konopelka' }),
  claim('gs', 'ulanok', '2025-02-06', 'none', { id: 'gs-silent' }),
]);
const ctx = checkContext(record);
const run = (date: string, sources: 'all' | string[], check: StoryCheck) => checkStep(ctx, { date, sources }, [check]);

describe('story caption checks', () => {
  it('no-claims fails naming the claims that were already made', () => {
    const failures = run('2025-02-05', 'all', { kind: 'no-claims', places: ['ulanok', 'konopelka'] });
    expect(failures).toHaveLength(1);
    expect(failures[0].claimIds).toEqual(['isw-ulanok']);
    expect(failures[0].message).toContain('isw-ulanok');
    expect(run('2024-08-28', 'all', { kind: 'no-claims', places: ['ulanok'] })).toEqual([]);
    expect(run('2025-02-05', 'all', { kind: 'no-claims', places: ['ulanok'], since: '2024-09-01' })).toEqual([]);
  });

  it('only the step’s sources count', () => {
    expect(run('2025-02-05', ['mod'], { kind: 'no-claims', places: ['ulanok'] })).toEqual([]);
    expect(run('2025-02-06', ['gs'], { kind: 'no-position', places: ['ulanok'] })).toEqual([]);
    expect(run('2025-02-06', ['gs', 'mod'], { kind: 'no-position', places: ['ulanok'] })[0].claimIds).toEqual([
      'mod-ulanok',
    ]);
  });

  it('agree, disputed and position read the positions in force on the step’s date', () => {
    expect(run('2025-02-06', 'all', { kind: 'agree', places: ['ulanok'], status: 'russian' })).toEqual([]);
    const split = run('2025-02-06', 'all', { kind: 'agree', places: ['konopelka'], status: 'russian' });
    expect(split[0].claimIds).toEqual(['rybar-konopelka']);
    expect(run('2025-02-06', 'all', { kind: 'disputed', places: ['konopelka'] })).toEqual([]);
    expect(run('2025-02-06', 'all', { kind: 'disputed', places: ['ulanok'] })[0].message).toContain('all say russian');
    expect(
      run('2025-02-06', 'all', { kind: 'position', source: 'rybar', places: ['konopelka'], status: 'ukrainian' }),
    ).toEqual([]);
    expect(
      run('2025-02-05', 'all', { kind: 'position', source: 'rybar', places: ['konopelka'], status: 'ukrainian' })[0]
        .message,
    ).toContain('has said nothing yet');
  });

  it('count checks bounds', () => {
    expect(run('2025-02-06', 'all', { kind: 'count', places: ['konopelka'], atLeast: 2, atMost: 2 })).toEqual([]);
    expect(run('2025-02-06', 'all', { kind: 'count', places: ['konopelka'], atMost: 1 })[0].claimIds).toHaveLength(2);
    expect(
      run('2025-02-06', 'all', { kind: 'count', places: ['ulanok'], since: '2025-01-01', atLeast: 3 }),
    ).toHaveLength(1);
  });

  it('a planted false caption fails the story check, naming the step and the contradicting claim', () => {
    const story = {
      id: 'planted',
      title: 'Planted',
      summary: 'A story whose first caption says nobody has spoken yet.',
      steps: [
        {
          date: '2025-02-05',
          sources: 'all',
          place: null,
          view: { zoom: 11, lat: 51.15, lng: 35.34 },
          caption: 'No source in the record has yet said anything about either village.',
          claims: [],
          checks: [{ kind: 'no-claims', places: ['ulanok', 'konopelka'] }],
        },
      ],
    };
    const result = parseStories([{ file: 'planted.json', text: JSON.stringify(story) }], record);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].field).toBe('steps.0.checks.0');
    expect(result.errors[0].message).toContain('isw-ulanok');
  });

  it('the audited false caption of the seed story fails against the real record; the shipped stories pass', () => {
    const real = loadRepoDataset();
    if (!real.ok) throw new Error('the dataset does not load');
    const failures = checkStep(checkContext(real.value), { date: '2025-02-05', sources: 'all' }, [
      { kind: 'no-claims', places: ['ulanok', 'cherkasskaya-konopelka'] },
    ]);
    expect(failures[0].claimIds).toContain('u01-isw-likely-recaptured');
    const stories = loadRepoStories(real.value);
    expect(stories.ok ? [] : stories.errors).toEqual([]);
    const seed = stories.ok ? stories.value[0] : undefined;
    expect(seed?.steps.every((s) => (s.checks ?? []).length > 0)).toBe(true);
  });
});
