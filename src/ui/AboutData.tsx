/**
 * "About the data": what the record is, how it was made and how sure its places are, with counts computed
 * from the dataset it is given. Self-contained: the caller decides where it goes (props only, no store).
 */
import type { Dataset, PrecisionKind } from '../claims/model';
import { PRECISION_KINDS } from '../map/precisionStyle';
import { formatLongDate, formatNumber, useT } from './i18n';

interface Props {
  dataset: Dataset;
}

function useCounts(dataset: Dataset) {
  const byPrecision = Object.fromEntries(PRECISION_KINDS.map((k) => [k, 0])) as Record<PrecisionKind, number>;
  for (const place of dataset.places) byPrecision[place.precision.kind] += 1;
  const dates = dataset.claims.map((c) => c.statedDate).sort();
  const provenance = { 'first-hand': 0, reported: 0, derived: 0 };
  for (const claim of dataset.claims) provenance[claim.evidence.provenance] += 1;
  return {
    byPrecision,
    first: dates[0],
    last: dates.at(-1),
    provenance,
    mapDerived: dataset.claims.filter((c) => c.nature === 'map-derived').length,
  };
}

export function AboutData({ dataset }: Props) {
  const counts = useCounts(dataset);
  const t = useT();
  const n = formatNumber;
  const totals = {
    claims: n(dataset.claims.length),
    sources: n(dataset.sources.length),
    places: n(dataset.places.length),
  };
  return (
    <section className="about-data" aria-labelledby="about-data-heading">
      <h2 id="about-data-heading">{t('about.heading')}</h2>
      <p className="about-counts">
        {counts.first && counts.last
          ? t('about.countsDated', {
              ...totals,
              first: formatLongDate(counts.first),
              last: formatLongDate(counts.last),
            })
          : t('about.counts', totals)}
      </p>

      <h3>{t('about.whatHeading')}</h3>
      <p>{t('about.what')}</p>

      <h3>{t('about.chosenHeading')}</h3>
      <p>{t('about.chosen')}</p>

      <h3>{t('about.evidenceHeading')}</h3>
      <ul>
        <li>{t('about.firstHand', { n: n(counts.provenance['first-hand']) })}</li>
        <li>{t('about.reported', { n: n(counts.provenance.reported) })}</li>
        <li>{t('about.derived', { n: n(counts.provenance.derived) })}</li>
      </ul>

      <h3>{t('about.placedHeading')}</h3>
      <ul>
        {PRECISION_KINDS.map((kind) => (
          <li key={kind} data-precision={kind}>
            {t('about.precisionItem', {
              label: t(`precision.${kind}.label`),
              n: n(counts.byPrecision[kind]),
              description: t(`precision.${kind}.description`),
            })}
          </li>
        ))}
      </ul>
      <p>{t('about.placed')}</p>

      <h3>{t('about.mapDerivedHeading')}</h3>
      <p>{t('about.mapDerived', { n: n(counts.mapDerived) })}</p>

      <h3>{t('about.trackHeading')}</h3>
      <ul className="about-track-record">
        <li>{t('about.trackVoices')}</li>
        <li>{t('about.trackChange')}</li>
        <li>{t('about.trackPosition')}</li>
        <li>{t('about.trackDays')}</li>
        <li>{t('about.trackContradicted')}</li>
        <li>{t('about.trackReversed')}</li>
      </ul>

      <h3>{t('about.leftOutHeading')}</h3>
      <p>{t('about.leftOut')}</p>

      <h3>{t('about.licencesHeading')}</h3>
      <p>{t('about.licences')}</p>
    </section>
  );
}
