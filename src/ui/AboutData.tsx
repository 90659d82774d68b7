/**
 * "About the data": what the record is, how it was made and how sure its places are, with counts computed
 * from the dataset it is given. Self-contained: the caller decides where it goes (props only, no store).
 */
import type { Dataset, PrecisionKind } from '../claims/model';
import { PRECISION_KINDS, PRECISION_STYLE } from '../map/precisionStyle';

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
  return (
    <section className="about-data" aria-labelledby="about-data-heading">
      <h2 id="about-data-heading">About the data</h2>
      <p className="about-counts">
        {dataset.claims.length} claims by {dataset.sources.length} sources about {dataset.places.length} places
        {counts.first && (
          <>
            , stated from {counts.first} to {counts.last}
          </>
        )}
        .
      </p>

      <h3>What a claim is</h3>
      <p>
        One dated statement by one source about one or more places: who said it, when, what it says about control
        (Ukrainian, Russian, contested, or no position), what kind of statement it is (a capture, a holding, an advance,
        an attack beaten off, a denial, no comment, an assessment, or a reading of a map), and where it can be read.
        Summaries are in our own words. When outlets report one statement differently (another date, another framing),
        each version is its own record and they are linked, never merged.
      </p>

      <h3>How claims were chosen</h3>
      <p>
        We searched news reports, wire copies, official channels as quoted by the press, analysts and military bloggers
        for statements naming Sudzha, Ulanok, Cherkasskaya Konopelka and the villages around them, from August 2024 to
        April 2025. A claim is entered only if its page was read and it names a place we can put on the map. Every claim
        cites that page.
      </p>

      <h3>Where the evidence comes from</h3>
      <ul>
        <li>First-hand ({counts.provenance['first-hand']}): the citation is the claimant&apos;s own publication.</li>
        <li>Reported ({counts.provenance.reported}): a media report of the statement.</li>
        <li>Derived ({counts.provenance.derived}): we read it off the source&apos;s own published map data.</li>
      </ul>

      <h3>How places were placed, and how sure each is</h3>
      <ul>
        {PRECISION_KINDS.map((kind) => (
          <li key={kind} data-precision={kind}>
            {PRECISION_STYLE[kind].label} ({counts.byPrecision[kind]}): {PRECISION_STYLE[kind].description}
          </li>
        ))}
      </ul>
      <p>
        Each place says where its point comes from. Estimates start from Sudzha&apos;s published centre, go the
        published distance in the published direction, and are checked against the distance to the border measured on
        OpenStreetMap&apos;s border line; the circle covers what the published figures leave open.
      </p>

      <h3>Map-derived claims</h3>
      <p>
        {counts.mapDerived} claims are readings of a map rather than words: whether a place&apos;s point lay inside an
        area a source shaded on a given date (DeepState, ISW, the Ukrainian General Staff). They say what the map showed
        at one point, not what the source said about the whole place.
      </p>

      <h3>What was left out, and why</h3>
      <p>
        Statements that name no place (a number of villages, an area in km²), places we could not locate from any
        published fact (such as Nikolaevo-Darino, Kurilovka, Gogolevka or the gas metering station), and reports whose
        date or content we could not confirm. Area maps by DeepState and ISW are not shipped, because their terms do not
        allow it; you can import them yourself.
      </p>

      <h3>Licences</h3>
      <p>
        The claim record (claims, sources, places) is intended for publication under CC BY 4.0. Cited pages remain their
        owners&apos;: we link to them and do not republish them. Border and basemap data © OpenStreetMap contributors
        (ODbL).
      </p>
    </section>
  );
}
