/**
 * The shipped dataset, checked when the app is built instead of in every visitor's browser.
 *
 * `import dataset from 'virtual:bundled-dataset'` (src/data/bundled.ts) gets the three data files parsed
 * and cross-checked by the app's own schema (src/claims/schema.ts, through `loadRepoDataset`, the same
 * call `npm run data:check` makes), emitted as JSON: the browser neither loads zod nor runs a check at
 * start-up. A data file that fails a check fails `vite build`, with every error naming file, feature and
 * field. The dev server keeps serving and the page lists the errors (src/ui/DataErrors.tsx); editing a
 * data file reloads the page.
 */
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { type DataError, formatDataError, type Result } from '../../src/claims/errors.ts';
import type { Dataset } from '../../src/claims/model.ts';
import { DATA_FILES, loadRepoDataset, repoRoot } from './loadData.ts';

export const BUNDLED_DATASET_ID = 'virtual:bundled-dataset';
const RESOLVED_ID = `\0${BUNDLED_DATASET_ID}`;

function datasetErrorMessage(errors: readonly DataError[]): string {
  return [
    `the data files do not pass their checks (${errors.length} error${errors.length === 1 ? '' : 's'}; npm run data:check lists the same):`,
    ...errors.map((e) => `  ${formatDataError(e)}`),
  ].join('\n');
}

/** The module's code: the result as JSON text, which engines parse faster than the same object literal. */
function datasetModule(result: Result<Dataset>): string {
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(result))});\n`;
}

export interface BundledDatasetOptions {
  /** The folder holding `data/`: the repo, unless a test says otherwise. */
  root?: string;
}

export function bundledDataset({ root = repoRoot }: BundledDatasetOptions = {}): Plugin {
  let command: 'build' | 'serve' = 'build';
  return {
    name: 'frontline:bundled-dataset',
    configResolved(config) {
      command = config.command;
    },
    resolveId(id) {
      return id === BUNDLED_DATASET_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      // A change to a data file invalidates this module (the dev server reloads the page; `vite build --watch` rebuilds).
      for (const file of Object.values(DATA_FILES)) this.addWatchFile(join(root, file));
      const result = loadRepoDataset(root);
      if (!result.ok) {
        if (command === 'build') this.error(datasetErrorMessage(result.errors));
        this.warn(datasetErrorMessage(result.errors));
      }
      return datasetModule(result);
    },
  };
}
