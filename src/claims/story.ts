/**
 * Guided stories: a sequence of steps, each setting the date, the sources, the selected place and the
 * map view, with a caption in our words and the claims it rests on. Checked at build time
 * (./storySchema.ts, scripts/lib/storiesPlugin.ts) like the claims.
 */
import type { IsoDate } from './model';
import type { StoryCheck } from './storyChecks';

interface StoryStep {
  date: IsoDate;
  /** Source ids switched on, or every source. */
  sources: 'all' | readonly string[];
  place: string | null;
  view: { zoom: number; lat: number; lng: number };
  caption: string;
  /** Ids of the claims the caption rests on, each stated on or before the step's date. */
  claims: readonly string[];
  /** What the caption states about the record, checked against it at build time (./storyChecks.ts). */
  checks?: readonly StoryCheck[];
}

export interface Story {
  id: string;
  title: string;
  summary: string;
  steps: readonly StoryStep[];
}
