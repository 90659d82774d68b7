/**
 * The claims on the map (part of the adapter behind ../MapController): the places, their marks and summary
 * rings, as static sources whose feature states change; the label offset for the selection; the place under
 * the pointer and the zoom's integer part (which places show their marks, ../placeCrowding.ts); clicks on a
 * place and the mark under the pointer.
 */
import * as maplibregl from 'maplibre-gl';
import {
  appLayers,
  PLACE_LABEL_LAYER,
  PLACE_MARK_LAYERS,
  PLACE_MARKER_LAYERS,
  PLACE_RING_LAYER,
  placeLabelOffset,
  SOURCE_IDS,
} from '../appLayers';
import {
  changedStates,
  computeFeatureStates,
  type MapFeatureStates,
  type MapFocus,
  type MapInputs,
} from '../featureStates';
import { markerImages } from '../icons';
import type { LabelLanguage } from '../labels';
import { AGREEMENT_KEYS, STATUSES } from '../palette';
import type { AppLayerData, MarkFeatureProps } from '../placeFeatures';

export interface HoveredMark {
  placeId: string;
  sourceId: string;
  point: { x: number; y: number };
}

export interface ClaimCallbacks {
  onPlaceClick: (placeId: string) => void;
  onMarkHover: (mark: HoveredMark | null) => void;
}

/** While a place is under the pointer it stays so within its ring of marks (28 px + a mark), CSS pixels. */
const HOVER_KEEP_PX = 38;

/** The claims' static sources (ids in SOURCE_IDS), in the order they are added. */
const CLAIM_SOURCES = ['uncertainty', 'places', 'marks', 'ring'] as const;

export class ClaimLayers {
  /** The feature states on the map (undefined: none sent since the sources were added or replaced). */
  private applied: MapFeatureStates | undefined;
  /** The inputs last applied: a change of focus applies them again. */
  private inputs: MapInputs | undefined;
  /** The pointer's place and the zoom's integer part: which places show their marks (placeCrowding.ts). */
  private focus: MapFocus;
  /** The selected place the label layer's offset was last set for; undefined: not set since the layer was added. */
  private labelsClearSelection: string | null | undefined;

  constructor(
    private readonly map: maplibregl.Map,
    private layers: AppLayerData,
    callbacks: ClaimCallbacks,
  ) {
    const clickable = [...PLACE_MARKER_LAYERS, PLACE_LABEL_LAYER];
    map.on('click', clickable, (event) => {
      const placeId = event.features?.[0]?.properties?.placeId;
      if (typeof placeId === 'string') callbacks.onPlaceClick(placeId);
    });
    map.on('mouseenter', clickable, () => {
      map.getCanvas().style.cursor = 'pointer';
    });
    map.on('mouseleave', clickable, () => {
      map.getCanvas().style.cursor = '';
    });
    map.on('mousemove', PLACE_MARK_LAYERS, (event) => {
      const visible = event.features?.find((f) => f.state.status && f.state.status !== 'off');
      const props = visible?.properties as Partial<MarkFeatureProps> | undefined;
      if (props?.placeId && props.sourceId)
        callbacks.onMarkHover({ placeId: props.placeId, sourceId: props.sourceId, point: event.point });
      else callbacks.onMarkHover(null);
    });
    map.on('mouseleave', PLACE_MARK_LAYERS, () => callbacks.onMarkHover(null));
    this.focus = { zoom: Math.floor(map.getZoom()), hovered: null };
    // Marks switch on per place at integer zooms: restyle only when the zoom crosses one.
    map.on('zoom', () => {
      const zoom = Math.floor(map.getZoom());
      if (zoom !== this.focus.zoom) this.refocus({ ...this.focus, zoom });
    });
    map.on('mousemove', (event) => this.refocus({ ...this.focus, hovered: this.placeUnder(event.point) }));
    map.on('mouseout', () => this.refocus({ ...this.focus, hovered: null }));
  }

  /** Adds what is missing of the markers' images, the claim sources and the app's layers; states are sent again. */
  install(labels: LabelLanguage): void {
    for (const image of markerImages(AGREEMENT_KEYS, STATUSES))
      if (!this.map.hasImage(image.name))
        this.map.addImage(image.name, image.data, { pixelRatio: image.pixelRatio, sdf: image.sdf });
    for (const key of CLAIM_SOURCES)
      if (!this.map.getSource(SOURCE_IDS[key]))
        this.map.addSource(SOURCE_IDS[key], { type: 'geojson', data: this.layers[key] });
    for (const layer of appLayers(labels)) if (!this.map.getLayer(layer.id)) this.map.addLayer(layer);
    // Feature state does not survive a style change: send all of it again.
    this.applied = undefined;
    this.labelsClearSelection = undefined;
  }

  /** The places', marks' and rings' feature states, as a diff; the label offset when the selection moved. */
  apply(inputs: MapInputs): void {
    this.inputs = inputs;
    if (inputs.selectedPlace !== this.labelsClearSelection && this.map.getLayer(PLACE_LABEL_LAYER)) {
      // A layout property: the places' tiles are laid out again, once per selection, never per date.
      this.map.setLayoutProperty(PLACE_LABEL_LAYER, 'text-radial-offset', placeLabelOffset(inputs.selectedPlace));
      this.labelsClearSelection = inputs.selectedPlace;
    }
    const next = computeFeatureStates(this.layers, inputs, this.focus);
    for (const [id, state] of changedStates(this.applied?.places, next.places))
      this.map.setFeatureState({ source: SOURCE_IDS.places, id }, { ...state });
    for (const [id, state] of changedStates(this.applied?.marks, next.marks))
      this.map.setFeatureState({ source: SOURCE_IDS.marks, id }, { ...state });
    for (const [id, state] of changedStates(this.applied?.ring, next.ring))
      this.map.setFeatureState({ source: SOURCE_IDS.ring, id }, { ...state });
    this.applied = next;
  }

  /**
   * New claims (an import or a removal): on a loaded map (`live`) the static sources are replaced once and
   * their states dropped. True when the layers changed, so the caller applies its inputs again.
   */
  setLayers(layers: AppLayerData, live: boolean): boolean {
    if (layers === this.layers) return false;
    this.layers = layers;
    // A hovered index means a place in the old layers; it may not exist in the new ones.
    this.focus = { ...this.focus, hovered: null };
    if (!live) return false;
    for (const key of CLAIM_SOURCES) {
      const source = this.map.getSource(SOURCE_IDS[key]);
      if (source instanceof maplibregl.GeoJSONSource) source.setData(layers[key]);
    }
    for (const id of [SOURCE_IDS.places, SOURCE_IDS.marks, SOURCE_IDS.ring])
      this.map.removeFeatureState({ source: id });
    this.applied = undefined;
    return true;
  }

  /**
   * The place whose marker or summary ring is under the pointer; the one already under it stays while the
   * pointer is on its ring of marks, so its marks can be pointed at.
   */
  private placeUnder(point: maplibregl.Point): number | null {
    const { hovered } = this.focus;
    if (hovered !== null) {
      const place = this.layers.places.features[hovered];
      if (place && this.map.project(place.geometry.coordinates as [number, number]).dist(point) <= HOVER_KEEP_PX)
        return hovered;
    }
    const layers = [...PLACE_MARKER_LAYERS, PLACE_RING_LAYER].filter((id) => this.map.getLayer(id));
    if (!layers.length) return null;
    const box: [maplibregl.PointLike, maplibregl.PointLike] = [
      [point.x - 2, point.y - 2],
      [point.x + 2, point.y + 2],
    ];
    const placeId = this.map.queryRenderedFeatures(box, { layers })[0]?.properties?.placeId;
    return typeof placeId === 'string' ? (this.layers.placeFeatureId.get(placeId) ?? null) : null;
  }

  private refocus(focus: MapFocus): void {
    if (focus.zoom === this.focus.zoom && focus.hovered === this.focus.hovered) return;
    this.focus = focus;
    if (this.inputs) this.apply(this.inputs);
  }
}
