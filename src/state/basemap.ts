/**
 * The basemap: the user's choice (remembered on this machine, never in a link, so a link cannot make
 * the recipient's browser contact a server) and the style the maps draw. The store is its one owner:
 * a map that fails to load a style reports it here, and the panes apply what the store says. Opening a
 * local PMTiles file needs MapLibre, which src/state does not load: the opener is given at store creation
 * (main.tsx passes src/map/pmtilesBasemap, loaded on demand).
 */
import type { BasemapStyle } from '../common/types';
import { type BasemapChoice, choiceStyle, saveBasemapChoice } from './basemapChoice';
import type { BasemapNotice } from './message';
import type { GetStore, SetStore } from './store';

export interface BasemapSlice {
  basemap: BasemapChoice;
  basemapStyle: BasemapStyle;
  /** Why the chosen basemap is not showing, if it is not. */
  basemapNotice: BasemapNotice | null;
  chooseBasemap: (choice: BasemapChoice, file?: File) => Promise<void>;
  /** A map failed to load the chosen style: back to the built-in one, with a notice. */
  basemapFailed: (message: string) => void;
}

/** Reads a local .pmtiles file and gives the style that draws it (src/map/pmtilesBasemap.ts). */
export type PmtilesOpener = (file: File) => Promise<BasemapStyle>;

const noPmtiles: PmtilesOpener = () => Promise.reject(new Error('PMTiles files cannot be opened here'));

export function basemapSlice(
  set: SetStore,
  _get: GetStore,
  initial: BasemapChoice,
  openPmtiles: PmtilesOpener = noPmtiles,
): BasemapSlice {
  const choose = (basemap: BasemapChoice, basemapStyle: BasemapStyle, basemapNotice: BasemapNotice | null = null) => {
    saveBasemapChoice(basemap);
    set({ basemap, basemapStyle, basemapNotice });
  };
  return {
    basemap: initial,
    basemapStyle: choiceStyle(initial),
    basemapNotice: initial.kind === 'pmtiles' ? { key: 'reopen', params: { file: initial.fileName } } : null,
    chooseBasemap: async (choice, file) => {
      set({ basemapNotice: null });
      if (choice.kind !== 'pmtiles' || !file) return choose(choice, choiceStyle(choice));
      try {
        choose(choice, await openPmtiles(file));
      } catch (err) {
        set({
          basemapNotice: {
            key: 'unreadable',
            params: { file: file.name, error: err instanceof Error ? err.message : String(err) },
          },
        });
      }
    },
    basemapFailed: (message) => choose({ kind: 'builtin' }, null, { key: 'failed', params: { error: message } }),
  };
}
