/**
 * The app state's mirror in the URL, declared once: `URL_FIELDS` says which state fields a link
 * carries, under which parameter, how each is read and written, and how a change to it enters the
 * browser's history. Parsing is strict: a value that is malformed or out of range is dropped with a
 * notice saying which and why, and the rest of the link still applies.
 */
import { isValidIsoDate } from '../claims/dates';
import type { IsoDate } from '../claims/model';
import { isTrackReference, TRACK_REFERENCES } from '../claims/trackRecord';
import type { MapView } from '../common/types';
import type { AppState, StateContext } from './appState';
import { defaultState, isLang, isSideTab, LANGS, SIDE_TABS, storyStepState } from './appState';
import type { LinkNotice, LinkWhy } from './message';

/** `coalesce` pushes unless the previous push was moments ago (a slider being dragged or played). */
export type HistoryMode = 'push' | 'coalesce' | 'replace';

export interface ParsedUrl {
  state: AppState;
  notices: LinkNotice[];
}

type Read<T> = { value: T } | { error: LinkWhy };

interface UrlField<K extends keyof AppState> {
  key: K;
  param: string;
  history: HistoryMode;
  /** `state` holds the fields read so far, for values checked against them. */
  read: (raw: string, ctx: StateContext, state: AppState) => Read<AppState[K]>;
  /** The parameter's value, or null to leave it out (the default, or not applicable). */
  write: (state: AppState, ctx: StateContext) => string | null;
  /** The value when the link has none, given the fields read so far. */
  fallback?: (state: AppState) => AppState[K];
}

const field = <K extends keyof AppState>(f: UrlField<K>): UrlField<keyof AppState> =>
  f as unknown as UrlField<keyof AppState>;

const NUMBER = /^-?\d+(\.\d+)?$/;

function readView(raw: string): Read<MapView> {
  const parts = raw.split('/');
  if (parts.length !== 3 || !parts.every((p) => NUMBER.test(p))) return { error: { key: 'view' } };
  const [zoom, lat, lng] = parts.map(Number);
  if (zoom < 0 || zoom > 22) return { error: { key: 'zoom', params: { value: zoom } } };
  if (lat < -85 || lat > 85) return { error: { key: 'lat', params: { value: lat } } };
  if (lng < -180 || lng > 180) return { error: { key: 'lng', params: { value: lng } } };
  return { value: { zoom, lat, lng } };
}

function readDate(raw: string, ctx: StateContext): Read<IsoDate> {
  if (!isValidIsoDate(raw)) return { error: { key: 'date' } };
  if (raw < ctx.firstDate || raw > ctx.lastDate)
    return { error: { key: 'outside', params: { first: ctx.firstDate, last: ctx.lastDate } } };
  return { value: raw };
}

function readSources(raw: string, ctx: StateContext): Read<ReadonlySet<string>> {
  const ids = raw === '' ? [] : raw.split(',');
  const unknown = ids.filter((s) => !ctx.sourceIds.includes(s));
  if (unknown.length) return { error: { key: 'sources', params: { ids: unknown.map((u) => `"${u}"`).join(', ') } } };
  return { value: new Set(ids) };
}

/** All sources on is the default and is left out; otherwise the ids in the dataset's order. */
function writeSources(sources: ReadonlySet<string>, ctx: StateContext): string | null {
  const allOn = sources.size === ctx.sourceIds.length && ctx.sourceIds.every((s) => sources.has(s));
  return allOn ? null : ctx.sourceIds.filter((s) => sources.has(s)).join(',');
}

function readFlag(raw: string): Read<boolean> {
  return raw === '1' || raw === '0' ? { value: raw === '1' } : { error: { key: 'flag' } };
}

const RANGE = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

function readRange(raw: string, ctx: StateContext): Read<AppState['changeRange']> {
  const match = RANGE.exec(raw);
  if (!match) return { error: { key: 'range' } };
  const from = readDate(match[1], ctx);
  const to = readDate(match[2], ctx);
  if ('error' in from) return { error: { ...from.error, part: 'start' } };
  if ('error' in to) return { error: { ...to.error, part: 'end' } };
  if (from.value > to.value) return { error: { key: 'rangeOrder' } };
  return { value: { from: from.value, to: to.value } };
}

/** The fields a link carries, in the order they are read (the second side defaults to the first). */
const URL_FIELDS: readonly UrlField<keyof AppState>[] = [
  field({ key: 'date', param: 'date', history: 'coalesce', read: readDate, write: (s) => s.date }),
  field({
    key: 'sources',
    param: 'sources',
    history: 'push',
    read: readSources,
    write: (s, ctx) => writeSources(s.sources, ctx),
  }),
  field({ key: 'compare', param: 'compare', history: 'push', read: readFlag, write: (s) => (s.compare ? '1' : null) }),
  // The second side is written only in compare mode; leaving it keeps the first side's link unchanged.
  field({
    key: 'date2',
    param: 'date2',
    history: 'coalesce',
    read: readDate,
    write: (s) => (s.compare ? s.date2 : null),
    fallback: (s) => s.date,
  }),
  field({
    key: 'sources2',
    param: 'sources2',
    history: 'push',
    read: readSources,
    write: (s, ctx) => (s.compare ? writeSources(s.sources2, ctx) : null),
    fallback: (s) => s.sources,
  }),
  field({
    key: 'selectedPlace',
    param: 'place',
    history: 'push',
    read: (raw, ctx) => (ctx.placeIds.includes(raw) ? { value: raw } : { error: { key: 'place' } }),
    write: (s) => s.selectedPlace,
  }),
  field({
    key: 'changeRange',
    param: 'changes',
    history: 'push',
    read: readRange,
    write: (s) => (s.changeRange ? `${s.changeRange.from}..${s.changeRange.to}` : null),
  }),
  field({
    key: 'highlightChanges',
    param: 'rings',
    history: 'push',
    read: readFlag,
    write: (s) => (s.highlightChanges ? null : '0'),
  }),
  field({
    key: 'onlyDisagreements',
    param: 'only',
    history: 'push',
    read: readFlag,
    write: (s) => (s.onlyDisagreements ? '1' : null),
  }),
  field({
    key: 'tableOpen',
    param: 'table',
    history: 'push',
    read: readFlag,
    write: (s) => (s.tableOpen ? '1' : null),
  }),
  field({
    key: 'aboutOpen',
    param: 'about',
    history: 'push',
    read: readFlag,
    write: (s) => (s.aboutOpen ? '1' : null),
  }),
  field({
    key: 'track',
    param: 'track',
    history: 'push',
    read: (raw) =>
      isTrackReference(raw)
        ? { value: raw }
        : { error: { key: 'track', params: { references: TRACK_REFERENCES.join(', ') } } },
    write: (s) => s.track,
  }),
  field({
    key: 'legendOpen',
    param: 'legend',
    history: 'replace',
    read: readFlag,
    write: (s) => (s.legendOpen ? null : '0'),
  }),
  field({
    key: 'tab',
    param: 'tab',
    history: 'replace',
    read: (raw) =>
      isSideTab(raw) ? { value: raw } : { error: { key: 'tab', params: { tabs: SIDE_TABS.join(', ') } } },
    write: (s) => (s.tab === SIDE_TABS[0] ? null : s.tab),
  }),
  field({
    key: 'story',
    param: 'story',
    history: 'push',
    read: (raw, ctx) => (ctx.stories.some((s) => s.id === raw) ? { value: raw } : { error: { key: 'story' } }),
    write: (s) => s.story,
  }),
  field({
    key: 'step',
    param: 'step',
    history: 'push',
    read: (raw, ctx, state) => {
      const steps = ctx.stories.find((s) => s.id === state.story)?.steps.length;
      if (steps === undefined) return { error: { key: 'noStory' } };
      if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > steps)
        return { error: { key: 'step', params: { steps } } };
      return { value: Number(raw) };
    },
    write: (s) => (s.story ? String(s.step) : null),
  }),
  field({
    key: 'lang',
    param: 'lang',
    history: 'push',
    read: (raw) => (isLang(raw) ? { value: raw } : { error: { key: 'lang', params: { langs: LANGS.join(', ') } } }),
    write: (s) => (s.lang === 'en' ? null : s.lang),
  }),
  field({ key: 'embed', param: 'embed', history: 'replace', read: readFlag, write: (s) => (s.embed ? '1' : null) }),
  field({
    key: 'view',
    param: 'view',
    history: 'replace',
    read: readView,
    write: ({ view: { zoom, lat, lng } }) => `${zoom.toFixed(2)}/${lat.toFixed(5)}/${lng.toFixed(5)}`,
  }),
];

const MAX_PARAM_LENGTH = 2000;

export function parseUrlState(search: string, ctx: StateContext): ParsedUrl {
  const params = new URLSearchParams(search);
  const state = defaultState(ctx);
  const notices: LinkNotice[] = [];
  const ignore = (param: string, value: string, why: LinkWhy) => {
    notices.push({ param, value: value.length > 40 ? `${value.slice(0, 40)}…` : value, why });
  };
  const target = state as unknown as Record<keyof AppState, unknown>;
  for (const f of URL_FIELDS) {
    const raw = params.get(f.param);
    let read: Read<unknown> | null = null;
    if (raw !== null && raw.length > MAX_PARAM_LENGTH) ignore(f.param, raw, { key: 'tooLong' });
    else if (raw !== null) read = f.read(raw, ctx, state);
    if (read && 'error' in read && raw !== null) ignore(f.param, raw, read.error);
    if (read && 'value' in read) target[f.key] = read.value;
    else if (f.fallback) target[f.key] = f.fallback(state);
  }
  // A story's step decides what it shows: its date, sources, place and view win over the link's own.
  const step = state.story ? storyStepState(ctx, state.story, state.step) : null;
  return { state: step ? { ...state, ...step } : state, notices };
}

/** The query string for a state; values equal to the defaults are left out to keep links short. */
export function serializeUrlState(state: AppState, ctx: StateContext): string {
  const params = new URLSearchParams();
  for (const f of URL_FIELDS) {
    const value = f.write(state, ctx);
    if (value !== null) params.set(f.param, value);
  }
  // Commas and slashes are safe in a query and keep links readable.
  return `?${params.toString().replaceAll('%2C', ',').replaceAll('%2F', '/')}`;
}

/**
 * How a change from `before` to `after` enters the history: the strongest mode among the URL fields
 * that changed (a place or a source toggle pushes; dates coalesce; map moves replace).
 */
export function historyModeFor(before: AppState, after: AppState, ctx: StateContext): HistoryMode | null {
  let mode: HistoryMode | null = null;
  const rank: Record<HistoryMode, number> = { replace: 0, coalesce: 1, push: 2 };
  for (const f of URL_FIELDS)
    if (f.write(before, ctx) !== f.write(after, ctx) && (mode === null || rank[f.history] > rank[mode]))
      mode = f.history;
  return mode;
}
