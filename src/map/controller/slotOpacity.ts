/**
 * Showing and hiding a slot (../areaLayers.ts, ./hatching.ts) by its layers' constant opacity, drawn in the
 * next frame and in that frame only.
 *
 * `map.setPaintProperty` marks the style changed. MapLibre applies the change inside the next frame, and the
 * style's `data` event from there makes the map ask for one more full frame (mapbox-gl-js#5762), which draws
 * the same picture again. Under software rendering that frame is a whole repaint per slider move. A constant
 * opacity needs no re-layout, no worker and no transition (the slots' layers have none), so the layer takes
 * the value itself, and the map is only told that its style must be evaluated again in the next frame.
 *
 * This reaches past MapLibre's public surface (`StyleLayer.updateTransitions`, `Map._update`,
 * `Style._serializedLayers`); test/e2e/archiveSteps.spec.ts fails if a MapLibre upgrade changes either the
 * outcome (the slot drawn) or the frame count.
 */
import * as maplibregl from 'maplibre-gl';

type OpacityProperty = 'fill-opacity' | 'line-opacity';

/** A slot's layers switch at once: the layers are declared without a transition, and none is started here. */
const AT_ONCE = { duration: 0, delay: 0 };

/** Sets a constant `opacity` on each layer that exists and differs; one frame draws them all. */
export function setSlotOpacities(
  map: maplibregl.Map,
  changes: readonly { layerId: string; property: OpacityProperty; opacity: number }[],
): void {
  let changed = false;
  for (const { layerId, property, opacity } of changes) {
    const layer = map.getLayer(layerId);
    const before = layer?.getPaintProperty(property);
    if (!layer || before === opacity) continue;
    // True when the layer had a data-driven value, which needs a re-layout: then MapLibre's own path, from the
    // value it had, is the right one.
    if (layer.setPaintProperty(property, opacity)) {
      layer.setPaintProperty(property, before);
      map.setPaintProperty(layerId, property, opacity);
      continue;
    }
    layer.updateTransitions({ now: maplibregl.now(), transition: AT_ONCE });
    // `getStyle()` serialises from a cache that the style's own paint path clears.
    const serialized = map.style._serializedLayers;
    if (serialized?.[layerId]) serialized[layerId] = layer.serialize();
    changed = true;
  }
  if (!changed) return;
  // The next frame re-evaluates every layer's paint (Style.update → recalculate) without the `data` event.
  map._update(true);
}
