/**
 * Claims imported on top of the bundled dataset, persisted across reloads (./importStore.ts). Each file
 * is checked against everything loaded before it and applied whole or not at all. This slice also
 * holds what concerns every stored import: storage notices, unreadable records, and "Remove all".
 */

import type { DataError } from '../claims/errors';
import { checkImportSize, type ImportBatch, readFileText, withImports } from '../claims/importBatch';
import { withDerived } from './data';
import {
  newImportId,
  type RestoredImports,
  removeAllStored,
  removeStored,
  type StoredImport,
  saveImport,
  type UnreadableRecord,
} from './importStore';
import type { StorageNotice } from './message';
import type { GetStore, SetStore } from './store';

export interface FileOutcome {
  fileName: string;
  ok: boolean;
  count: number;
  /** What was counted (the UI words it in the interface language). */
  unit: 'claim' | 'area polygon';
  errors: DataError[];
}

export interface ClaimImportSlice {
  claimBatches: readonly ImportBatch[];
  /** Stored imports (claims or area maps) that no longer pass the checks, kept so the user can remove them. */
  failedStored: RestoredImports['failed'];
  /** Stored records that could not be read at all, kept so the user can remove them. */
  unreadableStored: readonly UnreadableRecord[];
  /** What went wrong storing, reading or removing imports, worded for the user. */
  storageNotices: readonly StorageNotice[];
  claimOutcomes: readonly FileOutcome[];
  importClaimFiles: (files: readonly File[]) => Promise<void>;
  /** Remove one imported file (a claims batch, or a stored file that failed its checks) by id. */
  removeBatch: (id: string) => Promise<void>;
  removeUnreadable: (key: IDBValidKey) => Promise<void>;
  /** Remove every imported file, claims and area maps, from the app and from storage. */
  removeAllImports: () => Promise<void>;
  /** Add notices about storage (from any import slice). */
  addStorageNotices: (notices: readonly (StorageNotice | null)[]) => void;
}

const failed = (fileName: string, errors: DataError[]): FileOutcome => ({
  fileName,
  ok: false,
  count: 0,
  unit: 'claim',
  errors,
});

export function claimImportSlice(set: SetStore, get: GetStore, restored: RestoredImports): ClaimImportSlice {
  const addStorageNotices = (notices: readonly (StorageNotice | null)[]) => {
    const added = notices.filter((n): n is StorageNotice => n !== null);
    if (added.length) set((state) => ({ storageNotices: [...state.storageNotices, ...added] }));
  };
  return {
    claimBatches: restored.batches,
    failedStored: restored.failed,
    unreadableStored: restored.unreadable,
    storageNotices: restored.notices,
    claimOutcomes: [],
    addStorageNotices,
    // The checker (zod and the claim schema) is loaded with the first import; if it cannot be, nothing is imported.
    importClaimFiles: async (files) => {
      let parseClaimImport: typeof import('../claims/importClaims').parseClaimImport;
      try {
        ({ parseClaimImport } = await import('../claims/importClaims'));
      } catch (err) {
        const message = `could not be checked: the importer failed to load (${err instanceof Error ? err.message : String(err)}); try again`;
        set({ claimOutcomes: files.map((file) => failed(file.name, [{ file: file.name, message }])) });
        return;
      }
      const results: FileOutcome[] = [];
      const added: { batch: ImportBatch; stored: StoredImport }[] = [];
      for (const file of files) {
        const tooBig = checkImportSize(file.name, file.size);
        if (tooBig) {
          results.push(failed(file.name, [tooBig]));
          continue;
        }
        const read = await readFileText(file);
        if (!read.ok) {
          results.push(failed(file.name, read.errors));
          continue;
        }
        const text = read.value;
        const { bundled, claimBatches } = get();
        const loaded = withImports(bundled, [...claimBatches, ...added.map((a) => a.batch)]);
        const parsed = parseClaimImport(file.name, text, loaded);
        if (!parsed.ok) {
          results.push(failed(file.name, parsed.errors));
          continue;
        }
        const id = newImportId();
        const importedAt = new Date().toISOString();
        added.push({
          batch: { id, fileName: file.name, importedAt, claims: parsed.value },
          stored: { id, kind: 'claims', fileName: file.name, importedAt, text },
        });
        results.push({ fileName: file.name, ok: true, count: parsed.value.length, unit: 'claim', errors: [] });
      }
      if (!added.length) {
        set({ claimOutcomes: results });
        return;
      }
      // Applied for this visit first; storing it is what makes it survive a reload, and may fail.
      set((state) => ({
        claimOutcomes: results,
        ...withDerived(state, { claimBatches: [...state.claimBatches, ...added.map((a) => a.batch)] }),
      }));
      const saved: (StorageNotice | null)[] = [];
      for (const { stored } of added) saved.push(await saveImport(stored));
      addStorageNotices(saved);
    },
    removeBatch: async (id) => {
      const { claimBatches, failedStored } = get();
      const fileName =
        claimBatches.find((b) => b.id === id)?.fileName ??
        failedStored.find((f) => f.stored.id === id)?.stored.fileName;
      set((state) => ({
        failedStored: state.failedStored.filter((f) => f.stored.id !== id),
        ...withDerived(state, { claimBatches: state.claimBatches.filter((b) => b.id !== id) }),
      }));
      addStorageNotices([await removeStored(id, fileName ?? 'The file')]);
    },
    removeUnreadable: async (key) => {
      const record = get().unreadableStored.find((u) => u.key === key);
      set((state) => ({ unreadableStored: state.unreadableStored.filter((u) => u.key !== key) }));
      addStorageNotices([await removeStored(key, record?.label ?? 'The record')]);
    },
    removeAllImports: async () => {
      set((state) => ({
        importEpoch: state.importEpoch + 1,
        areaProgress: null,
        failedStored: [],
        unreadableStored: [],
        storageNotices: [],
        claimOutcomes: [],
        areaOutcomes: [],
        areaFiles: [],
        ...withDerived(state, { claimBatches: [], areas: [] }),
      }));
      addStorageNotices([await removeAllStored()]);
    },
  };
}
