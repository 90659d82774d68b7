import { describe, expect, it } from 'vitest';
import { historyModeFor, parseUrlState, serializeUrlState } from '../../src/state/url';
import { linkNoticeText } from '../../src/ui/notices';
import { stateContext } from './factories';

const ctx = stateContext({
  stories: [
    {
      id: 'tale',
      title: 'A tale',
      summary: 'Two steps',
      steps: [
        {
          date: '2024-08-20',
          sources: 'all',
          place: null,
          view: { zoom: 10, lat: 51.2, lng: 35.3 },
          caption: 'a',
          claims: [],
        },
        {
          date: '2025-02-06',
          sources: ['isw'],
          place: 'ulanok',
          view: { zoom: 12, lat: 51.14, lng: 35.4 },
          caption: 'b',
          claims: [],
        },
      ],
    },
  ],
});

describe('permalinks', () => {
  it('round-trips date, sources, place and view', () => {
    const state = {
      date: '2024-08-20',
      sources: new Set(['isw', 'ru-mod']),
      selectedPlace: 'sudzha',
      view: { lng: 35.27056, lat: 51.19139, zoom: 11.5 },
      compare: false,
      date2: '2024-08-20',
      sources2: new Set(['isw', 'ru-mod']),
      changeRange: null,
      onlyDisagreements: false,
      highlightChanges: true,
      tableOpen: false,
      aboutOpen: false,
      track: null,
      legendOpen: true,
      tab: 'places' as const,
      story: null,
      step: 1,
      lang: 'en' as const,
      embed: false,
    };
    const search = serializeUrlState(state, ctx);
    expect(search).toBe('?date=2024-08-20&sources=ru-mod,isw&place=sudzha&tab=places&view=11.50/51.19139/35.27056');
    const parsed = parseUrlState(search, ctx);
    expect(parsed.notices).toEqual([]);
    expect(parsed.state).toEqual(state);
  });

  it('omits the source list when every source is on, and restores all from its absence', () => {
    const search = serializeUrlState({ ...parseUrlState('', ctx).state }, ctx);
    expect(search).not.toContain('sources=');
    expect([...parseUrlState(search, ctx).state.sources]).toEqual(ctx.sourceIds);
  });

  it('keeps an empty source list distinct from "all"', () => {
    expect(parseUrlState('?sources=', ctx).state.sources.size).toBe(0);
  });

  it.each([
    ['?date=2025-13-01', 'date', 'not a date'],
    ['?date=2023-01-01', 'date', 'outside the record'],
    ['?sources=isw,kremlin', 'sources', 'unknown source "kremlin"'],
    ['?place=<script>', 'place', 'no such place'],
    ['?view=11/95/35', 'view', 'latitude 95'],
    ['?view=abc', 'view', 'expected zoom/latitude/longitude'],
    ['?tab=settings', 'tab', 'expected one of sources, places, changes, data'],
    ['?legend=closed', 'legend', 'expected 1 or 0'],
    [`?date=${'9'.repeat(5000)}`, 'date', 'too long'],
  ])('ignores %s with a notice and keeps the defaults', (search, name, why) => {
    const parsed = parseUrlState(search, ctx);
    expect(parsed.notices).toHaveLength(1);
    expect(linkNoticeText(parsed.notices[0])).toContain(`link's ${name}`);
    expect(linkNoticeText(parsed.notices[0])).toContain(why);
    expect(parsed.state).toEqual(parseUrlState('', ctx).state);
  });

  it('carries the open tab and a folded legend, and leaves out the defaults', () => {
    const parsed = parseUrlState('?tab=data&legend=0', ctx);
    expect(parsed.notices).toEqual([]);
    expect(parsed.state.tab).toBe('data');
    expect(parsed.state.legendOpen).toBe(false);
    expect(serializeUrlState(parsed.state, ctx)).toContain('legend=0&tab=data');
    expect(serializeUrlState({ ...parsed.state, tab: 'sources', legendOpen: true }, ctx)).not.toMatch(/tab=|legend=/);
  });

  it('applies the valid parts of a partly malformed link', () => {
    const parsed = parseUrlState('?date=2024-08-20&place=nowhere&sources=isw', ctx);
    expect(parsed.state.date).toBe('2024-08-20');
    expect([...parsed.state.sources]).toEqual(['isw']);
    expect(parsed.state.selectedPlace).toBeNull();
    expect(parsed.notices).toHaveLength(1);
  });
});

describe('compare mode in the link', () => {
  const base = parseUrlState('?date=2024-08-20&sources=isw,deepstate', ctx).state;

  it('round-trips both sides', () => {
    const state = { ...base, compare: true, date2: '2025-03-20', sources2: new Set(['ru-mod']) };
    const search = serializeUrlState(state, ctx);
    expect(search).toContain('compare=1&date2=2025-03-20&sources2=ru-mod');
    const parsed = parseUrlState(search, ctx);
    expect(parsed.notices).toEqual([]);
    expect(parsed.state).toEqual(state);
  });

  it('leaves the second side out of the link when compare mode is off, and defaults it to the first side', () => {
    const search = serializeUrlState({ ...base, date2: '2025-03-20' }, ctx);
    expect(search).not.toMatch(/compare|date2|sources2/);
    const parsed = parseUrlState('?date=2024-08-20&sources=isw&compare=1', ctx).state;
    expect(parsed.compare).toBe(true);
    expect(parsed.date2).toBe('2024-08-20');
    expect([...parsed.sources2]).toEqual(['isw']);
  });

  it('writes sources2 only when not every source is on, and restores "all" from its absence', () => {
    const state = { ...base, compare: true, sources2: new Set(ctx.sourceIds) };
    const search = serializeUrlState(state, ctx);
    expect(search).not.toContain('sources2');
    expect(parseUrlState(search, ctx).state.sources2).toEqual(new Set(['isw', 'deepstate']));
  });

  it.each([
    ['?compare=yes', 'compare', 'expected 1 or 0'],
    ['?compare=1&date2=2025-02-30', 'date2', 'not a date'],
    ['?compare=1&date2=2030-01-01', 'date2', 'outside the record'],
    ['?compare=1&sources2=isw,nobody', 'sources2', 'unknown source "nobody"'],
  ])('ignores %s with a notice and keeps the rest', (search, name, why) => {
    const parsed = parseUrlState(`${search}&date=2024-08-20`, ctx);
    expect(parsed.notices).toHaveLength(1);
    expect(linkNoticeText(parsed.notices[0])).toContain(name);
    expect(linkNoticeText(parsed.notices[0])).toContain(why);
    expect(parsed.state.date).toBe('2024-08-20');
    expect(parsed.state.date2).toBe('2024-08-20');
  });
});

describe('the settings a link carries beyond date, sources, place and view', () => {
  const base = parseUrlState('?date=2025-02-06', ctx).state;

  it('round-trips Only disagreements, a Changes range and ring highlighting', () => {
    const state = {
      ...base,
      onlyDisagreements: true,
      changeRange: { from: '2025-02-01', to: '2025-02-06' },
      highlightChanges: false,
    };
    const search = serializeUrlState(state, ctx);
    expect(search).toContain('changes=2025-02-01..2025-02-06&rings=0&only=1');
    const parsed = parseUrlState(search, ctx);
    expect(parsed.notices).toEqual([]);
    expect(parsed.state).toEqual(state);
  });

  it('leaves the defaults out: a range that follows the slider, rings on, every place shown', () => {
    expect(serializeUrlState(base, ctx)).not.toMatch(/changes|rings|only/);
  });

  it.each([
    ['?changes=2025-02-01', 'changes', 'expected FROM..TO'],
    ['?changes=2025-02-06..2025-02-01', 'changes', 'the start is after the end'],
    ['?changes=2020-01-01..2025-02-01', 'changes', 'the start is outside the record'],
    ['?changes=2025-02-01..2025-02-31', 'changes', 'the end is not a date'],
    ['?only=true', 'only', 'expected 1 or 0'],
    ['?rings=off', 'rings', 'expected 1 or 0'],
  ])('ignores %s with a notice and keeps the default', (search, name, why) => {
    const parsed = parseUrlState(search, ctx);
    expect(parsed.notices).toHaveLength(1);
    expect(linkNoticeText(parsed.notices[0])).toContain(`link's ${name}`);
    expect(linkNoticeText(parsed.notices[0])).toContain(why);
    expect(parsed.state).toEqual(parseUrlState('', ctx).state);
  });

  it('pushes a history entry for a setting, coalesces dates and replaces map moves', () => {
    expect(historyModeFor(base, { ...base, onlyDisagreements: true }, ctx)).toBe('push');
    expect(historyModeFor(base, { ...base, date: '2025-02-07' }, ctx)).toBe('coalesce');
    expect(historyModeFor(base, { ...base, view: { lng: 35, lat: 51, zoom: 9 } }, ctx)).toBe('replace');
    expect(historyModeFor(base, { ...base, date: '2025-02-07', selectedPlace: 'ulanok' }, ctx)).toBe('push');
    // The second side is not in the link outside compare mode, so changing it writes nothing.
    expect(historyModeFor(base, { ...base, date2: '2025-02-07' }, ctx)).toBeNull();
  });
});

describe('a story in the link', () => {
  it('opens the step the link names, with that step’s date, sources, place and view', () => {
    const parsed = parseUrlState('?story=tale&step=2&date=2024-08-20', ctx);
    expect(parsed.notices).toEqual([]);
    expect(parsed.state).toMatchObject({ story: 'tale', step: 2, date: '2025-02-06', selectedPlace: 'ulanok' });
    expect([...parsed.state.sources]).toEqual(['isw']);
    expect(serializeUrlState(parsed.state, ctx)).toContain('story=tale&step=2');
  });

  it.each([
    ['?story=nope', 'story', 'no such story'],
    ['?story=tale&step=3', 'step', 'expected a step from 1 to 2'],
    ['?step=2', 'step', 'there is no story'],
  ])('ignores %s with a notice', (search, name, why) => {
    const parsed = parseUrlState(search, ctx);
    expect(parsed.notices).toHaveLength(1);
    expect(linkNoticeText(parsed.notices[0])).toContain(`link's ${name}`);
    expect(linkNoticeText(parsed.notices[0])).toContain(why);
  });
});

describe('link notices in every language', () => {
  it('words the same notice in Ukrainian and Russian once their strings are loaded', async () => {
    const i18next = (await import('i18next')).default;
    const { uk } = await import('../../src/ui/locales/uk');
    const { ru } = await import('../../src/ui/locales/ru');
    i18next.addResourceBundle('uk', 'translation', uk);
    i18next.addResourceBundle('ru', 'translation', ru);
    const [notice] = parseUrlState('?changes=2025-02-07..2024-01-01', ctx).notices;
    expect(linkNoticeText(notice)).toBe(
      `Ignored the link's changes "2025-02-07..2024-01-01": the end is outside the record (${ctx.firstDate} to ${ctx.lastDate}).`,
    );
    try {
      await i18next.changeLanguage('uk');
      expect(linkNoticeText(notice)).toBe(
        `Параметр посилання changes «2025-02-07..2024-01-01» пропущено: кінець: поза межами запису (${ctx.firstDate} – ${ctx.lastDate}).`,
      );
      await i18next.changeLanguage('ru');
      expect(linkNoticeText(notice)).toContain('Параметр ссылки changes');
    } finally {
      await i18next.changeLanguage('en');
    }
  });
});

describe('the track record in the link', () => {
  it('carries the open view and its reference, and drops an unknown reference with a notice', () => {
    const open = parseUrlState('?track=isw', ctx);
    expect(open.state.track).toBe('isw');
    expect(serializeUrlState(open.state, ctx)).toContain('track=isw');
    expect(serializeUrlState(parseUrlState('', ctx).state, ctx)).not.toContain('track=');
    const bad = parseUrlState('?track=liveuamap', ctx);
    expect(bad.state.track).toBeNull();
    expect(bad.notices).toEqual([
      {
        param: 'track',
        value: 'liveuamap',
        why: { key: 'track', params: { references: 'deepstate, isw, independent' } },
      },
    ]);
  });
});
