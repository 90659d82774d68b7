/**
 * How each location precision kind is drawn and named. The map draws a place's uncertainty circle
 * (`radiusM`) in the line style of its kind; the legend lists these entries; the place panel and list use
 * the labels. Points published to the arc-second get no circle: the dot is as good as the source.
 */
import type { Precision, PrecisionKind } from '../claims/model';

export interface PrecisionStyle {
  /** Short name, for the legend and the place panel. */
  label: string;
  /** One sentence for the legend: what the circle (or its absence) means. */
  description: string;
  /** Suffix after the place name in labels and lists ('' for none). */
  suffix: string;
  /** Whether the map draws an uncertainty circle for this kind. */
  circle: boolean;
  /** MapLibre `line-dasharray` (in line widths); `null` for a solid line. */
  dash: number[] | null;
  lineWidth: number;
  fillOpacity: number;
  color: string;
}

const CIRCLE_COLOR = '#6b5b95';

export const PRECISION_STYLE: Record<PrecisionKind, PrecisionStyle> = {
  point: {
    label: 'Published point',
    description: 'Coordinates published to the arc-second or finer: the dot is the place.',
    suffix: '',
    circle: false,
    dash: null,
    lineWidth: 0,
    fillOpacity: 0,
    color: CIRCLE_COLOR,
  },
  landmark: {
    label: 'Landmark in the place',
    description:
      'The published point of a building in the place, such as its church: solid ring, the place lies within it.',
    suffix: '',
    circle: true,
    dash: null,
    lineWidth: 1.5,
    fillOpacity: 0.04,
    color: CIRCLE_COLOR,
  },
  'arc-minute': {
    label: 'Published to the arc-minute',
    description:
      'Coordinates published in whole minutes only: dotted circle, as far as that rounding can shift the point.',
    suffix: ' (approx.)',
    circle: true,
    dash: [0.5, 2],
    lineWidth: 2,
    fillOpacity: 0.05,
    color: CIRCLE_COLOR,
  },
  estimate: {
    label: 'Estimated from distances',
    description: 'No published coordinates: our estimate from published distances and directions, dashed circle.',
    suffix: ' (approx.)',
    circle: true,
    dash: [3, 2],
    lineWidth: 1.5,
    fillOpacity: 0.06,
    color: CIRCLE_COLOR,
  },
};

/** Legend order: most certain first. */
export const PRECISION_KINDS: PrecisionKind[] = ['point', 'landmark', 'arc-minute', 'estimate'];

/** The uncertainty radius in metres, or `undefined` for a published point. */
export function precisionRadiusM(precision: Precision): number | undefined {
  return precision.kind === 'point' ? undefined : precision.radiusM;
}
