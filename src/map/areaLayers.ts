/**
 * Area claims on the map. The layer data (every snapshot's features, with stable ids) is built once per
 * import; the map's area sources hold only the snapshots in force, and a slider step adds and removes
 * just the snapshots that come into force or drop out (`GeoJSONSource.updateData`, MapController).
 * Hiding the rest with feature state would still rasterise every snapshot on every frame: with 1,000
 * snapshots of ~2,000 vertices, a software-rendered frame went from ~1 s to ~13 s (docs/PERFORMANCE.md).
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
const areaOutlineLayerId = (sourceId: string) => `area-outline-${sourceId}`;

export const AREA_STATUS_STYLE: Record<AreaStatus, { color: string }> = {
  ukrainian: { color: '#2f6fd6' },
  russian: { color: '#c0392b' },
  contested: { color: '#8c8c8c' },
  'russian-advance': { color: '#e4572e' },
};

/** Outline dash patterns, one per source in turn, so two sources' maps stay apart where they overlap. */
const DASHES: number[][] = [
  [1, 0],
  [4, 2],
  [1, 1.5],
  [6, 2, 1, 2],
];

interface AreaFeatureProps {
  sourceId: string;
  status: AreaStatus;
  /** Index of the snapshot in the list the layer data was built from. */
  snapshot: number;
}

export interface AreaLayerData {
  /** One front line per snapshot; feature id = snapshot index. */
  frontLines: FeatureCollection<MultiLineString, { sourceId: string }>;
  index: AreaIndex;
  snapshotIndex: ReadonlyMap<AreaSnapshot, number>;
  /** Each snapshot's polygon features (ids unique across all snapshots), by snapshot index. */
  featuresBySnapshot: Feature<AreaGeometry, AreaFeatureProps>[][];
  sourceIds: string[];
  /** The credit the map shows while these areas are drawn (e.g. maps fetched from the DeepState archive). */
  attribution?: string;
}

export function buildAreaLayerData(
  snapshots: readonly AreaSnapshot[],
  frontLines: readonly MultiLineString[] = [],
): AreaLayerData {
  let nextId = 0;
  const featuresBySnapshot = snapshots.map((snapshot, s) =>
    snapshot.claims.map(
      (claim): Feature<AreaGeometry, AreaFeatureProps> => ({
        type: 'Feature',
        id: nextId++,
        geometry: claim.geometry,
        properties: { sourceId: claim.sourceId, status: claim.status, snapshot: s },
      }),
    ),
  );
  const sourceIds = [...new Set(snapshots.map((s) => s.sourceId))];
  return {
    frontLines: {
      type: 'FeatureCollection',
      features: frontLines.map((geometry, id) => ({
        type: 'Feature',
        id,
        geometry,
        properties: { sourceId: snapshots[id].sourceId },
      })),
    },
    featuresBySnapshot,
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
      paint: { 'fill-color': statusColor, 'fill-opacity': 0.28 },
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
          'line-opacity': 0.9,
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
  paint: { 'line-color': '#111111', 'line-width': 2.5, 'line-opacity': 1 },
});

export function areaOutlineDash(index: number): number[] {
  return DASHES[index % DASHES.length];
}
