/**
 * The store opens a local .pmtiles basemap only through the opener it is given (main.tsx passes
 * src/map/pmtilesBasemap, on demand): src/state loads no MapLibre (docs/ARCHITECTURE.md, Layers of the code).
 */
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/state/store';
import { claim, dataset } from './factories';

const bundled = dataset([claim('ua', 'sudzha', '2024-08-15', 'ukrainian')]);
const file = new File(['not read'], 'kursk.pmtiles');

describe('choosing a PMTiles basemap', () => {
  it('draws the style the injected opener gives for the file', async () => {
    const opened: File[] = [];
    const style = { version: 8 as const, sources: {}, layers: [] };
    const store = createAppStore({
      bundled,
      openPmtiles: (f) => {
        opened.push(f);
        return Promise.resolve(style);
      },
    });
    await store.getState().chooseBasemap({ kind: 'pmtiles', fileName: file.name }, file);
    expect(opened).toEqual([file]);
    expect(store.getState().basemap).toEqual({ kind: 'pmtiles', fileName: 'kursk.pmtiles' });
    expect(store.getState().basemapStyle).toBe(style);
    expect(store.getState().basemapNotice).toBeNull();
  });

  it('says the file could not be read when the opener fails, or when there is none, and keeps the basemap', async () => {
    const failing = createAppStore({ bundled, openPmtiles: () => Promise.reject(new Error('not a PMTiles archive')) });
    const without = createAppStore({ bundled });
    for (const store of [failing, without]) {
      await store.getState().chooseBasemap({ kind: 'pmtiles', fileName: file.name }, file);
      expect(store.getState().basemap).toEqual({ kind: 'builtin' });
      expect(store.getState().basemapStyle).toBeNull();
      expect(store.getState().basemapNotice).toMatchObject({ key: 'unreadable', params: { file: 'kursk.pmtiles' } });
    }
    expect(failing.getState().basemapNotice?.params).toMatchObject({ error: 'not a PMTiles archive' });
  });
});
