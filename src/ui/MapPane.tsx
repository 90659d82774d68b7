import { useEffect, useMemo, useRef, useState } from 'react';
import type { Dataset } from '../claims/model';
import type { TimeIndex } from '../claims/timeline';
import { positionsForPlace } from '../claims/timeline';
import type { AreaLayerData } from '../map/areaLayers';
import { basemapStyle } from '../map/basemapStyle';
import type { HoveredMark, MapController } from '../map/MapController';
import { STATUS_STYLE } from '../map/palette';
import { buildAppLayerData } from '../map/placeFeatures';
import { supportsWebGL2 } from '../map/webgl';
import type { AppState, MapView } from '../state/appState';

interface Props {
  dataset: Dataset;
  areas: AreaLayerData | undefined;
  index: TimeIndex;
  state: AppState;
  onPlaceClick: (placeId: string) => void;
  onViewChange: (view: MapView) => void;
}

declare global {
  interface Window {
    /** Set in e2e builds only, so tests can wait for `idle` and query rendered features. */
    __frontlineMap?: MapController['map'];
  }
}

type MapStatus = 'loading' | 'ready' | 'unavailable' | 'failed';

export function MapPane({ dataset, areas, index, state, onPlaceClick, onViewChange }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const controller = useRef<MapController | null>(null);
  const [status, setStatus] = useState<MapStatus>('loading');
  const [failure, setFailure] = useState('');
  const [hovered, setHovered] = useState<HoveredMark | null>(null);
  const layers = useMemo(() => buildAppLayerData(dataset, index), [dataset, index]);
  // The map is created once; later renders reach the latest callbacks through this ref.
  const latest = useRef({ onPlaceClick, onViewChange, state, index, layers, areas, sources: dataset.sources });
  latest.current = { onPlaceClick, onViewChange, state, index, layers, areas, sources: dataset.sources };

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
            onLoad: () => setStatus('ready'),
            onError: (message) => console.warn(`Map: ${message}`),
          },
          setHovered,
        );
        controller.current = created;
        created.setAreas(latest.current.areas, latest.current.sources);
        const { date, sources, selectedPlace } = latest.current.state;
        created.update({ date, sources, selectedPlace });
        if (import.meta.env.VITE_EXPOSE_MAP === 'true') window.__frontlineMap = created.map;
      })
      .catch((err: unknown) => {
        setFailure(err instanceof Error ? err.message : String(err));
        setStatus('failed');
      });
    return () => {
      disposed = true;
      created?.destroy();
      controller.current = null;
    };
  }, []);

  useEffect(() => {
    controller.current?.setDataset(index, layers);
  }, [index, layers]);

  useEffect(() => {
    controller.current?.setAreas(areas, dataset.sources);
  }, [areas, dataset.sources]);

  useEffect(() => {
    controller.current?.update({ date: state.date, sources: state.sources, selectedPlace: state.selectedPlace });
  }, [state.date, state.sources, state.selectedPlace]);

  useEffect(() => {
    controller.current?.setView(state.view);
  }, [state.view]);

  return (
    <div className="map-pane">
      <div ref={container} className="map-canvas" data-map-status={status} />
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
