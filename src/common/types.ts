/**
 * Types that more than one layer names: the store (src/state) holds them and the map adapter (src/map) takes
 * them, and neither layer imports the other. Types only: nothing here runs, and MapLibre is named only as a
 * type (docs/ARCHITECTURE.md, Layers of the code).
 */
import type { StyleSpecification } from 'maplibre-gl';

/** The interface languages (their list, in order, is `LANGS` in src/state/appState.ts). */
export type Lang = 'en' | 'uk' | 'ru';

/** The map's camera as the app keeps it (and a link carries it). */
export interface MapView {
  lng: number;
  lat: number;
  zoom: number;
}

/** What the map draws under the app's layers: a style URL or object, or null for the built-in one. */
export type BasemapStyle = string | StyleSpecification | null;
