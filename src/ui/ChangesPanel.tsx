import { Suspense } from 'react';
import { orderedRange, type StatusOrNothing } from '../claims/changes';
import { AreaChangesList } from './areaViews';
import { formatNumber, placeName as nameOfPlace, useT } from './i18n';
import { useApp, useViews } from './useApp';
import './features.css';

/** What changed between two dates, per place and source, with the claims at both ends; and km² for area maps. */
export function ChangesPanel() {
  const places = useApp((s) => s.dataset.places);
  const sources = useApp((s) => s.dataset.sources);
  const { changes, range, following, ringed } = useApp(useViews().changes);
  const { firstDate, lastDate } = useApp((s) => s.ctx);
  const areaIndex = useApp((s) => s.areaCatalog?.index);
  const enabled = useApp((s) => s.sources);
  const highlight = ringed !== undefined;
  const update = useApp((s) => s.update);
  const onSelect = useApp((s) => s.selectPlace);
  const t = useT();
  const statusLabel = (status: StatusOrNothing) =>
    status === 'no-claim' ? t('changes.noClaim') : t(`status.${status}`);
  const onRange = (changeRange: typeof range | null) => update({ changeRange });
  const onHighlight = (on: boolean) => update({ highlightChanges: on });
  const placeName = new Map(places.map((p) => [p.id, nameOfPlace(p)]));
  const sourceName = new Map(sources.map((s) => [s.id, s.shortName]));
  const setDate = (end: 'from' | 'to', value: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || value < firstDate || value > lastDate) return;
    const next = { ...range, [end]: value };
    onRange(orderedRange(next.from, next.to));
  };
  const dateInput = (end: 'from' | 'to', label: string) => (
    <label>
      {label}{' '}
      <input
        type="date"
        name={`changes-${end}`}
        min={firstDate}
        max={lastDate}
        value={range[end]}
        onChange={(e) => setDate(end, e.target.value)}
      />
    </label>
  );
  return (
    <section className="changes-panel" aria-labelledby="changes-heading">
      <h2 id="changes-heading">{t('panel.changes')}</h2>
      <div className="changes-range">
        {dateInput('from', t('changes.from'))}
        {dateInput('to', t('changes.to'))}
        <button type="button" onClick={() => onRange(null)} aria-pressed={following}>
          {t('changes.sincePrevious')}
        </button>
      </div>
      <label className="changes-highlight">
        <input type="checkbox" checked={highlight} onChange={(e) => onHighlight(e.target.checked)} />{' '}
        {t('changes.ring')}
      </label>
      <p className="changes-summary" aria-live="polite">
        {changes.length === 0
          ? t('changes.none', { from: range.from, to: range.to })
          : t('changes.some', {
              count: changes.length,
              n: formatNumber(changes.length),
              from: range.from,
              to: range.to,
            })}
      </p>
      {changes.length > 0 && (
        <ul className="changes-list">
          {changes.map((place) => (
            <li key={place.placeId} data-place-id={place.placeId}>
              <button type="button" className="link-button" onClick={() => onSelect(place.placeId)}>
                {placeName.get(place.placeId) ?? place.placeId}
              </button>
              <ul>
                {place.changes.map((c) => (
                  <li
                    key={c.sourceId}
                    className="change"
                    data-source-id={c.sourceId}
                    data-from={c.fromStatus}
                    data-to={c.toStatus}
                  >
                    <strong>{sourceName.get(c.sourceId) ?? c.sourceId}</strong>: {statusLabel(c.fromStatus)}
                    {c.from && <span className="change-date"> ({c.from.claim.statedDate})</span>} →{' '}
                    {statusLabel(c.toStatus)}
                    {c.to && (
                      <span className="change-date" data-claim-id={c.to.claim.id}>
                        {' '}
                        {t('changes.claimOf', { date: c.to.claim.statedDate })}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {areaIndex && (
        <Suspense fallback={<p className="hint">{t('areas.loading')}</p>}>
          <AreaChangesList areaIndex={areaIndex} range={range} enabled={enabled} sourceName={sourceName} />
        </Suspense>
      )}
    </section>
  );
}
