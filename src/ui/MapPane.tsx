import type { StyleSpecification } from 'maplibre-gl';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Dataset } from '../claims/model';
import type { TimeIndex } from '../claims/timeline';
import { positionsForPlace } from '../claims/timeline';
import { disagreementPair, EMPTY_DISAGREEMENT } from '../map/areaDisagreement';
import type { AreaLayerData } from '../map/areaLayers';
import { basemapStyle } from '../map/basemapStyle';
import type { HoveredMark, MapController } from '../map/MapController';
import { STATUS_STYLE } from '../map/palette';
import { buildAppLayerData } from '../map/placeFeatures';
import { supportsWebGL2 } from '../map/webgl';
import type { AppState, MapView } from '../state/appState';
import { disagreementGeometry } from './areaViews';
import { useOnDemand } from './onDemand';

interface Props {
  dataset: Dataset;
  areas: AreaLayerData | undefined;
  index: TimeIndex;
  state: AppState;
  onPlaceClick: (placeId: string) => void;
  onViewChange: (view: MapView) => void;
  /** Places to ring as changed (the Changes panel's range). */
  changedPlaces?: ReadonlySet<string>;
  onlyDisagreements?: boolean;
  /** Where e2e builds expose the map: the first pane, or the second in compare mode. */
  exposeAs?: MapGlobal;
  /** The controller once the map module has loaded, and null when the pane goes away. */
  onController?: (controller: MapController | null) => void;
  /** Called when the map has loaded its first style. */
  onReady?: () => void;
  /** Shown in a corner of the pane, e.g. the side's date in compare mode. */
  caption?: string;
  /** A basemap style (URL or object) instead of the built-in one (null). */
  basemap?: MapBasemap;
  onBasemapFailed?: (message: string) => void;
}

export type MapBasemap = string | StyleSpecification | null;

type MapGlobal = '__frontlineMap' | '__frontlineMap2';

declare global {
  interface Window {
    /** Set in e2e builds only, so tests can wait for `idle` and query rendered features. */
    __frontlineMap?: MapController['map'];
    /** The second side's map in compare mode (e2e builds only). */
    __frontlineMap2?: MapController['map'];
  }
}

type MapStatus = 'loading' | 'ready' | 'unavailable' | 'failed';

/** The Areas panel, which needs the same geometry code, shows the failure; the map goes without the hatching. */
const warnNoDisagreement = (err: unknown) =>
  console.warn(`Map: the area disagreement cannot be drawn (${err instanceof Error ? err.message : String(err)})`);

export function MapPane({
  dataset,
  areas,
  index,
  state,
  onPlaceClick,
  onViewChange,
  changedPlaces,
  onlyDisagreements = false,
  exposeAs = '__frontlineMap',
  onController,
  onReady,
  caption,
  basemap = null,
  onBasemapFailed,
}: Props) {
  const container = useRef<HTMLDivElement>(null);
  const controller = useRef<MapController | null>(null);
  const [status, setStatus] = useState<MapStatus>('loading');
  const [failure, setFailure] = useState('');
  const [hovered, setHovered] = useState<HoveredMark | null>(null);
  const layers = useMemo(() => buildAppLayerData(dataset, index), [dataset, index]);
  // The map is created once; later renders reach the latest callbacks through this ref.
  // The area of disagreement is rebuilt only when the pair of snapshots in force changes (memoised by pair).
  const pair = disagreementPair(areas, state.date, state.sources, dataset.sources);
  // Same pair, same (cached) collection: the effect below then leaves the map's source alone. The geometry
  // code loads with the first area maps (./areaViews); until it has, there is nothing hatched.
  const geometry = useOnDemand(disagreementGeometry, areas !== undefined, warnNoDisagreement);
  const disagreement = areas && geometry ? geometry.disagreementCollection(areas, pair) : EMPTY_DISAGREEMENT;
  const inputs = useMemo(
    () => ({
      date: state.date,
      sources: state.sources,
      selectedPlace: state.selectedPlace,
      ...(changedPlaces ? { changedPlaces } : {}),
      onlyDisagreements,
    }),
    [state.date, state.sources, state.selectedPlace, changedPlaces, onlyDisagreements],
  );
  const current = {
    onPlaceClick,
    onViewChange,
    onController,
    onReady,
    onBasemapFailed,
    basemap,
    state,
    inputs,
    index,
    layers,
    areas,
    disagreement,
    sources: dataset.sources,
  };
  const latest = useRef(current);
  latest.current = current;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    if (!supportsWebGL2()) {
      setStatus('unavailable');
      return;
    }
    let disposed = false;
    let created: MapController | null = null;
    // The map module is loaded on demand so the panels render before MapLibre arrives.
    import('../map/MapController')
      .then(({ MapController }) => {
        if (disposed) return;
        created = new MapController(
          element,
          basemapStyle(document.baseURI),
          latest.current.index,
          latest.current.layers,
          latest.current.state.view,
          {
            onPlaceClick: (id) => latest.current.onPlaceClick(id),
            onViewChange: (view) => latest.current.onViewChange(view),
            onLoad: () => {
              setStatus('ready');
              latest.current.onReady?.();
            },
            onError: (message) => console.warn(`Map: ${message}`),
            onBasemapFailed: (message) => {
              // The controller is back on the built-in basemap.
              applied.current = null;
              latest.current.onBasemapFailed?.(message);
            },
          },
          setHovered,
        );
        controller.current = created;
        created.setAreas(latest.current.areas, latest.current.sources);
        created.setDisagreement(latest.current.disagreement);
        created.update(latest.current.inputs);
        if (latest.current.basemap !== null) created.setBasemap(latest.current.basemap);
        applied.current = latest.current.basemap;
        if (import.meta.env.VITE_EXPOSE_MAP === 'true') window[exposeAs] = created.map;
        latest.current.onController?.(created);
      })
      .catch((err: unknown) => {
        setFailure(err instanceof Error ? err.message : String(err));
        setStatus('failed');
      });
    return () => {
      disposed = true;
      if (created) latest.current.onController?.(null);
      created?.destroy();
      controller.current = null;
      if (import.meta.env.VITE_EXPOSE_MAP === 'true' && window[exposeAs] === created?.map) delete window[exposeAs];
    };
  }, [exposeAs]);

  useEffect(() => {
    controller.current?.setDataset(index, layers);
  }, [index, layers]);

  useEffect(() => {
    controller.current?.setAreas(areas, dataset.sources);
  }, [areas, dataset.sources]);

  useEffect(() => {
    controller.current?.update(inputs);
  }, [inputs]);

  useEffect(() => {
    controller.current?.setDisagreement(disagreement);
  }, [disagreement]);

  // The basemap the map was last switched to, so a re-render does not reload the same style.
  const applied = useRef<MapBasemap>(null);
  useEffect(() => {
    if (!controller.current || applied.current === basemap) return;
    applied.current = basemap;
    controller.current.setBasemap(basemap);
  }, [basemap]);

  useEffect(() => {
    controller.current?.setView(state.view);
  }, [state.view]);

  return (
    <div className="map-pane">
      <div ref={container} className="map-canvas" data-map-status={status} />
      {caption && (
        <div className="map-caption" aria-hidden="true">
          {caption}
        </div>
      )}
      {status === 'loading' && (
        <div className="map-overlay" role="status">
          <span className="spinner" aria-hidden="true" /> Loading the map…
        </div>
      )}
      {status === 'unavailable' && (
        <div className="map-overlay map-unavailable" role="alert">
          The map cannot start in this browser because WebGL 2 is unavailable. The date slider, the sources and the
          place timelines still work: pick a place from the list.
        </div>
      )}
      {status === 'failed' && (
        <div className="map-overlay map-unavailable" role="alert">
          The map failed to start: {failure}. The date slider, the sources and the place timelines still work.
        </div>
      )}
      {hovered && <MarkTooltip hovered={hovered} dataset={dataset} index={index} state={state} />}
    </div>
  );
}

function MarkTooltip({
  hovered,
  dataset,
  index,
  state,
}: {
  hovered: HoveredMark;
  dataset: Dataset;
  index: TimeIndex;
  state: AppState;
}) {
  const source = dataset.sources.find((s) => s.id === hovered.sourceId);
  const position = positionsForPlace(index, hovered.placeId, state.date, new Set([hovered.sourceId]))[0];
  if (!source || !position) return null;
  return (
    <div className="map-tooltip" style={{ left: hovered.point.x + 12, top: hovered.point.y + 12 }}>
      <strong>{source.shortName}</strong>: {STATUS_STYLE[position.status].label} (stated {position.claim.statedDate})
    </div>
  );
}
