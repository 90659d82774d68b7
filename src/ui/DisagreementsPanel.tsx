import { agreementOf } from '../claims/agreement';
import type { IsoDate, Place, Source } from '../claims/model';
import { positionsForPlace, type TimeIndex } from '../claims/timeline';
import { STATUS_STYLE } from '../map/palette';
import './features.css';

interface Props {
  places: readonly Place[];
  sources: readonly Source[];
  index: TimeIndex;
  date: IsoDate;
  enabled: ReadonlySet<string>;
  only: boolean;
  onOnly: (on: boolean) => void;
  onSelect: (placeId: string) => void;
}

/** "Only disagreements": dims the places where the enabled sources agree, and says who says what where they do not. */
export function DisagreementsPanel({ places, sources, index, date, enabled, only, onOnly, onSelect }: Props) {
  const sourceName = new Map(sources.map((s) => [s.id, s.shortName]));
  const disputed = places.flatMap((place) => {
    const positions = positionsForPlace(index, place.id, date, enabled);
    return agreementOf(positions).kind === 'disputed'
      ? [{ place, positions: positions.filter((p) => p.status !== 'none') }]
      : [];
  });
  return (
    <section className="disagreements-panel" aria-labelledby="disagreements-heading">
      <h2 id="disagreements-heading">Disagreements</h2>
      <label>
        <input type="checkbox" name="only-disagreements" checked={only} onChange={(e) => onOnly(e.target.checked)} />{' '}
        Only disagreements
      </label>
      {only &&
        (disputed.length === 0 ? (
          <p>The enabled sources agree everywhere on {date}.</p>
        ) : (
          <ul className="disagreement-list">
            {disputed.map(({ place, positions }) => (
              <li key={place.id} data-place-id={place.id}>
                <button type="button" className="link-button" onClick={() => onSelect(place.id)}>
                  {place.names.en}
                </button>{' '}
                —{' '}
                {positions.map((p, i) => (
                  <span key={p.sourceId} data-source-id={p.sourceId} data-status={p.status}>
                    {i > 0 ? '; ' : ''}
                    {sourceName.get(p.sourceId) ?? p.sourceId}: {STATUS_STYLE[p.status].label}
                  </span>
                ))}
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
