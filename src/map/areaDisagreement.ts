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
import { ON_HAND_REACH } from '../areas/catalog';
import type { AreaDisagreement } from '../areas/disagreement';
import type { AreaGeometry, AreaStatus } from '../areas/model';

export const DISAGREEMENT_SOURCE = 'app-area-disagreement';
/** The first hatching layer: the area layers go below it. */
export const DISAGREEMENT_FILL_LAYER = 'area-disagreement-fill-0';
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
  /** The hatching slot the map gave this pair (see `disagreementLayers`). */
  slot?: number;
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

/**
 * The hatching of every pair within reach is held like the snapshots (./areaLayers.ts, slots): each pair's
 * features carry the number of a slot, whose fill and line layers are shown by their constant opacity, so a
 * move to a pair on hand changes paint only, and the hidden ones are not drawn. Two slots per step of either
 * compared track and one for the pair in force.
 */
export const HATCH_SLOTS = 2 * (2 * ON_HAND_REACH.maxSteps + 1) + 1;

export const HATCH_OPACITY = { fill: 0.9, line: 1 } as const;
const NOW = { duration: 0, delay: 0 };

export const hatchLayerIds = (slot: number) => ({
  fill: `area-disagreement-fill-${slot}`,
  line: `area-disagreement-line-${slot}`,
});

export function disagreementLayers(): LayerSpecification[] {
  return Array.from({ length: HATCH_SLOTS }, (_, slot): LayerSpecification[] => {
    const ids = hatchLayerIds(slot);
    const filter: ExpressionSpecification = ['==', ['get', 'slot'], slot];
    return [
      {
        id: ids.fill,
        type: 'fill',
        source: DISAGREEMENT_SOURCE,
        filter,
        paint: {
          'fill-pattern': byKind(HATCH_IMAGE, CONTESTED_IMAGE),
          // The dashed line layer draws the edges; no antialiased outline pass under it.
          'fill-antialias': false,
          'fill-opacity': 0,
          'fill-opacity-transition': NOW,
        },
      },
      {
        id: ids.line,
        type: 'line',
        source: DISAGREEMENT_SOURCE,
        filter,
        paint: {
          'line-color': byKind(DISAGREEMENT_COLOR.opposed, DISAGREEMENT_COLOR.contested),
          'line-width': 1.5,
          'line-dasharray': [2, 1.5],
          'line-opacity': 0,
          'line-opacity-transition': NOW,
        },
      },
    ];
  }).flat();
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

/** The hatching a map holds: the pair compared now (null: none) and every pair within reach, as GeoJSON. */
export interface HeldHatching {
  shown: string | null;
  onHand: readonly { key: string; collection: DisagreementCollection }[];
}

export const NO_HATCHING: HeldHatching = { shown: null, onHand: [] };
