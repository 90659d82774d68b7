import type { MultiLineString } from 'geojson';
import { lazy, memo, Suspense, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { borderFromGeojson } from '../areas/basemap';
import { distanceToLinesKm } from '../areas/frontline';
import type { LoadedArea } from '../areas/importWorker';
import { AREA_STATUSES } from '../areas/model';
import { areaSeries } from '../areas/series';
import type { Place } from '../claims/model';
import { AREA_STATUS_STYLE, areaOutlineDash } from '../map/areaLayers';
import type { ChartSeries } from './AreaChart';
import { AreaDisagreementSummary } from './AreaDisagreementSummary';
import { formatKm2, formatNumber, placeName, useT } from './i18n';
import { MapsAgreement } from './MapsAgreement';
import { useApp, useViews } from './useApp';

const AreaChart = lazy(() => import('./AreaChart'));

const NO_KM2: LoadedArea['km2'] = { ukrainian: 0, russian: 0, contested: 0, 'russian-advance': 0 };

function useBorder(): MultiLineString | null {
  const [border, setBorder] = useState<MultiLineString | null>(null);
  useEffect(() => {
    let cancelled = false;
    fetch(new URL('basemap/border-detail.geojson', document.baseURI))
      .then((r) => r.text())
      .then((text) => {
        const parsed = borderFromGeojson('border-detail.geojson', text);
        if (!cancelled && parsed.ok) setBorder(parsed.value);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
  return border;
}

interface PlaceDistance {
  place: Place;
  toBorder: number | null | undefined;
  toFront: number | null | undefined;
}

// A place's distance to the border never changes: measured once per (places, border), not per map.
const borderCache = new WeakMap<MultiLineString, WeakMap<readonly Place[], (number | null)[]>>();
// A snapshot's front line does not change once it is imported: measured once per (map, places).
const frontCache = new WeakMap<LoadedArea, { places: readonly Place[]; km: (number | null)[] }>();

function placeDistances(places: readonly Place[], loaded: LoadedArea, border: MultiLineString | null): PlaceDistance[] {
  let toBorder: (number | null)[] | undefined;
  if (border) {
    const byPlaces = borderCache.get(border) ?? new WeakMap<readonly Place[], (number | null)[]>();
    borderCache.set(border, byPlaces);
    toBorder = byPlaces.get(places) ?? places.map((place) => distanceToLinesKm(place.coordinates, border));
    byPlaces.set(places, toBorder);
  }
  const known = frontCache.get(loaded);
  const toFront =
    known && known.places === places
      ? known.km
      : places.map((place) => distanceToLinesKm(place.coordinates, loaded.frontLine));
  frontCache.set(loaded, { places, km: toFront });
  return places.map((place, i) => ({ place, toBorder: toBorder?.[i], toFront: toFront[i] }));
}

/**
 * One loaded map in the list. Memoised: an archive's import adds maps in batches, and the list's earlier rows
 * (hundreds, each worded with a plural) are not worded again for every batch.
 */
const LoadedMapRow = memo(function LoadedMapRow({
  snapshot,
  onRemove,
}: {
  snapshot: LoadedArea['snapshot'];
  onRemove: (snapshot: LoadedArea['snapshot']) => void;
}) {
  const t = useT();
  return (
    <li>
      <span>
        {t('areasDetails.entry', { file: snapshot.fileName, date: snapshot.statedDate, count: snapshot.claims.length })}
      </span>
      <button
        type="button"
        onClick={() => onRemove(snapshot)}
        aria-label={t('areasDetails.remove', { file: snapshot.fileName })}
      >
        {t('import.remove')}
      </button>
    </li>
  );
});

/**
 * Every loaded map, one row each. Memoised on the list itself: the panel renders again for every date and every
 * pair the area timeline measures, and an archive's hundreds of rows were reconciled each time.
 */
const LoadedMapsList = memo(function LoadedMapsList({
  areas,
  onRemove,
}: {
  areas: readonly LoadedArea[];
  onRemove: (snapshot: LoadedArea['snapshot']) => void;
}) {
  const t = useT();
  return (
    <ul className="import-batches" aria-label={t('areasDetails.imported')}>
      {areas.map((a) => (
        <LoadedMapRow
          key={`${a.snapshot.fileName}-${a.snapshot.snapshotTime ?? a.snapshot.statedDate}`}
          snapshot={a.snapshot}
          onRemove={onRemove}
        />
      ))}
    </ul>
  );
});

/**
 * Area snapshots: what is in force on the date, km² per status, distances, disagreement, and km² over time.
 * Loaded on demand (./areaViews), once there are area maps; ./AreasPanel says when there are none.
 */
export function AreasDetails() {
  const dataset = useApp((s) => s.dataset);
  // New maps (an import's batches) reach the panel in a deferred render, which React splits into short tasks:
  // its chart and lists over every map never lengthen the task that applies the batch and redraws the map.
  const areas = useDeferredValue(useApp((s) => s.areas));
  const catalog = useDeferredValue(useApp((s) => s.areaCatalog));
  const date = useApp((s) => s.date);
  const onRemove = useApp((s) => s.removeArea);
  // The maps in force and the pair compared: the same answer the map draws (src/state/view.ts), looked up.
  // Its tables render after the slider has moved (deferred), with the previous date's until then.
  const { inForce: active, comparable, disagreement } = useDeferredValue(useApp(useViews().areas));
  const border = useBorder();
  const t = useT();
  const km = (v: number | null | undefined) =>
    v === null || v === undefined ? '—' : formatNumber(v, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const sourceById = useMemo(() => new Map(dataset.sources.map((s) => [s.id, s])), [dataset]);
  const shownPlaces = useMemo(() => dataset.places.slice(0, 12), [dataset]);
  const loadedBySnapshot = useMemo(() => new Map(areas.map((a) => [a.snapshot, a])), [areas]);
  const series = useMemo<ChartSeries[]>(() => {
    if (!catalog) return [];
    // The import worker measured every map: the chart reads its figures.
    const km2Of = (snapshot: LoadedArea['snapshot']) => loadedBySnapshot.get(snapshot)?.km2 ?? NO_KM2;
    return [...catalog.index.tracks.values()].flatMap((track, n) => {
      const points = areaSeries(catalog.index, track.sourceId, track.layer, km2Of);
      const source = sourceById.get(track.sourceId);
      return AREA_STATUSES.filter((status) => points.some((p) => p.km2[status] > 0)).map((status) => ({
        label: `${source?.shortName ?? track.sourceId}: ${t(`areaStatus.${status}`)}`,
        color: AREA_STATUS_STYLE[status].color,
        dash: n === 0 ? undefined : areaOutlineDash(n),
        points: points.map((p) => ({ date: p.date, km2: p.km2[status] })),
      }));
    });
  }, [catalog, loadedBySnapshot, sourceById, t]);
  const nameOf = (id: string) => sourceById.get(id)?.shortName ?? id;

  return (
    <section className="areas-panel" aria-labelledby="areas-heading">
      <h2 id="areas-heading">{t('areas.on', { date })}</h2>
      {active.length === 0 && <p className="hint">{t('areasDetails.noneByDate')}</p>}
      {active.map((snapshot) => {
        const loaded = loadedBySnapshot.get(snapshot);
        return (
          <div
            key={`${snapshot.fileName}-${snapshot.statedDate}`}
            className="area-snapshot"
            data-source-id={snapshot.sourceId}
          >
            <h3>
              {t('areasDetails.mapOf', {
                source: nameOf(snapshot.sourceId),
                layer: snapshot.layer,
                date: snapshot.snapshotTime ?? snapshot.statedDate,
              })}
            </h3>
            <ul className="area-figures">
              {AREA_STATUSES.filter((s) => (loaded?.km2[s] ?? 0) > 0).map((status) => (
                <li key={status} data-status={status}>
                  <span className="swatch" style={{ background: AREA_STATUS_STYLE[status].color }} aria-hidden="true" />
                  {t(`areaStatus.${status}`)}: <strong>{formatKm2(loaded?.km2[status] ?? 0)}</strong>
                </li>
              ))}
            </ul>
            {loaded && loaded.frontLine.coordinates.length > 0 && (
              <table className="distances">
                <caption>{t('areasDetails.distances')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('areasDetails.place')}</th>
                    <th scope="col">{t('areasDetails.toBorder')}</th>
                    <th scope="col">{t('areasDetails.toFront')}</th>
                  </tr>
                </thead>
                <tbody>
                  {placeDistances(shownPlaces, loaded, border).map(({ place, toBorder, toFront }) => (
                    <tr key={place.id}>
                      <th scope="row">{placeName(place)}</th>
                      <td>{border ? km(toBorder) : '…'}</td>
                      <td>{km(toFront)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        );
      })}
      {active.length > 0 && (
        <AreaDisagreementSummary comparable={comparable} disagreement={disagreement} nameOf={nameOf} />
      )}
      <MapsAgreement />
      <Suspense fallback={<p className="hint">{t('areasDetails.loadingChart')}</p>}>
        <AreaChart series={series} date={date} />
      </Suspense>
      <h3>{t('areasDetails.loaded')}</h3>
      <LoadedMapsList areas={areas} onRemove={onRemove} />
    </section>
  );
}
