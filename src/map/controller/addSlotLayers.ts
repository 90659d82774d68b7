/**
 * Adding the slots' many layers (../areaLayers.ts, ../areaDisagreement.ts: a fill, an outline and a front line
 * per slot, a fill and a line per hatching slot) without MapLibre's cost per layer of the whole style.
 *
 * `map.addLayer` validates the layer against a serialisation of the whole style (`Style._validate` calls
 * `Style.serialize`, which clones every layer), so adding n layers costs n²: on the real archive the ~330 slot
 * layers took ~70 ms of one task. The slots' layers come from one builder per kind and differ only in id,
 * filter and opacity, so the first layer of each kind (its id without the slot number) goes through
 * `map.addLayer` and its validation, and the rest are added with validation off (`Style.addLayer`'s
 * `validate: false`, past MapLibre's public surface), then the map is asked once to update its style. The e2e
 * tests see every kind drawn.
 */
import type * as maplibregl from 'maplibre-gl';

export function addSlotLayers(map: maplibregl.Map, layers: readonly maplibregl.LayerSpecification[], before?: string) {
  const validated = new Set<string>();
  let added = false;
  for (const layer of layers) {
    if (map.getLayer(layer.id)) continue;
    const kind = layer.id.replace(/-\d+$/, '');
    if (!validated.has(kind)) {
      validated.add(kind);
      map.addLayer(layer, before);
      continue;
    }
    map.style.addLayer(layer, before, { validate: false });
    added = true;
  }
  if (added) map._update(true);
}
