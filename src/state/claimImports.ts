/**
 * Claims imported on top of the bundled dataset, persisted across reloads (./importStore.ts). Each file
 * is checked against everything loaded before it and applied whole or not at all.
 */
import type { DataError } from '../claims/errors';
import { checkImportSize, type ImportBatch, withImports } from '../claims/importBatch';
import { withDerived } from './data';
import { type RestoredImports, type StoredImport, saveImports, storedImports } from './importStore';
import type { GetStore, SetStore } from './store';

export interface FileOutcome {
  fileName: string;
  ok: boolean;
  count: number;
  /** What was counted, in the singular: "claim" or "area polygon". */
  unit: string;
  errors: DataError[];
}

export interface ClaimImportSlice {
  claimBatches: readonly ImportBatch[];
  /** Stored imports that no longer pass the checks, kept so the user can remove them. */
  failedStored: RestoredImports['failed'];
  storageError: string | null;
  claimOutcomes: readonly FileOutcome[];
  importClaimFiles: (files: readonly File[]) => Promise<void>;
  removeBatch: (id: string) => void;
}

const failed = (fileName: string, errors: DataError[]): FileOutcome => ({
  fileName,
  ok: false,
  count: 0,
  unit: 'claim',
  errors,
});

export function claimImportSlice(set: SetStore, get: GetStore, restored: RestoredImports): ClaimImportSlice {
  return {
    claimBatches: restored.batches,
    failedStored: restored.failed,
    storageError: restored.error ?? null,
    claimOutcomes: [],
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
        const text = await file.text();
        const { bundled, claimBatches } = get();
        const loaded = withImports(bundled, [...claimBatches, ...added.map((a) => a.batch)]);
        const parsed = parseClaimImport(file.name, text, loaded);
        if (!parsed.ok) {
          results.push(failed(file.name, parsed.errors));
          continue;
        }
        const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
        const importedAt = new Date().toISOString();
        added.push({
          batch: { id, fileName: file.name, importedAt, claims: parsed.value },
          stored: { id, fileName: file.name, importedAt, text },
        });
        results.push({ fileName: file.name, ok: true, count: parsed.value.length, unit: 'claim', errors: [] });
      }
      if (!added.length) {
        set({ claimOutcomes: results });
        return;
      }
      const storageError = saveImports([...storedImports(), ...added.map((a) => a.stored)]);
      set((state) => ({
        claimOutcomes: results,
        storageError,
        ...withDerived(state, { claimBatches: [...state.claimBatches, ...added.map((a) => a.batch)] }),
      }));
    },
    removeBatch: (id) => {
      const storageError = saveImports(storedImports().filter((s) => s.id !== id));
      set((state) => ({
        storageError,
        failedStored: state.failedStored.filter((f) => f.stored.id !== id),
        ...withDerived(state, { claimBatches: state.claimBatches.filter((b) => b.id !== id) }),
      }));
    },
  };
}
