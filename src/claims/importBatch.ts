/**
 * Imported claims as the app holds them, and the checks made before a file is read. Kept apart from
 * ./importClaims, which checks a file's content with zod and is loaded only when there is a file to check.
 */
import type { DataError } from './errors';
import type { Claim, Dataset } from './model';

/** Larger files are refused before they are read, so a huge drop cannot freeze the page. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export interface ImportBatch {
  /** Unique per batch; used to remove it. */
  id: string;
  fileName: string;
  importedAt: string;
  claims: Claim[];
}

export function checkImportSize(fileName: string, bytes: number): DataError | null {
  if (bytes > MAX_IMPORT_BYTES)
    return {
      file: fileName,
      message: `the file is ${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MB`,
    };
  return null;
}

/**
 * Text that is not text: a binary file has NUL bytes (so does UTF-16, which JSON files must not be);
 * replacement characters come from bytes that failed to decode as UTF-8 (e.g. a file saved as Latin-1).
 */
export function notTextError(fileName: string, text: string): DataError | null {
  const head = text.slice(0, 4096);
  if (head.includes('\u0000')) return { file: fileName, message: 'this is not a text file' };
  const bad = head.indexOf('\uFFFD');
  if (bad >= 0)
    return {
      file: fileName,
      message: `this is not a text file in UTF-8: character ${bad + 1} did not decode (save it as UTF-8)`,
    };
  return null;
}

/** The checks made on a file's text before it is parsed, the same for claims and area files: size, then text. */
export function unreadableTextError(fileName: string, text: string): DataError | null {
  return checkImportSize(fileName, new TextEncoder().encode(text).length) ?? notTextError(fileName, text);
}

/** The bundled dataset plus imported batches: the dataset everything else reads. */
export function withImports(base: Dataset, batches: readonly ImportBatch[]): Dataset {
  if (batches.length === 0) return base;
  return { ...base, claims: [...base.claims, ...batches.flatMap((b) => b.claims)] };
}
