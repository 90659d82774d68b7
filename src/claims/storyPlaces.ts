import type { Story } from './story';

/**
 * The places a story's step is about, to keep in view: the step's place and the places of the claims it
 * rests on; a step with neither (an opening step that sets the scene) is about every place the story names.
 */
export function stepPlaces(
  story: Story,
  step: number,
  placesOfClaim: (claimId: string) => readonly string[],
): readonly string[] {
  const of = (s: Story['steps'][number]) => [...(s.place ? [s.place] : []), ...s.claims.flatMap(placesOfClaim)];
  const at = story.steps[step - 1];
  if (!at) return [];
  const own = of(at);
  return [...new Set(own.length > 0 ? own : story.steps.flatMap(of))];
}
