/**
 * Area claims: polygons a source publishes of who holds what, on one date.
 * Plain data, no behaviour; produced by the importers beside this file.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { IsoDate } from '../claims/model';

/** `russian-advance` is ISW's own category (ground Russia regained or advanced into), not plain Russian control. */
export const AREA_STATUSES = ['ukrainian', 'russian', 'contested', 'russian-advance'] as const;
export type AreaStatus = (typeof AREA_STATUSES)[number];

export type AreaGeometry = Polygon | MultiPolygon;

export type AreaFormat = 'deepstate' | 'isw' | 'native';

export interface AreaClaim {
  /** Unique within the loaded areas: source, layer, snapshot and feature index in the file. */
  id: string;
  sourceId: string;
  /** The source's layer, e.g. `deepstate-kursk` or ISW's `kursk_russian_advances`. */
  layer: string;
  status: AreaStatus;
  statedDate: IsoDate;
  /** UTC time of the snapshot (ISO 8601) when the source gives one, as DeepState's file names do. */
  snapshotTime?: string;
  geometry: AreaGeometry;
  fileName: string;
  /** Geodesic area of `geometry` (turf.area), km². */
  areaKm2: number;
  note?: string;
}

/** Why features of a file were read but not kept; lets the UI say what an import left out. */
export interface SkippedCounts {
  /** Null geometry (ISW writes such features). */
  noGeometry: number;
  /** Points, lines: DeepState's unit markers and attack arrows. */
  notArea: number;
  /** Polygons whose label is not a control status (e.g. DeepState's territory layers). */
  otherLabel: number;
  /** Polygons entirely outside the clip region. */
  outsideClip: number;
}

/**
 * Everything one source published for one layer at one time. A snapshot is in force from its
 * stated date until the same source's next snapshot of the same layer.
 */
export interface AreaSnapshot {
  sourceId: string;
  layer: string;
  statedDate: IsoDate;
  snapshotTime?: string;
  fileName: string;
  format: AreaFormat;
  claims: AreaClaim[];
  skipped: SkippedCounts;
}

export function noneSkipped(): SkippedCounts {
  return { noGeometry: 0, notArea: 0, otherLabel: 0, outsideClip: 0 };
}
