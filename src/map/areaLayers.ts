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
import { type AreaCatalog, buildAreaCatalog, ON_HAND_REACH } from '../areas/catalog';
import type { LoadedArea } from '../areas/importWorker';
import type { AreaGeometry, AreaSnapshot, AreaStatus } from '../areas/model';
import { trackKey } from '../areas/timeline';

export const AREA_SOURCE = 'app-areas';
const AREA_FILL_LAYER = 'area-fill';
export const FRONTLINE_SOURCE = 'app-frontlines';
const FRONTLINE_LAYER = 'area-frontline';

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
  /** The area tracks (a source's layer), in the catalog's order; each has its own slots on the map. */
  tracks: readonly { sourceId: string }[];
  /** Each snapshot's track, by snapshot index. */
  trackOf: readonly number[];
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
  const trackKeys = [...catalog.index.tracks.keys()];
  return {
    tracks: [...catalog.index.tracks.values()].map((t) => ({ sourceId: t.sourceId })),
    trackOf: snapshots.map((s) => trackKeys.indexOf(trackKey(s.sourceId, s.layer))),
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

/** The opacity of each kind of area layer while its snapshot is shown (a hidden one has 0). */
export const AREA_OPACITY = { fill: 0.28, outline: 0.9, frontLine: 1 } as const;
/** A slot is switched on and off by its paint opacity: at once, not faded in over 300 ms. */
const NOW = { duration: 0, delay: 0 };

/**
 * The snapshots on hand are drawn by slots: each track has `SLOTS_PER_TRACK` (every snapshot within reach on
 * either side and the one in force), each slot a fill, an outline and a front-line layer filtered to the
 * features the adapter gave that slot's number. A slot is shown or hidden by its layers' constant opacity,
 * which MapLibre neither re-tiles for nor draws when 0 (its fill and line painters return early), so the
 * snapshots held for the next moves cost no drawing. (A feature-state opacity, as before, is still drawn.)
 */
export const SLOTS_PER_TRACK = 2 * ON_HAND_REACH.maxSteps + 1;

export const slotLayerIds = (slot: number) => ({
  fill: `${AREA_FILL_LAYER}-${slot}`,
  outline: `area-outline-${slot}`,
  frontLine: `${FRONTLINE_LAYER}-${slot}`,
});

/** A feature's source and status style; `filter` limits it to a slot, `shown` sets its opacity. */
function areaStyle(
  ids: { fill: string; outline: string; frontLine: string },
  outline: { color: string; dash: number[] },
  filter: ExpressionSpecification | undefined,
  shown: boolean,
): LayerSpecification[] {
  const opacity = (value: number) => (shown ? value : 0);
  const only = filter ? { filter } : {};
  return [
    {
      id: ids.fill,
      type: 'fill',
      source: AREA_SOURCE,
      ...only,
      paint: {
        'fill-color': statusColor,
        'fill-opacity': opacity(AREA_OPACITY.fill),
        'fill-opacity-transition': NOW,
        // The outline layer draws every edge: the fill's own antialiased outline pass would be drawn under it.
        'fill-antialias': false,
      },
    },
    {
      id: ids.outline,
      type: 'line',
      source: AREA_SOURCE,
      ...only,
      paint: {
        'line-color': outline.color,
        'line-width': 2,
        'line-dasharray': outline.dash,
        'line-opacity': opacity(AREA_OPACITY.outline),
        'line-opacity-transition': NOW,
      },
    },
    {
      id: ids.frontLine,
      type: 'line',
      source: FRONTLINE_SOURCE,
      ...only,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': '#111111',
        'line-width': 2.5,
        'line-opacity': opacity(AREA_OPACITY.frontLine),
        'line-opacity-transition': NOW,
      },
    },
  ];
}

/** Each source's outline colour and dash, by its place among the sources with areas. */
const outlineOf = (sources: readonly { id: string; color: string }[], sourceId: string) => {
  const i = Math.max(
    0,
    sources.findIndex((s) => s.id === sourceId),
  );
  return { color: sources[i]?.color ?? '#444444', dash: DASHES[i % DASHES.length] };
};

/**
 * The slots' layers, every one hidden at first (the adapter shows the slots of the snapshots in force), for
 * `tracks` (AreaLayerData.tracks) and the outline style of their sources. Inserted below the place layers.
 */
export function areaSlotLayers(
  tracks: readonly { sourceId: string }[],
  sources: readonly { id: string; color: string }[],
): LayerSpecification[] {
  const layers = tracks.flatMap((track, t) =>
    Array.from({ length: SLOTS_PER_TRACK }, (_, k) => {
      const slot = t * SLOTS_PER_TRACK + k;
      return areaStyle(slotLayerIds(slot), outlineOf(sources, track.sourceId), ['==', ['get', 'slot'], slot], false);
    }).flat(),
  );
  return bySource(layers);
}

/**
 * The layers of each source together, in their order otherwise: every layer MapLibre does not hide by
 * `visibility` or zoom redraws the tiles' stencil masks when its source differs from the layer's before it,
 * even a slot whose opacity is 0 (which is then not drawn). Slots alternating between the area and the
 * front-line source redrew the masks about 180 times a frame, half of a software-rendered repaint
 * (docs/PERFORMANCE.md, round 12). So the front lines are drawn above every track's areas.
 */
function bySource(layers: readonly LayerSpecification[]): LayerSpecification[] {
  const sourceOf = (layer: LayerSpecification) => ('source' in layer ? String(layer.source) : '');
  const order = [...new Set(layers.map(sourceOf))];
  return order.flatMap((source) => layers.filter((layer) => sourceOf(layer) === source));
}

/**
 * The same style drawing every feature of the sources, one outline layer per source: for a page that puts only
 * the snapshots in force in the sources (the bench's `setData` baseline).
 */
export function areaLayersShowingAll(sources: readonly { id: string; color: string }[]): LayerSpecification[] {
  return bySource(
    sources.flatMap((source, i) =>
      areaStyle(
        { fill: `${AREA_FILL_LAYER}-${i}`, outline: `area-outline-${i}`, frontLine: `${FRONTLINE_LAYER}-${i}` },
        outlineOf(sources, source.id),
        ['==', ['get', 'sourceId'], source.id],
        true,
      ),
    ),
  );
}

export function areaOutlineDash(index: number): number[] {
  return DASHES[index % DASHES.length];
}
