import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from '../../src/claims/errors.ts';
import type { Dataset } from '../../src/claims/model.ts';
import type { Story } from '../../src/claims/story.ts';
import { parseStories } from '../../src/claims/storySchema.ts';
import { repoRoot } from './loadData.ts';

export const STORIES_DIR = 'data/stories';

/** The story files in data/stories/, in file-name order (the first is the one a first visit offers), checked against the dataset. */
export function loadRepoStories(dataset: Dataset, root: string = repoRoot): Result<Story[]> {
  const files = readdirSync(join(root, STORIES_DIR))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ file: `${STORIES_DIR}/${f}`, text: readFileSync(join(root, STORIES_DIR, f), 'utf8') }));
  return parseStories(files, dataset);
}
