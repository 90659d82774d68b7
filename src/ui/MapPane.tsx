import { useEffect, useMemo, useRef, useState } from 'react';
import type { HoveredMark, MapController } from '../map/MapController';
import { supportsWebGL2 } from '../map/webgl';
import { ClaimsTable } from './ClaimsTable';
import { currentLang, useT } from './i18n';
import { MarkTooltip } from './MarkTooltip';
import { appLayersOf, bindMapToStore } from './mapBinding';
import { useMapRegistry } from './maps';
import { useApp, useAppStore, useViews } from './useApp';

/** Which side a pane draws: the first (or only) map, or the second in compare mode. */
export type MapSide = 1 | 2;

type MapStatus = 'loading' | 'ready' | 'unavailable' | 'failed';

/**
 * One map pane: owns its map adapter's lifetime, which follows its side's view straight from the store
 * (./mapBinding.ts) and applies only what changed. The pane never touches MapLibre itself.
 */
export function MapPane({ side }: { side: MapSide }) {
  const views = useViews();
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
  // The map is created once; later renders reach the latest values through this ref.
  const latest = useRef({ basemap, view, labels });
  latest.current = { basemap, view, labels };

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    if (!supportsWebGL2()) {
      setStatus('unavailable');
      return;
    }
    let disposed = false;
    let created: MapController | null = null;
    let unbind = () => {};
    // The map module is loaded on demand so the panels render before MapLibre arrives.
    import('../map/MapController')
      .then(({ MapController }) => {
        if (disposed) return;
        const now = latest.current;
        created = new MapController(
          element,
          appLayersOf(store.getState()),
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
        unbind = bindMapToStore(store, views, side, created);
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
      unbind();
      if (created) register(side, null);
      created?.destroy();
      controller.current = null;
    };
  }, [side, register, store, views]);

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
      {hovered && <HoveredTooltip side={side} hovered={hovered} />}
    </div>
  );
}

/** The hovered mark's tooltip, reading its side's claims only while a mark is hovered. */
function HoveredTooltip({ side, hovered }: { side: MapSide; hovered: HoveredMark }) {
  const views = useViews();
  const claims = useApp(side === 1 ? views.claims : views.claims2);
  return <MarkTooltip hovered={hovered} view={claims} />;
}
