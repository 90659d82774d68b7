/**
 * Static GeoJSON for the app's own layers, built once per dataset. What
 * changes with the date and the source toggles is applied as feature state
 * (see featureStates.ts), so these collections are never rebuilt while scrubbing.
 */
import { circle } from '@turf/turf';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import type { Dataset, PrecisionKind } from '../claims/model';
import { sourcesForPlace, type TimeIndex } from '../claims/timeline';
import { expandZooms } from './placeCrowding';
import { PRECISION_STYLE, precisionRadiusM } from './precisionStyle';

interface PlaceFeatureProps {
  placeId: string;
  /** The record's names; the label layer picks the interface language's (labels.ts). */
  name_en: string;
  name_uk: string;
  name_ru: string;
  approximate: boolean;
  precision: PrecisionKind;
  /** Label priority: towns before villages, published points before approximate ones (lower wins). */
  rank: number;
  /** The zoom from which its ring of marks has room (placeCrowding.ts); the label moves out to clear it. */
  expandZoom: number;
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

/** One segment of a place's summary ring (overview zooms): which segment image, and where on the ring. */
interface RingFeatureProps {
  placeId: string;
  /** `ring-<slots>`: the segment for a ring of that many slots (icons.ts). */
  image: string;
  /** Pixel offset of the segment's image from the place when upright, at twelve o'clock (`ringSegment`). */
  offset: [number, number];
  /** Clockwise degrees from twelve o'clock (`icon-rotate`, which turns the offset with it). */
  rotate: number;
}

export interface AppLayerData {
  places: FeatureCollection<Point, PlaceFeatureProps>;
  marks: FeatureCollection<Point, MarkFeatureProps>;
  /**
   * The summary ring drawn instead of the marks below the marks' zoom: `ringSlots(k)` segments per place
   * with k marks; feature state gives each segment a status (or `off`), grouped in status order.
   */
  ring: FeatureCollection<Point, RingFeatureProps>;
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
  /** Place p's marks are ids `placeMarkStart[p]` to `placeMarkStart[p + 1] - 1`; its ring segments likewise. */
  placeMarkStart: Int32Array;
  placeRingStart: Int32Array;
  /** By place feature id: the zoom from which the place shows its marks instead of its summary ring. */
  placeExpandZoom: Int8Array;
}

/** The summary ring's slots at most: up to this many sources, one segment per source; beyond, proportions. */
export const RING_MAX_SLOTS = 12;
const ringSlots = (marks: number) => Math.min(marks, RING_MAX_SLOTS);

/**
 * The summary ring at full size: centre line radius, band width and the gap between segments, in CSS pixels.
 * It hugs the agreement marker (the disputed one's edge is at 18.25 px), and is drawn smaller with the marker
 * at overview zooms (appLayers.ts `placeSymbolScale`).
 */
export const RING_GEOMETRY = { radius: 24, width: 4, gap: 2 } as const;

/**
 * One segment of a ring of `slots`, upright (centred on twelve o'clock): the arc's angle and the box that
 * holds it, as the image's size and the offset of its centre from the place (CSS pixels).
 */
export function ringSegment(slots: number): { angle: number; size: [number, number]; offset: [number, number] } {
  const { radius, width, gap } = RING_GEOMETRY;
  const angle = slots <= 1 ? 2 * Math.PI : (2 * Math.PI) / slots - gap / radius;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i <= 64; i++) {
    const phi = -angle / 2 + (angle * i) / 64;
    for (const r of [radius - width / 2, radius + width / 2]) {
      const x = r * Math.sin(phi);
      const y = -r * Math.cos(phi);
      [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
    }
  }
  const size: [number, number] = [Math.ceil(maxX - minX + 2), Math.ceil(maxY - minY + 2)];
  const round = (v: number) => Math.round(v * 100) / 100;
  return { angle, size, offset: [round((minX + maxX) / 2), round((minY + maxY) / 2)] };
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
  const ring: Feature<Point, RingFeatureProps>[] = [];
  const placeMarkStart: number[] = [];
  const placeRingStart: number[] = [];
  const uncertainty: Feature<Polygon, UncertaintyFeatureProps>[] = [];
  const markTrack: number[] = [];
  const markPlace: number[] = [];
  const placeTracks: Int32Array[] = [];
  const placeExpandZoom = expandZooms(dataset.places.map((p) => p.coordinates));

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
        name_en: place.names.en,
        name_uk: place.names.uk,
        name_ru: place.names.ru,
        approximate,
        precision,
        rank: (place.kind === 'town' ? 0 : 2) + (approximate ? 1 : 0),
        expandZoom: placeExpandZoom[i],
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
    placeMarkStart.push(marks.length);
    placeRingStart.push(ring.length);
    const slots = ringSlots(sources.length);
    const { offset } = ringSegment(slots);
    for (let slot = 0; slot < slots; slot++)
      ring.push({
        type: 'Feature',
        id: ring.length,
        geometry: { type: 'Point', coordinates: place.coordinates },
        properties: { placeId: place.id, image: `ring-${slots}`, offset, rotate: (360 * slot) / slots },
      });
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

  placeMarkStart.push(marks.length);
  placeRingStart.push(ring.length);
  return {
    places: { type: 'FeatureCollection', features: places },
    marks: { type: 'FeatureCollection', features: marks },
    ring: { type: 'FeatureCollection', features: ring },
    uncertainty: { type: 'FeatureCollection', features: uncertainty },
    placeFeatureId,
    markFeatureId,
    markTrack: Int32Array.from(markTrack),
    markPlace: Int32Array.from(markPlace),
    placeTracks,
    placeMarkStart: Int32Array.from(placeMarkStart),
    placeRingStart: Int32Array.from(placeRingStart),
    placeExpandZoom,
  };
}
