/**
 * Validation of polygonal GeoJSON geometry, shared by the importers. Positions may carry an
 * altitude (ISW writes z=0); it is dropped because every area computation here is 2-D.
 */
import { kinks } from '@turf/turf';
import type { Position } from 'geojson';
import { z } from '../claims/zod';
import type { AreaGeometry } from './model';

const longitude = z.number({ error: 'longitude must be a finite number' }).min(-180).max(180);
const latitude = z.number({ error: 'latitude must be a finite number' }).min(-90).max(90);

const position = z.tuple([longitude, latitude], z.number()).transform(([lon, lat]): Position => [lon, lat]);

const ring = z
  .array(position, { error: 'a ring must be a list of positions' })
  .min(4, 'a ring needs at least 4 positions')
  .refine((r) => {
    const first = r[0];
    const last = r[r.length - 1];
    return first[0] === last[0] && first[1] === last[1];
  }, 'the ring is not closed (its first and last positions differ)');

const polygonCoordinates = z.array(ring).min(1, 'a polygon needs an outer ring');

const polygonSchema = z.object({ type: z.literal('Polygon'), coordinates: polygonCoordinates });
const multiPolygonSchema = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(polygonCoordinates).min(1, 'a MultiPolygon needs at least one polygon'),
});

/** Output is a bare Polygon or MultiPolygon: foreign members (bbox, crs) are stripped. */
export const areaGeometrySchema: z.ZodType<AreaGeometry, unknown> = z.discriminatedUnion(
  'type',
  [polygonSchema, multiPolygonSchema],
  { error: 'must be a Polygon or MultiPolygon geometry' },
);

/** True when the value claims to be polygonal, so a bad polygon is reported rather than skipped. */
export function isPolygonalType(geometry: unknown): boolean {
  const parsed = z.object({ type: z.enum(['Polygon', 'MultiPolygon']) }).safeParse(geometry);
  return parsed.success;
}

export interface Kink {
  /** Path below `geometry`, e.g. `coordinates.1` for the second polygon of a MultiPolygon. */
  field: string;
  at: Position;
}

/**
 * The first place where a polygon's rings cross themselves or each other. Such a polygon has
 * no well-defined area, and the clipping library may silently drop part of it.
 */
export function firstKink(geometry: AreaGeometry): Kink | null {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (let i = 0; i < polygons.length; i++) {
    const found = kinks({ type: 'Polygon', coordinates: polygons[i] }).features[0];
    if (found)
      return {
        field: geometry.type === 'Polygon' ? 'coordinates' : `coordinates.${i}`,
        at: found.geometry.coordinates,
      };
  }
  return null;
}
