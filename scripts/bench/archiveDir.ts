/**
 * Where the real-archive benchmark reads DeepState's clipped snapshots (never copied into the repo;
 * MANIFEST.md §4) and ISW's Kursk layer (§1, for the agreement chart's fill): the shared folder's
 * `data/deepstate_kursk_clipped` and `data/isw_kursk_russian_advances`, found as data:check finds it
 * (`$SHARED_DIR`, else `../shared` beside the checkout; scripts/lib/sharedDir.ts).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDataPath } from '../lib/sharedDir';

const DATA_DIR = sharedDataPath(join(import.meta.dirname, '..', '..'));
export const ARCHIVE_DIR = join(DATA_DIR, 'deepstate_kursk_clipped');
export const ISW_DIR = join(DATA_DIR, 'isw_kursk_russian_advances');

/** The snapshot files (`<unix time>.geojson`), in time order; empty when the folder is absent. */
export function archiveFiles(): string[] {
  if (!existsSync(ARCHIVE_DIR)) return [];
  return readdirSync(ARCHIVE_DIR)
    .filter((f) => /^\d+\.geojson$/.test(f))
    .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10));
}

/** ISW's layer files (`<date>.geojson`), in date order; empty when the folder is absent. */
export function iswFiles(): string[] {
  if (!existsSync(ISW_DIR)) return [];
  return readdirSync(ISW_DIR)
    .filter((f) => /^\d{4}-\d{2}-\d{2}\.geojson$/.test(f))
    .sort();
}
