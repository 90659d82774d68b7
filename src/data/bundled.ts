/**
 * The shipped dataset. The data files are parsed and checked with the same schema that checks imports
 * when the app is built (scripts/lib/datasetPlugin.ts), so a bad edit to data/ fails the build instead of
 * drawing nonsense, and the browser gets them already checked, without loading zod.
 */
import bundled from 'virtual:bundled-dataset';
import type { Result } from '../claims/errors';
import type { Dataset } from '../claims/model';

/** Always ok in a build; in the dev server, the errors of a data file being edited (shown by DataErrors). */
export function loadBundledDataset(): Result<Dataset> {
  return bundled;
}
