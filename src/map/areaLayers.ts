/**
 * Area claims on the map: every imported snapshot's polygons live in one
 * GeoJSON source, added when the snapshots change (an import), never per
 * slider step. Which snapshot shows on a date is feature state.
 */

import type { Feature, FeatureCollection, MultiLineString } from 'geojson';
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { AreaGeometry, AreaSnapshot, AreaStatus } from '../areas/model';
import { type AreaIndex, activeSnapshots, buildAreaIndex } from '../areas/timeline';
import type { IsoDate } from '../claims/model';

export const AREA_SOURCE = 'app-areas';
export const AREA_FILL_LAYER = 'area-fill';
export const FRONTLINE_SOURCE = 'app-frontlines';
export const FRONTLINE_LAYER = 'area-frontline';
export const areaOutlineLayerId = (sourceId: string) => `area-outline-${sourceId}`;

export const AREA_STATUS_STYLE: Record<AreaStatus, { color: string; label: string }> = {
  ukrainian: { color: '#2f6fd6', label: 'Ukrainian-held' },
  russian: { color: '#c0392b', label: 'Russian-held' },
  contested: { color: '#8c8c8c', label: 'Contested / grey zone' },
  'russian-advance': { color: '#e4572e', label: 'Russian advances (ISW)' },
};

/** Outline dash patterns, one per source in turn, so two sources' maps stay apart where they overlap. */
const DASHES: number[][] = [
  [1, 0],
  [4, 2],
  [1, 1.5],
  [6, 2, 1, 2],
];

export interface AreaFeatureProps {
  sourceId: string;
  status: AreaStatus;
  /** Index of the snapshot in the list the layer data was built from. */
  snapshot: number;
}

export interface AreaLayerData {
  collection: FeatureCollection<AreaGeometry, AreaFeatureProps>;
  /** One front line per snapshot; feature id = snapshot index. */
  frontLines: FeatureCollection<MultiLineString, { sourceId: string }>;
  index: AreaIndex;
  snapshotIndex: ReadonlyMap<AreaSnapshot, number>;
  /** Feature ids of each snapshot's polygons, by snapshot index. */
  featureIds: number[][];
  sourceIds: string[];
}

export function buildAreaLayerData(
  snapshots: readonly AreaSnapshot[],
  frontLines: readonly MultiLineString[] = [],
): AreaLayerData {
  const features: Feature<AreaGeometry, AreaFeatureProps>[] = [];
  const featureIds = snapshots.map((snapshot, s) =>
    snapshot.claims.map((claim) => {
      const id = features.length;
      features.push({
        type: 'Feature',
        id,
        geometry: claim.geometry,
        properties: { sourceId: claim.sourceId, status: claim.status, snapshot: s },
      });
      return id;
    }),
  );
  const sourceIds = [...new Set(snapshots.map((s) => s.sourceId))];
  return {
    collection: { type: 'FeatureCollection', features },
    frontLines: {
      type: 'FeatureCollection',
      features: frontLines.map((geometry, id) => ({
        type: 'Feature',
        id,
        geometry,
        properties: { sourceId: snapshots[id].sourceId },
      })),
    },
    featureIds,
    sourceIds,
    index: buildAreaIndex(snapshots),
    snapshotIndex: new Map(snapshots.map((s, i) => [s, i])),
  };
}

/** Indices of the snapshots in force on `date` for the enabled sources: a binary search per track. */
export function visibleSnapshots(data: AreaLayerData, date: IsoDate, sources: ReadonlySet<string>): Set<number> {
  const visible = new Set<number>();
  for (const snapshot of activeSnapshots(data.index, date, sources)) {
    const i = data.snapshotIndex.get(snapshot);
    if (i !== undefined) visible.add(i);
  }
  return visible;
}

const visible = (on: number): ExpressionSpecification => [
  'case',
  ['boolean', ['feature-state', 'visible'], false],
  on,
  0,
];

const statusColor: ExpressionSpecification = [
  'match',
  ['get', 'status'],
  'ukrainian',
  AREA_STATUS_STYLE.ukrainian.color,
  'russian',
  AREA_STATUS_STYLE.russian.color,
  'contested',
  AREA_STATUS_STYLE.contested.color,
  AREA_STATUS_STYLE['russian-advance'].color,
];

/** Fill by status; one outline layer per source with its own colour and dash. Inserted below the place layers. */
export function areaLayers(sources: readonly { id: string; color: string }[]): LayerSpecification[] {
  return [
    {
      id: AREA_FILL_LAYER,
      type: 'fill',
      source: AREA_SOURCE,
      paint: { 'fill-color': statusColor, 'fill-opacity': visible(0.28) },
    },
    ...sources.map(
      (source, i): LayerSpecification => ({
        id: areaOutlineLayerId(source.id),
        type: 'line',
        source: AREA_SOURCE,
        filter: ['==', ['get', 'sourceId'], source.id],
        paint: {
          'line-color': source.color,
          'line-width': 2,
          'line-dasharray': DASHES[i % DASHES.length],
          'line-opacity': visible(0.9),
        },
      }),
    ),
  ];
}

export const frontLineLayer = (): LayerSpecification => ({
  id: FRONTLINE_LAYER,
  type: 'line',
  source: FRONTLINE_SOURCE,
  layout: { 'line-join': 'round', 'line-cap': 'round' },
  paint: { 'line-color': '#111111', 'line-width': 2.5, 'line-opacity': visible(1) },
});

export function areaOutlineDash(index: number): number[] {
  return DASHES[index % DASHES.length];
}
