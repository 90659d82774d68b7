/**
 * The built-in offline basemap as a MapLibre style: a pure function of where
 * the app is served from. No `glyphs` property, so labels are drawn with the
 * browser's local fonts and no request leaves the origin.
 */
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';

export const OSM_ATTRIBUTION =
  '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors (ODbL)';
export const GEONAMES_ATTRIBUTION = '<a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)';

export const BASEMAP_LAYER_IDS = ['background', 'context-fill', 'detail-fill', 'border', 'towns', 'town-labels'];

export function basemapStyle(baseUrl: string): StyleSpecification {
  const data = (file: string) => new URL(`basemap/${file}`, baseUrl).href;
  const countryFill: ExpressionSpecification = ['match', ['get', 'iso'], 'RU', '#efe9e1', 'UA', '#e6eef2', '#f1f1ee'];
  return {
    version: 8,
    sources: {
      context: { type: 'geojson', data: data('countries-context.geojson'), attribution: OSM_ATTRIBUTION },
      detail: { type: 'geojson', data: data('countries-detail.geojson'), attribution: OSM_ATTRIBUTION },
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
          'text-field': ['get', 'name'],
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
