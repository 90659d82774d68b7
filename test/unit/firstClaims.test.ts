import { describe, expect, it } from 'vitest';
import { loadRepoDataset } from '../../scripts/lib/loadData';
import { type ControlChange, controlChanges, type FollowerOutcome } from '../../src/claims/firstClaims';
import { placeTimeline } from '../../src/claims/placeTimeline';
import { buildTimeIndex } from '../../src/claims/timeline';
import { claim } from './factories';

const outcome = (change: ControlChange | undefined, sourceId: string): FollowerOutcome | undefined =>
  change?.followers.find((f) => f.sourceId === sourceId);

describe('controlChanges on made-up claims', () => {
  const claims = [
    claim('ru', 'p', '2024-08-07', 'russian'),
    claim('ua', 'p', '2024-08-14', 'ukrainian'),
    claim('ru', 'p', '2024-08-14', 'contested'),
    claim('osint', 'p', '2024-08-20', 'ukrainian'),
    claim('silent', 'p', '2024-09-01', 'none'),
    claim('ru', 'p', '2025-03-12', 'russian'),
    claim('ua', 'p', '2025-03-15', 'russian'),
  ];
  const index = buildTimeIndex(claims);
  const all = new Set(['ru', 'ua', 'osint', 'silent']);
  const changes = controlChanges(index, 'p', all);

  it('finds each change with who claimed it first, in date order, the first one marked as the first position', () => {
    expect(changes.map((c) => [c.status, c.date, c.first.map((f) => f.sourceId)])).toEqual([
      ['russian', '2024-08-07', ['ru']],
      ['ukrainian', '2024-08-14', ['ua']],
      ['contested', '2024-08-14', ['ru']],
      ['russian', '2025-03-12', ['ru']],
    ]);
    expect(changes.map((c) => c.initial)).toEqual([true, false, false, false]);
    expect(changes[0].endDate).toBe('2024-08-14');
  });

  it('says who followed and after how many days, who said otherwise and until when, and who never spoke', () => {
    const toUkrainian = changes[1];
    expect(outcome(toUkrainian, 'osint')).toMatchObject({ kind: 'followed', date: '2024-08-20', lagDays: 6 });
    // The Russian side said "contested" until another status was first claimed (Russian, 12 March).
    expect(outcome(toUkrainian, 'ru')).toEqual({
      kind: 'contradicted',
      sourceId: 'ru',
      held: 'contested',
      until: '2025-03-12',
    });
    // A statement without a position takes no side.
    expect(outcome(toUkrainian, 'silent')).toEqual({ kind: 'never', sourceId: 'silent' });
    const backToRussian = changes[3];
    expect(outcome(backToRussian, 'ua')).toMatchObject({ kind: 'followed', lagDays: 3, before: 'ukrainian' });
    expect(outcome(backToRussian, 'osint')).toEqual({
      kind: 'contradicted',
      sourceId: 'osint',
      held: 'ukrainian',
      until: null,
    });
  });

  it('leaves switched-off sources out', () => {
    const withoutOsint = controlChanges(index, 'p', new Set(['ru', 'ua']));
    expect(withoutOsint.flatMap((c) => c.followers.map((f) => f.sourceId))).not.toContain('osint');
  });
});

describe("Sudzha's two changes in the record, checked by hand", () => {
  const loaded = loadRepoDataset();
  if (!loaded.ok) throw new Error('the bundled data does not load');
  const dataset = loaded.value;
  const index = buildTimeIndex(dataset.claims);
  const changes = controlChanges(index, 'sudzha', new Set(dataset.sources.map((s) => s.id)));
  const toUkrainian = changes.find((c) => c.status === 'ukrainian');
  const backToRussian = changes.find((c) => c.status === 'russian' && c.date >= '2025-01-01');

  it('August 2024: Kyiv and DeepState first on 14 August, Zelensky a day later, the Russian MoD never', () => {
    // By hand: on 14 Aug 2024 Ukrainian officials (state TV footage), Syrskyi and DeepState's map put Sudzha
    // under Ukrainian control; Zelensky repeated it on the 15th; the Russian MoD said nothing about Sudzha
    // until March 2025.
    expect(toUkrainian?.date).toBe('2024-08-14');
    expect(toUkrainian?.first.map((f) => f.sourceId).sort()).toEqual(
      ['deepstate', 'ua-commander-in-chief', 'ua-officials'].sort(),
    );
    expect(outcome(toUkrainian, 'ua-president')).toMatchObject({ kind: 'followed', lagDays: 1 });
    expect(outcome(toUkrainian, 'ru-mod')).toEqual({ kind: 'never', sourceId: 'ru-mod' });
    // ISW called Sudzha contested until Russian control was claimed in March.
    expect(outcome(toUkrainian, 'isw')).toMatchObject({ kind: 'contradicted', held: 'contested', until: '2025-03-12' });
  });

  it('March 2025: Russian bloggers and ISW first on 12 March; the MoD +1 day; DeepState and the General Staff +3', () => {
    // By hand: on 12 Mar 2025 pro-Kremlin bloggers' videos and ISW's geolocated footage show Russian control.
    // The same day the MoD claimed only the town centre and DeepState said Russian forces had entered the east
    // (its later statement that day stands over its map); the MoD announced the whole town on the 13th;
    // DeepState said Russia held all of it on the 15th, and the General Staff's map of 15 March left it out.
    expect(backToRussian?.date).toBe('2025-03-12');
    expect(backToRussian?.first.map((f) => f.sourceId).sort()).toEqual(['isw', 'ru-milbloggers']);
    expect(outcome(backToRussian, 'ru-mod')).toMatchObject({
      kind: 'followed',
      date: '2025-03-13',
      lagDays: 1,
      before: 'contested',
    });
    expect(outcome(backToRussian, 'deepstate')).toMatchObject({ kind: 'followed', date: '2025-03-15', lagDays: 3 });
    expect(outcome(backToRussian, 'ua-general-staff')).toMatchObject({
      kind: 'followed',
      date: '2025-03-15',
      lagDays: 3,
    });
    // Zelensky's August statement was never withdrawn in the record.
    expect(outcome(backToRussian, 'ua-president')).toMatchObject({ kind: 'contradicted', held: 'ukrainian' });
  });
});

describe('placeTimeline', () => {
  it('gives one row per enabled source, each claim holding until that source next spoke', () => {
    const claims = [
      claim('a', 'p', '2024-08-01', 'contested'),
      claim('a', 'p', '2024-08-05', 'none'),
      claim('a', 'p', '2024-08-05', 'ukrainian'),
      claim('b', 'p', '2024-08-03', 'russian', { conflictsWith: ['x'] }),
      claim('c', 'p', '2024-08-03', 'russian'),
    ];
    const rows = placeTimeline(buildTimeIndex(claims), 'p', new Set(['a', 'b']), ['b', 'a', 'c']);
    expect(rows.map((r) => r.sourceId)).toEqual(['b', 'a']);
    expect(rows[1].segments.map((s) => [s.status, s.from, s.to])).toEqual([
      ['contested', '2024-08-01', '2024-08-05'],
      // Same day: the earlier record is a point, the later one holds.
      ['none', '2024-08-05', '2024-08-05'],
      ['ukrainian', '2024-08-05', null],
    ]);
    expect(rows[0].segments[0].conflicting).toBe(true);
  });
});
