/**
 * The app state's mirror in the URL. Parsing is strict: a value that is
 * malformed or out of range is dropped with a notice saying which and why,
 * and the rest of the link still applies.
 */
import { isValidIsoDate } from '../claims/dates';
import type { AppState, MapView, StateContext } from './appState';
import { defaultState } from './appState';

export interface ParsedUrl {
  state: AppState;
  notices: string[];
}

const NUMBER = /^-?\d+(\.\d+)?$/;

function parseView(raw: string): MapView | string {
  const parts = raw.split('/');
  if (parts.length !== 3 || !parts.every((p) => NUMBER.test(p)))
    return 'expected zoom/latitude/longitude, e.g. 11/51.19/35.27';
  const [zoom, lat, lng] = parts.map(Number);
  if (zoom < 0 || zoom > 22) return `zoom ${zoom} is outside 0–22`;
  if (lat < -85 || lat > 85) return `latitude ${lat} is outside −85–85`;
  if (lng < -180 || lng > 180) return `longitude ${lng} is outside −180–180`;
  return { zoom, lat, lng };
}

const MAX_PARAM_LENGTH = 2000;

export function parseUrlState(search: string, ctx: StateContext): ParsedUrl {
  const params = new URLSearchParams(search);
  const state = defaultState(ctx);
  const notices: string[] = [];
  const ignore = (name: string, value: string, why: string) => {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    notices.push(`Ignored the link's ${name} "${shown}": ${why}.`);
  };
  const read = (name: string): string | null => {
    const value = params.get(name);
    if (value !== null && value.length > MAX_PARAM_LENGTH) {
      ignore(name, value, 'it is too long');
      return null;
    }
    return value;
  };

  const readDate = (name: string): string | undefined => {
    const date = read(name);
    if (date === null) return undefined;
    if (!isValidIsoDate(date)) ignore(name, date, 'not a date written YYYY-MM-DD');
    else if (date < ctx.firstDate || date > ctx.lastDate)
      ignore(name, date, `outside the record (${ctx.firstDate} to ${ctx.lastDate})`);
    else return date;
    return undefined;
  };
  const readSources = (name: string): Set<string> | undefined => {
    const sources = read(name);
    if (sources === null) return undefined;
    const ids = sources === '' ? [] : sources.split(',');
    const unknown = ids.filter((s) => !ctx.sourceIds.includes(s));
    if (unknown.length) ignore(name, sources, `unknown source ${unknown.map((u) => `"${u}"`).join(', ')}`);
    else return new Set(ids);
    return undefined;
  };

  state.date = readDate('date') ?? state.date;
  state.sources = readSources('sources') ?? state.sources;

  // The second side of compare mode; each side defaults to the first side's value.
  const compare = read('compare');
  if (compare !== null) {
    if (compare === '1' || compare === '0') state.compare = compare === '1';
    else ignore('compare', compare, 'expected 1 or 0');
  }
  state.date2 = readDate('date2') ?? state.date;
  state.sources2 = readSources('sources2') ?? state.sources;

  const place = read('place');
  if (place !== null) {
    if (ctx.placeIds.includes(place)) state.selectedPlace = place;
    else ignore('place', place, 'no such place');
  }

  const view = read('view');
  if (view !== null) {
    const parsed = parseView(view);
    if (typeof parsed === 'string') ignore('view', view, parsed);
    else state.view = parsed;
  }
  return { state, notices };
}

/** The query string for a state; values equal to the defaults are left out to keep links short. */
export function serializeUrlState(state: AppState, ctx: StateContext): string {
  const params = new URLSearchParams();
  params.set('date', state.date);
  const setSources = (name: string, sources: ReadonlySet<string>) => {
    const allOn = sources.size === ctx.sourceIds.length && ctx.sourceIds.every((s) => sources.has(s));
    if (!allOn) params.set(name, ctx.sourceIds.filter((s) => sources.has(s)).join(','));
  };
  setSources('sources', state.sources);
  // The second side is written only in compare mode; leaving it keeps the first side's link unchanged.
  if (state.compare) {
    params.set('compare', '1');
    params.set('date2', state.date2);
    setSources('sources2', state.sources2);
  }
  if (state.selectedPlace) params.set('place', state.selectedPlace);
  const { zoom, lat, lng } = state.view;
  params.set('view', `${zoom.toFixed(2)}/${lat.toFixed(5)}/${lng.toFixed(5)}`);
  // Commas and slashes are safe in a query and keep links readable.
  return `?${params.toString().replaceAll('%2C', ',').replaceAll('%2F', '/')}`;
}
