import { useCallback, useMemo } from 'react';
import { fileHead, looksLikeClaimsFile } from '../claims/importKind';
import type { Dataset, Place } from '../claims/model';
import { buildTimeIndex } from '../claims/timeline';
import { buildAreaLayerData } from '../map/areaLayers';
import type { StateContext } from '../state/appState';
import { useAreaImports } from '../state/useAreaImports';
import { useImports } from '../state/useImports';
import { useUrlState } from '../state/useUrlState';
import { AreasPanel } from './AreasPanel';
import { DateSlider } from './DateSlider';
import { DropZone } from './DropZone';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { Legend } from './Legend';
import { MapPane } from './MapPane';
import { Notices } from './Notices';
import { PanelBoundary } from './PanelBoundary';
import { PlacePanel } from './PlacePanel';
import { PlaceSearch } from './PlaceSearch';
import { PlacesList } from './PlacesList';
import { SourcesPanel } from './SourcesPanel';

/** The date a first visit opens on: the day the Ulanok and Cherkasskaya Konopelka claims diverge. */
const DEFAULT_DATE = '2025-02-06';
const DEFAULT_VIEW = { lng: 35.33, lat: 51.16, zoom: 10.3 };

export function App({ dataset: bundled }: { dataset: Dataset }) {
  const imports = useImports(bundled);
  const { dataset } = imports;
  const index = useMemo(() => buildTimeIndex(dataset.claims), [dataset]);
  const sourceIds = useMemo(() => dataset.sources.map((s) => s.id), [dataset]);
  const areaImports = useAreaImports(sourceIds);
  const areaLayerData = useMemo(
    () =>
      areaImports.areas.length
        ? buildAreaLayerData(
            areaImports.areas.map((a) => a.snapshot),
            areaImports.areas.map((a) => a.frontLine),
          )
        : undefined,
    [areaImports.areas],
  );
  // The slider spans everything claimed: point claims and imported area maps.
  const dates = useMemo(
    () => [...new Set([...index.claimDates, ...(areaLayerData?.index.dates ?? [])])].sort(),
    [index, areaLayerData],
  );
  const ctx = useMemo<StateContext>(() => {
    const firstDate = dates[0] ?? DEFAULT_DATE;
    const lastDate = dates.at(-1) ?? DEFAULT_DATE;
    const inRange = DEFAULT_DATE >= firstDate && DEFAULT_DATE <= lastDate;
    return {
      sourceIds,
      placeIds: dataset.places.map((p) => p.id),
      firstDate,
      lastDate,
      defaultDate: inRange ? DEFAULT_DATE : lastDate,
      defaultView: DEFAULT_VIEW,
    };
  }, [dataset, dates, sourceIds]);
  const { state, update, notices, dismissNotices } = useUrlState(ctx);
  const flyTo = useCallback(
    (place: Place) =>
      update({
        selectedPlace: place.id,
        view: { lng: place.coordinates[0], lat: place.coordinates[1], zoom: Math.max(state.view.zoom, 12) },
      }),
    [update, state.view.zoom],
  );
  const { importFiles: importClaimFiles } = imports;
  const { importFiles: importAreaFiles } = areaImports;
  /** Files of claims go to the claims importer, anything else to the area importers. */
  const importFiles = useCallback(
    async (files: File[]) => {
      const heads = await Promise.all(files.map(fileHead));
      const claimFiles = files.filter((_, i) => looksLikeClaimsFile(heads[i]));
      const areaFiles = files.filter((_, i) => !looksLikeClaimsFile(heads[i]));
      if (claimFiles.length) await importClaimFiles(claimFiles);
      if (areaFiles.length) await importAreaFiles(areaFiles);
    },
    [importClaimFiles, importAreaFiles],
  );
  const selectPlace = useCallback((placeId: string | null) => update({ selectedPlace: placeId }), [update]);
  const selected = dataset.places.find((p) => p.id === state.selectedPlace) ?? null;

  return (
    <div className="app">
      <header className="app-header">
        <h1>Frontline Claims</h1>
        <p className="tagline">Who claims to control what, and when: Kursk region, 2024–2025</p>
      </header>
      <Notices notices={notices} onDismiss={dismissNotices} />
      <DropZone onFiles={importFiles} />
      <aside className="side-panel" aria-label="Sources and places">
        <PanelBoundary name="Search">
          <PlaceSearch places={dataset.places} onPick={flyTo} />
        </PanelBoundary>
        <PanelBoundary name="Sources">
          <SourcesPanel
            sources={dataset.sources}
            claims={dataset.claims}
            enabled={state.sources}
            onChange={(sources) => update({ sources })}
          />
        </PanelBoundary>
        <PanelBoundary name="Places">
          <PlacesList
            places={dataset.places}
            index={index}
            date={state.date}
            enabled={state.sources}
            selected={state.selectedPlace}
            onSelect={selectPlace}
          />
        </PanelBoundary>
        <PanelBoundary name="Legend">
          <Legend />
        </PanelBoundary>
        <PanelBoundary name="Import">
          <ImportPanel
            batches={imports.batches}
            failedStored={imports.failedStored}
            outcomes={[...imports.outcomes, ...areaImports.outcomes]}
            progress={areaImports.progress}
            storageError={imports.storageError}
            onFiles={importFiles}
            onRemove={imports.removeBatch}
          />
        </PanelBoundary>
        <PanelBoundary name="Areas">
          <AreasPanel
            dataset={dataset}
            areas={areaImports.areas}
            layerData={areaLayerData}
            date={state.date}
            enabled={state.sources}
            onRemove={areaImports.removeArea}
          />
        </PanelBoundary>
        <PanelBoundary name="Export">
          <ExportPanel dataset={dataset} enabled={state.sources} date={state.date} />
        </PanelBoundary>
      </aside>
      <main className="map-area">
        <MapPane
          dataset={dataset}
          areas={areaLayerData}
          index={index}
          state={state}
          onPlaceClick={selectPlace}
          onViewChange={(view) => update({ view }, 'replace')}
        />
      </main>
      {selected && (
        <aside className="place-panel" aria-label={`Claims about ${selected.names.en}`}>
          <PanelBoundary name="Place">
            <PlacePanel
              place={selected}
              dataset={dataset}
              index={index}
              date={state.date}
              enabled={state.sources}
              onClose={() => selectPlace(null)}
            />
          </PanelBoundary>
        </aside>
      )}
      <footer className="slider-bar">
        <PanelBoundary name="Date slider">
          <DateSlider dates={dates} date={state.date} onChange={(date) => update({ date }, 'coalesce')} />
        </PanelBoundary>
      </footer>
    </div>
  );
}
