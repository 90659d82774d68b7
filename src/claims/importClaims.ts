/**
 * Import of claims in the app's own GeoJSON schema. The whole file is checked
 * against the schema and against what is already loaded before anything is
 * applied: either every claim in it is accepted, or none is.
 */
import { checkImportSize, notTextError } from './importBatch';
import type { Claim, Dataset } from './model';
import { capErrors, claimReferenceErrors, type DataError, duplicateIdErrors, parseClaims, type Result } from './schema';

export { checkImportSize, type ImportBatch, MAX_IMPORT_BYTES, notTextError, withImports } from './importBatch';

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
