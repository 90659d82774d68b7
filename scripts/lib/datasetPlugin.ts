/**
 * The shipped dataset, checked when the app is built instead of in every visitor's browser.
 *
 * `import dataset from 'virtual:bundled-dataset'` (src/data/bundled.ts) gets the data files parsed
 * and cross-checked by the app's own schema (src/claims/schema.ts, through `loadRepoDataset`, the same
 * call `npm run data:check` makes), emitted as JSON: the browser neither loads zod nor runs a check at
 * start-up. A data file that fails a check fails `vite build`, with every error naming file, feature and
 * field. The dev server keeps serving and the page lists the errors (src/ui/DataErrors.tsx); editing a
 * data file reloads the page.
 */
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { checkedModule } from './checkedModule.ts';
import { DATA_FILES, loadRepoDataset, repoRoot } from './loadData.ts';

export const BUNDLED_DATASET_ID = 'virtual:bundled-dataset';

export interface BundledDatasetOptions {
  /** The folder holding `data/`: the repo, unless a test says otherwise. */
  root?: string;
}

export function bundledDataset({ root = repoRoot }: BundledDatasetOptions = {}): Plugin {
  return checkedModule({
    id: BUNDLED_DATASET_ID,
    name: 'frontline:bundled-dataset',
    what: 'the data files',
    watch: () => Object.values(DATA_FILES).map((file) => join(root, file)),
    load: () => loadRepoDataset(root),
  });
}
