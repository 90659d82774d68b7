import { useCallback, useEffect, useMemo, useState } from 'react';
import { type ChangeRange, changedPlaceIds, changesBetween, sincePreviousClaim } from '../claims/changes';
import { fileHead, looksLikeClaimsFile } from '../claims/importKind';
import type { Dataset, Place } from '../claims/model';
import { buildTimeIndex } from '../claims/timeline';
import { buildAreaLayerData } from '../map/areaLayers';
import { type BasemapChoice, readBasemapChoice, saveBasemapChoice } from '../map/basemapChoice';
import type { MapController } from '../map/MapController';
import { syncMaps } from '../map/syncMaps';
import type { AppState, StateContext } from '../state/appState';
import type { RestoredImports } from '../state/importStore';
import { useAreaImports } from '../state/useAreaImports';
import { useImports } from '../state/useImports';
import { useUrlState } from '../state/useUrlState';
import { AreasPanel } from './AreasPanel';
import { preloadAreaViews } from './areaViews';
import { BasemapPanel } from './BasemapPanel';
import { ChangesPanel } from './ChangesPanel';
import { ComparePanel } from './ComparePanel';
import { DateSlider } from './DateSlider';
import { DisagreementsPanel } from './DisagreementsPanel';
import { DropZone } from './DropZone';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { Legend } from './Legend';
import { type MapBasemap, MapPane } from './MapPane';
import { Notices } from './Notices';
import { PanelBoundary } from './PanelBoundary';
import { PicturePanel } from './PicturePanel';
import { PlacePanel } from './PlacePanel';
import { PlaceSearch } from './PlaceSearch';
import { PlacesList } from './PlacesList';
import { SourcesPanel } from './SourcesPanel';

/** The date a first visit opens on: the day the Ulanok and Cherkasskaya Konopelka claims diverge. */
const DEFAULT_DATE = '2025-02-06';
const DEFAULT_VIEW = { lng: 35.33, lat: 51.16, zoom: 10.3 };

export function App({ dataset: bundled, restored }: { dataset: Dataset; restored?: RestoredImports }) {
  const imports = useImports(bundled, restored);
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
      if (areaFiles.length) preloadAreaViews();
      if (claimFiles.length) await importClaimFiles(claimFiles);
      if (areaFiles.length) await importAreaFiles(areaFiles);
    },
    [importClaimFiles, importAreaFiles],
  );
  const selectPlace = useCallback((placeId: string | null) => update({ selectedPlace: placeId }), [update]);
  const selected = dataset.places.find((p) => p.id === state.selectedPlace) ?? null;

  // Changes: a chosen range, or (null) "since the previous claim" following the slider.
  const [changeRange, setChangeRange] = useState<ChangeRange | null>(null);
  const [highlightChanges, setHighlightChanges] = useState(true);
  const [onlyDisagreements, setOnlyDisagreements] = useState(false);
  const following = sincePreviousClaim(dates, state.date);
  const range = changeRange ?? following;
  const placeIds = ctx.placeIds;
  const changes = useMemo(
    () => changesBetween(index, placeIds, { from: range.from, to: range.to }, state.sources),
    [index, placeIds, range.from, range.to, state.sources],
  );
  const changedPlaces = useMemo(
    () => (highlightChanges ? changedPlaceIds(changes) : undefined),
    [changes, highlightChanges],
  );

  // Compare mode: the second map shows the same state with its own date and sources; views are synchronised.
  const state2 = useMemo(() => ({ ...state, date: state.date2, sources: state.sources2 }), [state]);
  const [map1, setMap1] = useState<MapController | null>(null);
  const [map2, setMap2] = useState<MapController | null>(null);
  useEffect(
    () => (map1 && map2 && state.compare ? syncMaps(map1.map, map2.map) : undefined),
    [map1, map2, state.compare],
  );
  // Basemap: the built-in one unless the user chose another (remembered); a failure falls back with a notice.
  const [basemapChoice, setBasemapChoice] = useState<BasemapChoice>(readBasemapChoice);
  const [basemapStyle, setBasemapStyle] = useState<MapBasemap>(() =>
    basemapChoice.kind === 'url' ? basemapChoice.url : null,
  );
  const [basemapNotice, setBasemapNotice] = useState<string | null>(() =>
    basemapChoice.kind === 'pmtiles'
      ? `Open ${basemapChoice.fileName} again to use it: browsers do not keep access to local files.`
      : null,
  );
  const chooseBasemap = useCallback(async (choice: BasemapChoice, file?: File) => {
    setBasemapNotice(null);
    if (choice.kind === 'pmtiles' && file) {
      try {
        const { pmtilesStyle } = await import('../map/pmtilesBasemap');
        setBasemapStyle(await pmtilesStyle(file));
      } catch (err) {
        setBasemapNotice(
          `${file.name} could not be read as PMTiles (${err instanceof Error ? err.message : String(err)}).`,
        );
        return;
      }
    } else setBasemapStyle(choice.kind === 'url' ? choice.url : null);
    setBasemapChoice(choice);
    saveBasemapChoice(choice);
  }, []);
  const onBasemapFailed = useCallback((message: string) => {
    setBasemapNotice(`The chosen basemap failed to load (${message}); showing the built-in basemap instead.`);
    setBasemapStyle(null);
    setBasemapChoice({ kind: 'builtin' });
    saveBasemapChoice({ kind: 'builtin' });
  }, []);
  const onViewChange = useCallback((view: AppState['view']) => update({ view }, 'replace'), [update]);
  const ignoreView = useCallback(() => {}, []);

  // What both sides of compare mode draw alike; each side adds its own state, view and caption.
  const sharedMapProps = {
    dataset,
    areas: areaLayerData,
    index,
    onPlaceClick: selectPlace,
    onlyDisagreements,
    basemap: basemapStyle,
    onBasemapFailed,
  };
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
        <PanelBoundary name="Changes">
          <ChangesPanel
            places={dataset.places}
            sources={dataset.sources}
            changes={changes}
            range={range}
            following={changeRange === null}
            firstDate={ctx.firstDate}
            lastDate={ctx.lastDate}
            areaIndex={areaLayerData?.index}
            enabled={state.sources}
            highlight={highlightChanges}
            onRange={setChangeRange}
            onHighlight={setHighlightChanges}
            onSelect={selectPlace}
          />
        </PanelBoundary>
        <PanelBoundary name="Disagreements">
          <DisagreementsPanel
            places={dataset.places}
            sources={dataset.sources}
            index={index}
            date={state.date}
            enabled={state.sources}
            only={onlyDisagreements}
            onOnly={setOnlyDisagreements}
            onSelect={selectPlace}
          />
        </PanelBoundary>
        <PanelBoundary name="Compare">
          <ComparePanel
            sources={dataset.sources}
            compare={state.compare}
            date2={state.date2}
            sources2={state.sources2}
            firstDate={ctx.firstDate}
            lastDate={ctx.lastDate}
            onToggle={(compare) =>
              update(compare ? { compare, date2: state.date, sources2: state.sources } : { compare })
            }
            onDate2={(date2) => update({ date2 }, 'coalesce')}
            onSources2={(sources2) => update({ sources2 })}
          />
        </PanelBoundary>
        <PanelBoundary name="Basemap">
          <BasemapPanel choice={basemapChoice} notice={basemapNotice} onChoose={chooseBasemap} />
        </PanelBoundary>
        <PanelBoundary name="Picture">
          <PicturePanel
            sources={dataset.sources}
            sides={[
              { controller: map1, date: state.date, sources: state.sources },
              ...(state.compare ? [{ controller: map2, date: state.date2, sources: state.sources2 }] : []),
            ]}
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
      <main className={state.compare ? 'map-area comparing' : 'map-area'}>
        <div className="compare-side">
          <MapPane
            {...sharedMapProps}
            state={state}
            onViewChange={onViewChange}
            changedPlaces={changedPlaces}
            onController={setMap1}
            {...(state.compare ? { caption: `Left: ${state.date}` } : {})}
          />
        </div>
        {state.compare && (
          <div className="compare-side">
            <MapPane
              {...sharedMapProps}
              state={state2}
              onViewChange={ignoreView}
              exposeAs="__frontlineMap2"
              onController={setMap2}
              caption={`Right: ${state.date2}`}
            />
          </div>
        )}
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
