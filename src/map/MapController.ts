/**
 * The one imperative adapter: owns the MapLibre map (nothing outside src/map touches it) and is the only
 * class the UI drives. It creates the map and wires its parts, each a small module in ./controller/ given
 * the map and the callbacks it needs: the claims' layers and feature states (claimLayers), the area
 * snapshots (areaLayers), the disagreement's hatching (hatching), the basemap and labels (basemap), a picture and its credits
 * (picture), and compare mode's shared view (compareSync). On every state change the parts send only
 * what changed.
 */

import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { IsoDate } from '../claims/model';
import type { BasemapStyle, MapView } from '../common/types';
import type { HeldHatching } from './areaDisagreement';
import type { AreaLayerData } from './areaLayers';
import { basemapStyle } from './basemapStyle';
import { AreaLayers } from './controller/areaLayers';
import { Basemap } from './controller/basemap';
import { ClaimLayers, type HoveredMark } from './controller/claimLayers';
import { syncViews } from './controller/compareSync';
import { Framing } from './controller/framing';
import { Hatching } from './controller/hatching';
import { attribution, capture, settled } from './controller/picture';
import type { MapInputs } from './featureStates';
import type { LabelLanguage } from './labels';
import type { Frame } from './overlayPadding';
import type { AppLayerData } from './placeFeatures';

export type { HoveredMark } from './controller/claimLayers';

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

const sameView = (a: MapView, b: MapView) =>
  Math.abs(a.zoom - b.zoom) < 0.01 && Math.abs(a.lat - b.lat) < 1e-5 && Math.abs(a.lng - b.lng) < 1e-5;

export class MapController {
  private readonly map: maplibregl.Map;
  private readonly exposeAs: MapGlobal | undefined;
  private readonly claims: ClaimLayers;
  private readonly areas: AreaLayers;
  private readonly hatching: Hatching;
  private readonly basemap: Basemap;
  private loaded = false;
  /** The inputs last given; applied once the map has loaded, and again after a style change. */
  private pending: MapInputs | undefined;
  private readonly framing: Framing;
  /** Who waits for the map to be given a date's inputs (`captureDate`). */
  private readonly dateWaiters = new Set<() => void>();

  constructor(
    container: HTMLElement,
    layers: AppLayerData,
    callbacks: MapCallbacks,
    { initialView, exposeAs }: MapOptions,
  ) {
    const builtinStyle = basemapStyle(document.baseURI);
    this.exposeAs = exposeAs;
    const map = new maplibregl.Map({
      container,
      style: builtinStyle,
      center: [initialView.lng, initialView.lat],
      zoom: initialView.zoom,
      attributionControl: { compact: false },
      maxZoom: 16,
      minZoom: 3,
    });
    this.map = map;
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.basemap = new Basemap(map, builtinStyle, callbacks.onBasemapFailed);
    this.claims = new ClaimLayers(map, layers, callbacks);
    this.areas = new AreaLayers(map, callbacks.onError);
    this.hatching = new Hatching(map);
    this.framing = new Framing(map);
    map.on('load', () => {
      this.loaded = true;
      this.installAppLayers();
      callbacks.onLoad();
    });
    // After a basemap switch (setStyle) the map has lost the app's sources, layers and images.
    map.on('style.load', () => {
      this.basemap.loaded();
      if (this.loaded) this.installAppLayers();
      else this.basemap.applyLabels();
    });
    map.on('error', (event) => {
      const message = event.error?.message ?? 'the map reported an error';
      if (!this.basemap.failed(message)) callbacks.onError(message);
    });
    map.on('moveend', () => {
      const c = map.getCenter();
      callbacks.onViewChange({ lng: c.lng, lat: c.lat, zoom: map.getZoom() });
    });
    if (exposeAs) window[exposeAs] = map;
  }

  /** Adds what is missing of the app's images, sources and layers, then reapplies all state: idempotent. */
  private installAppLayers(): void {
    this.claims.install(this.basemap.labels);
    this.basemap.applyLabels();
    this.hatching.install();
    this.areas.install();
    this.apply();
  }

  /** The last inputs, on a loaded map: the claims' states, then the area snapshots. */
  private apply(): void {
    if (!this.loaded || !this.pending) return;
    this.claims.apply(this.pending);
    this.areas.apply();
  }

  /**
   * Switch the basemap: a style URL or object, or null for the built-in one. The accurate border is
   * appended to any style, and the app's layers are re-added on `style.load`. A style that fails to
   * load (error or timeout) falls back to the built-in basemap and calls `onBasemapFailed`.
   */
  setBasemap(style: BasemapStyle): void {
    this.basemap.set(style);
  }

  /**
   * Labels in the interface language: only `text-field` layout properties change (the app's place
   * labels, the built-in rivers and towns, a foreign style's labels), never a source.
   */
  setLanguage(labels: LabelLanguage): void {
    this.basemap.setLanguage(labels);
  }

  /**
   * Where the compared maps disagree: the pair compared now and the pairs within reach; the source is only
   * set when the pair compared is not on hand.
   */
  setDisagreement(held: HeldHatching): void {
    this.hatching.set(held);
  }

  /** A copy of the map's pixels, taken in a `render` handler while the drawing buffer is still valid. */
  capture(): Promise<HTMLCanvasElement> {
    return capture(this.map);
  }

  /**
   * A copy of the pixels once the map shows `date` and has nothing left to load or draw: the places' states
   * and, with area maps on, that day's snapshots, so a timelapse's frame never shows a stale front line.
   */
  async captureDate(date: IsoDate, signal: AbortSignal): Promise<HTMLCanvasElement> {
    while (this.pending?.view.date !== date) {
      signal.throwIfAborted();
      await new Promise<void>((resolve, reject) => {
        const done = () => {
          this.dateWaiters.delete(done);
          signal.removeEventListener('abort', done);
          if (signal.aborted) reject(signal.reason);
          else resolve();
        };
        this.dateWaiters.add(done);
        signal.addEventListener('abort', done);
      });
    }
    await settled(this.map);
    signal.throwIfAborted();
    return capture(this.map);
  }

  /**
   * The text of the attribution control: every source's credit on the map now (basemap, border,
   * imported areas), as plain text for a picture's caption.
   */
  attribution(): string {
    return attribution(this.map);
  }

  /** Keep this map and `other` on the same view (compare mode); returns the function that ends it. */
  syncViewWith(other: MapController): () => void {
    return syncViews(this.map, other.map);
  }

  /** Apply the app state; cheap when little changed, so it can run on every slider step. */
  update(inputs: MapInputs): void {
    this.pending = inputs;
    this.areas.show(inputs.areasOnHand);
    this.apply();
    for (const waiter of [...this.dateWaiters]) waiter();
  }

  /**
   * Imported area snapshots changed. With the same outline layers and credit the sources stay and get only
   * the snapshots that came or went on hand; otherwise the area sources and layers are installed again.
   * The snapshots on hand for new layer data come with the next `update`, so call this first.
   */
  setAreas(areas: AreaLayerData | undefined, sources: readonly { id: string; color: string }[]): void {
    this.areas.setData(areas, sources, this.loaded);
  }

  /** New claims (an import or a removal): replace the static sources once, then reapply state. */
  setLayers(layers: AppLayerData): void {
    if (this.claims.setLayers(layers, this.loaded)) this.apply();
  }

  setView(view: MapView): void {
    const c = this.map.getCenter();
    if (sameView(view, { lng: c.lng, lat: c.lat, zoom: this.map.getZoom() })) return;
    this.map.jumpTo({ center: [view.lng, view.lat], zoom: view.zoom });
    // A view the app sets (a story's step, a place asked for) still keeps the framed places in the free part.
    this.framing.keep(undefined);
  }

  /**
   * What lies over the map (the padding) and the places to keep in the free part (./controller/framing.ts).
   */
  setFrame(frame: Pick<Frame, 'padding' | 'places'>): void {
    this.framing.set(frame);
  }

  destroy(): void {
    this.basemap.settle();
    if (this.exposeAs && window[this.exposeAs] === this.map) delete window[this.exposeAs];
    this.map.remove();
  }
}
