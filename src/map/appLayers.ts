/**
 * The app's own layers, drawn above whatever basemap is active. Paint values
 * read feature state, so date and source changes restyle without new data.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { ENGLISH_LABELS, type LabelLanguage, placeLabelField } from './labels';
import { AGREEMENT_KEYS, STATUS_STYLE, STATUSES } from './palette';
import { PRECISION_KINDS, PRECISION_STYLE } from './precisionStyle';

export const SOURCE_IDS = {
  places: 'app-places',
  marks: 'app-marks',
  ring: 'app-ring',
  uncertainty: 'app-uncertainty',
} as const;

const agreementLayerId = (key: string) => `place-marker-${key}`;
const markLayerId = (status: string) => `place-mark-${status}`;
export const PLACE_MARKER_LAYERS = AGREEMENT_KEYS.map(agreementLayerId);
export const PLACE_MARK_LAYERS = STATUSES.map(markLayerId);
export const PLACE_LABEL_LAYER = 'place-labels';
const SUMMARY_RING_LAYER = 'place-summary-ring';
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
const DIMMED_OPACITY = 0.18;
const CHANGED_RING_LAYER = 'place-changed-ring';

/**
 * A size when the feature state flag is set, else 0. Hidden rings get no area at all rather than opacity 0:
 * a transparent circle is still rasterised and shaded, and with 1,000 places three 40 px rings cost more
 * than the rest of a frame in software WebGL (docs/PERFORMANCE.md).
 */
const sizeWhen = (flag: ExpressionSpecification, size: number): ExpressionSpecification => ['case', flag, size, 0];
const stateFlag = (key: string): ExpressionSpecification => ['boolean', ['feature-state', key], false];
const isDisputed: ExpressionSpecification = ['==', ['feature-state', 'agreement'], 'disputed'];

/**
 * The per-source marks are drawn from this zoom up; below it each place gets one compact summary ring
 * instead (`place-summary-ring`). At overview zooms 19,862 marks in four symbol layers (one per shape) were
 * about two thirds of a software-rendered frame, and too small and crowded to read (docs/PERFORMANCE.md,
 * round 4). At 10 the app's default view (10.3) still shows them.
 */
export const MARKS_MIN_ZOOM = 10;

/** Source marks grow to full size by zoom 10.5 (`icon-offset` scales with `icon-size`, so the ring does too). */
const MARK_SIZE_BY_ZOOM: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 8, 0.5, 10.5, 1];

/** A segment's status colour from feature state; `off` and unset segments are transparent (and hidden). */
const ringColour: ExpressionSpecification = [
  'match',
  ['feature-state', 'status'],
  ...STATUSES.flatMap((status) => [status, STATUS_STYLE[status].color]),
  'rgba(0,0,0,0)',
] as unknown as ExpressionSpecification;
const ringShown: ExpressionSpecification = ['match', ['feature-state', 'status'], [...STATUSES], 1, 0];

const alwaysOnTop = { 'icon-allow-overlap': true, 'icon-ignore-placement': true } as const;

/**
 * One line layer per precision kind that has a circle: `line-dasharray` cannot follow a feature property,
 * so each kind (solid landmark ring, dotted arc-minute circle, dashed estimate) gets its own filtered layer.
 */
function uncertaintyLineLayers(): LayerSpecification[] {
  return PRECISION_KINDS.filter((kind) => PRECISION_STYLE[kind].circle).map((kind) => {
    const style = PRECISION_STYLE[kind];
    return {
      id: `place-uncertainty-line-${kind}`,
      type: 'line',
      source: SOURCE_IDS.uncertainty,
      filter: ['==', ['get', 'precision'], kind],
      paint: {
        'line-color': style.color,
        'line-width': style.lineWidth,
        ...(style.dash ? { 'line-dasharray': style.dash } : {}),
      },
    } satisfies LayerSpecification;
  });
}

export function appLayers(labels: LabelLanguage = ENGLISH_LABELS): LayerSpecification[] {
  return [
    {
      id: 'place-uncertainty-fill',
      type: 'fill',
      source: SOURCE_IDS.uncertainty,
      paint: {
        'fill-color': PRECISION_STYLE.estimate.color,
        'fill-opacity': [
          'match',
          ['get', 'precision'],
          'landmark',
          PRECISION_STYLE.landmark.fillOpacity,
          'arc-minute',
          PRECISION_STYLE['arc-minute'].fillOpacity,
          PRECISION_STYLE.estimate.fillOpacity,
        ],
      },
    },
    ...uncertaintyLineLayers(),
    {
      id: 'place-selected-ring',
      type: 'circle',
      source: SOURCE_IDS.places,
      paint: {
        'circle-radius': sizeWhen(stateFlag('selected'), 40),
        'circle-color': 'rgba(255,255,255,0.55)',
        'circle-stroke-color': '#111',
        'circle-stroke-width': sizeWhen(stateFlag('selected'), 2),
      },
    },
    {
      id: 'place-dispute-halo',
      type: 'circle',
      source: SOURCE_IDS.places,
      paint: {
        'circle-radius': sizeWhen(isDisputed, 36),
        'circle-color': 'rgba(163,0,143,0.12)',
        'circle-stroke-color': '#a3008f',
        'circle-stroke-width': sizeWhen(isDisputed, 3),
      },
    },
    {
      // Places whose position changed in the Changes panel's range: a thick dashed-looking amber ring.
      id: CHANGED_RING_LAYER,
      type: 'circle',
      source: SOURCE_IDS.places,
      paint: {
        'circle-radius': sizeWhen(stateFlag('changed'), 44),
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': '#e08a00',
        'circle-stroke-width': sizeWhen(stateFlag('changed'), 4),
        'circle-stroke-opacity': 0.95,
      },
    },
    ...STATUSES.map(
      (status): LayerSpecification => ({
        id: markLayerId(status),
        type: 'symbol',
        source: SOURCE_IDS.marks,
        minzoom: MARKS_MIN_ZOOM,
        layout: {
          'icon-image': `mark-${status}`,
          'icon-offset': ['get', 'offset'],
          'icon-size': MARK_SIZE_BY_ZOOM,
          ...alwaysOnTop,
        },
        paint: {
          'icon-color': ['get', 'color'],
          'icon-halo-color': '#ffffff',
          'icon-halo-width': 1.5,
          'icon-opacity': dimmable(showWhen('status', status)),
        },
      }),
    ),
    {
      // One layer for every segment of every place's ring: the segment image comes from a property set once
      // (its slot count), its colour and visibility from feature state. Statuses are grouped clockwise from
      // twelve o'clock in a fixed order (Ukrainian, Russian, contested, no position), so a segment's place
      // in the ring says its status besides its colour; the shapes are on the marks from MARKS_MIN_ZOOM.
      id: SUMMARY_RING_LAYER,
      type: 'symbol',
      source: SOURCE_IDS.ring,
      maxzoom: MARKS_MIN_ZOOM,
      layout: {
        'icon-image': ['get', 'image'],
        'icon-offset': ['get', 'offset'],
        'icon-rotate': ['get', 'rotate'],
        'icon-rotation-alignment': 'viewport',
        ...alwaysOnTop,
      },
      paint: { 'icon-color': ringColour, 'icon-opacity': dimmable(ringShown) },
    },
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
        'text-field': placeLabelField(labels),
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
