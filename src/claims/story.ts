/**
 * Guided stories: a sequence of steps, each setting the date, the sources, the selected place and the
 * map view, with a caption in our words and the claims it rests on. Checked at build time
 * (./storySchema.ts, scripts/lib/storiesPlugin.ts) like the claims.
 */
import type { IsoDate } from './model';

interface StoryStep {
  date: IsoDate;
  /** Source ids switched on, or every source. */
  sources: 'all' | readonly string[];
  place: string | null;
  view: { zoom: number; lat: number; lng: number };
  caption: string;
  /** Ids of the claims the caption rests on, each stated on or before the step's date. */
  claims: readonly string[];
}

export interface Story {
  id: string;
  title: string;
  summary: string;
  steps: readonly StoryStep[];
}
