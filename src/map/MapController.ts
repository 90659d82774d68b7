/**
 * The one imperative adapter: owns the MapLibre map (nothing outside this class touches it), adds the
 * app's layers once, and on every state change sends only the feature states that changed. What the
 * UI needs of the map (a picture, the attribution, a shared view in compare mode) is a method here.
 */

import type { StyleSpecification } from 'maplibre-gl';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { AreaSnapshot } from '../areas/model';
import type { MapView } from '../state/appState';
import {
  appLayers,
  FIRST_APP_LAYER,
  PLACE_LABEL_LAYER,
  PLACE_MARK_LAYERS,
  PLACE_MARKER_LAYERS,
  PLACE_RING_LAYER,
  placeLabelOffset,
  SOURCE_IDS,
} from './appLayers';
import {
  DISAGREEMENT_FILL_LAYER,
  DISAGREEMENT_SOURCE,
  type DisagreementCollection,
  disagreementLayers,
  EMPTY_DISAGREEMENT,
} from './areaDisagreement';
import {
  AREA_FILL_LAYER,
  AREA_SOURCE,
  type AreaLayerData,
  areaLayers,
  FRONTLINE_LAYER,
  FRONTLINE_SOURCE,
  frontLineLayer,
  snapshotsOnHand,
} from './areaLayers';
import type { BasemapStyle } from './basemapChoice';
import { basemapStyle, withAccurateBorder } from './basemapStyle';
import {
  changedStates,
  computeFeatureStates,
  type MapFeatureStates,
  type MapFocus,
  type MapInputs,
} from './featureStates';
import { hatchImage, markerImages } from './icons';
import {
  basemapLabelFields,
  ENGLISH_LABELS,
  foreignLabelField,
  type LabelLanguage,
  placeLabelField,
  type TextField,
} from './labels';
import { boundsOf, type Frame, frameMargin, needsReframe, samePadding } from './overlayPadding';
import { AGREEMENT_KEYS, STATUSES } from './palette';
import type { AppLayerData, MarkFeatureProps } from './placeFeatures';

maplibregl.setWorkerUrl(workerUrl);

/** Where e2e builds expose the raw map, so tests can wait for `idle` and read what is drawn. */
export type MapGlobal = '__frontlineMap' | '__frontlineMap2';

declare global {
  interface Window {
    __frontlineMap?: maplibregl.Map;
    /** The second side's map in compare mode. */
    __frontlineMap2?: maplibregl.Map;
  }
}

export interface MapCallbacks {
  onPlaceClick: (placeId: string) => void;
  onViewChange: (view: MapView) => void;
  onLoad: () => void;
  onError: (message: string) => void;
  /** A configured basemap failed to load: the owner of the basemap choice decides what to show instead. */
  onBasemapFailed: (message: string) => void;
  onMarkHover: (mark: HoveredMark | null) => void;
}

export interface MapOptions {
  initialView: MapView;
  /** e2e builds only: the global that holds the raw map. */
  exposeAs?: MapGlobal;
}

/** A configured basemap that has not loaded by then counts as failed. */
const BASEMAP_TIMEOUT_MS = 20_000;

export interface HoveredMark {
  placeId: string;
  sourceId: string;
  point: { x: number; y: number };
}

/** While a place is under the pointer it stays so within its ring of marks (28 px + a mark), CSS pixels. */
const HOVER_KEEP_PX = 38;

const sameView = (a: MapView, b: MapView) =>
  Math.abs(a.zoom - b.zoom) < 0.01 && Math.abs(a.lat - b.lat) < 1e-5 && Math.abs(a.lng - b.lng) < 1e-5;

/** What the area sources and layers are installed for: the outline layer per source, and the credit. */
const areaInstallKey = (areas: AreaLayerData, sources: readonly { id: string; color: string }[]) =>
  JSON.stringify([sources, areas.attribution ?? null]);

export class MapController {
  private readonly map: maplibregl.Map;
  private readonly builtinStyle: StyleSpecification;
  private readonly exposeAs: MapGlobal | undefined;
  /** The basemap last asked for (null: built-in), so asking again for the same one does nothing. */
  private basemap: BasemapStyle = null;
  private loaded = false;
  private applied: MapFeatureStates | undefined;
  private pending: MapInputs | undefined;
  private areas: AreaLayerData | undefined;
  private areaSources: { id: string; color: string }[] = [];
  /** What the area sources hold, per snapshot: the index it was added under and its features' ids. */
  private areasOnMap = new Map<AreaSnapshot, { index: number; ids: number[]; line: number | null }>();
  /** The snapshots whose features have the `visible` feature state. */
  private areasVisible = new Set<AreaSnapshot>();
  /** The outline layers and credit the area sources were installed with (null: none installed). */
  private installedAreas: string | null = null;
  private disagreementData: DisagreementCollection = EMPTY_DISAGREEMENT;
  /** The language the labels are in; a foreign style's own label fields, as it shipped them. */
  private labels: LabelLanguage = ENGLISH_LABELS;
  private foreignLabels = new Map<string, TextField>();
  /** The pointer's place and the zoom's integer part: which places show their marks (placeCrowding.ts). */
  private focus: MapFocus = { zoom: 0, hovered: null };
  /** The selected place the label layer's offset was last set for; undefined: not set since the layer was added. */
  private labelsClearSelection: string | null | undefined;
  /** Set while a configured basemap loads: an error then means it failed. */
  private basemapPending: { timer: ReturnType<typeof setTimeout> } | null = null;
  /** The padding, size and places last framed (setFrame). */
  private frame: Frame | undefined;

  constructor(
    container: HTMLElement,
    private layers: AppLayerData,
    private readonly callbacks: MapCallbacks,
    { initialView, exposeAs }: MapOptions,
  ) {
    this.builtinStyle = basemapStyle(document.baseURI);
    this.exposeAs = exposeAs;
    this.map = new maplibregl.Map({
      container,
      style: this.builtinStyle,
      center: [initialView.lng, initialView.lat],
      zoom: initialView.zoom,
      attributionControl: { compact: false },
      maxZoom: 16,
      minZoom: 3,
    });
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.map.on('load', () => {
      this.loaded = true;
      this.installAppLayers();
      this.callbacks.onLoad();
    });
    // After a basemap switch (setStyle) the map has lost the app's sources, layers and images.
    this.map.on('style.load', () => {
      this.settleBasemap();
      this.readForeignLabels();
      if (this.loaded) this.installAppLayers();
      else this.applyLabels();
    });
    this.map.on('error', (event) => {
      const message = event.error?.message ?? 'the map reported an error';
      if (this.basemapPending && !this.map.isStyleLoaded()) this.fallBack(message);
      else callbacks.onError(message);
    });
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
        callbacks.onMarkHover({ placeId: props.placeId, sourceId: props.sourceId, point: event.point });
      else callbacks.onMarkHover(null);
    });
    this.map.on('mouseleave', PLACE_MARK_LAYERS, () => callbacks.onMarkHover(null));
    this.focus = { zoom: Math.floor(this.map.getZoom()), hovered: null };
    // Marks switch on per place at integer zooms: restyle only when the zoom crosses one.
    this.map.on('zoom', () => {
      const zoom = Math.floor(this.map.getZoom());
      if (zoom !== this.focus.zoom) this.refocus({ ...this.focus, zoom });
    });
    this.map.on('mousemove', (event) => this.refocus({ ...this.focus, hovered: this.placeUnder(event.point) }));
    this.map.on('mouseout', () => this.refocus({ ...this.focus, hovered: null }));
    if (exposeAs) window[exposeAs] = this.map;
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
    if (this.loaded && this.pending) this.applyPointStates(this.pending);
  }

  /** Adds what is missing of the app's images, sources and layers, then reapplies all state: idempotent. */
  private installAppLayers(): void {
    for (const image of [...markerImages(AGREEMENT_KEYS, STATUSES), hatchImage(), hatchImage('contested')])
      if (!this.map.hasImage(image.name))
        this.map.addImage(image.name, image.data, { pixelRatio: image.pixelRatio, sdf: image.sdf });
    const addSource = (id: string, data: GeoJSON.GeoJSON) => {
      if (!this.map.getSource(id)) this.map.addSource(id, { type: 'geojson', data });
    };
    addSource(SOURCE_IDS.uncertainty, this.layers.uncertainty);
    addSource(SOURCE_IDS.places, this.layers.places);
    addSource(SOURCE_IDS.marks, this.layers.marks);
    addSource(SOURCE_IDS.ring, this.layers.ring);
    addSource(DISAGREEMENT_SOURCE, this.disagreementData);
    for (const layer of appLayers(this.labels)) if (!this.map.getLayer(layer.id)) this.map.addLayer(layer);
    this.applyLabels();
    for (const layer of disagreementLayers())
      if (!this.map.getLayer(layer.id)) this.map.addLayer(layer, FIRST_APP_LAYER);
    // Feature state does not survive a style change: send all of it again.
    this.applied = undefined;
    this.labelsClearSelection = undefined;
    this.installAreas();
    if (this.pending) this.update(this.pending);
  }

  /**
   * Switch the basemap: a style URL or object, or null for the built-in one. The accurate border is
   * appended to any style, and the app's layers are re-added on `style.load`. A style that fails to
   * load (error or timeout) falls back to the built-in basemap and calls `onBasemapFailed`.
   */
  setBasemap(style: BasemapStyle): void {
    if (style === this.basemap) return;
    this.basemap = style;
    this.settleBasemap();
    // The built-in style has the border already; transforming it after a failed style would read that
    // style's half-loaded state, and MapLibre then never loads the new one.
    if (style === null) {
      this.map.setStyle(this.builtinStyle, { diff: false });
      return;
    }
    this.basemapPending = {
      timer: setTimeout(() => this.fallBack('the style did not load in time'), BASEMAP_TIMEOUT_MS),
    };
    const builtin = this.builtinStyle;
    this.map.setStyle(style, {
      diff: false,
      transformStyle: (_previous, next) => withAccurateBorder(next, builtin),
    });
  }

  private settleBasemap(): void {
    if (this.basemapPending) clearTimeout(this.basemapPending.timer);
    this.basemapPending = null;
  }

  /** The style failed: say so; the owner of the choice answers with `setBasemap` (e.g. back to built-in). */
  private fallBack(message: string): void {
    if (!this.basemapPending) return;
    this.settleBasemap();
    this.callbacks.onBasemapFailed(message);
  }

  /**
   * Labels in the interface language: only `text-field` layout properties change (the app's place
   * labels, the built-in rivers and towns, a foreign style's labels), never a source.
   */
  setLanguage(labels: LabelLanguage): void {
    if (labels.lang === this.labels.lang && labels.approx === this.labels.approx) return;
    this.labels = labels;
    if (this.map.isStyleLoaded()) this.applyLabels();
  }

  /** A foreign style's symbol layers and their label fields, read once per style as it loads. */
  private readForeignLabels(): void {
    this.foreignLabels = new Map();
    if (this.basemap === null) return;
    for (const layer of this.map.getStyle()?.layers ?? [])
      if (layer.type === 'symbol' && layer.layout?.['text-field'] !== undefined)
        this.foreignLabels.set(layer.id, layer.layout['text-field']);
  }

  private applyLabels(): void {
    const set = (id: string, field: TextField) => {
      if (this.map.getLayer(id)) this.map.setLayoutProperty(id, 'text-field', field);
    };
    const { lang } = this.labels;
    set(PLACE_LABEL_LAYER, placeLabelField(this.labels));
    if (this.basemap === null) for (const [id, field] of Object.entries(basemapLabelFields(lang))) set(id, field);
    for (const [id, original] of this.foreignLabels) set(id, foreignLabelField(original, lang) ?? original);
  }

  /** The area where two sources' maps disagree; the source is only touched when the collection changes. */
  setDisagreement(data: DisagreementCollection): void {
    if (data === this.disagreementData) return;
    this.disagreementData = data;
    const source = this.map.getSource(DISAGREEMENT_SOURCE);
    if (source instanceof maplibregl.GeoJSONSource) source.setData(data);
  }

  /** A copy of the map's pixels, taken in a `render` handler while the drawing buffer is still valid. */
  capture(): Promise<HTMLCanvasElement> {
    return new Promise((resolve, reject) => {
      this.map.once('render', () => {
        const source = this.map.getCanvas();
        const copy = document.createElement('canvas');
        copy.width = source.width;
        copy.height = source.height;
        const ctx = copy.getContext('2d');
        if (!ctx) return reject(new Error('2D canvas is unavailable'));
        ctx.drawImage(source, 0, 0);
        resolve(copy);
      });
      this.map.triggerRepaint();
    });
  }

  /**
   * The text of the attribution control: every source's credit on the map now (basemap, border,
   * imported areas), as plain text for a picture's caption.
   */
  attribution(): string {
    const credits = new Set<string>();
    for (const id of Object.keys(this.map.getStyle()?.sources ?? {})) {
      const html = this.map.getSource(id)?.attribution;
      if (!html) continue;
      const text = new DOMParser().parseFromString(html, 'text/html').body.textContent?.trim();
      if (text) credits.add(text);
    }
    return [...credits].join(' · ');
  }

  /**
   * Keep this map and `other` on the same view: a move of either is copied to the other with `jumpTo`.
   * The copy fires the other map's own `move` synchronously, so a flag stops it from bouncing back.
   * Returns the function that ends it.
   */
  syncViewWith(other: MapController): () => void {
    const a = this.map;
    const b = other.map;
    let copying = false;
    const follow = (from: maplibregl.Map, to: maplibregl.Map) => () => {
      if (copying) return;
      copying = true;
      try {
        to.jumpTo({
          center: from.getCenter(),
          zoom: from.getZoom(),
          bearing: from.getBearing(),
          pitch: from.getPitch(),
        });
      } finally {
        copying = false;
      }
    };
    const aToB = follow(a, b);
    const bToA = follow(b, a);
    a.on('move', aToB);
    b.on('move', bToA);
    aToB();
    return () => {
      a.off('move', aToB);
      b.off('move', bToA);
    };
  }

  /** Apply the app state; cheap when little changed, so it can run on every slider step. */
  update(inputs: MapInputs): void {
    this.pending = inputs;
    if (!this.loaded) return;
    this.applyPointStates(inputs);
    this.updateAreas(inputs);
  }

  /** The places', marks' and rings' feature states, as a diff; the label offset when the selection moved. */
  private applyPointStates(inputs: MapInputs): void {
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
   * Show the snapshots in force. A snapshot that was on hand (a neighbour) is shown by feature state alone,
   * in the same call as the places' states, so both are in the next frame. The sources change only when a
   * snapshot now on hand is missing (or one left the data): then they get exactly the snapshots on hand, as
   * a diff, and the worker tiles the new neighbours while the frame already shows what is in force.
   */
  private updateAreas(inputs: MapInputs): void {
    const areas = this.areas;
    const polygons = this.map.getSource(AREA_SOURCE);
    const lines = this.map.getSource(FRONTLINE_SOURCE);
    if (!areas || !(polygons instanceof maplibregl.GeoJSONSource) || !(lines instanceof maplibregl.GeoJSONSource))
      return;
    const onHand = snapshotsOnHand(areas, inputs.view.date, inputs.view.sources);
    const visible = new Set([...onHand.visible].map((i) => areas.snapshots[i]));
    for (const snapshot of this.areasVisible) if (!visible.has(snapshot)) this.setAreaVisible(snapshot, false);
    this.syncAreaSources(areas, onHand.ready, polygons, lines);
    for (const snapshot of visible) if (!this.areasVisible.has(snapshot)) this.setAreaVisible(snapshot, true);
    this.areasVisible = visible;
  }

  private setAreaVisible(snapshot: AreaSnapshot, visible: boolean): void {
    const entry = this.areasOnMap.get(snapshot);
    if (!entry) return;
    for (const id of entry.ids) this.map.setFeatureState({ source: AREA_SOURCE, id }, { visible });
    if (entry.line !== null) this.map.setFeatureState({ source: FRONTLINE_SOURCE, id: entry.line }, { visible });
  }

  private syncAreaSources(
    areas: AreaLayerData,
    ready: ReadonlySet<number>,
    polygons: maplibregl.GeoJSONSource,
    lines: maplibregl.GeoJSONSource,
  ): void {
    const onMap = this.areasOnMap;
    // Added under another index: its features' `snapshot` property is stale, so it is sent again.
    const missing = [...ready].filter((i) => onMap.get(areas.snapshots[i])?.index !== i);
    const left = [...onMap.keys()].some((snapshot) => !areas.snapshotIndex.has(snapshot));
    // Hidden snapshots no longer on hand may stay until something must be added: stepping back and forth
    // then sends nothing, and the sources still hold at most the snapshots on hand after the last change.
    if (missing.length === 0 && !left) return;
    const wanted = new Set([...ready].map((i) => areas.snapshots[i]));
    const dropped = [...onMap].filter(([snapshot]) => !wanted.has(snapshot));
    for (const [snapshot] of dropped) onMap.delete(snapshot);
    const added = missing.map((i) => {
      const features = areas.featuresBySnapshot[i] ?? [];
      const line = areas.frontLines.features[i];
      onMap.set(areas.snapshots[i], {
        index: i,
        ids: features.map((f) => Number(f.id)),
        line: line ? Number(line.id) : null,
      });
      return { features, line };
    });
    const settle = (update: Promise<void>) =>
      update.catch((err: unknown) => this.callbacks.onError(err instanceof Error ? err.message : String(err)));
    settle(
      polygons.updateData({
        remove: dropped.flatMap(([, entry]) => entry.ids),
        add: added.flatMap((a) => a.features),
      }),
    );
    settle(
      lines.updateData({
        remove: dropped.flatMap(([, entry]) => (entry.line === null ? [] : [entry.line])),
        add: added.flatMap((a) => (a.line ? [a.line] : [])),
      }),
    );
  }

  /**
   * Imported area snapshots changed. With the same outline layers and credit the sources stay and get only
   * the snapshots that came or went on hand; otherwise the area sources and layers are installed again.
   */
  setAreas(areas: AreaLayerData | undefined, sources: readonly { id: string; color: string }[]): void {
    this.areas = areas;
    this.areaSources = sources.filter((s) => areas?.sourceIds.includes(s.id));
    if (!this.loaded) return;
    if (areas && this.installedAreas === areaInstallKey(areas, this.areaSources) && this.map.getSource(AREA_SOURCE)) {
      if (this.pending) this.updateAreas(this.pending);
    } else this.installAreas();
  }

  private installAreas(): void {
    for (const layer of this.map.getLayersOrder())
      if (layer === AREA_FILL_LAYER || layer === FRONTLINE_LAYER || layer.startsWith('area-outline-'))
        this.map.removeLayer(layer);
    for (const source of [AREA_SOURCE, FRONTLINE_SOURCE]) if (this.map.getSource(source)) this.map.removeSource(source);
    this.areasOnMap = new Map();
    this.areasVisible = new Set();
    this.installedAreas = null;
    const areas = this.areas;
    if (!areas) return;
    // Empty at first: updateAreas adds the snapshots on hand.
    this.map.addSource(AREA_SOURCE, {
      type: 'geojson',
      data: { type: 'FeatureCollection', features: [] },
      ...(areas.attribution ? { attribution: areas.attribution } : {}),
    });
    this.map.addSource(FRONTLINE_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    // Below the disagreement hatching and the places, so markers stay on top of any area.
    const below = this.map.getLayer(DISAGREEMENT_FILL_LAYER) ? DISAGREEMENT_FILL_LAYER : FIRST_APP_LAYER;
    for (const layer of [...areaLayers(this.areaSources), frontLineLayer()]) this.map.addLayer(layer, below);
    this.installedAreas = areaInstallKey(areas, this.areaSources);
    if (this.pending) this.updateAreas(this.pending);
  }

  /** New claims (an import or a removal): replace the static sources once, then reapply state. */
  setLayers(layers: AppLayerData): void {
    if (layers === this.layers) return;
    this.layers = layers;
    // A hovered index means a place in the old layers; it may not exist in the new ones.
    this.focus = { ...this.focus, hovered: null };
    if (!this.loaded) return;
    const set = (id: string, data: GeoJSON.GeoJSON) => {
      const source = this.map.getSource(id);
      if (source instanceof maplibregl.GeoJSONSource) source.setData(data);
    };
    set(SOURCE_IDS.uncertainty, layers.uncertainty);
    set(SOURCE_IDS.places, layers.places);
    set(SOURCE_IDS.marks, layers.marks);
    set(SOURCE_IDS.ring, layers.ring);
    this.map.removeFeatureState({ source: SOURCE_IDS.places });
    this.map.removeFeatureState({ source: SOURCE_IDS.marks });
    this.map.removeFeatureState({ source: SOURCE_IDS.ring });
    this.applied = undefined;
    if (this.pending) this.update(this.pending);
  }

  /**
   * What lies over the map (MapLibre's padding: the centre of the view is the centre of the free part) and
   * the places to keep in that free part: when the padding, the map's size or the places changed and a place
   * is not in it, the camera jumps to hold them all, no closer than it is (./overlayPadding.ts).
   */
  setFrame({ padding, places }: Pick<Frame, 'padding' | 'places'>): void {
    const container = this.map.getContainer();
    const frame: Frame = { size: { width: container.clientWidth, height: container.clientHeight }, padding, places };
    const canvas = this.map.getCanvas();
    if (frame.size.width !== canvas.clientWidth || frame.size.height !== canvas.clientHeight) this.map.resize();
    const last = this.frame;
    this.frame = frame;
    if (!last || !samePadding(last.padding, padding)) this.map.setPadding(padding);
    this.keepFramed(last);
  }

  /** Jumps to hold the framed places in the free part, if they are not (and, with `last`, if the frame changed). */
  private keepFramed(last: Frame | undefined): void {
    const frame = this.frame;
    if (!frame || !needsReframe(last, frame, (p) => this.map.project(p as [number, number]))) return;
    const margin = frameMargin(frame.size, frame.padding);
    const camera = this.map.cameraForBounds(boundsOf(frame.places), {
      padding: { top: margin.y, bottom: margin.y, left: margin.x, right: margin.x },
      maxZoom: this.map.getZoom(),
    });
    if (camera) this.map.jumpTo(camera);
  }

  setView(view: MapView): void {
    const c = this.map.getCenter();
    if (sameView(view, { lng: c.lng, lat: c.lat, zoom: this.map.getZoom() })) return;
    this.map.jumpTo({ center: [view.lng, view.lat], zoom: view.zoom });
    // A view the app sets (a story's step, a place asked for) still keeps the framed places in the free part.
    this.keepFramed(undefined);
  }

  destroy(): void {
    this.settleBasemap();
    if (this.exposeAs && window[this.exposeAs] === this.map) delete window[this.exposeAs];
    this.map.remove();
  }
}
