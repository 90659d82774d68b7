/**
 * The one imperative adapter: owns the MapLibre map, adds the app's layers
 * once, and on every state change sends only the feature states that changed.
 */

import type { StyleSpecification } from 'maplibre-gl';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { TimeIndex } from '../claims/timeline';
import type { MapView } from '../state/appState';
import { appLayers, FIRST_APP_LAYER, PLACE_MARK_LAYERS, PLACE_MARKER_LAYERS, SOURCE_IDS } from './appLayers';
import {
  AREA_FILL_LAYER,
  AREA_SOURCE,
  type AreaLayerData,
  areaLayers,
  FRONTLINE_LAYER,
  FRONTLINE_SOURCE,
  frontLineLayer,
  visibleSnapshots,
} from './areaLayers';
import { changedStates, computeFeatureStates, type MapFeatureStates, type MapInputs } from './featureStates';
import { markerImages } from './icons';
import { AGREEMENT_KEYS, STATUSES } from './palette';
import type { AppLayerData, MarkFeatureProps } from './placeFeatures';

maplibregl.setWorkerUrl(workerUrl);

export interface MapCallbacks {
  onPlaceClick: (placeId: string) => void;
  onViewChange: (view: MapView) => void;
  onLoad: () => void;
  onError: (message: string) => void;
}

export interface HoveredMark {
  placeId: string;
  sourceId: string;
  point: { x: number; y: number };
}

const sameView = (a: MapView, b: MapView) =>
  Math.abs(a.zoom - b.zoom) < 0.01 && Math.abs(a.lat - b.lat) < 1e-5 && Math.abs(a.lng - b.lng) < 1e-5;

export class MapController {
  readonly map: maplibregl.Map;
  private loaded = false;
  private applied: MapFeatureStates | undefined;
  private pending: MapInputs | undefined;
  private areas: AreaLayerData | undefined;
  private areaSources: { id: string; color: string }[] = [];
  /** Snapshot indices currently drawn. */
  private shownSnapshots = new Set<number>();

  constructor(
    container: HTMLElement,
    style: StyleSpecification,
    private index: TimeIndex,
    private layers: AppLayerData,
    initialView: MapView,
    private readonly callbacks: MapCallbacks,
    onMarkHover: (mark: HoveredMark | null) => void,
  ) {
    this.map = new maplibregl.Map({
      container,
      style,
      center: [initialView.lng, initialView.lat],
      zoom: initialView.zoom,
      attributionControl: { compact: false },
      maxZoom: 16,
      minZoom: 3,
    });
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.map.on('load', () => this.addAppLayers());
    this.map.on('error', (event) => callbacks.onError(event.error?.message ?? 'the map reported an error'));
    this.map.on('moveend', () => {
      const c = this.map.getCenter();
      callbacks.onViewChange({ lng: c.lng, lat: c.lat, zoom: this.map.getZoom() });
    });
    const clickable = [...PLACE_MARKER_LAYERS, 'place-labels'];
    this.map.on('click', clickable, (event) => {
      const placeId = event.features?.[0]?.properties?.placeId;
      if (typeof placeId === 'string') callbacks.onPlaceClick(placeId);
    });
    this.map.on('mouseenter', clickable, () => {
      this.map.getCanvas().style.cursor = 'pointer';
    });
    this.map.on('mouseleave', clickable, () => {
      this.map.getCanvas().style.cursor = '';
    });
    this.map.on('mousemove', PLACE_MARK_LAYERS, (event) => {
      const visible = event.features?.find((f) => f.state.status && f.state.status !== 'off');
      const props = visible?.properties as Partial<MarkFeatureProps> | undefined;
      if (props?.placeId && props.sourceId)
        onMarkHover({ placeId: props.placeId, sourceId: props.sourceId, point: event.point });
      else onMarkHover(null);
    });
    this.map.on('mouseleave', PLACE_MARK_LAYERS, () => onMarkHover(null));
  }

  private addAppLayers(): void {
    for (const image of markerImages(AGREEMENT_KEYS, STATUSES))
      this.map.addImage(image.name, image.data, { pixelRatio: image.pixelRatio, sdf: image.sdf });
    this.map.addSource(SOURCE_IDS.uncertainty, { type: 'geojson', data: this.layers.uncertainty });
    this.map.addSource(SOURCE_IDS.places, { type: 'geojson', data: this.layers.places });
    this.map.addSource(SOURCE_IDS.marks, { type: 'geojson', data: this.layers.marks });
    for (const layer of appLayers()) this.map.addLayer(layer);
    this.loaded = true;
    if (this.areas) this.installAreas();
    if (this.pending) this.update(this.pending);
    this.callbacks.onLoad();
  }

  /** Apply the app state; cheap when little changed, so it can run on every slider step. */
  update(inputs: MapInputs): void {
    this.pending = inputs;
    if (!this.loaded) return;
    const next = computeFeatureStates(this.index, this.layers, inputs);
    for (const [id, state] of changedStates(this.applied?.places, next.places))
      this.map.setFeatureState({ source: SOURCE_IDS.places, id }, { ...state });
    for (const [id, state] of changedStates(this.applied?.marks, next.marks))
      this.map.setFeatureState({ source: SOURCE_IDS.marks, id }, { ...state });
    this.applied = next;
    this.updateAreas(inputs);
  }

  /** Show the snapshots in force; only the snapshots that switch on or off are touched. */
  private updateAreas(inputs: MapInputs): void {
    const areas = this.areas;
    if (!areas || !this.map.getSource(AREA_SOURCE)) return;
    const next = visibleSnapshots(areas, inputs.date, inputs.sources);
    const flip = (snapshot: number, visible: boolean) => {
      for (const id of areas.featureIds[snapshot] ?? [])
        this.map.setFeatureState({ source: AREA_SOURCE, id }, { visible });
      this.map.setFeatureState({ source: FRONTLINE_SOURCE, id: snapshot }, { visible });
    };
    for (const s of this.shownSnapshots) if (!next.has(s)) flip(s, false);
    for (const s of next) if (!this.shownSnapshots.has(s)) flip(s, true);
    this.shownSnapshots = next;
  }

  /** Imported area snapshots changed: replace the area sources once and re-show what is in force. */
  setAreas(areas: AreaLayerData | undefined, sources: readonly { id: string; color: string }[]): void {
    this.areas = areas;
    this.areaSources = sources.filter((s) => areas?.sourceIds.includes(s.id));
    if (this.loaded) this.installAreas();
  }

  private installAreas(): void {
    for (const layer of this.map.getLayersOrder())
      if (layer === AREA_FILL_LAYER || layer === FRONTLINE_LAYER || layer.startsWith('area-outline-'))
        this.map.removeLayer(layer);
    for (const source of [AREA_SOURCE, FRONTLINE_SOURCE]) if (this.map.getSource(source)) this.map.removeSource(source);
    this.shownSnapshots = new Set();
    const areas = this.areas;
    if (!areas) return;
    this.map.addSource(AREA_SOURCE, { type: 'geojson', data: areas.collection });
    this.map.addSource(FRONTLINE_SOURCE, { type: 'geojson', data: areas.frontLines });
    // Below the places, so markers stay on top of any area.
    for (const layer of [...areaLayers(this.areaSources), frontLineLayer()]) this.map.addLayer(layer, FIRST_APP_LAYER);
    if (this.pending) this.updateAreas(this.pending);
  }

  /** New claims (an import or a removal): replace the static sources once, then reapply state. */
  setDataset(index: TimeIndex, layers: AppLayerData): void {
    if (index === this.index && layers === this.layers) return;
    this.index = index;
    this.layers = layers;
    if (!this.loaded) return;
    const set = (id: string, data: GeoJSON.GeoJSON) => {
      const source = this.map.getSource(id);
      if (source instanceof maplibregl.GeoJSONSource) source.setData(data);
    };
    set(SOURCE_IDS.uncertainty, layers.uncertainty);
    set(SOURCE_IDS.places, layers.places);
    set(SOURCE_IDS.marks, layers.marks);
    this.map.removeFeatureState({ source: SOURCE_IDS.places });
    this.map.removeFeatureState({ source: SOURCE_IDS.marks });
    this.applied = undefined;
    if (this.pending) this.update(this.pending);
  }

  setView(view: MapView): void {
    const c = this.map.getCenter();
    if (sameView(view, { lng: c.lng, lat: c.lat, zoom: this.map.getZoom() })) return;
    this.map.jumpTo({ center: [view.lng, view.lat], zoom: view.zoom });
  }

  flyTo(coordinates: [number, number], zoom: number): void {
    this.map.flyTo({ center: coordinates, zoom: Math.max(this.map.getZoom(), zoom) });
  }

  destroy(): void {
    this.map.remove();
  }
}
