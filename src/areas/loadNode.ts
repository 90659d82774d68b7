/**
 * Node-only loader of the basemap layers for scripts and tests. The app does not import this
 * file (it fetches the same files and calls `basemap.ts`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MultiLineString } from 'geojson';
import { formatDataError, type Result } from '../claims/errors';
import { borderFromGeojson, type ClipRegion, clipRegionFromCountries } from './basemap';

function orThrow<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new Error(result.errors.map(formatDataError).join('\n'));
}

const basemapDir = (repoRoot: string) => join(repoRoot, 'public', 'basemap');

/** Russia within the Kursk detail box, from the committed basemap. Throws: these files are ours. */
export function loadRussiaClip(repoRoot: string): ClipRegion {
  const file = join(basemapDir(repoRoot), 'countries-detail.geojson');
  return orThrow(clipRegionFromCountries(file, readFileSync(file, 'utf8')));
}

export function loadBorder(repoRoot: string): MultiLineString {
  const file = join(basemapDir(repoRoot), 'border-detail.geojson');
  return orThrow(borderFromGeojson(file, readFileSync(file, 'utf8')));
}
