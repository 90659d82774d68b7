/**
 * Where the two compared area maps disagree, as GeoJSON for the map: "opposed" ground (one map says
 * Ukrainian, the other Russian or Russian advance) hatched, "contested" ground (held by one, grey zone
 * in the other) dotted. The pair is chosen by ../areas/disagreementPair (through the shared view, src/state/view.ts) and the ground computed by
 * ../areas/disagreement, the same rule the Areas panel shows, measured in the area timeline's worker
 * (../areas/areaTimeline) ahead of the slider. Here it only becomes GeoJSON, once per pair: scrubbing within
 * one pair hands the map the same collection, and its source is left alone.
 */
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { AreaDisagreement } from '../areas/disagreement';
import type { AreaGeometry, AreaStatus } from '../areas/model';

export const DISAGREEMENT_SOURCE = 'app-area-disagreement';
export const DISAGREEMENT_FILL_LAYER = 'area-disagreement-fill';
const DISAGREEMENT_LINE_LAYER = 'area-disagreement-line';
/** Image names of the two patterns (src/map/icons.ts `hatchImage`). */
const HATCH_IMAGE = 'hatch-disagreement';
const CONTESTED_IMAGE = 'hatch-contested';

export const DISAGREEMENT_COLOR = { opposed: '#a3008f', contested: '#1f6f5c' } as const;

interface DisagreementProps {
  kind: 'opposed' | 'contested';
  /** The first compared source and what its map says here; then the second. */
  aSource: string;
  aStatus: AreaStatus;
  bSource: string;
  bStatus: AreaStatus;
  km2: number;
}

export type DisagreementCollection = FeatureCollection<AreaGeometry, DisagreementProps>;

export const EMPTY_DISAGREEMENT: DisagreementCollection = { type: 'FeatureCollection', features: [] };

const byKind = (opposed: string, contested: string): ExpressionSpecification => [
  'match',
  ['get', 'kind'],
  'contested',
  contested,
  opposed,
];

export function disagreementLayers(): LayerSpecification[] {
  return [
    {
      id: DISAGREEMENT_FILL_LAYER,
      type: 'fill',
      source: DISAGREEMENT_SOURCE,
      paint: { 'fill-pattern': byKind(HATCH_IMAGE, CONTESTED_IMAGE), 'fill-opacity': 0.9 },
    },
    {
      id: DISAGREEMENT_LINE_LAYER,
      type: 'line',
      source: DISAGREEMENT_SOURCE,
      paint: {
        'line-color': byKind(DISAGREEMENT_COLOR.opposed, DISAGREEMENT_COLOR.contested),
        'line-width': 1.5,
        'line-dasharray': [2, 1.5],
      },
    },
  ];
}

const collections = new WeakMap<AreaDisagreement, DisagreementCollection>();

/** One feature per part of the disagreement; the same object for the same disagreement. */
export function disagreementCollection(d: AreaDisagreement | undefined): DisagreementCollection {
  if (!d || d.parts.length === 0) return EMPTY_DISAGREEMENT;
  const known = collections.get(d);
  if (known) return known;
  const collection: DisagreementCollection = {
    type: 'FeatureCollection',
    features: d.parts.map((part) => ({
      type: 'Feature',
      geometry: part.geometry,
      properties: {
        kind: part.kind,
        aSource: part.a.sourceId,
        aStatus: part.a.status,
        bSource: part.b.sourceId,
        bStatus: part.b.status,
        km2: part.km2,
      },
    })),
  };
  collections.set(d, collection);
  return collection;
}
