import { useCallback, useMemo, useState } from 'react';
import type { DataError } from '../claims/errors';
import { checkImportSize, type ImportBatch, withImports } from '../claims/importBatch';
import type { Dataset } from '../claims/model';
import { NOTHING_RESTORED, type RestoredImports, type StoredImport, saveImports, storedImports } from './importStore';

export interface FileOutcome {
  fileName: string;
  ok: boolean;
  count: number;
  /** What was counted, in the singular: "claim" or "area polygon". */
  unit: string;
  errors: DataError[];
}

/**
 * Imported batches on top of the bundled dataset, persisted across reloads. `restored` is what
 * `restoreImports` found stored, checked before the app's first render (main.tsx).
 */
export function useImports(base: Dataset, restored: RestoredImports = NOTHING_RESTORED) {
  const [batches, setBatches] = useState<ImportBatch[]>(restored.batches);
  const [failedStored, setFailedStored] = useState(restored.failed);
  const [outcomes, setOutcomes] = useState<FileOutcome[]>([]);
  const [storageError, setStorageError] = useState<string | null>(restored.error ?? null);
  const dataset = useMemo(() => withImports(base, batches), [base, batches]);

  /**
   * Each file is checked against everything loaded before it and applied whole or not at all. The
   * checker (zod and the claim schema) is loaded with the first import; if it cannot be, nothing is imported.
   */
  const importFiles = useCallback(
    async (files: readonly File[]) => {
      let parseClaimImport: typeof import('../claims/importClaims').parseClaimImport;
      try {
        ({ parseClaimImport } = await import('../claims/importClaims'));
      } catch (err) {
        const message = `could not be checked: the importer failed to load (${err instanceof Error ? err.message : String(err)}); try again`;
        setOutcomes(
          files.map((file) => ({
            fileName: file.name,
            ok: false,
            count: 0,
            unit: 'claim',
            errors: [{ file: file.name, message }],
          })),
        );
        return;
      }
      const results: FileOutcome[] = [];
      const added: { batch: ImportBatch; stored: StoredImport }[] = [];
      for (const file of files) {
        const tooBig = checkImportSize(file.name, file.size);
        if (tooBig) {
          results.push({ fileName: file.name, ok: false, count: 0, unit: 'claim', errors: [tooBig] });
          continue;
        }
        const text = await file.text();
        const loaded = withImports(base, [...batches, ...added.map((a) => a.batch)]);
        const parsed = parseClaimImport(file.name, text, loaded);
        if (!parsed.ok) {
          results.push({ fileName: file.name, ok: false, count: 0, unit: 'claim', errors: parsed.errors });
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
      setOutcomes(results);
      if (added.length) {
        setBatches((current) => [...current, ...added.map((a) => a.batch)]);
        setStorageError(saveImports([...storedImports(), ...added.map((a) => a.stored)]));
      }
    },
    [base, batches],
  );

  const removeBatch = useCallback((id: string) => {
    setBatches((current) => current.filter((b) => b.id !== id));
    setFailedStored((current) => current.filter((f) => f.stored.id !== id));
    setStorageError(saveImports(storedImports().filter((s) => s.id !== id)));
  }, []);

  return { dataset, batches, failedStored, outcomes, storageError, importFiles, removeBatch };
}
