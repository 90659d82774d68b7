/**
 * The one store: every piece of user state (what a link carries, ./appState.ts; and the basemap
 * choice, which stays on this machine), the data (bundled, imported) and what is derived from it, and
 * the actions that change them. Panels read it through selectors (src/ui/useApp.ts); the URL mirrors
 * it (./urlSync.ts); the map panes read it and drive the map adapter.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Dataset } from '../claims/model';
import type { Story } from '../claims/story';
import type { Lang } from '../common/types';
import { type AppState, storyStepState } from './appState';
import { type AreaImportSlice, areaImportSlice } from './areaImports';
import { type AreaTimelineSlice, EMPTY_AREA_TIMELINE } from './areaTimeline';
import { type BasemapSlice, basemapSlice, type PmtilesOpener } from './basemap';
import type { BasemapChoice } from './basemapChoice';
import { type ClaimImportSlice, claimImportSlice } from './claimImports';
import { type DataInputs, type DerivedData, deriveData } from './data';
import {
  type ArchiveOptions,
  archiveOptionsFromPage,
  type DeepStateArchiveSlice,
  deepstateArchiveSlice,
} from './deepstateArchive';
import { NOTHING_RESTORED, type RestoredImports } from './importStore';
import type { LinkNotice } from './message';
import { parseUrlState } from './url';

interface UserActions {
  /** Change user state; the URL follows (./urlSync.ts). */
  update: (patch: Partial<AppState>) => void;
  selectPlace: (placeId: string | null) => void;
  /** Open a place and bring it into view, closer in if the map is zoomed out. */
  showPlace: (placeId: string) => void;
  /** Enter compare mode with the second side starting where the first is, or leave it. */
  setCompare: (on: boolean) => void;
  /** Follow a story at a step (from 1): its date, sources, place and view; null leaves the story. */
  goToStep: (storyId: string | null, step?: number) => void;
  /** The link's notices (what it carried that could not be applied). */
  notices: readonly LinkNotice[];

  /** Whether the first view offers the seed story (a first visit with a bare link). */
  storyOffered: boolean;
  declineStory: () => void;
  dismissNotices: () => void;
}

export type Store = AppState &
  DataInputs &
  DerivedData &
  UserActions &
  ClaimImportSlice &
  AreaImportSlice &
  AreaTimelineSlice &
  BasemapSlice &
  DeepStateArchiveSlice;

export type AppStore = StoreApi<Store>;
export type SetStore = AppStore['setState'];
export type GetStore = AppStore['getState'];

export interface StoreOptions {
  bundled: Dataset;
  /** The guided stories (checked at build time). */
  stories?: readonly Story[];
  restored?: RestoredImports;
  /** The page's query string, read once at start (./urlSync.ts keeps them in step afterwards). */
  search?: string;
  basemap?: BasemapChoice;
  /** Opens a local .pmtiles basemap (main.tsx: src/map/pmtilesBasemap, on demand); without it such a file is refused. */
  openPmtiles?: PmtilesOpener;
  /** The language remembered on this machine; a link's `lang` wins over it. */
  lang?: Lang;
  /**
   * A phone-sized screen (main.tsx: the layout's small-screen breakpoint): the legend starts folded there, since
   * open it covers most of the map; a link's `legend` wins.
   */
  smallScreen?: boolean;
  /** Offer the seed story (main.tsx: a bare link, and the offer not declined on this machine before). */
  offerStory?: boolean;
  /** Where the area import worker comes from; tests pass a fake. */
  createWorker?: () => Worker;
  /** The online DeepState archive's settings and limits; by default the remembered ones (./deepstateArchive.ts). */
  deepstateArchive?: ArchiveOptions;
}

export function createAppStore(options: StoreOptions): AppStore {
  const restored = options.restored ?? NOTHING_RESTORED;
  const inputs: DataInputs = {
    bundled: options.bundled,
    stories: options.stories ?? [],
    claimBatches: restored.batches,
    areas: [],
  };
  const derived = deriveData(inputs);
  const link = parseUrlState(options.search ?? '', derived.ctx);
  const linkParams = new URLSearchParams(options.search ?? '');
  if (options.lang && !linkParams.has('lang')) link.state.lang = options.lang;
  // An embedded map is small by design, and its legend key is part of what it shows (./embed.ts).
  if (options.smallScreen && !linkParams.has('legend') && !link.state.embed) link.state.legendOpen = false;
  return createStore<Store>()((set, get, api) => ({
    ...inputs,
    ...derived,
    ...link.state,
    notices: link.notices,
    update: (patch) => set(patch),
    selectPlace: (selectedPlace) => set({ selectedPlace }),
    showPlace: (placeId) => {
      const place = get().dataset.places.find((p) => p.id === placeId);
      if (!place) return;
      const [lng, lat] = place.coordinates;
      set({ selectedPlace: place.id, view: { lng, lat, zoom: Math.max(get().view.zoom, 12) } });
    },
    goToStep: (storyId, step = 1) => {
      if (storyId === null) return set({ story: null, step: 1 });
      const state = storyStepState(get().ctx, storyId, step);
      if (state) set(state);
    },
    setCompare: (compare) => set(compare ? { compare, date2: get().date, sources2: get().sources } : { compare }),
    dismissNotices: () => set({ notices: [] }),
    storyOffered: options.offerStory ?? false,
    declineStory: () => set({ storyOffered: false }),
    ...claimImportSlice(set, get, restored),
    ...areaImportSlice(set, get, options.createWorker),
    ...EMPTY_AREA_TIMELINE,
    ...basemapSlice(set, get, options.basemap ?? { kind: 'builtin' }, options.openPmtiles),
    ...deepstateArchiveSlice(set, get, api, options.deepstateArchive ?? archiveOptionsFromPage(options.search)),
  }));
}
