/**
 * The front line of a snapshot: the edge of the held area, without the stretches that run along
 * the state border (there the edge is the border, not a line of contact). Plus distances to it.
 */
import { pointToLineDistance } from '@turf/turf';
import type { MultiLineString, Position } from 'geojson';
import { unionOfStatuses } from './measure';
import type { AreaSnapshot, AreaStatus } from './model';
import { type NearTest, nearLineTest } from './nearLine';

export interface FrontLineOptions {
  /**
   * Whose edge is the front. Default: Ukrainian-held only, the line the source positively
   * asserts. Adding `contested` gives the outer edge of the grey zone instead.
   */
  statuses?: readonly AreaStatus[];
  /** Edges closer than this to the border count as border. 50 m absorbs vertex rounding in the sources. */
  borderToleranceM?: number;
}

const DEFAULT_FRONT_STATUSES: readonly AreaStatus[] = ['ukrainian'];
const DEFAULT_BORDER_TOLERANCE_M = 50;

// The border is loaded once; its grid index is reused by every snapshot's front line.
const nearCache = new WeakMap<MultiLineString, Map<number, NearTest>>();

function nearBorder(border: MultiLineString, toleranceM: number): NearTest {
  const byTolerance = nearCache.get(border) ?? new Map<number, NearTest>();
  nearCache.set(border, byTolerance);
  const known = byTolerance.get(toleranceM);
  if (known) return known;
  const test = nearLineTest(border, toleranceM);
  byTolerance.set(toleranceM, test);
  return test;
}

export function frontLine(
  snapshot: Pick<AreaSnapshot, 'claims'>,
  border: MultiLineString,
  options: FrontLineOptions = {},
): MultiLineString {
  const held = unionOfStatuses(snapshot.claims, options.statuses ?? DEFAULT_FRONT_STATUSES);
  const lines: Position[][] = [];
  if (held) {
    const near = nearBorder(border, options.borderToleranceM ?? DEFAULT_BORDER_TOLERANCE_M);
    const polygons = held.type === 'Polygon' ? [held.coordinates] : held.coordinates;
    // Holes count too: a pocket held by the other side inside the area is front on all sides.
    for (const polygon of polygons) for (const ring of polygon) lines.push(...offBorderRuns(ring, near));
  }
  return { type: 'MultiLineString', coordinates: lines };
}

/**
 * The stretches of a closed ring that are not on the border. A segment is on the border when
 * both ends and its middle are near it; the middle catches a chord cutting across a bend.
 */
function offBorderRuns(ring: Position[], near: NearTest): Position[][] {
  const segments = ring.length - 1;
  const vertexNear = ring.map((p) => near(p));
  const onBorder = Array.from(
    { length: segments },
    (_, i) =>
      vertexNear[i] &&
      vertexNear[i + 1] &&
      near([(ring[i][0] + ring[i + 1][0]) / 2, (ring[i][1] + ring[i + 1][1]) / 2]),
  );
  const firstOn = onBorder.indexOf(true);
  if (firstOn < 0) return [ring.map((p) => [p[0], p[1]])];
  // Walk from just after a border segment so that no run wraps around the ring's start.
  const runs: Position[][] = [];
  let run: Position[] | null = null;
  for (let k = 1; k <= segments; k++) {
    const i = (firstOn + k) % segments;
    if (onBorder[i]) {
      if (run) runs.push(run);
      run = null;
    } else {
      run ??= [ring[i]];
      run.push(ring[i + 1]);
    }
  }
  if (run) runs.push(run);
  return runs;
}

/** Segments per run: the lines are searched run by run, nearest box first. */
const RUN_SEGMENTS = 16;
/**
 * Each box is widened by this much (degrees) before it bounds a distance: turf measures to the great-circle
 * arc between two vertices, which bulges out of their longitude/latitude box by metres for a 10 km segment.
 */
const BOX_MARGIN_DEG = 0.01;
/** turf's earth radius, so the bound is in the units turf's distances are. */
const EARTH_RADIUS_KM = 6371.0088;

interface Run {
  line: { type: 'LineString'; coordinates: Position[] };
  west: number;
  south: number;
  east: number;
  north: number;
}

const runsCache = new WeakMap<MultiLineString, Run[]>();

/** The lines cut into runs of `RUN_SEGMENTS` segments (each run starts at the last vertex of the one before). */
function runsOf(lines: MultiLineString): Run[] {
  const known = runsCache.get(lines);
  if (known) return known;
  const runs: Run[] = [];
  for (const coordinates of lines.coordinates)
    for (let start = 0; start + 1 < coordinates.length; start += RUN_SEGMENTS) {
      const part = coordinates.slice(start, start + RUN_SEGMENTS + 1);
      const lons = part.map((c) => c[0]);
      const lats = part.map((c) => c[1]);
      runs.push({
        line: { type: 'LineString', coordinates: part },
        west: Math.min(...lons) - BOX_MARGIN_DEG,
        south: Math.max(-90, Math.min(...lats) - BOX_MARGIN_DEG),
        east: Math.max(...lons) + BOX_MARGIN_DEG,
        north: Math.min(90, Math.max(...lats) + BOX_MARGIN_DEG),
      });
    }
  runsCache.set(lines, runs);
  return runs;
}

const rad = (deg: number) => (deg * Math.PI) / 180;
const hav = (angle: number) => Math.sin(angle / 2) ** 2;

/**
 * At most the great-circle distance (km) from `point` to any point of the run's box. Haversine: for points
 * at latitudes φ1, φ2, hav(d/R) = hav(Δφ) + cos φ1 cos φ2 hav(Δλ), and over the box Δφ, Δλ are at least their
 * gaps to it and cos φ2 at least its smaller value at the box's edges.
 */
function kmToRunAtLeast([lon, lat]: Position, run: Run): number {
  const dLat = Math.max(0, run.south - lat, lat - run.north);
  const gapLon = Math.max(0, run.west - lon, lon - run.east);
  const dLon = gapLon > 180 ? 0 : gapLon;
  const cosLat = Math.cos(rad(lat)) * Math.min(Math.cos(rad(run.south)), Math.cos(rad(run.north)));
  const h = Math.min(1, hav(rad(dLat)) + Math.max(0, cosLat) * hav(rad(dLon)));
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}

/**
 * The shortest distance (km) from `point` to `lines`, as turf's `pointToLineDistance` gives it for the nearest
 * line (its minimum over segments). A front line has thousands of segments: the runs are visited nearest box
 * first, and those whose box is no nearer than the best distance so far are skipped, which changes no answer.
 * Null when there are no lines.
 */
export function distanceToLinesKm(point: Position, lines: MultiLineString): number | null {
  const runs = runsOf(lines);
  const bounds = runs.map((run) => kmToRunAtLeast(point, run));
  const order = runs.map((_, i) => i).sort((a, b) => bounds[a] - bounds[b]);
  let best: number | null = null;
  for (const i of order) {
    if (best !== null && bounds[i] >= best) break;
    const d = pointToLineDistance(point, runs[i].line, { units: 'kilometers' });
    if (best === null || d < best) best = d;
  }
  return best;
}
