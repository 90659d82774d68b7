/**
 * Imported claims survive a reload: each imported file is kept in
 * localStorage as its original text and re-validated on start, so a stored
 * file that no longer fits the data is reported, not silently applied.
 *
 * The checker (zod and the claim schema) is loaded with an import() only when
 * something is stored, so a visit without imports never loads it.
 */
import type { DataError } from '../claims/errors';
import { type ImportBatch, withImports } from '../claims/importBatch';
import type { Dataset } from '../claims/model';

const STORAGE_KEY = 'frontline-claims:imports:v1';

export interface StoredImport {
  id: string;
  fileName: string;
  importedAt: string;
  text: string;
}

export interface RestoredImports {
  batches: ImportBatch[];
  /** Stored files that no longer validate, kept so the user can read why and remove them. */
  failed: { stored: StoredImport; errors: DataError[] }[];
  /** Set when the stored files could not be checked at all (the checker failed to load); they stay stored. */
  error?: string;
}

export const NOTHING_RESTORED: RestoredImports = { batches: [], failed: [] };

/** A stored record: an object with the four fields as text; other fields are dropped. Null for anything else. */
function asStoredImport(value: unknown): StoredImport | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { id, fileName, importedAt, text } = value as Partial<Record<keyof StoredImport, unknown>>;
  if (typeof id !== 'string' || typeof fileName !== 'string' || typeof importedAt !== 'string') return null;
  if (typeof text !== 'string') return null;
  return { id, fileName, importedAt, text };
}

/** The stored list, or nothing at all when storage holds anything else (edited by hand, another version). */
function readStorage(): StoredImport[] {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    if (!raw) return [];
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    const stored = parsed.map(asStoredImport);
    return stored.every((s): s is StoredImport => s !== null) ? stored : [];
  } catch {
    return [];
  }
}

/** Each stored file is checked against the bundled dataset and the files restored before it. */
export async function restoreImports(base: Dataset): Promise<RestoredImports> {
  const stored = readStorage();
  if (stored.length === 0) return NOTHING_RESTORED;
  let parseClaimImport: typeof import('../claims/importClaims').parseClaimImport;
  try {
    ({ parseClaimImport } = await import('../claims/importClaims'));
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return {
      ...NOTHING_RESTORED,
      error: `Claims imported on an earlier visit are not shown: they could not be checked (${detail}). Reload the page to try again.`,
    };
  }
  const batches: ImportBatch[] = [];
  const failed: RestoredImports['failed'] = [];
  for (const file of stored) {
    const result = parseClaimImport(file.fileName, file.text, withImports(base, batches));
    if (result.ok)
      batches.push({ id: file.id, fileName: file.fileName, importedAt: file.importedAt, claims: result.value });
    else failed.push({ stored: file, errors: result.errors });
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
