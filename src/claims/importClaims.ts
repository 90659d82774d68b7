/**
 * Import of claims in the app's own GeoJSON schema. The whole file is checked
 * against the schema and against what is already loaded before anything is
 * applied: either every claim in it is accepted, or none is.
 */
import type { Claim, Dataset } from './model';
import { capErrors, claimReferenceErrors, type DataError, duplicateIdErrors, parseClaims, type Result } from './schema';

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

/**
 * Validate a file of claims against the loaded dataset. References must
 * resolve to known sources and places; ids must be new.
 */
export function parseClaimImport(fileName: string, text: string, loaded: Dataset): Result<Claim[]> {
  const size = checkImportSize(fileName, new TextEncoder().encode(text).length);
  if (size) return { ok: false, errors: [size] };
  const notText = notTextError(fileName, text);
  if (notText) return { ok: false, errors: [notText] };
  const parsed = parseClaims(fileName, text);
  if (!parsed.ok) return parsed;
  if (parsed.value.length === 0)
    return { ok: false, errors: [{ file: fileName, message: 'the file has no claims (an empty FeatureCollection)' }] };

  const existing = new Set(loaded.claims.map((c) => c.id));
  const claims = parsed.value;
  const alreadyLoaded: DataError[] = claims.flatMap((claim, index) =>
    existing.has(claim.id)
      ? [{ file: fileName, index, field: 'properties.id', message: `a claim with id "${claim.id}" is already loaded` }]
      : [],
  );
  const errors = [
    ...alreadyLoaded,
    ...duplicateIdErrors(
      fileName,
      claims.map((c) => c.id),
      'properties.id',
    ),
    ...claimReferenceErrors(fileName, claims, {
      sources: new Set(loaded.sources.map((s) => s.id)),
      places: new Set(loaded.places.map((p) => p.id)),
      claims: new Set([...existing, ...claims.map((c) => c.id)]),
    }),
  ].sort((a, b) => (a.index ?? -1) - (b.index ?? -1));
  if (errors.length) return { ok: false, errors: capErrors(fileName, errors) };
  return { ok: true, value: parsed.value.map((c) => ({ ...c, imported: true })) };
}

/** The bundled dataset plus imported batches: the dataset everything else reads. */
export function withImports(base: Dataset, batches: readonly ImportBatch[]): Dataset {
  if (batches.length === 0) return base;
  return { ...base, claims: [...base.claims, ...batches.flatMap((b) => b.claims)] };
}
