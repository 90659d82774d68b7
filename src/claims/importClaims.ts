/**
 * Import of claims in the app's own GeoJSON schema. The whole file is checked
 * against the schema and against what is already loaded before anything is
 * applied: either every claim in it is accepted, or none is.
 */
import { capErrors, type DataError, fail, type Result } from './errors';
import { duplicateIdErrors } from './featureLoop';
import { unreadableTextError } from './importBatch';
import type { Claim, Dataset } from './model';
import { claimReferenceErrors, parseClaims } from './schema';

export { checkImportSize, type ImportBatch, MAX_IMPORT_BYTES, notTextError, withImports } from './importBatch';

/**
 * Validate a file of claims against the loaded dataset. References must
 * resolve to known sources and places; ids must be new.
 */
export function parseClaimImport(fileName: string, text: string, loaded: Dataset): Result<Claim[]> {
  const unreadable = unreadableTextError(fileName, text);
  if (unreadable) return fail([unreadable]);
  const parsed = parseClaims(fileName, text);
  if (!parsed.ok) return parsed;
  if (parsed.value.length === 0)
    return fail([{ file: fileName, message: 'the file has no claims (an empty FeatureCollection)' }]);

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
  if (errors.length) return fail(capErrors(fileName, errors));
  return { ok: true, value: parsed.value.map((c) => ({ ...c, imported: true })) };
}
