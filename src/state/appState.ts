import type { ChangeRange } from '../claims/changes';
import type { IsoDate } from '../claims/model';
import type { Story } from '../claims/story';
import type { TrackReference } from '../claims/trackRecord';
import type { Lang, MapView } from '../common/types';

/** The interface languages; English is the default (and is left out of a link). */
export const LANGS = ['en', 'uk', 'ru'] as const satisfies readonly Lang[];

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The side panel's tabs, in order; the first is the default (and is left out of a link). */
export const SIDE_TABS = ['sources', 'places', 'changes', 'data'] as const;
export type SideTab = (typeof SIDE_TABS)[number];

export function isSideTab(value: unknown): value is SideTab {
  return typeof value === 'string' && (SIDE_TABS as readonly string[]).includes(value);
}

/**
 * Everything a user can change that a link carries. Everything else on screen is derived from this,
 * the data and the basemap choice (which stays on this machine: see ./store.ts).
 */
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
  /** The Changes panel's range; null follows the slider ("since the previous claim"). */
  changeRange: ChangeRange | null;
  /** Fade every place where the enabled sources agree. */
  onlyDisagreements: boolean;
  /** Ring the places that changed in the Changes range. */
  highlightChanges: boolean;
  /** The claims table under the map. */
  tableOpen: boolean;
  /** The "About the data" page. */
  aboutOpen: boolean;
  /** The track record view, open with the reference it measures against; null when closed. */
  track: TrackReference | null;
  /** The legend over the map is open (folded to a button when not). */
  legendOpen: boolean;
  /** The side panel's open tab. */
  tab: SideTab;
  /** The story being followed (its id), or null for free use; `step` counts from 1. */
  story: string | null;
  step: number;
  /** The interface language (the record's claim summaries stay as written). */
  lang: Lang;
  /** The app framed in another site's page: the map, the slider and the key only (./embed.ts). */
  embed: boolean;
}

/** What the URL may restore is checked against what exists. */
export interface StateContext {
  sourceIds: readonly string[];
  placeIds: readonly string[];
  firstDate: IsoDate;
  lastDate: IsoDate;
  defaultDate: IsoDate;
  defaultView: MapView;
  stories: readonly Story[];
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
    changeRange: null,
    onlyDisagreements: false,
    highlightChanges: true,
    tableOpen: false,
    aboutOpen: false,
    track: null,
    legendOpen: true,
    tab: 'sources',
    story: null,
    step: 1,
    lang: 'en',
    embed: false,
  };
}

/** What a story's step sets: the date, the sources, the place and the view (the rest stays as it is). */
export function storyStepState(ctx: StateContext, storyId: string, step: number): Partial<AppState> | null {
  const story = ctx.stories.find((s) => s.id === storyId);
  const at = story?.steps[step - 1];
  if (!story || !at) return null;
  return {
    story: story.id,
    step,
    date: at.date,
    sources: new Set(at.sources === 'all' ? ctx.sourceIds : at.sources),
    selectedPlace: at.place,
    view: at.view,
  };
}
