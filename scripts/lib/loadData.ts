import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../../src/claims/model.ts';
import { parseDataset, type Result } from '../../src/claims/schema.ts';

export const repoRoot = join(import.meta.dirname, '..', '..');

/** The data files, by their place in the repo (which is also how errors name them). */
export const DATA_FILES = {
  sources: 'data/sources.json',
  places: 'data/places.geojson',
  claims: 'data/claims.geojson',
} as const;

/**
 * The repo's data files, parsed and cross-checked exactly as the app's imports are. The app itself gets
 * them already checked, from this function at build time (./datasetPlugin.ts).
 */
export function loadRepoDataset(root: string = repoRoot): Result<Dataset> {
  const read = (file: string) => ({ file, text: readFileSync(join(root, file), 'utf8') });
  return parseDataset({
    sources: read(DATA_FILES.sources),
    places: read(DATA_FILES.places),
    claims: read(DATA_FILES.claims),
  });
}
