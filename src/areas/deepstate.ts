/**
 * Importer of DeepState map snapshots (the GeoJSON the DeepState archive stores, one file per
 * publication, named by its UTC Unix time). Only polygons with a control status are kept, and
 * only the part of them inside the clip region (Russia within the Kursk box): DeepState's map
 * covers all of Ukraine, but this product is about the fighting in Russia.
 */
import { isValidIsoDate } from '../claims/dates';
import type { Result } from '../claims/errors';
import type { IsoDate } from '../claims/model';
import { z } from '../claims/zod';
import type { ClipRegion } from './basemap';
import { areaGeometrySchema, isPolygonalType } from './geometry';
import { type AreaImporter, importText } from './importer';
import {
  type AreaClaim,
  type AreaGeometry,
  type AreaSnapshot,
  type AreaStatus,
  noneSkipped,
  type SkippedCounts,
} from './model';
import { areaKm2, bboxesOverlap, bboxOf, intersectLocal } from './ops';
import { baseName, fail, featuresOf, parseFeatures, safeParseItem } from './parse';

const DEEPSTATE_SOURCE_ID = 'deepstate';
const DEEPSTATE_LAYER = 'deepstate-kursk';

export interface DeepStateContext {
  /** Where to keep areas; everything outside is dropped. */
  clip: ClipRegion;
  /** Stated date for a file whose name is not a Unix time. */
  date?: IsoDate;
}

/**
 * DeepState labels read `Ukrainian /// English /// key`, with stray spaces and newlines. The key
 * (`geoJSON.status.dismissed`, `…dismissed_at {{at:25.03}}`, `…unknown`, `…occupied`) is the
 * stable part; the words are the fallback for labels without one. Territory layers such as
 * "Occupied Crimea" or DeepState's political labels on other countries are not front-line
 * statuses and return null.
 */
export function deepStateStatus(name: string): AreaStatus | null {
  const label = name.replace(/\s+/g, ' ');
  const key = /geoJSON\.status\.([a-z_]+)/.exec(label)?.[1];
  if (key !== undefined) {
    if (key.startsWith('dismissed')) return 'ukrainian';
    if (key === 'unknown') return 'contested';
    if (key === 'occupied') return 'russian';
    return null;
  }
  const [uk = '', en = ''] = label.split('///').map((part) => part.trim());
  if (uk.startsWith('Звільнено') || en.startsWith('Liberated')) return 'ukrainian';
  if (uk.startsWith('Статус невідомий') || en.startsWith('Unknown status')) return 'contested';
  if (uk === 'Окуповано' || en === 'Occupied') return 'russian';
  return null;
}

/** `1738790518.geojson` → its UTC date and time; null when the name is not a Unix time. */
export function unixFileTime(fileName: string): { date: IsoDate; time: string } | null {
  const m = /^(\d{9,11})\.(?:geo)?json$/i.exec(baseName(fileName));
  if (!m) return null;
  const iso = new Date(Number(m[1]) * 1000).toISOString().replace('.000Z', 'Z');
  return { date: iso.slice(0, 10), time: iso };
}

const featureShell = z.object({
  type: z.literal('Feature'),
  geometry: z.unknown(),
  properties: z.unknown(),
});
const named = z.object({ name: z.string() });
/** DeepState's labels: `Ukrainian /// English /// key`. */
const deepStateSignature = z.object({ name: z.string().includes('///') });

export const deepStateImporter: AreaImporter<DeepStateContext> = {
  format: 'deepstate',
  signature: 'DeepState labels ("… /// …")',
  detect: (fileName, sample) =>
    sample.kind === 'feature'
      ? deepStateSignature.safeParse(sample.properties).success
      : unixFileTime(fileName) !== null,
  parse: importDeepStateJson,
};

export const importDeepState = (fileName: string, text: string, ctx: DeepStateContext): Result<AreaSnapshot> =>
  importText(deepStateImporter, fileName, text, ctx);

function importDeepStateJson(fileName: string, json: unknown, ctx: DeepStateContext): Result<AreaSnapshot> {
  const when = snapshotWhen(fileName, ctx);
  if (!when.ok) return when;
  const features = featuresOf(fileName, json);
  if (!features.ok) return features;
  const read = parseFeatures(fileName, features.value, (item, index) => readFeature(fileName, index, item, ctx.clip));
  if (!read.ok) return read;

  const { date, time } = when.value;
  const key = time ? String(Date.parse(time) / 1000) : date;
  const skipped = noneSkipped();
  const claims: AreaClaim[] = [];
  read.value.forEach((feature, index) => {
    if (feature.kind === 'skip') skipped[feature.reason]++;
    else
      claims.push({
        id: `${DEEPSTATE_SOURCE_ID}/${DEEPSTATE_LAYER}/${key}/${index}`,
        sourceId: DEEPSTATE_SOURCE_ID,
        layer: DEEPSTATE_LAYER,
        status: feature.status,
        statedDate: date,
        snapshotTime: time,
        geometry: feature.geometry,
        fileName,
        areaKm2: areaKm2(feature.geometry),
      });
  });
  return {
    ok: true,
    value: {
      sourceId: DEEPSTATE_SOURCE_ID,
      layer: DEEPSTATE_LAYER,
      statedDate: date,
      snapshotTime: time,
      fileName,
      format: 'deepstate',
      claims,
      skipped,
    },
  };
}

type FeatureRead =
  | { kind: 'skip'; reason: keyof SkippedCounts }
  | { kind: 'area'; status: AreaStatus; geometry: AreaGeometry };

/** One feature: skipped (with why), its part inside the clip region, or errors. */
function readFeature(fileName: string, index: number, item: unknown, clip: ClipRegion): Result<FeatureRead> {
  const shell = safeParseItem(fileName, index, item, featureShell);
  if (!shell.ok) return shell;
  const { geometry, properties } = shell.value;
  const skip = (reason: keyof SkippedCounts): Result<FeatureRead> => ({ ok: true, value: { kind: 'skip', reason } });
  if (geometry === null) return skip('noGeometry');
  if (!isPolygonalType(geometry)) return skip('notArea');
  const status = deepStateStatus(named.safeParse(properties).data?.name ?? '');
  if (!status) return skip('otherLabel');
  const parsed = safeParseItem(fileName, index, geometry, areaGeometrySchema, 'geometry');
  if (!parsed.ok) return parsed;
  // Most of the file lies far from Russia: a bbox test spares the costly intersection.
  if (!bboxesOverlap(bboxOf(parsed.value), clip.bbox)) return skip('outsideClip');
  try {
    const inside = intersectLocal(parsed.value, clip.geometry, clip.bbox);
    if (!inside || areaKm2(inside) === 0) return skip('outsideClip');
    return { ok: true, value: { kind: 'area', status, geometry: inside } };
  } catch (err) {
    // The clipping library throws on some degenerate rings; report it instead of crashing the import.
    const detail = err instanceof Error ? err.message : String(err);
    return fail([{ file: fileName, index, field: 'geometry', message: `cannot be clipped (${detail})` }]);
  }
}

/** The file name is the publication time and wins; `ctx.date` only stands in when the name carries none. */
function snapshotWhen(fileName: string, ctx: DeepStateContext): Result<{ date: IsoDate; time?: string }> {
  const fromName = unixFileTime(fileName);
  if (fromName) return { ok: true, value: fromName };
  if (ctx.date !== undefined && isValidIsoDate(ctx.date)) return { ok: true, value: { date: ctx.date } };
  return fail([
    {
      file: fileName,
      field: 'fileName',
      message:
        ctx.date === undefined
          ? 'the name is not a Unix time (e.g. 1738790518.geojson), so the snapshot date is unknown; give a date'
          : `the given date "${ctx.date}" is not a real calendar date written YYYY-MM-DD`,
    },
  ]);
}
