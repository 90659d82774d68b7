import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../../src/claims/model';
import { type DataError, parseDataset, type Result } from '../../src/claims/schema';

export const repoRoot = join(import.meta.dirname, '..', '..');

/** The repo's data files, parsed and cross-checked exactly as the app does. */
export function loadRepoDataset(): Result<Dataset> {
  const read = (name: string) => ({ file: `data/${name}`, text: readFileSync(join(repoRoot, 'data', name), 'utf8') });
  return parseDataset({
    sources: read('sources.json'),
    places: read('places.geojson'),
    claims: read('claims.geojson'),
  });
}

export type { DataError };
