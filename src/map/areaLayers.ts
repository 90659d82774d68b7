/**
 * Area claims on the map. The layer data (every snapshot's features, with stable ids) is built once per
 * import; the map's area sources hold only the snapshots in force and each track's neighbours (the snapshot a
 * step back or forward brings into force), and the `visible` feature state says which are drawn. A step to a
 * neighbour flips feature state only, so it is drawn in the next frame with no worker round trip; the sources
 * then take the new neighbours (and drop the far ones) as a `GeoJSONSource.updateData` diff (MapController).
 * Hidden features are still rasterised, which is why the sources do not hold every snapshot: with 1,000
 * snapshots of ~2,000 vertices a software-rendered frame went from ~1 s to ~13 s (docs/PERFORMANCE.md);
 * at most three per track are on the map.
 */

import type { Feature, FeatureCollection, MultiLineString } from 'geojson';
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { type AreaCatalog, buildAreaCatalog } from '../areas/catalog';
import type { LoadedArea } from '../areas/importWorker';
import type { AreaGeometry, AreaSnapshot, AreaStatus } from '../areas/model';

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

export interface AreaLayerData extends AreaCatalog {
  /** One front line per snapshot (parallel to the snapshots); feature id = the snapshot's first polygon id. */
  frontLines: FeatureCollection<MultiLineString, { sourceId: string }>;
  /**
   * Each snapshot's polygon features, by snapshot index. Ids are unique across all snapshots and stay the
   * same for a snapshot in every later build, so the map can keep the features it has across imports.
   */
  featuresBySnapshot: Feature<AreaGeometry, AreaFeatureProps>[][];
  sourceIds: string[];
  /** The credit the map shows while these areas are drawn (e.g. maps fetched from the DeepState archive). */
  attribution?: string;
}

/** A snapshot's first feature id, given once: a snapshot never changes once imported. */
const firstIds = new WeakMap<AreaSnapshot, number>();
let nextFirstId = 0;
function firstIdOf(snapshot: AreaSnapshot): number {
  let id = firstIds.get(snapshot);
  if (id === undefined) {
    id = nextFirstId;
    // At least one id, so the front line's id (the first) is the snapshot's own even without polygons.
    nextFirstId += Math.max(1, snapshot.claims.length);
    firstIds.set(snapshot, id);
  }
  return id;
}

export function buildAreaLayerData(
  snapshots: readonly AreaSnapshot[],
  frontLines: readonly MultiLineString[] = [],
  catalog: AreaCatalog = buildAreaCatalog(snapshots),
): AreaLayerData {
  const featuresBySnapshot = snapshots.map((snapshot, s) =>
    snapshot.claims.map(
      (claim, k): Feature<AreaGeometry, AreaFeatureProps> => ({
        type: 'Feature',
        id: firstIdOf(snapshot) + k,
        geometry: claim.geometry,
        properties: { sourceId: claim.sourceId, status: claim.status, snapshot: s },
      }),
    ),
  );
  const sourceIds = [...new Set(snapshots.map((s) => s.sourceId))];
  return {
    frontLines: {
      type: 'FeatureCollection',
      features: frontLines.map((geometry, s) => ({
        type: 'Feature',
        id: firstIdOf(snapshots[s]),
        geometry,
        properties: { sourceId: snapshots[s].sourceId },
      })),
    },
    featuresBySnapshot,
    sourceIds,
    ...catalog,
  };
}

/** DeepState's maps fetched from the public archive are credited on the map while they are drawn. */
const ARCHIVE_CREDIT = 'Front line: DeepStateMap.live, via the deepstatemaps-history archive';

const byCatalog = new WeakMap<AreaCatalog, AreaLayerData>();

/**
 * The layer data of the store's area maps (`areas`, in the order `catalog` was built from), once per import:
 * every render of a map pane asks for it, and both panes share it.
 */
export function areaLayerDataOf(areas: readonly LoadedArea[], catalog: AreaCatalog): AreaLayerData {
  const known = byCatalog.get(catalog);
  if (known) return known;
  const data = buildAreaLayerData(
    catalog.snapshots,
    areas.map((a) => a.frontLine),
    catalog,
  );
  const credited = areas.some((a) => a.fetchedFrom) ? { ...data, attribution: ARCHIVE_CREDIT } : data;
  byCatalog.set(catalog, credited);
  return credited;
}

/** Drawn only while the feature's snapshot is in force (feature state `visible`, MapController). */
const whenVisible = (opacity: number): ExpressionSpecification => [
  'case',
  ['boolean', ['feature-state', 'visible'], false],
  opacity,
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
      paint: { 'fill-color': statusColor, 'fill-opacity': whenVisible(0.28) },
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
          'line-opacity': whenVisible(0.9),
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
  paint: { 'line-color': '#111111', 'line-width': 2.5, 'line-opacity': whenVisible(1) },
});

export function areaOutlineDash(index: number): number[] {
  return DASHES[index % DASHES.length];
}
