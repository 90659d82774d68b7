/**
 * The shipped dataset, bundled as text and parsed with the same schema that
 * checks imports, so a bad edit to data/ fails loudly instead of drawing nonsense.
 */
import claimsText from '../../data/claims.geojson?raw';
import placesText from '../../data/places.geojson?raw';
import sourcesText from '../../data/sources.json?raw';
import type { Dataset } from '../claims/model';
import { parseDataset, type Result } from '../claims/schema';

export function loadBundledDataset(): Result<Dataset> {
  return parseDataset({
    sources: { file: 'data/sources.json', text: sourcesText },
    places: { file: 'data/places.geojson', text: placesText },
    claims: { file: 'data/claims.geojson', text: claimsText },
  });
}
