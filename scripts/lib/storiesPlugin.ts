/**
 * The shipped stories (data/stories/*.json), checked at build time against the shipped dataset, as
 * ./datasetPlugin.ts does for the data: `import stories from 'virtual:bundled-stories'`. A story that
 * names a claim, place or source that does not exist, or a claim stated after its step, fails the build.
 */
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { checkedModule } from './checkedModule.ts';
import { loadRepoDataset, repoRoot } from './loadData.ts';
import { loadRepoStories, STORIES_DIR } from './loadStories.ts';

export function bundledStories({ root = repoRoot }: { root?: string } = {}): Plugin {
  return checkedModule({
    id: 'virtual:bundled-stories',
    name: 'frontline:bundled-stories',
    what: 'the stories',
    watch: () => [join(root, STORIES_DIR)],
    load: () => {
      const dataset = loadRepoDataset(root);
      // The dataset's own errors are reported by its module; without it, no story can be checked.
      return dataset.ok ? loadRepoStories(dataset.value, root) : { ok: true, value: [] };
    },
    // The app gets the stories themselves (none while they fail: the build has already stopped).
    emit: (result) => (result.ok ? result.value : []),
  });
}
