import { useEffect, useRef } from 'react';
import { AGREEMENT_STYLE } from '../map/palette';
import { PRECISION_STYLE } from '../map/precisionStyle';
import { placeName, useT } from './i18n';
import { Shape } from './Shape';
import { useApp, useViews } from './useApp';

/** The places as a list: the keyboard's way to the map's markers, and the table view when there is no map. */
export function PlacesList() {
  const places = useApp((s) => s.dataset.places);
  const agreement = useApp(useViews().claims).agreement;
  const selected = useApp((s) => s.selectedPlace);
  const onSelect = useApp((s) => s.selectPlace);
  const list = useRef<HTMLUListElement>(null);
  const t = useT();
  const previous = useRef(selected);
  // When the place panel closes and takes the focus with it, give the focus back to that place's button.
  useEffect(() => {
    const closed = previous.current;
    previous.current = selected;
    if (selected !== null || closed === null) return;
    const focusLost = document.activeElement === null || document.activeElement === document.body;
    if (focusLost)
      list.current?.querySelector<HTMLButtonElement>(`button[data-place-id="${CSS.escape(closed)}"]`)?.focus();
  }, [selected]);
  return (
    <section className="places-list" aria-labelledby="places-heading">
      <h2 id="places-heading">{t('panel.places')}</h2>
      <ul ref={list}>
        {places.map((place) => {
          const key = agreement.get(place.id) ?? 'no-claim';
          const style = AGREEMENT_STYLE[key];
          return (
            <li key={place.id}>
              <button
                type="button"
                className="place-button"
                aria-current={selected === place.id ? 'true' : undefined}
                onClick={() => onSelect(place.id)}
                data-place-id={place.id}
                data-agreement={key}
              >
                <Shape shape={style.shape} color={style.color} />
                <span className="place-name">
                  {placeName(place)}
                  {PRECISION_STYLE[place.precision.kind].suffix && t('precision.approx')}
                </span>
                <span className="place-agreement">{t(`agreement.${key}`)}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
