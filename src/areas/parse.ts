/**
 * Shared first steps of every area importer: text → JSON → list of features,
 * with errors in the `DataError` shape of the claims schema (file, feature, field).
 */
import { type DataError, parseJson, type Result } from '../claims/schema';
import { z } from '../claims/zod';

export function issuesToErrors(
  file: string,
  index: number | undefined,
  issues: readonly z.core.$ZodIssue[],
  prefix = '',
): DataError[] {
  return issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    return { file, index, field: path || undefined, message: issue.message };
  });
}

/** The claims schema's JSON reader: BOM, nesting limit and error wording shared by every importer. */
export function parseJsonText(file: string, text: string): Result<unknown> {
  return parseJson(file, text);
}

const collectionSchema = z.object({
  type: z.literal('FeatureCollection', { error: 'must be "FeatureCollection"' }),
  features: z.array(z.unknown(), { error: 'must be a list of features' }),
});

export function featuresOf(file: string, json: unknown): Result<unknown[]> {
  const parsed = collectionSchema.safeParse(json);
  if (!parsed.success) return { ok: false, errors: issuesToErrors(file, undefined, parsed.error.issues) };
  return { ok: true, value: parsed.data.features };
}

/** The last path segment, so `/tmp/x/1738790518.geojson` and `1738790518.geojson` read the same. */
export function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}

export function fail<T>(errors: DataError[]): Result<T> {
  return { ok: false, errors };
}
