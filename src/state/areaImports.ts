/**
 * Area snapshots imported by the user. Files go to a worker one at a time; each is applied whole or
 * not at all, and the progress counts files. Each imported file is stored as its original text
 * (./importStore.ts) and, on the next start, goes through the worker again (`restoreAreaFiles`): the
 * same checks as a new import, rather than trusting a stored result whose shape the next version of the
 * importers may not share.
 */

import type { AreaImportRequest, AreaImportResponse, LoadedArea } from '../areas/importWorker';
import type { Result } from '../claims/errors';
import { checkImportSize } from '../claims/importBatch';
import type { FileOutcome } from './claimImports';
import { withDerived } from './data';
import { newImportId, removeStored, type StoredImport, saveImport } from './importStore';
import type { StorageNotice } from './message';
import type { GetStore, SetStore } from './store';

interface ImportProgress {
  done: number;
  total: number;
  /** Files imported on an earlier visit, being imported again. */
  restoring?: boolean;
}

/** One imported area file: its stored id and the snapshot it gave. */
interface AreaFile {
  id: string;
  fileName: string;
  snapshot: LoadedArea['snapshot'];
}

export interface AreaImportSlice {
  areas: readonly LoadedArea[];
  areaFiles: readonly AreaFile[];
  areaOutcomes: readonly FileOutcome[];
  areaProgress: ImportProgress | null;
  /** Bumped by "Remove all", so an import still running when it was pressed is dropped. */
  importEpoch: number;
  importAreaFiles: (files: readonly File[]) => Promise<void>;
  /** Import the area files stored on an earlier visit again (main.tsx, after the first render). */
  restoreAreaFiles: (stored: readonly StoredImport[]) => Promise<void>;
  removeArea: (snapshot: LoadedArea['snapshot']) => Promise<void>;
  /** One file's text through the import worker (the request a file import makes), without adding it. */
  importAreaText: (fileName: string, text: string) => Promise<Result<LoadedArea>>;
  /** Add an area loaded some other way (./deepstateArchive.ts fetches them): not stored, it has its own cache. */
  addArea: (area: LoadedArea) => void;
}

const defaultWorker = () => new Worker(new URL('../areas/importWorker.ts', import.meta.url), { type: 'module' });

export function areaImportSlice(set: SetStore, get: GetStore, createWorker = defaultWorker): AreaImportSlice {
  let worker: Worker | null = null;
  let nextId = 0;
  const run = (request: Omit<AreaImportRequest, 'id'>) => {
    worker ??= createWorker();
    const current = worker;
    const id = nextId++;
    return new Promise<AreaImportResponse>((resolve) => {
      const onMessage = (event: MessageEvent<AreaImportResponse>) => {
        if (event.data.id !== id) return;
        current.removeEventListener('message', onMessage);
        resolve(event.data);
      };
      current.addEventListener('message', onMessage);
      current.postMessage({ ...request, id } satisfies AreaImportRequest);
    });
  };
  const importText = (fileName: string, text: string) =>
    run({ fileName, text, baseUrl: document.baseURI, sourceIds: get().ctx.sourceIds.slice() });
  const apply = (id: string, fileName: string, loaded: LoadedArea) =>
    set((state) => ({
      areaFiles: [...state.areaFiles, { id, fileName, snapshot: loaded.snapshot }],
      ...withDerived(state, { areas: [...state.areas, loaded] }),
    }));
  const failed = (fileName: string, errors: FileOutcome['errors']): FileOutcome => ({
    fileName,
    ok: false,
    count: 0,
    unit: 'area polygon',
    errors,
  });

  return {
    areas: [],
    areaFiles: [],
    areaOutcomes: [],
    areaProgress: null,
    importEpoch: 0,
    importAreaFiles: async (files) => {
      const epoch = get().importEpoch;
      const results: FileOutcome[] = [];
      const saved: (StorageNotice | null)[] = [];
      set({ areaProgress: { done: 0, total: files.length } });
      for (const [i, file] of files.entries()) {
        const tooBig = checkImportSize(file.name, file.size);
        if (tooBig) results.push(failed(file.name, [tooBig]));
        else {
          const text = await file.text();
          const { result } = await importText(file.name, text);
          if (get().importEpoch !== epoch) return;
          if (result.ok) {
            const loaded = result.value;
            const id = newImportId();
            apply(id, file.name, loaded);
            results.push({
              fileName: file.name,
              ok: true,
              count: loaded.snapshot.claims.length,
              unit: 'area polygon',
              errors: [],
            });
            saved.push(
              await saveImport({ id, kind: 'areas', fileName: file.name, importedAt: new Date().toISOString(), text }),
            );
          } else results.push(failed(file.name, result.errors));
        }
        set({ areaProgress: { done: i + 1, total: files.length } });
      }
      set({ areaOutcomes: results, areaProgress: null });
      get().addStorageNotices(saved);
    },
    restoreAreaFiles: async (stored) => {
      if (!stored.length) return;
      const epoch = get().importEpoch;
      set({ areaProgress: { done: 0, total: stored.length, restoring: true } });
      for (const [i, file] of stored.entries()) {
        const { result } = await importText(file.fileName, file.text);
        if (get().importEpoch !== epoch) return;
        if (result.ok) apply(file.id, file.fileName, result.value);
        else set((state) => ({ failedStored: [...state.failedStored, { stored: file, errors: result.errors }] }));
        set({ areaProgress: { done: i + 1, total: stored.length, restoring: true } });
      }
      set({ areaProgress: null });
    },
    removeArea: async (snapshot) => {
      const file = get().areaFiles.find((f) => f.snapshot === snapshot);
      set((state) => ({
        areaFiles: state.areaFiles.filter((f) => f.snapshot !== snapshot),
        ...withDerived(state, { areas: state.areas.filter((a) => a.snapshot !== snapshot) }),
      }));
      if (file) get().addStorageNotices([await removeStored(file.id, file.fileName)]);
    },
    importAreaText: async (fileName, text) => (await importText(fileName, text)).result,
    addArea: (area) => set((state) => withDerived(state, { areas: [...state.areas, area] })),
  };
}
