import { type KeyboardEvent, useEffect, useRef } from 'react';
import { formatLongDate, useT } from './i18n';
import { rememberStoryOfferDeclined } from './storyOffer';
import { useApp } from './useApp';

/** Shows a claim in its place's panel: open the place, then bring the claim into view once it is drawn. */
function showClaim(id: string, placeId: string | null, open: (placeId: string | null) => void) {
  open(placeId);
  let tries = 0;
  const find = () => {
    const element = document.getElementById(`claim-${id}`);
    if (element) {
      element.scrollIntoView({ block: 'center' });
      element.classList.add('highlighted');
      setTimeout(() => element.classList.remove('highlighted'), 2000);
    } else if (tries++ < 20) requestAnimationFrame(find);
  };
  requestAnimationFrame(find);
}

/**
 * A guided story over the map: the step's caption in our words, the claims it rests on (each opens the
 * claim in its place's panel), previous/next by button or arrow keys, and a way back to free use. On a
 * first visit with a bare link, it offers the seed story instead.
 */
export function StoryCard() {
  const stories = useApp((s) => s.ctx.stories);
  const storyId = useApp((s) => s.story);
  const step = useApp((s) => s.step);
  const goToStep = useApp((s) => s.goToStep);
  const update = useApp((s) => s.update);
  const claims = useApp((s) => s.dataset.claims);
  const sources = useApp((s) => s.dataset.sources);
  const offer = useApp((s) => s.storyOffered);
  const declineStory = useApp((s) => s.declineStory);
  const card = useRef<HTMLElement>(null);
  const t = useT();
  const story = stories.find((s) => s.id === storyId);
  // Focus follows the story into its card, so the arrow keys step through it at once.
  useEffect(() => {
    if (storyId) card.current?.focus();
  }, [storyId]);

  if (!story) {
    const seed = stories[0];
    if (!offer || !seed) return null;
    const dismiss = () => {
      declineStory();
      rememberStoryOfferDeclined();
    };
    return (
      <aside className="story-card story-offer" aria-label={t('story.offerLabel')} data-map-overlay>
        <p>
          <strong>{t('story.newHere')}</strong> {t('story.follow')} <em>{seed.title}</em>
          {t('story.followRest')}
        </p>
        <div className="panel-actions">
          <button
            type="button"
            onClick={() => {
              declineStory();
              goToStep(seed.id, 1);
            }}
          >
            {t('story.start')}
          </button>
          <button type="button" onClick={dismiss}>
            {t('story.noThanks')}
          </button>
        </div>
      </aside>
    );
  }

  const at = story.steps[step - 1];
  if (!at) return null;
  const last = story.steps.length;
  const go = (to: number) => {
    if (to >= 1 && to <= last) goToStep(story.id, to);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target instanceof HTMLInputElement) return;
    if (e.key === 'ArrowRight' || e.key === 'PageDown') {
      e.preventDefault();
      go(step + 1);
    } else if (e.key === 'ArrowLeft' || e.key === 'PageUp') {
      e.preventDefault();
      go(step - 1);
    } else if (e.key === 'Escape') goToStep(null);
  };
  const claimById = new Map(claims.map((c) => [c.id, c]));
  const sourceName = new Map(sources.map((s) => [s.id, s.shortName]));
  return (
    <section
      ref={card}
      className="story-card"
      aria-labelledby="story-title"
      tabIndex={-1}
      onKeyDown={onKeyDown}
      data-story={story.id}
      data-step={step}
      data-map-overlay
    >
      <header>
        <h2 id="story-title">{story.title}</h2>
        <button type="button" className="close" onClick={() => goToStep(null)} aria-label={t('story.close')}>
          ×
        </button>
      </header>
      <p className="story-progress">
        {t('story.step', { step, last })} · {formatLongDate(at.date)}
      </p>
      {/* The caption and its claims scroll inside the card when it is short of room; the buttons stay. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so a keyboard can scroll it (axe: scrollable-region-focusable) */}
      <div className="story-body" tabIndex={0}>
        <p className="story-caption" aria-live="polite">
          {at.caption}
        </p>
        {at.claims.length > 0 && (
          <ul className="story-claims" aria-label={t('story.claims')}>
            {at.claims.map((id) => {
              const claim = claimById.get(id);
              if (!claim) return null;
              return (
                <li key={id}>
                  <a
                    href={`#claim-${id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      showClaim(id, claim.placeIds[0] ?? null, (selectedPlace) => update({ selectedPlace }));
                    }}
                    data-claim-id={id}
                  >
                    {sourceName.get(claim.sourceId) ?? claim.sourceId}, {claim.statedDate}
                  </a>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      <div className="panel-actions">
        <button type="button" onClick={() => go(step - 1)} disabled={step <= 1}>
          {t('story.previous')}
        </button>
        <button type="button" onClick={() => go(step + 1)} disabled={step >= last}>
          {t('story.next')}
        </button>
        <button type="button" onClick={() => goToStep(null)}>
          {t('story.leave')}
        </button>
      </div>
    </section>
  );
}
