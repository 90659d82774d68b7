/**
 * Static GeoJSON for the app's own layers, built once per dataset. What
 * changes with the date and the source toggles is applied as feature state
 * (see featureStates.ts), so these collections are never rebuilt while scrubbing.
 */
import { circle } from '@turf/turf';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import type { Dataset, PrecisionKind } from '../claims/model';
import { sourcesForPlace, type TimeIndex } from '../claims/timeline';
import { PRECISION_STYLE, placeLabel, precisionRadiusM } from './precisionStyle';

interface PlaceFeatureProps {
  placeId: string;
  label: string;
  approximate: boolean;
  precision: PrecisionKind;
  /** Label priority: towns before villages, published points before approximate ones (lower wins). */
  rank: number;
}

interface UncertaintyFeatureProps {
  placeId: string;
  precision: PrecisionKind;
}

export interface MarkFeatureProps {
  placeId: string;
  sourceId: string;
  color: string;
  /** Pixel offset of this source's mark on the ring around the place. */
  offset: [number, number];
}

export interface AppLayerData {
  places: FeatureCollection<Point, PlaceFeatureProps>;
  marks: FeatureCollection<Point, MarkFeatureProps>;
  /** One circle per place that has an uncertainty radius, styled by its precision kind (precisionStyle.ts). */
  uncertainty: FeatureCollection<Polygon, UncertaintyFeatureProps>;
  /** Numeric feature ids, for feature state. */
  placeFeatureId: ReadonlyMap<string, number>;
  markFeatureId: ReadonlyMap<string, number>;
  /** For the hot path: each mark's track (`TimeIndex.tracks` id) and place feature id. */
  markTrack: Int32Array;
  markPlace: Int32Array;
  /** Track ids of each place, by place feature id. */
  placeTracks: readonly Int32Array[];
}

const MARK_RING_RADIUS_PX = 28;

export function markKey(placeId: string, sourceId: string): string {
  return `${placeId}\u0000${sourceId}`;
}

/** Evenly spaced slots on a ring, starting at twelve o'clock, clockwise. */
export function ringOffsets(count: number, radius = MARK_RING_RADIUS_PX): [number, number][] {
  return Array.from({ length: count }, (_, i) => {
    const angle = (2 * Math.PI * i) / count - Math.PI / 2;
    return [Math.round(radius * Math.cos(angle) * 10) / 10, Math.round(radius * Math.sin(angle) * 10) / 10];
  });
}

export function buildAppLayerData(dataset: Dataset, index: TimeIndex): AppLayerData {
  const colorOf = new Map(dataset.sources.map((s) => [s.id, s.color]));
  const sourceOrder = new Map(dataset.sources.map((s, i) => [s.id, i]));
  const placeFeatureId = new Map<string, number>();
  const markFeatureId = new Map<string, number>();
  const places: Feature<Point, PlaceFeatureProps>[] = [];
  const marks: Feature<Point, MarkFeatureProps>[] = [];
  const uncertainty: Feature<Polygon, UncertaintyFeatureProps>[] = [];
  const markTrack: number[] = [];
  const markPlace: number[] = [];
  const placeTracks: Int32Array[] = [];

  dataset.places.forEach((place, i) => {
    placeFeatureId.set(place.id, i);
    const precision = place.precision.kind;
    const approximate = PRECISION_STYLE[precision].suffix !== '';
    places.push({
      type: 'Feature',
      id: i,
      geometry: { type: 'Point', coordinates: place.coordinates },
      properties: {
        placeId: place.id,
        label: placeLabel(place),
        approximate,
        precision,
        rank: (place.kind === 'town' ? 0 : 2) + (approximate ? 1 : 0),
      },
    });
    const radiusM = precisionRadiusM(place.precision);
    if (radiusM !== undefined && PRECISION_STYLE[precision].circle) {
      const ring = circle(place.coordinates, radiusM / 1000, { steps: 64, units: 'kilometers' });
      uncertainty.push({ type: 'Feature', geometry: ring.geometry, properties: { placeId: place.id, precision } });
    }
    const tracks = index.tracksByPlace.get(place.id) ?? [];
    placeTracks.push(Int32Array.from(tracks, (t) => t.id));
    const trackOf = new Map(tracks.map((t) => [t.sourceId, t.id]));
    const sources = sourcesForPlace(index, place.id).sort(
      (a, b) => (sourceOrder.get(a) ?? 0) - (sourceOrder.get(b) ?? 0),
    );
    const offsets = ringOffsets(sources.length);
    sources.forEach((sourceId, slot) => {
      const id = marks.length;
      markFeatureId.set(markKey(place.id, sourceId), id);
      markTrack.push(trackOf.get(sourceId) ?? -1);
      markPlace.push(i);
      marks.push({
        type: 'Feature',
        id,
        geometry: { type: 'Point', coordinates: place.coordinates },
        properties: { placeId: place.id, sourceId, color: colorOf.get(sourceId) ?? '#000000', offset: offsets[slot] },
      });
    });
  });

  return {
    places: { type: 'FeatureCollection', features: places },
    marks: { type: 'FeatureCollection', features: marks },
    uncertainty: { type: 'FeatureCollection', features: uncertainty },
    placeFeatureId,
    markFeatureId,
    markTrack: Int32Array.from(markTrack),
    markPlace: Int32Array.from(markPlace),
    placeTracks,
  };
}
