/**
 * The built-in offline basemap as a MapLibre style: a pure function of where
 * the app is served from. No `glyphs` property, so labels are drawn with the
 * browser's local fonts and no request leaves the origin.
 */
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import type { Lang } from '../common/types';
import { basemapLabelFields } from './labels';

const OSM_ATTRIBUTION = '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors (ODbL)';
const GEONAMES_ATTRIBUTION = '<a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)';
const NATURAL_EARTH_ATTRIBUTION = 'Rivers: <a href="https://www.naturalearthdata.com/">Natural Earth</a>';
const RIVER_BLUE = '#5b8fb9';

export function basemapStyle(baseUrl: string, lang: Lang = 'en'): StyleSpecification {
  const data = (file: string) => new URL(`basemap/${file}`, baseUrl).href;
  const label = basemapLabelFields(lang);
  const countryFill: ExpressionSpecification = ['match', ['get', 'iso'], 'RU', '#efe9e1', 'UA', '#e6eef2', '#f1f1ee'];
  return {
    version: 8,
    sources: {
      context: { type: 'geojson', data: data('countries-context.geojson'), attribution: OSM_ATTRIBUTION },
      detail: { type: 'geojson', data: data('countries-detail.geojson'), attribution: OSM_ATTRIBUTION },
      rivers: { type: 'geojson', data: data('rivers.geojson'), attribution: NATURAL_EARTH_ATTRIBUTION },
      border: { type: 'geojson', data: data('border-detail.geojson'), attribution: OSM_ATTRIBUTION },
      towns: { type: 'geojson', data: data('towns.geojson'), attribution: GEONAMES_ATTRIBUTION },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#cfdde6' } },
      {
        id: 'context-fill',
        type: 'fill',
        source: 'context',
        paint: { 'fill-color': countryFill, 'fill-outline-color': '#9a9a9a' },
      },
      { id: 'detail-fill', type: 'fill', source: 'detail', minzoom: 6, paint: { 'fill-color': countryFill } },
      // The Psel and the Seym, under the border. Properties name (English), name_ru, name_uk (labels.ts).
      {
        id: 'rivers',
        type: 'line',
        source: 'rivers',
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: { 'line-color': RIVER_BLUE, 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 1, 10, 2, 14, 3.5] },
      },
      {
        id: 'river-labels',
        type: 'symbol',
        source: 'rivers',
        minzoom: 8,
        layout: {
          'symbol-placement': 'line',
          'text-field': label['river-labels'],
          'text-size': 11,
          'symbol-spacing': 300,
          'text-optional': true,
        },
        paint: { 'text-color': '#3b6e96', 'text-halo-color': '#fff', 'text-halo-width': 1.2 },
      },
      {
        id: 'border',
        type: 'line',
        source: 'border',
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: {
          'line-color': '#4a4a4a',
          'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1, 10, 2.5, 14, 4],
          'line-dasharray': [4, 1.5],
        },
      },
      {
        id: 'towns',
        type: 'circle',
        source: 'towns',
        paint: {
          'circle-radius': 2.5,
          'circle-color': '#555',
          'circle-stroke-color': '#fff',
          'circle-stroke-width': 1,
        },
      },
      {
        id: 'town-labels',
        type: 'symbol',
        source: 'towns',
        layout: {
          'text-field': label['town-labels'],
          'text-size': 11,
          'text-offset': [0, 0.9],
          'text-anchor': 'top',
          'text-optional': true,
        },
        paint: { 'text-color': '#555', 'text-halo-color': '#fff', 'text-halo-width': 1.2 },
      },
    ],
  };
}

/** Ids the accurate border takes in any basemap; a foreign layer or source with the same id is renamed. */
const BORDER_ID = 'border';

/**
 * Any basemap with the built-in accurate border on top of it (the `transformStyle` of `setStyle`):
 * villages lie 5–10 km from the border, so it is never left to a foreign style's generalised line.
 * The built-in style itself is returned unchanged.
 */
export function withAccurateBorder(style: StyleSpecification, builtin: StyleSpecification): StyleSpecification {
  if (style === builtin) return style;
  const borderSource = builtin.sources[BORDER_ID];
  const borderLayer = builtin.layers.find((l) => l.id === BORDER_ID);
  if (!borderSource || !borderLayer) return style;
  const sources = { ...style.sources };
  const renamedSource = sources[BORDER_ID] ? `basemap-${BORDER_ID}` : undefined;
  if (renamedSource) sources[renamedSource] = sources[BORDER_ID];
  sources[BORDER_ID] = borderSource;
  const layers = style.layers.map((layer) => {
    let next = layer;
    if (next.id === BORDER_ID) next = { ...next, id: `basemap-${BORDER_ID}` };
    if (renamedSource && 'source' in next && next.source === BORDER_ID) next = { ...next, source: renamedSource };
    return next;
  });
  return { ...style, sources, layers: [...layers, borderLayer] };
}
