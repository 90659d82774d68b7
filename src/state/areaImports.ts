/**
 * Area snapshots imported this session. Files go to a worker one at a time; each is applied whole or
 * not at all, and the progress counts files.
 */
import type { AreaImportRequest, AreaImportResponse, LoadedArea } from '../areas/importWorker';
import type { Result } from '../claims/errors';
import { checkImportSize } from '../claims/importBatch';
import type { FileOutcome } from './claimImports';
import { withDerived } from './data';
import type { GetStore, SetStore } from './store';

interface ImportProgress {
  done: number;
  total: number;
}

export interface AreaImportSlice {
  areas: readonly LoadedArea[];
  areaOutcomes: readonly FileOutcome[];
  areaProgress: ImportProgress | null;
  importAreaFiles: (files: readonly File[]) => Promise<void>;
  removeArea: (snapshot: LoadedArea['snapshot']) => void;
  /** One file's text through the import worker (the request a file import makes), without adding it. */
  importAreaText: (fileName: string, text: string) => Promise<Result<LoadedArea>>;
  /** Add an area loaded some other way (./deepstateArchive.ts fetches them): the update an import makes. */
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
  const failed = (fileName: string, errors: FileOutcome['errors']): FileOutcome => ({
    fileName,
    ok: false,
    count: 0,
    unit: 'area polygon',
    errors,
  });

  return {
    areas: [],
    areaOutcomes: [],
    areaProgress: null,
    importAreaFiles: async (files) => {
      const results: FileOutcome[] = [];
      set({ areaProgress: { done: 0, total: files.length } });
      for (const [i, file] of files.entries()) {
        const tooBig = checkImportSize(file.name, file.size);
        if (tooBig) results.push(failed(file.name, [tooBig]));
        else {
          const { result } = await run({
            fileName: file.name,
            text: await file.text(),
            baseUrl: document.baseURI,
            sourceIds: get().ctx.sourceIds.slice(),
          });
          if (result.ok) {
            const loaded = result.value;
            set((state) => withDerived(state, { areas: [...state.areas, loaded] }));
            results.push({
              fileName: file.name,
              ok: true,
              count: loaded.snapshot.claims.length,
              unit: 'area polygon',
              errors: [],
            });
          } else results.push(failed(file.name, result.errors));
        }
        set({ areaProgress: { done: i + 1, total: files.length } });
      }
      set({ areaOutcomes: results, areaProgress: null });
    },
    removeArea: (snapshot) =>
      set((state) => withDerived(state, { areas: state.areas.filter((a) => a.snapshot !== snapshot) })),
    importAreaText: async (fileName, text) =>
      (await run({ fileName, text, baseUrl: document.baseURI, sourceIds: get().ctx.sourceIds.slice() })).result,
    addArea: (area) => set((state) => withDerived(state, { areas: [...state.areas, area] })),
  };
}
