/**
 * The real DeepState archive in the bench pages (BENCH_ONLY=archive): its 366 clipped snapshots, served by
 * the bench's preview server from where they lie (bench/vite.config.ts), as the `File`s a drop hands the
 * app, imported through the app's own path (the store's `importAreaFiles` and src/areas/importWorker.ts).
 */

import sourcesText from '../data/sources.json?raw';
import type { Dataset } from '../src/claims/model';
import { parseSources } from '../src/claims/schema';
import { areaLayerDataOf } from '../src/map/areaLayers';
import { createAppStore } from '../src/state/store';

/**
 * A served folder's files as a file drop gives them (fetching them is not part of the import): `archive`,
 * DeepState's snapshots, or `isw`, ISW's Kursk layer.
 */
export async function archiveFiles(folder: 'archive' | 'isw' = 'archive'): Promise<File[]> {
  const list: unknown = await (await fetch(`${folder}/index.json`)).json();
  if (!Array.isArray(list) || !list.every((n) => typeof n === 'string') || list.length === 0)
    throw new Error(`the bench server has no ${folder} files (${folder}/index.json is empty)`);
  return Promise.all(
    list.map(async (name: string) => {
      const response = await fetch(`${folder}/${name}`);
      if (!response.ok) throw new Error(`${folder}/${name}: ${response.status}`);
      return new File([await response.blob()], name, { type: 'application/geo+json' });
    }),
  );
}

/**
 * The dataset with the project's own DeepState and ISW source records (data/sources.json) added: the imported
 * snapshots are theirs, and the map shows an area only while its source is enabled. ISW's maps come only
 * with the agreement chart's fill, after the scrub (bench/react.tsx `importAgreement`).
 */
export function withAreaSources(dataset: Dataset): Dataset {
  const sources = parseSources('sources.json', sourcesText);
  if (!sources.ok) throw new Error('data/sources.json does not parse');
  const records = ['deepstate', 'isw'].map((id) => {
    const record = sources.value.find((s) => s.id === id);
    if (!record) throw new Error(`data/sources.json has no ${id} source`);
    return record;
  });
  return { ...dataset, sources: [...dataset.sources, ...records] };
}

/** The baseline page's areas: the same files through the same store action, without React or the app's map. */
export async function importedAreas(dataset: Dataset) {
  const store = createAppStore({ bundled: dataset, search: '' });
  await store.getState().importAreaFiles(await archiveFiles());
  const { areas, areaCatalog } = store.getState();
  if (!areaCatalog) throw new Error('the archive import gave no area maps');
  return { snapshots: areas.length, layerData: areaLayerDataOf(areas, areaCatalog) };
}
