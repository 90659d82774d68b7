/**
 * The two basemap layers the area code needs, parsed from the app's own files
 * (`public/basemap/countries-detail.geojson`, `border-detail.geojson`). Pure: callers read
 * the text (Node: `loadNode.ts`; the app: fetch) and pass it in.
 */
import { bboxClip } from '@turf/turf';
import type { BBox, MultiLineString, Position } from 'geojson';
import type { Result } from '../claims/schema';
import { z } from '../claims/zod';
import { areaGeometrySchema } from './geometry';
import type { AreaGeometry } from './model';
import { bboxOf } from './ops';
import { featuresOf, issuesToErrors, parseJsonText } from './parse';

/** The detail box of the basemap: it holds the Kursk salient and the Tyotkino pocket. */
const KURSK_BOX: BBox = [34, 50.3, 37, 52];

/** A region that imported areas are cut to, with its bbox precomputed for cheap prefiltering. */
export interface ClipRegion {
  geometry: AreaGeometry;
  bbox: BBox;
}

function makeClipRegion(geometry: AreaGeometry): ClipRegion {
  return { geometry, bbox: bboxOf(geometry) };
}

const countryFeature = z.object({
  properties: z.object({ iso: z.string() }).nullable(),
  geometry: z.unknown(),
});

/** The polygon of one country (`properties.iso`) cut to `box`. */
export function clipRegionFromCountries(
  fileName: string,
  text: string,
  iso = 'RU',
  box: BBox = KURSK_BOX,
): Result<ClipRegion> {
  const json = parseJsonText(fileName, text);
  if (!json.ok) return json;
  const features = featuresOf(fileName, json.value);
  if (!features.ok) return features;
  for (const [index, item] of features.value.entries()) {
    const country = countryFeature.safeParse(item);
    if (country.data?.properties?.iso !== iso) continue;
    const geometry = areaGeometrySchema.safeParse(country.data.geometry);
    if (!geometry.success)
      return { ok: false, errors: issuesToErrors(fileName, index, geometry.error.issues, 'geometry') };
    const clipped = bboxClip(geometry.data, box).geometry;
    if ((clipped.type !== 'Polygon' && clipped.type !== 'MultiPolygon') || clipped.coordinates.length === 0)
      return {
        ok: false,
        errors: [
          { file: fileName, index, field: 'geometry', message: `"${iso}" does not reach the box ${box.join(', ')}` },
        ],
      };
    return { ok: true, value: makeClipRegion(clipped) };
  }
  return { ok: false, errors: [{ file: fileName, message: `no feature with properties.iso "${iso}"` }] };
}

const lineFeature = z.object({
  geometry: z.discriminatedUnion('type', [
    z.object({ type: z.literal('LineString'), coordinates: z.array(z.tuple([z.number(), z.number()], z.number())) }),
    z.object({
      type: z.literal('MultiLineString'),
      coordinates: z.array(z.array(z.tuple([z.number(), z.number()], z.number()))),
    }),
  ]),
});

/** All line features of the border file merged into one MultiLineString. */
export function borderFromGeojson(fileName: string, text: string): Result<MultiLineString> {
  const json = parseJsonText(fileName, text);
  if (!json.ok) return json;
  const features = featuresOf(fileName, json.value);
  if (!features.ok) return features;
  const lines: Position[][] = [];
  for (const [index, item] of features.value.entries()) {
    const parsed = lineFeature.safeParse(item);
    if (!parsed.success) return { ok: false, errors: issuesToErrors(fileName, index, parsed.error.issues) };
    const g = parsed.data.geometry;
    const parts = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
    for (const part of parts) lines.push(part.map(([lon, lat]) => [lon, lat]));
  }
  if (lines.length === 0) return { ok: false, errors: [{ file: fileName, message: 'the file has no border lines' }] };
  return { ok: true, value: { type: 'MultiLineString', coordinates: lines } };
}
