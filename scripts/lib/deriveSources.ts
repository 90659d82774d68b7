/**
 * Reading the archived maps the derived claims come from (shared/data/MANIFEST.md §1 and §4), each
 * through the app's own importer of its format (src/areas/deepstate.ts, src/areas/isw.ts), and the
 * places they are tested at.
 *
 * The format importers are called directly, not the drop-a-file entry (src/areas/detect.ts
 * `importAreaFile`), which would only add the checks of a dropped file (size, text) to files we know.
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bbox } from '@turf/turf';
import type { BBox } from 'geojson';
import { type ClipRegion, clipRegionFromCountries } from '../../src/areas/basemap';
import { importDeepState } from '../../src/areas/deepstate';
import { importIsw } from '../../src/areas/isw';
import type { AreaSnapshot } from '../../src/areas/model';
import { placeFootprint } from '../../src/areas/placeShare';
import type { Result } from '../../src/claims/errors';
import { formatDataError } from '../../src/claims/errors';
import type { Place } from '../../src/claims/model';
import { parsePlaces } from '../../src/claims/schema';
import { precisionRadiusM } from '../../src/map/precisionStyle';
import type { MapSeries } from './deriveClaims';
import { DATA_FILES, repoRoot } from './loadData';
import { sharedDataPath } from './sharedDir';

const DEEPSTATE_DIR = 'deepstate_kursk_clipped';
const ISW_DIR = 'isw_kursk_russian_advances';

/** `shared/data`: `$SHARED_DIR/data`, else `../shared/data` next to the repo (as scripts/areas.ts); null when absent. */
export function sharedDataDir(root: string = repoRoot): string | null {
  const dir = sharedDataPath(root);
  return existsSync(join(dir, DEEPSTATE_DIR)) && existsSync(join(dir, ISW_DIR)) ? dir : null;
}

export function loadPlaces(root: string = repoRoot): Place[] {
  const result = parsePlaces(DATA_FILES.places, readFileSync(join(root, DATA_FILES.places), 'utf8'));
  if (!result.ok) throw new Error(result.errors.map(formatDataError).join('\n'));
  return result.value;
}

/** Margin around the places' footprints, degrees: the clip box only has to hold every circle. */
const MARGIN_DEG = 0.05;

/**
 * Russia (the basemap's polygon, as the app clips DeepState maps) cut to a box around the places. The
 * importer keeps only what lies inside, so a box just holding the places' circles gives the same
 * shares as the whole Kursk box at a fraction of the clipping work.
 */
export function placesClip(places: readonly Place[], root: string = repoRoot): ClipRegion {
  const boxes = places.map((p) => {
    const f = placeFootprint(p.coordinates, precisionRadiusM(p.precision));
    return f.kind === 'circle'
      ? bbox(f.geometry)
      : [p.coordinates[0], p.coordinates[1], p.coordinates[0], p.coordinates[1]];
  });
  const box: BBox = [
    Math.min(...boxes.map((b) => b[0])) - MARGIN_DEG,
    Math.min(...boxes.map((b) => b[1])) - MARGIN_DEG,
    Math.max(...boxes.map((b) => b[2])) + MARGIN_DEG,
    Math.max(...boxes.map((b) => b[3])) + MARGIN_DEG,
  ];
  const file = join('public', 'basemap', 'countries-detail.geojson');
  const result = clipRegionFromCountries(file, readFileSync(join(root, file), 'utf8'), 'RU', box);
  if (!result.ok) throw new Error(result.errors.map(formatDataError).join('\n'));
  return result.value;
}

/** Every `.geojson` in `dir` imported with `importer`, in time order; throws on a file it refuses. */
function importDir(dir: string, importer: (file: string, text: string) => Result<AreaSnapshot>): AreaSnapshot[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.geojson'));
  const snapshots = files.map((file) => {
    const result = importer(file, readFileSync(join(dir, file), 'utf8'));
    if (!result.ok) throw new Error(result.errors.map(formatDataError).join('\n'));
    return result.value;
  });
  const key = (s: AreaSnapshot) => s.snapshotTime ?? s.statedDate;
  return snapshots.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export function loadMapSeries(dataDir: string, clip: ClipRegion): MapSeries {
  return {
    deepstate: importDir(join(dataDir, DEEPSTATE_DIR), (file, text) => importDeepState(file, text, { clip })),
    isw: importDir(join(dataDir, ISW_DIR), (file, text) => importIsw(file, text)),
  };
}
