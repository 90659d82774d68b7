/**
 * Where the real-archive benchmark reads DeepState's clipped snapshots (never copied into the repo;
 * MANIFEST.md §4): the shared folder's `data/deepstate_kursk_clipped`, found as data:check finds it
 * (`$SHARED_DIR`, else `../shared` beside the checkout; scripts/lib/sharedDir.ts).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDataPath } from '../lib/sharedDir';

export const ARCHIVE_DIR = join(sharedDataPath(join(import.meta.dirname, '..', '..')), 'deepstate_kursk_clipped');

/** The snapshot files (`<unix time>.geojson`), in time order; empty when the folder is absent. */
export function archiveFiles(): string[] {
  if (!existsSync(ARCHIVE_DIR)) return [];
  return readdirSync(ARCHIVE_DIR)
    .filter((f) => /^\d+\.geojson$/.test(f))
    .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10));
}
