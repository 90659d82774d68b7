/**
 * The shipped stories (data/stories/*.json), checked at build time against the shipped dataset, as
 * ./datasetPlugin.ts does for the data: `import stories from 'virtual:bundled-stories'`. A story that
 * names a claim, place or source that does not exist, or a claim stated after its step, fails the build.
 */
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { formatDataError, type Result } from '../../src/claims/errors.ts';
import type { Story } from '../../src/claims/story.ts';
import { loadRepoDataset, repoRoot } from './loadData.ts';
import { loadRepoStories, STORIES_DIR } from './loadStories.ts';

const BUNDLED_STORIES_ID = 'virtual:bundled-stories';
const RESOLVED_ID = `\0${BUNDLED_STORIES_ID}`;

export function bundledStories({ root = repoRoot }: { root?: string } = {}): Plugin {
  let command: 'build' | 'serve' = 'build';
  return {
    name: 'frontline:bundled-stories',
    configResolved(config) {
      command = config.command;
    },
    resolveId(id) {
      return id === BUNDLED_STORIES_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      this.addWatchFile(join(root, STORIES_DIR));
      const dataset = loadRepoDataset(root);
      // The dataset's own errors are reported by the dataset's module; without it, no story can be checked.
      const result: Result<Story[]> = dataset.ok ? loadRepoStories(dataset.value, root) : { ok: true, value: [] };
      if (!result.ok) {
        const message = [
          'the stories do not pass their checks:',
          ...result.errors.map((e) => `  ${formatDataError(e)}`),
        ].join('\n');
        if (command === 'build') this.error(message);
        this.warn(message);
      }
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(result.ok ? result.value : []))});\n`;
    },
  };
}
