/**
 * Keeps the map's free part and the places in view in step with what lies over the map: measures the
 * overlays (anything marked `data-map-overlay` in the map's box, and the map's own buttons and credits)
 * whenever one appears, goes or changes size, turns them into padding (src/map/overlayPadding.ts), and hands
 * the padding and the places the user asked for (the open place, or the story step's places) to the adapter.
 */
import { type RefObject, useEffect, useMemo, useState } from 'react';
import { stepPlaces } from '../claims/storyPlaces';
import { NO_PADDING, overlayPadding, type Padding, samePadding } from '../map/overlayPadding';
import { useMapRegistry } from './maps';
import { useApp } from './useApp';

/** What counts as lying over the map: the app's overlays, and MapLibre's controls (zoom, scale, credits). */
const OVERLAYS =
  '[data-map-overlay], .maplibregl-ctrl-top-left > *, .maplibregl-ctrl-top-right > *, .maplibregl-ctrl-bottom-left > *, .maplibregl-ctrl-bottom-right > *';

/** MapLibre's corners at the bottom (scale, credits): the dock keeps above them. */
const BOTTOM_CONTROLS = '.maplibregl-ctrl-bottom-left > *, .maplibregl-ctrl-bottom-right > *';

/** The map's size and the padding the overlays call for. */
interface Measured {
  width: number;
  height: number;
  padding: Padding;
}

const NOTHING: Measured = { width: 0, height: 0, padding: NO_PADDING };

const sameMeasure = (a: Measured, b: Measured) =>
  a.width === b.width && a.height === b.height && samePadding(a.padding, b.padding);

/** The map's size and padding; and, for the dock's CSS, how high the map's bottom controls reach. */
function measure(root: HTMLElement): Measured {
  const map = root.querySelector('.map-canvas')?.getBoundingClientRect();
  if (!map || map.width === 0 || map.height === 0) return NOTHING;
  const bottom = map.top + map.height;
  const controls = [...root.querySelectorAll(BOTTOM_CONTROLS)].map((c) => c.getBoundingClientRect());
  const reach = Math.max(0, ...controls.filter((r) => r.height > 0).map((r) => bottom - r.top));
  if (reach > 0) root.style.setProperty('--map-controls-bottom', `${Math.ceil(reach) + 6}px`);
  const rects = [...root.querySelectorAll(OVERLAYS)].map((element) => element.getBoundingClientRect());
  return { width: Math.round(map.width), height: Math.round(map.height), padding: overlayPadding(map, rects) };
}

/** The place ids to keep in view, joined (a string, so the store's selector is stable). */
function useFramedPlaceIds(): string {
  return useApp((s) => {
    const story = s.ctx.stories.find((x) => x.id === s.story);
    if (story) {
      const claims = new Map(s.dataset.claims.map((c) => [c.id, c.placeIds]));
      return stepPlaces(story, s.step, (id) => claims.get(id) ?? []).join(' ');
    }
    return s.selectedPlace ?? '';
  });
}

/** `dock` holds the app's overlays; its parent is the map's box (the first side of the map area). */
export function useMapFrame(dock: RefObject<HTMLElement | null>): void {
  const controller = useMapRegistry().maps[1];
  // The size is kept too: a map that changes size (a panel beside it opens) is framed again.
  const [{ padding }, setMeasured] = useState<Measured>(NOTHING);
  const ids = useFramedPlaceIds();
  const allPlaces = useApp((s) => s.dataset.places);
  const places = useMemo(() => {
    const wanted = new Set(ids.split(' '));
    return allPlaces.filter((p) => wanted.has(p.id)).map((p) => p.coordinates);
  }, [ids, allPlaces]);

  useEffect(() => {
    const element = dock.current?.parentElement;
    const overlays = dock.current;
    if (!element || !overlays) return;
    const root: HTMLElement = element;
    let frame = 0;
    const resize = new ResizeObserver(() => schedule());
    const observeAll = () => {
      resize.disconnect();
      resize.observe(root);
      for (const overlay of root.querySelectorAll(OVERLAYS)) resize.observe(overlay);
    };
    function schedule() {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const next = measure(root);
        setMeasured((current) => (sameMeasure(current, next) ? current : next));
      });
    }
    // An overlay that appears, goes or is hidden (the legend folding, a card, a hint) is observed anew.
    const mutations = new MutationObserver(() => {
      observeAll();
      schedule();
    });
    mutations.observe(overlays, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
    observeAll();
    schedule();
    return () => {
      cancelAnimationFrame(frame);
      resize.disconnect();
      mutations.disconnect();
    };
    // The map's own controls exist once its adapter does.
  }, [dock, controller]);

  useEffect(() => controller?.setFrame({ padding, places }), [controller, padding, places]);
}
