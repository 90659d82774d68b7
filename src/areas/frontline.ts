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

/** Shortest distance in km from a point to any of the lines (geodesic, turf); null when there are none. */
export function distanceToLinesKm(point: Position, lines: MultiLineString): number | null {
  let best: number | null = null;
  for (const coordinates of lines.coordinates) {
    if (coordinates.length < 2) continue;
    const d = pointToLineDistance(point, { type: 'LineString', coordinates }, { units: 'kilometers' });
    if (best === null || d < best) best = d;
  }
  return best;
}
