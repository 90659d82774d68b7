/**
 * Importer of the app's own area schema: a FeatureCollection of Polygon / MultiPolygon features,
 * each `{id, sourceId, layer, status, statedDate, note?}`. One file is one snapshot, so every
 * feature must name the same source, layer and date. Stricter than the foreign formats: rings are
 * checked for self-intersection, because this is the format we ask contributors to write.
 */
import { isValidIsoDate } from '../claims/dates';
import type { DataError, Result } from '../claims/schema';
import { z } from '../claims/zod';
import { areaGeometrySchema, firstKink } from './geometry';
import { AREA_STATUSES, type AreaClaim, type AreaSnapshot, noneSkipped } from './model';
import { areaKm2 } from './ops';
import { fail, featuresOf, issuesToErrors, parseJsonText } from './parse';

export interface NativeContext {
  /** Known source ids; when given, a file naming another source is refused. */
  sourceIds?: ReadonlySet<string>;
}

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens');
const nonEmpty = z.string().trim().min(1, 'must not be empty');

export const nativeAreaFeatureSchema = z.object({
  type: z.literal('Feature', { error: 'must be "Feature"' }),
  geometry: areaGeometrySchema,
  properties: z.strictObject({
    id,
    sourceId: id,
    layer: nonEmpty.max(64, 'must be at most 64 characters'),
    status: z.enum(AREA_STATUSES),
    statedDate: z.string().refine(isValidIsoDate, 'must be a real calendar date written YYYY-MM-DD'),
    note: nonEmpty.max(600, 'must be at most 600 characters').optional(),
  }),
});
type NativeFeature = z.infer<typeof nativeAreaFeatureSchema>;

export function importNative(fileName: string, text: string, ctx: NativeContext = {}): Result<AreaSnapshot> {
  const json = parseJsonText(fileName, text);
  return json.ok ? importNativeJson(fileName, json.value, ctx) : json;
}

export function importNativeJson(fileName: string, json: unknown, ctx: NativeContext = {}): Result<AreaSnapshot> {
  const items = featuresOf(fileName, json);
  if (!items.ok) return items;
  if (items.value.length === 0)
    return fail([{ file: fileName, message: 'the file has no areas (an empty FeatureCollection)' }]);
  const features: NativeFeature[] = [];
  const errors: DataError[] = [];
  for (const [index, item] of items.value.entries()) {
    const parsed = nativeAreaFeatureSchema.safeParse(item);
    if (!parsed.success) {
      errors.push(...issuesToErrors(fileName, index, parsed.error.issues));
      continue;
    }
    const kink = firstKink(parsed.data.geometry);
    if (kink)
      errors.push({
        file: fileName,
        index,
        field: `geometry.${kink.field}`,
        message: `the outline crosses itself near ${kink.at[0].toFixed(5)}, ${kink.at[1].toFixed(5)}`,
      });
    features.push(parsed.data);
  }
  errors.push(...crossFeatureErrors(fileName, features, items.value.length, ctx));
  if (errors.length) return fail(errors);

  const { sourceId, layer, statedDate } = features[0].properties;
  const claims = features.map(
    ({ geometry, properties: p }): AreaClaim => ({
      id: p.id,
      sourceId,
      layer,
      status: p.status,
      statedDate,
      geometry,
      fileName,
      areaKm2: areaKm2(geometry),
      ...(p.note === undefined ? {} : { note: p.note }),
    }),
  );
  return {
    ok: true,
    value: { sourceId, layer, statedDate, fileName, format: 'native', claims, skipped: noneSkipped() },
  };
}

/**
 * Same snapshot for all, unique ids, known source. Only run when every feature parsed, since
 * indices of `features` match the file only then.
 */
function crossFeatureErrors(
  fileName: string,
  features: NativeFeature[],
  total: number,
  ctx: NativeContext,
): DataError[] {
  if (features.length !== total) return [];
  const errors: DataError[] = [];
  const first = features[0].properties;
  const seen = new Map<string, number>();
  features.forEach(({ properties: p }, index) => {
    const at = (field: string, message: string) =>
      errors.push({ file: fileName, index, field: `properties.${field}`, message });
    for (const key of ['sourceId', 'layer', 'statedDate'] as const)
      if (p[key] !== first[key])
        at(key, `"${p[key]}" differs from "${first[key]}" (feature 0); one file holds one snapshot`);
    const dup = seen.get(p.id);
    if (dup === undefined) seen.set(p.id, index);
    else at('id', `duplicate id "${p.id}" (first used by feature ${dup})`);
    if (index === 0 && ctx.sourceIds && !ctx.sourceIds.has(p.sourceId))
      at('sourceId', `unknown source "${p.sourceId}"`);
  });
  return errors;
}
