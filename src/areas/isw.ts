/**
 * Importer of ISW layer files as exported by the war-datasets-dashboard project: one file per
 * layer date, features with `{date, area_km2, layer_type}` and a Polygon, MultiPolygon or null
 * geometry (3-D positions with z=0). The layer's polygons are where ISW assesses that Russian
 * forces advanced or regained ground, hence the status `russian-advance`.
 */
import { isValidIsoDate } from '../claims/dates';
import { capErrors, type DataError, type Result } from '../claims/errors';
import type { IsoDate } from '../claims/model';
import { z } from '../claims/zod';
import { areaGeometrySchema } from './geometry';
import { type AreaImporter, importText } from './importer';
import { type AreaClaim, type AreaGeometry, type AreaSnapshot, noneSkipped } from './model';
import { areaKm2 } from './ops';
import { baseName, fail, featuresOf, parseFeatures } from './parse';

const ISW_SOURCE_ID = 'isw';
/** The layer the known export holds; used when a file has no features to name it. */
const ISW_DEFAULT_LAYER = 'kursk_russian_advances';

export interface IswContext {
  /** Stated date when neither the features nor the file name give one. */
  date?: IsoDate;
}

const isoDate = z.string().refine(isValidIsoDate, 'must be a real calendar date written YYYY-MM-DD');

const iswFeature = z.object({
  type: z.literal('Feature'),
  geometry: areaGeometrySchema.nullable(),
  properties: z.object({
    date: isoDate,
    // ISW's own figure; kept out of the model because ours is recomputed from the geometry.
    area_km2: z.number().nonnegative().optional(),
    layer_type: z.string().trim().min(1, 'must not be empty'),
  }),
});
type IswFeature = z.infer<typeof iswFeature>;

/** `2024-09-13.geojson`, `isw_2024-09-13.geojson` → `2024-09-13`. */
function dateInFileName(fileName: string): IsoDate | null {
  const found = /(\d{4}-\d{2}-\d{2})/.exec(baseName(fileName))?.[1];
  return found && isValidIsoDate(found) ? found : null;
}

/** ISW's properties: a feature carrying both is ISW's, whatever else it is. */
const iswSignature = z.object({ layer_type: z.string(), date: z.string() });

export const iswImporter: AreaImporter<IswContext> = {
  format: 'isw',
  signature: 'ISW {date, layer_type}',
  detect: (fileName, sample) =>
    sample.kind === 'feature' ? iswSignature.safeParse(sample.properties).success : dateInFileName(fileName) !== null,
  parse: importIswJson,
};

export const importIsw = (fileName: string, text: string, ctx: IswContext = {}): Result<AreaSnapshot> =>
  importText(iswImporter, fileName, text, ctx);

function importIswJson(fileName: string, json: unknown, ctx: IswContext = {}): Result<AreaSnapshot> {
  const items = featuresOf(fileName, json);
  if (!items.ok) return items;
  const parsed = parseFeatures(fileName, items.value, iswFeature);
  if (!parsed.ok) return parsed;
  const features = parsed.value;

  const nameDate = dateInFileName(fileName);
  const date = features[0]?.properties.date ?? nameDate ?? ctx.date;
  if (date === undefined || !isValidIsoDate(date))
    return fail([
      { file: fileName, field: 'fileName', message: 'no date in the features or the file name; give a date' },
    ]);
  const layer = features[0]?.properties.layer_type ?? ISW_DEFAULT_LAYER;
  const consistency = checkConsistency(fileName, features, nameDate);
  if (consistency.length) return fail(capErrors(fileName, consistency));

  const skipped = noneSkipped();
  const claims: AreaClaim[] = [];
  features.forEach((f, index) => {
    if (f.geometry === null) skipped.noGeometry++;
    else claims.push(claimOf(fileName, index, layer, date, f.geometry));
  });
  return {
    ok: true,
    value: { sourceId: ISW_SOURCE_ID, layer, statedDate: date, fileName, format: 'isw', claims, skipped },
  };
}

/** One file is one layer on one date: a feature that says otherwise means files were mixed up. */
function checkConsistency(fileName: string, features: IswFeature[], nameDate: IsoDate | null): DataError[] {
  const errors: DataError[] = [];
  const first = features[0]?.properties;
  features.forEach(({ properties: p }, index) => {
    if (first && p.date !== first.date)
      errors.push({
        file: fileName,
        index,
        field: 'properties.date',
        message: `"${p.date}" differs from "${first.date}" (feature 0)`,
      });
    else if (nameDate && p.date !== nameDate)
      errors.push({
        file: fileName,
        index,
        field: 'properties.date',
        message: `"${p.date}" differs from the date in the file name, "${nameDate}"`,
      });
    if (first && p.layer_type !== first.layer_type)
      errors.push({
        file: fileName,
        index,
        field: 'properties.layer_type',
        message: `"${p.layer_type}" differs from "${first.layer_type}" (feature 0)`,
      });
  });
  return errors;
}

function claimOf(fileName: string, index: number, layer: string, date: IsoDate, geometry: AreaGeometry): AreaClaim {
  return {
    id: `${ISW_SOURCE_ID}/${layer}/${date}/${index}`,
    sourceId: ISW_SOURCE_ID,
    layer,
    status: 'russian-advance',
    statedDate: date,
    geometry,
    fileName,
    areaKm2: areaKm2(geometry),
  };
}
