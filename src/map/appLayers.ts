/**
 * The app's own layers, drawn above whatever basemap is active. Paint values
 * read feature state, so date and source changes restyle without new data.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { FOOTPRINT_IMAGE } from './icons';
import { ENGLISH_LABELS, type LabelLanguage, placeLabelField } from './labels';
import { AGREEMENT_KEYS, STATUS_STYLE, STATUSES } from './palette';
import { HIGHEST_EXPAND_ZOOM, LOWEST_EXPAND_ZOOM } from './placeCrowding';
import { RING_GEOMETRY } from './placeFeatures';
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
const PLACE_FOOTPRINT_LAYER = 'place-footprint';
export const PLACE_RING_LAYER = 'place-summary-ring';
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
/** The place shows its ring of marks (feature state of places, marks and ring segments alike). */
const isExpandedState = stateFlag('expanded');
const isDisputed: ExpressionSpecification = ['==', ['feature-state', 'agreement'], 'disputed'];

/**
 * The per-source marks are drawn from this zoom up, and only for places that have room for them there
 * (placeCrowding.ts; feature state `expanded`), or that are selected or under the pointer. Every other place
 * draws one compact summary ring hugging its marker (`place-summary-ring`). At overview zooms 19,862 marks
 * in four symbol layers (one per shape) were about two thirds of a software-rendered frame (docs/PERFORMANCE.md,
 * round 4), and at the opening zoom a ring of marks around Sudzha covered two villages 1.3 km away.
 */
export const MARKS_MIN_ZOOM = LOWEST_EXPAND_ZOOM;

/** Source marks grow to full size by zoom 10.5 (`icon-offset` scales with `icon-size`, so the ring does too). */
const MARK_SIZE_BY_ZOOM: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 8, 0.5, 10.5, 1];

/**
 * The agreement marker and the summary ring around it are drawn at 3/4 size up to zoom 10.5 and full size
 * from 12: at the opening zoom the closest places are 33 px apart, and a ring (outer edge 19.5 px) plus a
 * neighbour's marker (11.25 px) must fit in that.
 */
export const PLACE_SYMBOL_SCALE = { small: 0.75, smallUntil: 10.5, fullFrom: 12 } as const;

/** `PLACE_SYMBOL_SCALE` at a zoom: what `icon-size` of the markers and the ring evaluates to. */
export function placeSymbolScale(zoom: number): number {
  const { small, smallUntil, fullFrom } = PLACE_SYMBOL_SCALE;
  const t = Math.min(1, Math.max(0, (zoom - smallUntil) / (fullFrom - smallUntil)));
  return small + (1 - small) * t;
}

const PLACE_SYMBOL_SIZE: ExpressionSpecification = [
  'interpolate',
  ['linear'],
  ['zoom'],
  PLACE_SYMBOL_SCALE.smallUntil,
  PLACE_SYMBOL_SCALE.small,
  PLACE_SYMBOL_SCALE.fullFrom,
  1,
];

/**
 * The dispute halo's circle radius and stroke, CSS pixels. Around a place that shows its marks it clears them
 * (28 px to a mark's centre, 7.5 to its edge); around a summary ring it hugs the ring (outer edge 26 px at full
 * size, drawn smaller with it at overview zooms). At the opening zoom the 1,000 places of the bench drew a
 * 39 px halo each, about five screens of fragments and the largest of the claims' costs in a software frame
 * (docs/PERFORMANCE.md, round 13); around the ring it is a third of that.
 */
export const DISPUTE_HALO = {
  aroundMarks: { radius: 36, stroke: 3 },
  aroundRing: { radius: RING_GEOMETRY.radius + RING_GEOMETRY.width / 2 + 2, stroke: 3 },
} as const;

/** A disputed place's halo `size` (`radius` or `stroke`) at a symbol scale; 0 for every other place. */
const haloSize = (size: 'radius' | 'stroke', scale: number): ExpressionSpecification => [
  'case',
  isDisputed,
  ['case', isExpandedState, DISPUTE_HALO.aroundMarks[size], DISPUTE_HALO.aroundRing[size] * scale],
  0,
];
/** `haloSize` following the summary ring's scale with zoom (`PLACE_SYMBOL_SCALE`). */
const haloSizeByZoom = (size: 'radius' | 'stroke'): ExpressionSpecification => [
  'interpolate',
  ['linear'],
  ['zoom'],
  PLACE_SYMBOL_SCALE.smallUntil,
  haloSize(size, PLACE_SYMBOL_SCALE.small),
  PLACE_SYMBOL_SCALE.fullFrom,
  haloSize(size, 1),
];

/** A segment's status colour from feature state; `off` and unset segments are transparent (and hidden). */
const ringColour: ExpressionSpecification = [
  'match',
  ['feature-state', 'status'],
  ...STATUSES.flatMap((status) => [status, STATUS_STYLE[status].color]),
  'rgba(0,0,0,0)',
] as unknown as ExpressionSpecification;
const ringShown: ExpressionSpecification = [
  'case',
  isExpandedState,
  0,
  ['match', ['feature-state', 'status'], [...STATUSES], 1, 0],
];
const markShown = (status: string): ExpressionSpecification => [
  'case',
  ['all', isExpandedState, ['==', ['feature-state', 'status'], status]],
  1,
  0,
];

const LABEL_SIZE_PX = 13;
/**
 * The label's distance from its place, in ems, clearing a ring whose outer edge is `px` from the centre.
 * MapLibre moves a label above or below by the radial offset less its baseline shift (7/24 em), so that is
 * added back.
 */
const clearing = (px: number) => Math.round(((px + 3) / LABEL_SIZE_PX + 7 / 24) * 100) / 100;
/** Past the ring of marks: 28 px to a mark's centre, 8 to its edge, 1.5 of halo. */
const EXPANDED_LABEL_OFFSET = clearing(28 + 8 + 1.5);
/** Past the summary ring as drawn up to the next integer zoom (labels are laid out per integer zoom). */
const compactLabelOffset = (zoom: number) =>
  clearing((RING_GEOMETRY.radius + RING_GEOMETRY.width / 2) * placeSymbolScale(zoom + 1));

/**
 * How far a place's label sits from it: past its summary ring, or past its ring of marks from the zoom at
 * which it shows them (its `expandZoom`) and for the selected place. Layout, so a step over integer zooms:
 * the same zooms at which the adapter switches the marks on (placeCrowding.ts `isExpanded`).
 */
export function placeLabelOffset(selectedPlace: string | null = null): ExpressionSpecification {
  const selected: ExpressionSpecification = ['==', ['get', 'placeId'], selectedPlace ?? ''];
  const stops: (number | ExpressionSpecification)[] = [];
  for (let zoom = MARKS_MIN_ZOOM; zoom <= HIGHEST_EXPAND_ZOOM; zoom++)
    stops.push(zoom, [
      'case',
      ['any', selected, ['<=', ['get', 'expandZoom'], zoom]],
      EXPANDED_LABEL_OFFSET,
      compactLabelOffset(zoom),
    ]);
  return ['step', ['zoom'], compactLabelOffset(MARKS_MIN_ZOOM - 1), ...stops] as ExpressionSpecification;
}

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
        // A 4–5 % tint whose edge the line layers draw: no antialiased outline pass.
        'fill-antialias': false,
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
        'circle-radius': haloSizeByZoom('radius'),
        'circle-color': 'rgba(163,0,143,0.12)',
        'circle-stroke-color': '#a3008f',
        'circle-stroke-width': haloSizeByZoom('stroke'),
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
    // Below the footprints in drawing order, so it is placed after them and keeps clear of them.
    {
      id: PLACE_LABEL_LAYER,
      type: 'symbol',
      source: SOURCE_IDS.places,
      layout: {
        'text-field': placeLabelField(labels),
        'text-size': LABEL_SIZE_PX,
        // Below the place first, then above, right, left, then the corners; MapLibre takes the first that
        // clears what is placed before it: every place's footprint (the layer above) and the other labels.
        'text-variable-anchor': [
          'top',
          'bottom',
          'left',
          'right',
          'top-left',
          'top-right',
          'bottom-left',
          'bottom-right',
        ],
        'text-radial-offset': placeLabelOffset(),
        'text-justify': 'auto',
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
    {
      // Unseen: one box per place as wide as its summary ring, which the labels keep clear of. A selected or
      // hovered place's marks spread wider, over its neighbours, on purpose. Below MARKS_MIN_ZOOM the rings
      // of the closest villages overlap one another anyway, and footprints there left Sudzha (in the middle
      // of its cluster) and the rivers without a label: there labels only keep clear of each other.
      id: PLACE_FOOTPRINT_LAYER,
      type: 'symbol',
      source: SOURCE_IDS.places,
      minzoom: MARKS_MIN_ZOOM,
      layout: {
        'icon-image': FOOTPRINT_IMAGE,
        'icon-size': PLACE_SYMBOL_SIZE,
        'icon-allow-overlap': true,
        'icon-ignore-placement': false,
      },
      paint: { 'icon-opacity': 0 },
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
          'icon-opacity': dimmable(markShown(status)),
        },
      }),
    ),
    {
      // One layer for every segment of every place's ring: the segment image comes from a property set once
      // (its slot count), its colour and visibility from feature state. Statuses are grouped clockwise from
      // twelve o'clock in a fixed order (Ukrainian, Russian, contested, no position), so a segment's place
      // in the ring says its status besides its colour; the shapes are on the marks from MARKS_MIN_ZOOM.
      id: PLACE_RING_LAYER,
      type: 'symbol',
      source: SOURCE_IDS.ring,
      layout: {
        'icon-image': ['get', 'image'],
        'icon-offset': ['get', 'offset'],
        'icon-rotate': ['get', 'rotate'],
        'icon-rotation-alignment': 'viewport',
        'icon-size': PLACE_SYMBOL_SIZE,
        ...alwaysOnTop,
      },
      paint: { 'icon-color': ringColour, 'icon-opacity': dimmable(ringShown) },
    },
    ...AGREEMENT_KEYS.map(
      (key): LayerSpecification => ({
        id: agreementLayerId(key),
        type: 'symbol',
        source: SOURCE_IDS.places,
        layout: { 'icon-image': `agreement-${key}`, 'icon-size': PLACE_SYMBOL_SIZE, ...alwaysOnTop },
        paint: { 'icon-opacity': dimmable(showWhen('agreement', key)) },
      }),
    ),
  ];
}
