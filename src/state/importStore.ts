/**
 * Imported claims survive a reload: each imported file is kept in
 * localStorage as its original text and re-validated on start, so a stored
 * file that no longer fits the data is reported, not silently applied.
 */
import { z } from 'zod';
import { type ImportBatch, parseClaimImport, withImports } from '../claims/importClaims';
import type { Dataset } from '../claims/model';
import type { DataError } from '../claims/schema';

const STORAGE_KEY = 'frontline-claims:imports:v1';

const storedSchema = z.array(
  z.object({ id: z.string(), fileName: z.string(), importedAt: z.string(), text: z.string() }),
);
export type StoredImport = z.infer<typeof storedSchema>[number];

export interface RestoredImports {
  batches: ImportBatch[];
  /** Stored files that no longer validate, kept so the user can read why and remove them. */
  failed: { stored: StoredImport; errors: DataError[] }[];
}

function readStorage(): StoredImport[] {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    if (!raw) return [];
    const parsed = storedSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export function restoreImports(base: Dataset): RestoredImports {
  const batches: ImportBatch[] = [];
  const failed: RestoredImports['failed'] = [];
  for (const stored of readStorage()) {
    const result = parseClaimImport(stored.fileName, stored.text, withImports(base, batches));
    if (result.ok)
      batches.push({ id: stored.id, fileName: stored.fileName, importedAt: stored.importedAt, claims: result.value });
    else failed.push({ stored, errors: result.errors });
  }
  return { batches, failed };
}

/** Returns an error message when storage is full or unavailable; the import still applies for this session. */
export function saveImports(stored: readonly StoredImport[]): string | null {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
    return null;
  } catch (err) {
    return `Imported claims could not be saved for the next visit (${err instanceof Error ? err.message : String(err)}).`;
  }
}

export function storedImports(): StoredImport[] {
  return readStorage();
}
