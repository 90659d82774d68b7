/**
 * The baseline the app is compared with: the way peers draw a date change. Same basemap, same
 * markers, same layers, but the date's answer is baked into GeoJSON properties and every move
 * rebuilds the collections and calls `setData` (re-tiling and re-laying-out in the worker).
 * Area maps likewise: the area sources get the snapshots in force by `setData` on every move, where the
 * app sends only the snapshots that switched, and only when some did (`updateData`).
 */
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import type { GeoJSONSource, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import * as maplibregl from 'maplibre-gl';
import { snapshotsOnHand } from '../src/areas/catalog';
import type { MapView } from '../src/common/types';
import { appLayers, FIRST_APP_LAYER, SOURCE_IDS } from '../src/map/appLayers';
import { AREA_SOURCE, type AreaLayerData, areaLayersShowingAll, FRONTLINE_SOURCE } from '../src/map/areaLayers';
import { computeFeatureStates, type MapInputs } from '../src/map/featureStates';
import { markerImages } from '../src/map/icons';
import { AGREEMENT_KEYS, STATUSES } from '../src/map/palette';
import type { AppLayerData } from '../src/map/placeFeatures';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

// The worker fix (stack.md pitfall 1) is applied by src/map/MapController.ts, which bench/main.ts imports.

/** `layers` with every `['feature-state', k]` read replaced by `['get', k]`. */
function bakedLayers(layers: LayerSpecification[]): LayerSpecification[] {
  const rewrite = (value: unknown): unknown => {
    if (!Array.isArray(value)) {
      if (value && typeof value === 'object')
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v)]));
      return value;
    }
    if (value[0] === 'feature-state') return ['get', value[1]];
    return value.map(rewrite);
  };
  return layers.map((layer) => rewrite(layer) as LayerSpecification);
}

function bake<G extends Geometry, P extends object>(
  collection: FeatureCollection<G, P>,
  states: readonly object[],
): FeatureCollection<G> {
  return {
    type: 'FeatureCollection',
    features: collection.features.map((f) => ({ ...f, properties: { ...f.properties, ...states[Number(f.id)] } })),
  };
}

/** The features of the snapshots in force, as a new collection (the app instead sends only the difference). */
function bakeAreas<G extends Geometry>(
  snapshots: ReadonlySet<number>,
  featuresOf: (snapshot: number) => readonly Feature<G>[],
): FeatureCollection<G> {
  const shown: Feature<G>[] = [];
  for (const s of [...snapshots].sort((a, b) => a - b)) for (const f of featuresOf(s)) shown.push(f);
  return { type: 'FeatureCollection', features: shown };
}

export interface SetDataOptions {
  /** MapLibre's symbol fade; its default when undefined. */
  fadeDuration: number | undefined;
  onLoad: () => void;
}

export class SetDataMap {
  readonly map: maplibregl.Map;
  private loaded = false;

  constructor(
    container: HTMLElement,
    style: StyleSpecification,
    private readonly layers: AppLayerData,
    private readonly areas: AreaLayerData | undefined,
    sources: readonly { id: string; color: string }[],
    view: MapView,
    initial: MapInputs,
    { fadeDuration, onLoad }: SetDataOptions,
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
      for (const layer of bakedLayers(appLayers())) this.map.addLayer(layer);
      if (this.areas) {
        // The app's area style, drawing all it is given (the snapshots in force), below the places as in the app.
        const areaSources = sources.filter((s) => this.areas?.sourceIds.includes(s.id));
        const { areas, frontLines } = this.bakedAreas(initial);
        this.map.addSource(AREA_SOURCE, { type: 'geojson', data: areas });
        this.map.addSource(FRONTLINE_SOURCE, { type: 'geojson', data: frontLines });
        for (const layer of areaLayersShowingAll(areaSources)) this.map.addLayer(layer, FIRST_APP_LAYER);
      }
      this.loaded = true;
      onLoad();
    });
  }

  /** The snapshots in force (the app's own lookup), as new collections of their polygons and front lines. */
  private bakedAreas(inputs: MapInputs): { areas: FeatureCollection; frontLines: FeatureCollection } {
    const data = this.areas;
    if (!data) return { areas: EMPTY, frontLines: EMPTY };
    const shown = snapshotsOnHand(data, inputs.view.date, inputs.view.sources).visible;
    return {
      areas: bakeAreas(shown, (s) => data.featuresBySnapshot[s] ?? []),
      frontLines: bakeAreas(shown, (s) => data.frontLines.features.slice(s, s + 1)),
    };
  }

  /** The same answer the app computes (same function), written into new feature collections. */
  private baked(inputs: MapInputs): { places: FeatureCollection<Point>; marks: FeatureCollection<Point> } {
    const states = computeFeatureStates(this.layers, inputs);
    return { places: bake(this.layers.places, states.places), marks: bake(this.layers.marks, states.marks) };
  }

  update(inputs: MapInputs): void {
    if (!this.loaded) return;
    const { places, marks } = this.baked(inputs);
    this.map.getSource<GeoJSONSource>(SOURCE_IDS.places)?.setData(places);
    this.map.getSource<GeoJSONSource>(SOURCE_IDS.marks)?.setData(marks);
    if (!this.areas) return;
    const { areas, frontLines } = this.bakedAreas(inputs);
    this.map.getSource<GeoJSONSource>(AREA_SOURCE)?.setData(areas);
    this.map.getSource<GeoJSONSource>(FRONTLINE_SOURCE)?.setData(frontLines);
  }
}
