import { useEffect, useState } from 'react';
import { formatLongDate, placeName, useT } from './i18n';
import { useApp, useViews } from './useApp';

/** How long the date must stay put before it is announced: a drag or playback says nothing until it stops. */
const SETTLE_MS = 700;

/**
 * Tells a screen-reader user where the slider has landed: the date and, with a place open, whether the
 * enabled sources agree about it. Polite, and only once the date settles.
 */
export function DateAnnouncer() {
  const date = useApp((s) => s.date);
  const place = useApp((s) => s.dataset.places.find((p) => p.id === s.selectedPlace));
  const views = useViews();
  const key = useApp((s) => (s.selectedPlace ? views.claims(s).agreement.get(s.selectedPlace) : undefined));
  const [text, setText] = useState('');
  const t = useT();
  useEffect(() => {
    const timer = setTimeout(() => {
      const about = place && key ? ` ${placeName(place)}: ${t(`agreement.${key}`)}.` : '';
      setText(`${formatLongDate(date)}.${about}`);
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [date, place, key, t]);
  return (
    <div className="visually-hidden" aria-live="polite" data-testid="date-announcement">
      {text}
    </div>
  );
}
