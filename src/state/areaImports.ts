/**
 * Area snapshots imported by the user. Files go to a worker a few at a time (so it is never idle while
 * the main thread applies results), and their results are taken in batches: one store update per
 * `APPLY_EVERY_MS` or more, however many files finished meanwhile, which moves the progress and the Import
 * panel's list of files. The maps themselves (`areas`, and the catalog and slider dates derived from them)
 * reach the store once, when the import ends: the map, the area timeline and the Areas panel take a whole
 * import in one update, never a half-applied one, and the map draws the new snapshots once rather than after
 * every batch (with software WebGL each of those frames held the main thread for 0.3–1.5 s,
 * docs/PERFORMANCE.md rounds 11 and 13). Each file is applied whole or not at all, the progress counts files,
 * a file removed from the list while the import runs is not applied, and "Remove all" (`importEpoch`) drops
 * the rest of an import still running. Each imported file is stored as its original text (./importStore.ts,
 * one transaction per batch) and, on the next start, goes through the worker again (`restoreAreaFiles`):
 * the same checks as a new import, rather than trusting a stored result whose shape the next version of
 * the importers may not share.
 */

import type { AreaImportRequest, AreaImportResponse, LoadedArea } from '../areas/importWorker';
import type { DataError, Result } from '../claims/errors';
import { checkImportSize, readFileText } from '../claims/importBatch';
import type { FileOutcome } from './claimImports';
import { withDerived } from './data';
import { newImportId, removeStored, type StoredImport, saveImports } from './importStore';
import type { StorageNotice } from './message';
import type { GetStore, SetStore } from './store';

/** The progress and the list of files move this often while files import. */
const APPLY_EVERY_MS = 250;
/** Files handed to the worker ahead of the one awaited: enough to keep it busy while a batch is applied. */
const IN_FLIGHT = 4;

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

/** One file through the worker: loaded (with the record to store, for a new import) or refused, with why. */
type Step =
  | { ok: true; file: AreaFile; loaded: LoadedArea; save?: StoredImport }
  | { ok: false; fileName: string; errors: DataError[]; stored?: StoredImport };

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

/** Resolves in a new task (a message, which hidden tabs do not throttle as they do timers). */
function nextTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  const channel = new MessageChannel();
  return new Promise((resolve) => {
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
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
  /**
   * `count` files, each through `stepAt`, at most IN_FLIGHT at a time and awaited in order. The progress and
   * the loaded files' rows (stored, when the step says so) are applied in batches; the maps once all are in,
   * those whose row was not removed meanwhile. Null when "Remove all" was pressed meanwhile: then nothing more
   * is applied.
   */
  const inBatches = async (
    count: number,
    stepAt: (index: number) => Promise<Step>,
    restoring: boolean,
  ): Promise<{ steps: Step[]; saved: (StorageNotice | null)[] } | null> => {
    const epoch = get().importEpoch;
    const progress = (done: number): ImportProgress => ({ done, total: count, ...(restoring ? { restoring } : {}) });
    set({ areaProgress: progress(0) });
    const started: Promise<Step>[] = [];
    const steps: Step[] = [];
    const saved: (StorageNotice | null)[] = [];
    let pending: Step[] = [];
    let lastApplied = performance.now();
    const applyPending = async () => {
      const batch = pending;
      pending = [];
      const loaded = batch.filter((s) => s.ok);
      const failedStored = batch.flatMap((s) => (!s.ok && s.stored ? [{ stored: s.stored, errors: s.errors }] : []));
      set((state) => ({
        areaProgress: progress(steps.length),
        ...(failedStored.length ? { failedStored: [...state.failedStored, ...failedStored] } : {}),
        ...(loaded.length ? { areaFiles: [...state.areaFiles, ...loaded.map((s) => s.file)] } : {}),
      }));
      lastApplied = performance.now();
      const toSave = loaded.flatMap((s) => (s.save ? [s.save] : []));
      if (toSave.length) saved.push(...(await saveImports(toSave)));
    };
    for (let i = 0; i < count; i++) {
      while (started.length < Math.min(count, i + IN_FLIGHT)) started.push(stepAt(started.length));
      const step = await started[i];
      if (get().importEpoch !== epoch) return null;
      steps.push(step);
      pending.push(step);
      if (performance.now() - lastApplied >= APPLY_EVERY_MS) {
        await applyPending();
        if (get().importEpoch !== epoch) return null;
      }
    }
    await applyPending();
    if (get().importEpoch !== epoch) return null;
    // The last rows' render, the maps and then the outcomes each in a task of their own: the maps' update
    // (catalog, map, panels) is the dear one.
    await nextTask();
    if (get().importEpoch !== epoch) return null;
    set((state) => {
      const listed = new Set(state.areaFiles.map((f) => f.id));
      const loaded = steps.flatMap((s) => (s.ok && listed.has(s.file.id) ? [s.loaded] : []));
      return loaded.length ? withDerived(state, { areas: [...state.areas, ...loaded] }) : {};
    });
    await nextTask();
    return get().importEpoch === epoch ? { steps, saved } : null;
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
    areaFiles: [],
    areaOutcomes: [],
    areaProgress: null,
    importEpoch: 0,
    importAreaFiles: async (files) => {
      const step = async (file: File): Promise<Step> => {
        const tooBig = checkImportSize(file.name, file.size);
        if (tooBig) return { ok: false, fileName: file.name, errors: [tooBig] };
        let read: Result<string>;
        try {
          read = await readFileText(file);
        } catch (err) {
          // A file moved or deleted since it was picked.
          const detail = err instanceof Error ? err.message : String(err);
          return {
            ok: false,
            fileName: file.name,
            errors: [{ file: file.name, message: `could not be read (${detail})` }],
          };
        }
        if (!read.ok) return { ok: false, fileName: file.name, errors: read.errors };
        const { result } = await importText(file.name, read.value);
        if (!result.ok) return { ok: false, fileName: file.name, errors: result.errors };
        const id = newImportId();
        const importedAt = new Date().toISOString();
        const save: StoredImport = { id, kind: 'areas', fileName: file.name, importedAt, text: read.value };
        return {
          ok: true,
          file: { id, fileName: file.name, snapshot: result.value.snapshot },
          loaded: result.value,
          save,
        };
      };
      const run = await inBatches(files.length, (i) => step(files[i]), false);
      if (!run) return;
      const outcomes = run.steps.map(
        (s): FileOutcome =>
          s.ok
            ? {
                fileName: s.file.fileName,
                ok: true,
                count: s.loaded.snapshot.claims.length,
                unit: 'area polygon',
                errors: [],
              }
            : failed(s.fileName, s.errors),
      );
      set({ areaOutcomes: outcomes, areaProgress: null });
      get().addStorageNotices(run.saved);
    },
    restoreAreaFiles: async (stored) => {
      if (!stored.length) return;
      const step = async (file: StoredImport): Promise<Step> => {
        const { result } = await importText(file.fileName, file.text);
        return result.ok
          ? {
              ok: true,
              file: { id: file.id, fileName: file.fileName, snapshot: result.value.snapshot },
              loaded: result.value,
            }
          : { ok: false, fileName: file.fileName, errors: result.errors, stored: file };
      };
      if (await inBatches(stored.length, (i) => step(stored[i]), true)) set({ areaProgress: null });
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
