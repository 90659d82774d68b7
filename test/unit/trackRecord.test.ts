import { describe, expect, it } from 'vitest';
import { loadRepoDataset } from '../../scripts/lib/loadData';
import type { Claim, Dataset } from '../../src/claims/model';
import { trackRecord, type VoiceRecord } from '../../src/claims/trackRecord';
import { trackRecordToCsv } from '../../src/claims/trackRecordCsv';
import { createAppStore } from '../../src/state/store';
import { createViewSelectors } from '../../src/state/view';
import { claim, dataset } from './factories';

const map = (sourceId: string, placeId: string, date: string, status: Claim['status']) =>
  claim(sourceId, placeId, date, status, {
    nature: 'map-derived',
    evidence: {
      url: `https://example.org/${sourceId}-map`,
      outlet: sourceId,
      provenance: 'derived',
      alsoReportedAt: [],
    },
  });

/**
 * Five sources: ua and deepstate (Ukrainian), ru (Russian), isw and afp (independent). DeepState speaks in words once and
 * through its map; isw only through its map. Six places; the record ends on 1 Dec 2024 (afp's claim on r).
 */
const reversing = claim('ru', 'r', '2024-11-15', 'contested', { nature: 'denial' });
const claims = [
  // p: Ukraine claims it on 10 Aug; DeepState says so in words on 12 Aug, its map shows it on 14 Aug, afp on 20 Aug.
  map('deepstate', 'p', '2024-08-01', 'russian'),
  claim('ua', 'p', '2024-08-10', 'ukrainian'),
  claim('ru', 'p', '2024-08-12', 'russian'),
  claim('deepstate', 'p', '2024-08-12', 'ukrainian'),
  map('deepstate', 'p', '2024-08-14', 'ukrainian'),
  claim('afp', 'p', '2024-08-20', 'ukrainian'),
  // q: Russia claims it on 1 Sep; ISW's map shows it on 5 Sep, DeepState's map on 20 Sep.
  map('deepstate', 'q', '2024-08-01', 'ukrainian'),
  claim('ru', 'q', '2024-09-01', 'russian'),
  map('isw', 'q', '2024-09-05', 'russian'),
  map('deepstate', 'q', '2024-09-20', 'russian'),
  // r: Russia claims it on 1 Oct, the map never shows it, and Russia says "contested" on 15 Nov.
  map('deepstate', 'r', '2024-08-01', 'ukrainian'),
  claim('ru', 'r', '2024-10-01', 'russian'),
  reversing,
  claim('afp', 'r', '2024-12-01', 'ukrainian'),
  // s: the map first (10 Oct), Russia two days later.
  map('deepstate', 's', '2024-08-01', 'ukrainian'),
  map('deepstate', 's', '2024-10-10', 'russian'),
  claim('ru', 's', '2024-10-12', 'russian'),
  // t: Russia first (20 Oct), the map five days later.
  map('deepstate', 't', '2024-08-01', 'ukrainian'),
  claim('ru', 't', '2024-10-20', 'russian'),
  map('deepstate', 't', '2024-10-25', 'russian'),
];
const data: Dataset = (() => {
  const d = dataset(claims);
  const alignment = { ua: 'ukrainian', deepstate: 'ukrainian', ru: 'russian' } as const;
  return {
    ...d,
    sources: d.sources.map((s) => ({ ...s, alignment: alignment[s.id as keyof typeof alignment] ?? 'independent' })),
  };
})();

const row = (record: ReturnType<typeof trackRecord>, voiceId: string): VoiceRecord => {
  const found = record.voices.find((v) => v.voice.id === voiceId);
  if (!found) throw new Error(`no voice ${voiceId}`);
  return found;
};
/** A voice's figures, as the table shows them. */
const figures = (v: VoiceRecord) => ({
  spoke: v.spoke.length,
  first: v.byKind.first.length,
  followed: v.byKind.followed.length,
  opposite: v.byKind.opposite.length,
  silent: v.byKind.silent.length,
  offsets: v.offsets.map((e) => e.offsetDays),
  median: v.median,
  range: v.range,
  over7: v.contradicted[7].length,
  over30: v.contradicted[30].length,
  reversed: v.reversed.length,
});

describe('trackRecord on a hand-worked fixture', () => {
  const byMap = trackRecord(data, 'deepstate');

  it('lists every change of control except the places’ first positions, and one row per voice', () => {
    expect(byMap.events.map((e) => [e.placeId, e.status, e.date])).toEqual([
      ['p', 'ukrainian', '2024-08-10'],
      ['q', 'russian', '2024-09-01'],
      ['r', 'russian', '2024-10-01'],
      ['r', 'contested', '2024-11-15'],
      ['s', 'russian', '2024-10-10'],
      ['t', 'russian', '2024-10-20'],
    ]);
    // DeepState speaks twice: in words, and through its map; isw only through its map.
    expect(byMap.voices.map((v) => v.voice.id)).toEqual(['deepstate', 'deepstate:map', 'ua', 'ru', 'afp', 'isw:map']);
    expect(byMap.referenceVoices).toEqual(['deepstate:map']);
    expect(row(byMap, 'deepstate:map').isReference).toBe(true);
  });

  it('dates each change against DeepState’s map, from the claims that took the status', () => {
    expect(byMap.events.map((e) => e.reference?.date ?? null)).toEqual([
      '2024-08-14',
      '2024-09-20',
      null, // the map never showed r as Russian
      null,
      '2024-10-10',
      '2024-10-25',
    ]);
    // The reference's claim is the record's own (not the map voice's copy).
    expect(byMap.events[0].reference?.claim).toBe(claims[4]);
  });

  it('gives each voice its positions, offsets, contradictions and reversals', () => {
    // ua: first on p, 4 days before the map (10 → 14 Aug), contradicted for those 4 days only.
    expect(figures(row(byMap, 'ua'))).toEqual({
      spoke: 1,
      first: 1,
      followed: 0,
      opposite: 0,
      silent: 5,
      offsets: [-4],
      median: null,
      range: [-4, -4],
      over7: 0,
      over30: 0,
      reversed: 0,
    });
    expect(row(byMap, 'ua').events[0].contradictedDays).toBe(4);
    // DeepState in words: followed on 12 Aug, 2 days before its own map.
    expect(figures(row(byMap, 'deepstate')).offsets).toEqual([-2]);
    // The map against itself: 0 days on the four changes it took, the opposite on r's two.
    expect(figures(row(byMap, 'deepstate:map'))).toMatchObject({
      spoke: 6,
      first: 1,
      followed: 3,
      opposite: 2,
      silent: 0,
      offsets: [0, 0, 0, 0],
      median: 0,
      range: [0, 0],
      over7: 0,
      reversed: 0,
    });
    // ru: opposite on p; first on q (19 days ahead, contradicted 1 → 20 Sep: 19 days), on r (45 days until
    // its own "contested" of 15 Nov, which reverses it; then 16 days to the record's end for "contested"),
    // on t (5 days ahead, 5 days contradicted); followed on s 2 days after the map.
    expect(figures(row(byMap, 'ru'))).toEqual({
      spoke: 6,
      first: 4,
      followed: 1,
      opposite: 1,
      silent: 0,
      offsets: [-19, 2, -5],
      median: -5,
      range: [-19, 2],
      over7: 3,
      over30: 1,
      reversed: 1,
    });
    expect(row(byMap, 'ru').events.map((e) => e.contradictedDays)).toEqual([null, 19, 45, 16, 0, 5]);
    expect(row(byMap, 'ru').reversed[0].reversedBy).toBe(reversing);
    // isw's map: 15 days ahead of DeepState's on q, which contradicted it all that time.
    expect(figures(row(byMap, 'isw:map'))).toMatchObject({ spoke: 1, offsets: [-15], over7: 1, over30: 0 });
    // afp: followed on p 6 days after the map, said Ukrainian against Russia's "contested" on r, silent elsewhere.
    expect(figures(row(byMap, 'afp'))).toMatchObject({ spoke: 2, followed: 1, opposite: 1, silent: 4, offsets: [6] });
  });

  it('measures against ISW’s map instead', () => {
    const byIsw = trackRecord(data, 'isw');
    // ISW's map says nothing about r, so Russia's "contested" of 15 Nov is no reversal against it.
    expect(byIsw.events.map((e) => e.reference?.date ?? null)).toEqual([null, '2024-09-05', null, null, null, null]);
    expect(figures(row(byIsw, 'ru'))).toMatchObject({ offsets: [-4], over7: 0, reversed: 0 });
    expect(figures(row(byIsw, 'deepstate:map')).offsets).toEqual([15]);
  });

  it('measures against the first independent source: ISW’s map or AFP, whichever took the status first', () => {
    const byIndependent = trackRecord(data, 'independent');
    expect(byIndependent.referenceVoices).toEqual(['afp', 'isw:map']);
    expect(byIndependent.events.map((e) => e.reference?.date ?? null)).toEqual([
      '2024-08-20',
      '2024-09-05',
      null,
      null,
      null,
      null,
    ]);
    expect(figures(row(byIndependent, 'ua')).offsets).toEqual([-10]);
    expect(figures(row(byIndependent, 'deepstate:map')).offsets).toEqual([-6, 15]);
  });

  it('exports one row per voice and change it spoke on, with both citations', () => {
    const csv = trackRecordToCsv(byMap, data).trim().split('\r\n');
    expect(csv[0]).toBe(
      'place_id,place,status,change_date,voice,source_id,source,position,date,days_vs_reference,contradicted_days,reversed_on,claim_id,citation_url,reference_date,reference_claim_id,reference_citation_url',
    );
    // Every voice's spoken changes: deepstate 1, deepstate:map 6, ua 1, ru 6, afp 2, isw:map 1.
    expect(csv).toHaveLength(1 + 17);
    expect(csv).toContain(
      `t,t,russian,2024-10-20,ru,ru,Source ru,first,2024-10-20,-5,5,,${claims[18].id},https://example.org/a,2024-10-25,${claims[19].id},https://example.org/deepstate-map`,
    );
  });
});

describe('trackRecord on the real record', () => {
  const loaded = loadRepoDataset();
  if (!loaded.ok) throw new Error('the repo data must load');
  const record = trackRecord(loaded.value, 'deepstate');

  it('lists every source, and DeepState’s and ISW’s maps as voices of their own', () => {
    const ids = record.voices.map((v) => v.voice.id);
    for (const s of loaded.value.sources) expect(ids).toContain(s.id);
    expect(ids).toEqual(expect.arrayContaining(['deepstate:map', 'isw:map']));
  });

  it('dates Sudzha’s return to Russian control of 12 Mar 2025 against DeepState’s map that day', () => {
    const sudzha = record.events.find((e) => e.placeId === 'sudzha' && e.status === 'russian');
    expect(sudzha?.date).toBe('2025-03-12');
    expect(sudzha?.reference?.date).toBe('2025-03-12');
    const ruMod = row(record, 'ru-mod').events.find((e) => e.event === sudzha);
    expect(ruMod?.position).toMatchObject({ kind: 'followed', date: '2025-03-13' });
    expect(ruMod?.offsetDays).toBe(1);
  });
});

describe('the track record selector', () => {
  it('computes nothing while closed, and keeps its answer while the slider moves', () => {
    const store = createAppStore({ bundled: data });
    const views = createViewSelectors();
    expect(views.trackRecord(store.getState())).toBeNull();
    store.getState().update({ track: 'deepstate' });
    const first = views.trackRecord(store.getState());
    expect(first?.reference).toBe('deepstate');
    store.getState().update({ date: '2024-10-01' });
    expect(views.trackRecord(store.getState())).toBe(first);
    store.getState().update({ track: 'isw' });
    expect(views.trackRecord(store.getState())?.reference).toBe('isw');
  });
});
