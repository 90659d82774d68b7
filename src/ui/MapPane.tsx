import { useEffect, useMemo, useRef, useState } from 'react';
import type { TimeIndex } from '../claims/timeline';
import { disagreementCollection } from '../map/areaDisagreement';
import { areaLayerDataOf } from '../map/areaLayers';
import type { HoveredMark, MapController } from '../map/MapController';
import { buildAppLayerData } from '../map/placeFeatures';
import { supportsWebGL2 } from '../map/webgl';
import { ClaimsTable } from './ClaimsTable';
import { currentLang, useT } from './i18n';
import { MarkTooltip } from './MarkTooltip';
import { useMapRegistry } from './maps';
import { useApp, useAppStore, useViews } from './useApp';

/** Which side a pane draws: the first (or only) map, or the second in compare mode. */
export type MapSide = 1 | 2;

type MapStatus = 'loading' | 'ready' | 'unavailable' | 'failed';

/** The static layers are built once per dataset and shared by both panes. */
const layersByIndex = new WeakMap<TimeIndex, ReturnType<typeof buildAppLayerData>>();

/**
 * One map pane: reads its side's view from the store and hands it to the map adapter, which applies
 * only what changed. The pane never touches MapLibre itself.
 */
export function MapPane({ side }: { side: MapSide }) {
  const views = useViews();
  const dataset = useApp((s) => s.dataset);
  const index = useApp((s) => s.index);
  const loadedAreas = useApp((s) => s.areas);
  const catalog = useApp((s) => s.areaCatalog);
  const areas = useMemo(() => catalog && areaLayerDataOf(loadedAreas, catalog), [loadedAreas, catalog]);
  // Everything that depends on this side's date and sources, worked out once per change (src/state/view.ts).
  const frame = useApp(side === 1 ? views.frame : views.frame2);
  const claims = frame.claims;
  const selectedPlace = useApp((s) => s.selectedPlace);
  const ringed = useApp((s) => (side === 1 ? views.changes(s).ringed : undefined));
  const onlyDisagreements = useApp((s) => s.onlyDisagreements);
  const basemap = useApp((s) => s.basemapStyle);
  const view = useApp((s) => s.view);
  const t = useT();
  const caption = useApp((s) =>
    s.compare ? (side === 1 ? t('map.left', { date: s.date }) : t('map.right', { date: s.date2 })) : null,
  );
  // The language the interface is in (its strings loaded), not just the one asked for.
  const labelLang = currentLang();
  const approx = t('precision.approx');
  const labels = useMemo(() => ({ lang: labelLang, approx }), [labelLang, approx]);
  const store = useAppStore();
  const { register } = useMapRegistry();

  const container = useRef<HTMLDivElement>(null);
  const controller = useRef<MapController | null>(null);
  const [status, setStatus] = useState<MapStatus>('loading');
  const [failure, setFailure] = useState('');
  const [hovered, setHovered] = useState<HoveredMark | null>(null);
  const layers = useMemo(() => {
    const built = layersByIndex.get(index) ?? buildAppLayerData(dataset, index);
    layersByIndex.set(index, built);
    return built;
  }, [dataset, index]);
  // The hatched ground where two area maps disagree, measured ahead of the slider by the area timeline, for
  // the pair compared and those within reach: the same pair, the same collection, so the map holds them.
  const hatching = frame.hatching;
  const disagreement = useMemo(
    () => ({
      shown: hatching.shown,
      onHand: hatching.onHand.map((p) => ({ key: p.key, collection: disagreementCollection(p.disagreement) })),
    }),
    [hatching],
  );
  const inputs = useMemo(
    () => ({
      view: claims,
      areasOnHand: frame.areasOnHand,
      selectedPlace,
      ...(ringed ? { changedPlaces: ringed } : {}),
      onlyDisagreements,
    }),
    [claims, frame.areasOnHand, selectedPlace, ringed, onlyDisagreements],
  );
  // The map is created once; later renders reach the latest values through this ref.
  const latest = useRef({ inputs, layers, areas, disagreement, basemap, view, dataset, labels });
  latest.current = { inputs, layers, areas, disagreement, basemap, view, dataset, labels };

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
        const now = latest.current;
        created = new MapController(
          element,
          now.layers,
          {
            onPlaceClick: (id) => store.getState().selectPlace(id),
            onViewChange: (view) => {
              if (side === 1) store.getState().update({ view });
            },
            onLoad: () => setStatus('ready'),
            onError: (message) => console.warn(`Map: ${message}`),
            onBasemapFailed: (message) => store.getState().basemapFailed(message),
            onMarkHover: setHovered,
          },
          {
            initialView: now.view,
            ...(import.meta.env.VITE_EXPOSE_MAP === 'true'
              ? { exposeAs: side === 1 ? ('__frontlineMap' as const) : ('__frontlineMap2' as const) }
              : {}),
          },
        );
        controller.current = created;
        created.setAreas(now.areas, now.dataset.sources);
        created.setDisagreement(now.disagreement);
        created.update(now.inputs);
        created.setBasemap(now.basemap);
        created.setLanguage(now.labels);
        register(side, created);
      })
      .catch((err: unknown) => {
        setFailure(err instanceof Error ? err.message : String(err));
        setStatus('failed');
      });
    return () => {
      disposed = true;
      if (created) register(side, null);
      created?.destroy();
      controller.current = null;
    };
  }, [side, register, store]);

  useEffect(() => controller.current?.setLayers(layers), [layers]);
  useEffect(() => controller.current?.setAreas(areas, dataset.sources), [areas, dataset.sources]);
  useEffect(() => controller.current?.update(inputs), [inputs]);
  useEffect(() => controller.current?.setDisagreement(disagreement), [disagreement]);
  useEffect(() => controller.current?.setBasemap(basemap), [basemap]);
  useEffect(() => controller.current?.setLanguage(labels), [labels]);
  useEffect(() => {
    if (side === 1) controller.current?.setView(view);
  }, [side, view]);

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
          <span className="spinner" aria-hidden="true" /> {t('map.loading')}
        </div>
      )}
      {status === 'unavailable' && (
        <div className="map-unavailable-view">
          <p className="map-unavailable" role="alert">
            {t('map.noWebgl')}
          </p>
          {side === 1 && <ClaimsTable />}
        </div>
      )}
      {status === 'failed' && (
        <div className="map-overlay map-unavailable" role="alert">
          {t('map.failed', { failure })}
        </div>
      )}
      {hovered && <MarkTooltip hovered={hovered} view={claims} />}
    </div>
  );
}
