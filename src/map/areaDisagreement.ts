/**
 * Where two enabled area sources' maps in force disagree about Ukrainian-held ground, as GeoJSON for
 * a hatched layer. The geometry is computed once per pair of snapshots (memoised), so scrubbing the
 * slider only rebuilds it when the pair in force changes. The layers and the choice of pair are here;
 * the geometry, which needs polygon clipping, is in ./disagreementCollection, loaded with the area tools.
 */
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import type { AreaGeometry } from '../areas/model';
import type { IsoDate } from '../claims/model';
import { type AreaLayerData, visibleSnapshots } from './areaLayers';

export const DISAGREEMENT_SOURCE = 'app-area-disagreement';
export const DISAGREEMENT_FILL_LAYER = 'area-disagreement-fill';
export const DISAGREEMENT_LINE_LAYER = 'area-disagreement-line';
export const HATCH_IMAGE = 'hatch-disagreement';

export interface DisagreementProps {
  /** The source that says this ground is Ukrainian-held; the other source says it is not. */
  heldBy: string;
  otherSource: string;
  km2: number;
}

export type DisagreementCollection = FeatureCollection<AreaGeometry, DisagreementProps>;

export const EMPTY_DISAGREEMENT: DisagreementCollection = { type: 'FeatureCollection', features: [] };

/**
 * The snapshots (indices into the layer data) of the first two enabled sources with a map in force,
 * in snapshot order; null when fewer than two sources have one.
 */
export function disagreementPair(
  data: AreaLayerData | undefined,
  date: IsoDate,
  sources: ReadonlySet<string>,
): [number, number] | null {
  if (!data) return null;
  const snapshots = [...data.snapshotIndex.keys()];
  const bySource = new Map<string, number>();
  for (const s of [...visibleSnapshots(data, date, sources)].sort((a, b) => a - b)) {
    const sourceId = snapshots[s]?.sourceId;
    if (sourceId && !bySource.has(sourceId)) bySource.set(sourceId, s);
  }
  const [a, b] = [...bySource.values()];
  return a === undefined || b === undefined ? null : [a, b];
}

export function disagreementLayers(): LayerSpecification[] {
  return [
    {
      id: DISAGREEMENT_FILL_LAYER,
      type: 'fill',
      source: DISAGREEMENT_SOURCE,
      paint: { 'fill-pattern': HATCH_IMAGE, 'fill-opacity': 0.9 },
    },
    {
      id: DISAGREEMENT_LINE_LAYER,
      type: 'line',
      source: DISAGREEMENT_SOURCE,
      paint: { 'line-color': '#a3008f', 'line-width': 1.5, 'line-dasharray': [2, 1.5] },
    },
  ];
}
