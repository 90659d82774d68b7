/**
 * Importer of the app's own area schema: a FeatureCollection of Polygon / MultiPolygon features,
 * each `{id, sourceId, layer, status, statedDate, note?}`. One file is one snapshot, so every
 * feature must name the same source, layer and date. Stricter than the foreign formats: rings are
 * checked for self-intersection, because this is the format we ask contributors to write.
 */
import { isValidIsoDate } from '../claims/dates';
import { capErrors, type DataError, type Result } from '../claims/errors';
import { z } from '../claims/zod';
import { areaGeometrySchema, firstKink } from './geometry';
import { type AreaImporter, importText } from './importer';
import { AREA_STATUSES, type AreaClaim, type AreaSnapshot, noneSkipped } from './model';
import { areaKm2 } from './ops';
import { duplicateIdErrors, fail, featuresOf, parseFeatures, safeParseItem } from './parse';

export interface NativeContext {
  /** Known source ids; when given, a file naming another source is refused. */
  sourceIds?: ReadonlySet<string>;
}

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens');
const nonEmpty = z.string().trim().min(1, 'must not be empty');

const nativeAreaFeatureSchema = z.object({
  type: z.literal('Feature'),
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

/** The app schema's properties: a feature carrying these three is in it (to be checked in full on import). */
const nativeSignature = z.object({ sourceId: z.string(), statedDate: z.string(), status: z.string() });

export const nativeImporter: AreaImporter<NativeContext> = {
  format: 'native',
  signature: 'the app schema {id, sourceId, layer, status, statedDate}',
  // An empty file of this format says nothing about itself, so it is never detected from its name.
  detect: (_fileName, sample) => sample.kind === 'feature' && nativeSignature.safeParse(sample.properties).success,
  parse: importNativeJson,
};

export const importNative = (fileName: string, text: string, ctx: NativeContext = {}): Result<AreaSnapshot> =>
  importText(nativeImporter, fileName, text, ctx);

/** One feature: the schema, then its rings must not cross themselves. */
function readFeature(fileName: string, index: number, item: unknown): Result<NativeFeature> {
  const parsed = safeParseItem(fileName, index, item, nativeAreaFeatureSchema);
  if (!parsed.ok) return parsed;
  const kink = firstKink(parsed.value.geometry);
  if (!kink) return parsed;
  return fail([
    {
      file: fileName,
      index,
      field: `geometry.${kink.field}`,
      message: `the outline crosses itself near ${kink.at[0].toFixed(5)}, ${kink.at[1].toFixed(5)}`,
    },
  ]);
}

function importNativeJson(fileName: string, json: unknown, ctx: NativeContext = {}): Result<AreaSnapshot> {
  const items = featuresOf(fileName, json);
  if (!items.ok) return items;
  if (items.value.length === 0)
    return fail([{ file: fileName, message: 'the file has no areas (an empty FeatureCollection)' }]);
  const parsed = parseFeatures(fileName, items.value, (item, index) => readFeature(fileName, index, item));
  if (!parsed.ok) return parsed;
  const features = parsed.value;
  const errors = crossFeatureErrors(fileName, features, ctx);
  if (errors.length) return fail(capErrors(fileName, errors));

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

/** Same snapshot for all, unique ids, known source. Run once every feature is valid, so `features[i]` is feature i. */
function crossFeatureErrors(fileName: string, features: NativeFeature[], ctx: NativeContext): DataError[] {
  const errors: DataError[] = [];
  const first = features[0].properties;
  features.forEach(({ properties: p }, index) => {
    const at = (field: string, message: string) =>
      errors.push({ file: fileName, index, field: `properties.${field}`, message });
    for (const key of ['sourceId', 'layer', 'statedDate'] as const)
      if (p[key] !== first[key])
        at(key, `"${p[key]}" differs from "${first[key]}" (feature 0); one file holds one snapshot`);
    if (index === 0 && ctx.sourceIds && !ctx.sourceIds.has(p.sourceId))
      at('sourceId', `unknown source "${p.sourceId}"`);
  });
  const ids = features.map((f) => f.properties.id);
  return [...errors, ...duplicateIdErrors(fileName, ids, 'properties.id')].sort(
    (a, b) => (a.index ?? -1) - (b.index ?? -1),
  );
}
