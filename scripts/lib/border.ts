/**
 * Distances from a point to the Russia–Ukraine border, as used for every place's basis
 * (data/README.md §2): Turf `pointToLineDistance` against the OSM border lines in
 * `public/basemap/border-detail.geojson`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pointToLineDistance } from '@turf/turf';
import type { MultiLineString } from 'geojson';
import { borderFromGeojson } from '../../src/areas/basemap.ts';
import { repoRoot } from './loadData.ts';

const BORDER_FILE = 'public/basemap/border-detail.geojson';

let cached: MultiLineString | undefined;

function loadBorder(root: string = repoRoot): MultiLineString {
  if (cached) return cached;
  const result = borderFromGeojson(BORDER_FILE, readFileSync(join(root, BORDER_FILE), 'utf8'));
  if (!result.ok) throw new Error(`cannot read ${BORDER_FILE}`);
  cached = result.value;
  return cached;
}

/** Kilometres from [lon, lat] to the nearest border line. */
export function borderDistanceKm(point: [number, number], border: MultiLineString = loadBorder()): number {
  return Math.min(
    ...border.coordinates.map((line) =>
      pointToLineDistance(point, { type: 'LineString', coordinates: line }, { units: 'kilometers' }),
    ),
  );
}
