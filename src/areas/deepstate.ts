/**
 * Importer of DeepState map snapshots (the GeoJSON the DeepState archive stores, one file per
 * publication, named by its UTC Unix time). Only polygons with a control status are kept, and
 * only the part of them inside the clip region (Russia within the Kursk box): DeepState's map
 * covers all of Ukraine, but this product is about the fighting in Russia.
 */
import { isValidIsoDate } from '../claims/dates';
import type { IsoDate } from '../claims/model';
import type { DataError, Result } from '../claims/schema';
import { z } from '../claims/zod';
import type { ClipRegion } from './basemap';
import { areaGeometrySchema, isPolygonalType } from './geometry';
import {
  type AreaClaim,
  type AreaGeometry,
  type AreaSnapshot,
  type AreaStatus,
  noneSkipped,
  type SkippedCounts,
} from './model';
import { areaKm2, bboxesOverlap, bboxOf, intersectLocal } from './ops';
import { baseName, fail, featuresOf, issuesToErrors, parseJsonText } from './parse';

export const DEEPSTATE_SOURCE_ID = 'deepstate';
export const DEEPSTATE_LAYER = 'deepstate-kursk';

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
  type: z.literal('Feature', { error: 'must be "Feature"' }),
  geometry: z.unknown(),
  properties: z.unknown(),
});
const named = z.object({ name: z.string() });

export function importDeepState(fileName: string, text: string, ctx: DeepStateContext): Result<AreaSnapshot> {
  const json = parseJsonText(fileName, text);
  return json.ok ? importDeepStateJson(fileName, json.value, ctx) : json;
}

export function importDeepStateJson(fileName: string, json: unknown, ctx: DeepStateContext): Result<AreaSnapshot> {
  const when = snapshotWhen(fileName, ctx);
  if (!when.ok) return when;
  const features = featuresOf(fileName, json);
  if (!features.ok) return features;

  const { date, time } = when.value;
  const key = time ? String(Date.parse(time) / 1000) : date;
  const skipped = noneSkipped();
  const claims: AreaClaim[] = [];
  const errors: DataError[] = [];
  for (const [index, item] of features.value.entries()) {
    const read = readFeature(fileName, index, item, ctx.clip);
    if (read.kind === 'errors') errors.push(...read.errors);
    else if (read.kind === 'skip') skipped[read.reason]++;
    else
      claims.push({
        id: `${DEEPSTATE_SOURCE_ID}/${DEEPSTATE_LAYER}/${key}/${index}`,
        sourceId: DEEPSTATE_SOURCE_ID,
        layer: DEEPSTATE_LAYER,
        status: read.status,
        statedDate: date,
        snapshotTime: time,
        geometry: read.geometry,
        fileName,
        areaKm2: areaKm2(read.geometry),
      });
  }
  if (errors.length) return fail(errors);
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
  | { kind: 'errors'; errors: DataError[] }
  | { kind: 'skip'; reason: keyof SkippedCounts }
  | { kind: 'area'; status: AreaStatus; geometry: AreaGeometry };

/** One feature: skipped (with why), its part inside the clip region, or errors. */
function readFeature(fileName: string, index: number, item: unknown, clip: ClipRegion): FeatureRead {
  const shell = featureShell.safeParse(item);
  if (!shell.success) return { kind: 'errors', errors: issuesToErrors(fileName, index, shell.error.issues) };
  const { geometry, properties } = shell.data;
  if (geometry === null) return { kind: 'skip', reason: 'noGeometry' };
  if (!isPolygonalType(geometry)) return { kind: 'skip', reason: 'notArea' };
  const status = deepStateStatus(named.safeParse(properties).data?.name ?? '');
  if (!status) return { kind: 'skip', reason: 'otherLabel' };
  const parsed = areaGeometrySchema.safeParse(geometry);
  if (!parsed.success)
    return { kind: 'errors', errors: issuesToErrors(fileName, index, parsed.error.issues, 'geometry') };
  // Most of the file lies far from Russia: a bbox test spares the costly intersection.
  if (!bboxesOverlap(bboxOf(parsed.data), clip.bbox)) return { kind: 'skip', reason: 'outsideClip' };
  try {
    const inside = intersectLocal(parsed.data, clip.geometry, clip.bbox);
    if (!inside || areaKm2(inside) === 0) return { kind: 'skip', reason: 'outsideClip' };
    return { kind: 'area', status, geometry: inside };
  } catch (err) {
    // The clipping library throws on some degenerate rings; report it instead of crashing the import.
    const detail = err instanceof Error ? err.message : String(err);
    return {
      kind: 'errors',
      errors: [{ file: fileName, index, field: 'geometry', message: `cannot be clipped (${detail})` }],
    };
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
