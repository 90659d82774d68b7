import type { IsoDate } from '../claims/model';

export interface MapView {
  lng: number;
  lat: number;
  zoom: number;
}

/** Everything the user can change. Everything else on screen is derived from this and the dataset. */
export interface AppState {
  date: IsoDate;
  /** Enabled source ids. */
  sources: ReadonlySet<string>;
  selectedPlace: string | null;
  view: MapView;
  /** Compare mode: a second map beside the first, with its own date and sources; the view is shared. */
  compare: boolean;
  date2: IsoDate;
  sources2: ReadonlySet<string>;
}

/** What the URL may restore is checked against what exists. */
export interface StateContext {
  sourceIds: readonly string[];
  placeIds: readonly string[];
  firstDate: IsoDate;
  lastDate: IsoDate;
  defaultDate: IsoDate;
  defaultView: MapView;
}

export function defaultState(ctx: StateContext): AppState {
  return {
    date: ctx.defaultDate,
    sources: new Set(ctx.sourceIds),
    selectedPlace: null,
    view: ctx.defaultView,
    compare: false,
    date2: ctx.defaultDate,
    sources2: new Set(ctx.sourceIds),
  };
}

export function clampDate(date: IsoDate, ctx: StateContext): IsoDate {
  if (date < ctx.firstDate) return ctx.firstDate;
  if (date > ctx.lastDate) return ctx.lastDate;
  return date;
}
