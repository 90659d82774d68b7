import { useId, useState } from 'react';
import type { Place } from '../claims/model';
import { searchPlaces } from '../claims/search';
import { placeName, useT } from './i18n';
import { useApp } from './useApp';

/** A combobox: type any name (Latin or Cyrillic), arrows to choose, Enter to fly there. */
export function PlaceSearch() {
  const places = useApp((s) => s.dataset.places);
  const showPlace = useApp((s) => s.showPlace);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const t = useT();
  const matches = searchPlaces(places, query).slice(0, 8);
  const open = query.trim() !== '';
  const pick = (place: Place) => {
    showPlace(place.id);
    setQuery('');
    setActive(0);
  };
  return (
    <div className="place-search">
      <label htmlFor={`${listId}-input`} className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        id={`${listId}-input`}
        type="search"
        placeholder={t('search.placeholder')}
        value={query}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && matches[active] ? `${listId}-${matches[active].place.id}` : undefined}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, matches.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter' && matches[active]) {
            e.preventDefault();
            pick(matches[active].place);
          } else if (e.key === 'Escape') setQuery('');
        }}
      />
      {open && matches.length === 0 && <p className="no-match">{t('search.noMatch', { query })}</p>}
      {open && matches.length > 0 && (
        <div id={listId} role="listbox" className="search-results" aria-label={t('search.matches')}>
          {matches.map((m, i) => (
            <div
              key={m.place.id}
              id={`${listId}-${m.place.id}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(m.place)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') pick(m.place);
              }}
            >
              {placeName(m.place)}
              {m.matchedName !== placeName(m.place) && <span className="matched-name"> ({m.matchedName})</span>}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
