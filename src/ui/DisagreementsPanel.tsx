import { disputesOf } from '../claims/view';
import { formatLongDate, placeName, useT } from './i18n';
import { useApp, useViews } from './useApp';
import './features.css';

/** "Only disagreements": dims the places where the enabled sources agree, and says who says what where they do not. */
export function DisagreementsPanel() {
  const places = useApp((s) => s.dataset.places);
  const sources = useApp((s) => s.dataset.sources);
  const view = useApp(useViews().claims);
  const only = useApp((s) => s.onlyDisagreements);
  const update = useApp((s) => s.update);
  const onSelect = useApp((s) => s.selectPlace);
  const t = useT();
  const onOnly = (on: boolean) => update({ onlyDisagreements: on });
  const date = view.date;
  const sourceName = new Map(sources.map((s) => [s.id, s.shortName]));
  const placeById = new Map(places.map((p) => [p.id, p]));
  // Who says what is needed only while the list shows.
  const disputed = only
    ? disputesOf(view).flatMap(({ placeId, positions }) => {
        const place = placeById.get(placeId);
        return place ? [{ place, positions }] : [];
      })
    : [];
  return (
    <section className="disagreements-panel" aria-labelledby="disagreements-heading">
      <h2 id="disagreements-heading">{t('panel.disagreements')}</h2>
      <label>
        <input type="checkbox" name="only-disagreements" checked={only} onChange={(e) => onOnly(e.target.checked)} />{' '}
        {t('disagreements.only')}
      </label>
      {only &&
        (disputed.length === 0 ? (
          <p>{t('disagreements.none', { date: formatLongDate(date) })}</p>
        ) : (
          <ul className="disagreement-list">
            {disputed.map(({ place, positions }) => (
              <li key={place.id} data-place-id={place.id}>
                <button type="button" className="link-button" onClick={() => onSelect(place.id)}>
                  {placeName(place)}
                </button>{' '}
                —{' '}
                {positions.map((p, i) => (
                  <span key={p.sourceId} data-source-id={p.sourceId} data-status={p.status}>
                    {i > 0 ? '; ' : ''}
                    {sourceName.get(p.sourceId) ?? p.sourceId}: {t(`status.${p.status}`)}
                  </span>
                ))}
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
