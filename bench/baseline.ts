/**
 * The baseline the app is compared with: the way peers draw a date change. Same basemap, same
 * markers, same layers, but the date's answer is baked into GeoJSON properties and every move
 * rebuilds the collections and calls `setData` (re-tiling and re-laying-out in the worker).
 */
import type { FeatureCollection, Geometry, Point } from 'geojson';
import type { GeoJSONSource, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import * as maplibregl from 'maplibre-gl';
import type { TimeIndex } from '../src/claims/timeline';
import { appLayers, SOURCE_IDS } from '../src/map/appLayers';
import { computeFeatureStates, type MapInputs } from '../src/map/featureStates';
import { markerImages } from '../src/map/icons';
import { AGREEMENT_KEYS, STATUSES } from '../src/map/palette';
import type { AppLayerData } from '../src/map/placeFeatures';
import type { MapView } from '../src/state/appState';

// The worker fix (stack.md pitfall 1) is applied by src/map/MapController.ts, which bench/main.ts imports.

/** The app's layers with every `['feature-state', k]` read replaced by `['get', k]`. */
function bakedLayers(): LayerSpecification[] {
  const rewrite = (value: unknown): unknown => {
    if (!Array.isArray(value)) {
      if (value && typeof value === 'object')
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v)]));
      return value;
    }
    if (value[0] === 'feature-state') return ['get', value[1]];
    return value.map(rewrite);
  };
  return appLayers().map((layer) => rewrite(layer) as LayerSpecification);
}

function bake<G extends Geometry, P extends object>(
  collection: FeatureCollection<G, P>,
  states: ReadonlyMap<number, object>,
): FeatureCollection<G> {
  return {
    type: 'FeatureCollection',
    features: collection.features.map((f) => ({ ...f, properties: { ...f.properties, ...states.get(Number(f.id)) } })),
  };
}

export class SetDataMap {
  readonly map: maplibregl.Map;
  private loaded = false;

  constructor(
    container: HTMLElement,
    style: StyleSpecification,
    private readonly index: TimeIndex,
    private readonly layers: AppLayerData,
    view: MapView,
    initial: MapInputs,
    fadeDuration: number | undefined,
    onLoad: () => void,
  ) {
    this.map = new maplibregl.Map({
      container,
      style,
      center: [view.lng, view.lat],
      zoom: view.zoom,
      // As the app's map (src/map/MapController.ts); fadeDuration only when the runner asks.
      attributionControl: { compact: false },
      maxZoom: 16,
      minZoom: 3,
      ...(fadeDuration === undefined ? {} : { fadeDuration }),
    });
    this.map.on('load', () => {
      for (const image of markerImages(AGREEMENT_KEYS, STATUSES))
        this.map.addImage(image.name, image.data, { pixelRatio: image.pixelRatio, sdf: image.sdf });
      this.map.addSource(SOURCE_IDS.uncertainty, { type: 'geojson', data: this.layers.uncertainty });
      const { places, marks } = this.baked(initial);
      this.map.addSource(SOURCE_IDS.places, { type: 'geojson', data: places });
      this.map.addSource(SOURCE_IDS.marks, { type: 'geojson', data: marks });
      for (const layer of bakedLayers()) this.map.addLayer(layer);
      this.loaded = true;
      onLoad();
    });
  }

  /** The same answer the app computes (same function), written into new feature collections. */
  private baked(inputs: MapInputs): { places: FeatureCollection<Point>; marks: FeatureCollection<Point> } {
    const states = computeFeatureStates(this.index, this.layers, inputs);
    return { places: bake(this.layers.places, states.places), marks: bake(this.layers.marks, states.marks) };
  }

  update(inputs: MapInputs): void {
    if (!this.loaded) return;
    const { places, marks } = this.baked(inputs);
    this.map.getSource<GeoJSONSource>(SOURCE_IDS.places)?.setData(places);
    this.map.getSource<GeoJSONSource>(SOURCE_IDS.marks)?.setData(marks);
  }
}
