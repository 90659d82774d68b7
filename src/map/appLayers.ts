/**
 * The app's own layers, drawn above whatever basemap is active. Paint values
 * read feature state, so date and source changes restyle without new data.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { AGREEMENT_KEYS, STATUSES } from './palette';

export const SOURCE_IDS = { places: 'app-places', marks: 'app-marks', uncertainty: 'app-uncertainty' } as const;

export const agreementLayerId = (key: string) => `place-marker-${key}`;
export const markLayerId = (status: string) => `place-mark-${status}`;
export const PLACE_MARKER_LAYERS = AGREEMENT_KEYS.map(agreementLayerId);
export const PLACE_MARK_LAYERS = STATUSES.map(markLayerId);
export const PLACE_LABEL_LAYER = 'place-labels';
/** The lowest of the app's own layers: area layers go below it. */
export const FIRST_APP_LAYER = 'place-uncertainty-fill';

const showWhen = (key: string, value: string): ExpressionSpecification => [
  'case',
  ['==', ['feature-state', key], value],
  1,
  0,
];

/** Full opacity, or faint when the feature state says `dimmed` ("Only disagreements"). */
const dimmable = (shown: ExpressionSpecification | number): ExpressionSpecification => [
  '*',
  shown,
  ['case', ['boolean', ['feature-state', 'dimmed'], false], DIMMED_OPACITY, 1],
];
export const DIMMED_OPACITY = 0.18;
export const CHANGED_RING_LAYER = 'place-changed-ring';

const alwaysOnTop = { 'icon-allow-overlap': true, 'icon-ignore-placement': true } as const;

export function appLayers(): LayerSpecification[] {
  return [
    {
      id: 'place-uncertainty-fill',
      type: 'fill',
      source: SOURCE_IDS.uncertainty,
      paint: { 'fill-color': '#6b5b95', 'fill-opacity': 0.06 },
    },
    {
      id: 'place-uncertainty-line',
      type: 'line',
      source: SOURCE_IDS.uncertainty,
      paint: { 'line-color': '#6b5b95', 'line-width': 1.5, 'line-dasharray': [3, 2] },
    },
    {
      id: 'place-selected-ring',
      type: 'circle',
      source: SOURCE_IDS.places,
      paint: {
        'circle-radius': 40,
        'circle-color': 'rgba(255,255,255,0.55)',
        'circle-stroke-color': '#111',
        'circle-stroke-width': 2,
        'circle-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], 1, 0],
        'circle-stroke-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], 1, 0],
      },
    },
    {
      id: 'place-dispute-halo',
      type: 'circle',
      source: SOURCE_IDS.places,
      paint: {
        'circle-radius': 36,
        'circle-color': 'rgba(163,0,143,0.12)',
        'circle-stroke-color': '#a3008f',
        'circle-stroke-width': 3,
        'circle-opacity': showWhen('agreement', 'disputed'),
        'circle-stroke-opacity': showWhen('agreement', 'disputed'),
      },
    },
    {
      // Places whose position changed in the Changes panel's range: a thick dashed-looking amber ring.
      id: CHANGED_RING_LAYER,
      type: 'circle',
      source: SOURCE_IDS.places,
      paint: {
        'circle-radius': 44,
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': '#e08a00',
        'circle-stroke-width': 4,
        'circle-stroke-opacity': ['case', ['boolean', ['feature-state', 'changed'], false], 0.95, 0],
      },
    },
    ...STATUSES.map(
      (status): LayerSpecification => ({
        id: markLayerId(status),
        type: 'symbol',
        source: SOURCE_IDS.marks,
        layout: { 'icon-image': `mark-${status}`, 'icon-offset': ['get', 'offset'], ...alwaysOnTop },
        paint: {
          'icon-color': ['get', 'color'],
          'icon-halo-color': '#ffffff',
          'icon-halo-width': 1.5,
          'icon-opacity': dimmable(showWhen('status', status)),
        },
      }),
    ),
    ...AGREEMENT_KEYS.map(
      (key): LayerSpecification => ({
        id: agreementLayerId(key),
        type: 'symbol',
        source: SOURCE_IDS.places,
        layout: { 'icon-image': `agreement-${key}`, ...alwaysOnTop },
        paint: { 'icon-opacity': dimmable(showWhen('agreement', key)) },
      }),
    ),
    {
      id: PLACE_LABEL_LAYER,
      type: 'symbol',
      source: SOURCE_IDS.places,
      layout: {
        'text-field': ['get', 'label'],
        'text-size': 13,
        'text-offset': [0, 2.6],
        'text-anchor': 'top',
        'symbol-sort-key': ['get', 'rank'],
        'text-padding': 1,
      },
      paint: {
        'text-color': '#1b1b1b',
        'text-halo-color': '#ffffff',
        'text-halo-width': 1.6,
        'text-opacity': dimmable(1),
      },
    },
  ];
}
