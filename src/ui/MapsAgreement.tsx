/**
 * The two area maps' agreement over time (issue 26, item 2), in the Areas panel whenever two enabled sources
 * have area maps: per day, the km² where they disagree and the overlap of their Russian-held ground, looked up
 * from what the area timeline's worker measured per pair (src/areas/agreementSeries.ts), so it fills while the
 * worker works, with its progress. The chart (./AgreementChart) and the table of the pairs move the slider;
 * the map then hatches that day's disagreement. CSV of the days.
 */
import { lazy, Suspense, useDeferredValue, useMemo, useState } from 'react';
import { agreementToCsv } from '../areas/agreementCsv';
import { agreementSeries, type PairSpan, pairSpans } from '../areas/agreementSeries';
import { pairStarts } from '../areas/areaTimeline';
import type { AreaDisagreement } from '../areas/disagreement';
import { fromDayNumber, toDayNumber } from '../claims/dates';
import type { IsoDate } from '../claims/model';
import { download } from './download';
import { formatKm2, formatNumber, formatShortDay, useT } from './i18n';
import { useApp } from './useApp';

const AgreementChart = lazy(() => import('./AgreementChart'));

const iouText = (iou: number | null | undefined) =>
  iou === null || iou === undefined ? '—' : formatNumber(iou, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function PairRow({
  span,
  answer,
  nameOf,
  onDate,
}: {
  span: PairSpan;
  answer: AreaDisagreement | undefined;
  nameOf: (id: string) => string;
  onDate: (date: IsoDate) => void;
}) {
  const t = useT();
  const from = fromDayNumber(span.from);
  const short = (day: number) => formatShortDay(new Date(`${fromDayNumber(day)}T00:00:00Z`));
  const ok = answer && !answer.error ? answer : undefined;
  const km2 = ok ? ok.km2.opposed + ok.km2.contested : null;
  const [a, b] = span.pair;
  return (
    <tr data-from={from} data-km2={km2?.toFixed(1)} data-iou={ok?.russianHeld.iou?.toFixed(3)}>
      <th scope="row">
        <button
          type="button"
          className="link-button"
          onClick={() => onDate(from)}
          aria-label={t('mapsAgreement.show', { date: short(span.from) })}
        >
          {short(span.from)}
        </button>
      </th>
      <td>{short(span.to)}</td>
      <td>{`${nameOf(a.sourceId)} / ${nameOf(b.sourceId)}`}</td>
      <td>{answer ? (ok ? formatKm2(km2 ?? 0) : t('mapsAgreement.failed')) : '…'}</td>
      <td>{iouText(ok?.russianHeld.iou)}</td>
    </tr>
  );
}

export function MapsAgreement() {
  // New maps and the timeline's answers arrive in batches while the chart fills: they are rendered deferred, in
  // short tasks, as in ./AreasDetails.
  const catalog = useDeferredValue(useApp((s) => s.areaCatalog));
  const sources = useApp((s) => s.sources);
  const dataset = useApp((s) => s.dataset);
  const lastDate = useDeferredValue(useApp((s) => s.dates.at(-1)));
  const disagreements = useDeferredValue(useApp((s) => s.disagreements));
  const date = useApp((s) => s.date);
  const update = useApp((s) => s.update);
  const [tableOpen, setTableOpen] = useState(false);
  const t = useT();
  const nameOf = useMemo(() => {
    const names = new Map(dataset.sources.map((s) => [s.id, s.shortName]));
    return (id: string) => names.get(id) ?? id;
  }, [dataset]);
  const spans = useMemo(() => {
    if (!catalog) return [];
    const order = dataset.sources.map((s) => s.id);
    return pairSpans(pairStarts(catalog, sources, order), lastDate ? toDayNumber(lastDate) : 0);
  }, [catalog, sources, dataset, lastDate]);
  const series = useMemo(() => agreementSeries(spans, disagreements), [spans, disagreements]);
  if (!spans.length) return null;
  const onDate = (next: IsoDate) => update({ date: next });
  const filling = series.measured < series.pairs;
  return (
    <section
      className="maps-agreement"
      aria-labelledby="maps-agreement-heading"
      data-pairs={series.pairs}
      data-measured={series.measured}
    >
      <h3 id="maps-agreement-heading">{t('mapsAgreement.heading')}</h3>
      <p className="hint">{t('mapsAgreement.intro')}</p>
      <p className="hint" role="status" data-measuring={filling || undefined}>
        {filling && <span className="spinner" aria-hidden="true" />}{' '}
        {filling
          ? t('mapsAgreement.measuring', { done: series.measured, total: series.pairs })
          : t('mapsAgreement.measured', { count: series.pairs })}
      </p>
      <Suspense fallback={<p className="hint">{t('areasDetails.loadingChart')}</p>}>
        <AgreementChart days={series.days} date={date} onDate={onDate} />
      </Suspense>
      <p className="hint">{t('mapsAgreement.howToUse')}</p>
      <button
        type="button"
        onClick={() => download('maps-agreement.csv', 'text/csv', agreementToCsv(series.days, nameOf))}
      >
        {t('mapsAgreement.csv')}
      </button>
      <details onToggle={(event) => setTableOpen(event.currentTarget.open)}>
        <summary>{t('mapsAgreement.table', { count: spans.length })}</summary>
        {tableOpen && (
          <table className="distances agreement-table">
            <caption>{t('mapsAgreement.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mapsAgreement.from')}</th>
                <th scope="col">{t('mapsAgreement.to')}</th>
                <th scope="col">{t('mapsAgreement.maps')}</th>
                <th scope="col">{t('mapsAgreement.km2Series')}</th>
                <th scope="col">{t('mapsAgreement.iouAxis')}</th>
              </tr>
            </thead>
            <tbody>
              {spans.map((span) => (
                <PairRow
                  key={`${span.key}-${span.from}`}
                  span={span}
                  answer={disagreements.get(span.key)}
                  nameOf={nameOf}
                  onDate={onDate}
                />
              ))}
            </tbody>
          </table>
        )}
      </details>
    </section>
  );
}
