/**
 * What a map pane draws, handed to its adapter straight from the store: a store change (a slider step, a
 * source switched, an import) reaches the map in the same task, before the next animation frame, so the map
 * draws the new date in its first frame. Through React the map heard of it only in a passive effect, after a
 * frame had been drawn with the old state (one wasted software-rendered frame per move, docs/PERFORMANCE.md
 * round 9). The order matters: new claim layers and area data first, then the states that index into them.
 */
import type { TimeIndex } from '../claims/timeline';
import { disagreementCollection, type HeldHatching } from '../map/areaDisagreement';
import { areaLayerDataOf } from '../map/areaLayers';
import type { MapController } from '../map/MapController';
import { buildAppLayerData } from '../map/placeFeatures';
import type { AppStore, Store } from '../state/store';
import type { HatchingOnHand, ViewSelectors } from '../state/view';

/** The static layers are built once per dataset and shared by both panes. */
const layersByIndex = new WeakMap<TimeIndex, ReturnType<typeof buildAppLayerData>>();

export function appLayersOf(s: Store) {
  const built = layersByIndex.get(s.index) ?? buildAppLayerData(s.dataset, s.index);
  layersByIndex.set(s.index, built);
  return built;
}

const hatchings = new WeakMap<HatchingOnHand, HeldHatching>();

/** The hatching as GeoJSON: the same pair, the same collection, so the map holds it while the pair holds. */
function hatchingOf(h: HatchingOnHand): HeldHatching {
  const known = hatchings.get(h);
  if (known) return known;
  const held = {
    shown: h.shown,
    onHand: h.onHand.map((p) => ({ key: p.key, collection: disagreementCollection(p.disagreement) })),
  };
  hatchings.set(h, held);
  return held;
}

/** Feeds `controller` from the store for `side` now and on every change; returns the unsubscribe. */
export function bindMapToStore(store: AppStore, views: ViewSelectors, side: 1 | 2, controller: MapController) {
  let last: readonly unknown[] = [];
  const apply = (s: Store) => {
    const frame = side === 1 ? views.frame(s) : views.frame2(s);
    // The rings follow the Changes panel's range: worked out only while they are drawn.
    const ringed = side === 1 && s.highlightChanges ? views.changes(s).ringed : undefined;
    const layers = appLayersOf(s);
    const areas = s.areaCatalog && areaLayerDataOf(s.areas, s.areaCatalog);
    const hatching = hatchingOf(frame.hatching);
    // The frame's claims and snapshots on hand, not the frame: a new frame that only holds newly measured
    // hatching (the area timeline answers every ~50 ms while it fills) leaves the places' states alone.
    const now = [
      layers,
      areas,
      s.dataset.sources,
      hatching,
      frame.claims,
      frame.areasOnHand,
      s.selectedPlace,
      ringed,
      s.onlyDisagreements,
    ];
    if (now.every((v, i) => v === last[i])) return;
    const changed = (i: number) => now[i] !== last[i];
    if (changed(0)) controller.setLayers(layers);
    if (changed(1) || changed(2)) controller.setAreas(areas, s.dataset.sources);
    if (changed(3)) controller.setDisagreement(hatching);
    if ([4, 5, 6, 7, 8].some(changed))
      controller.update({
        view: frame.claims,
        areasOnHand: frame.areasOnHand,
        selectedPlace: s.selectedPlace,
        ...(ringed ? { changedPlaces: ringed } : {}),
        onlyDisagreements: s.onlyDisagreements,
      });
    last = now;
  };
  apply(store.getState());
  return store.subscribe(apply);
}
