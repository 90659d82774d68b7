/**
 * "Is this point within d metres of that line?" asked thousands of times (once per vertex of a
 * front line) against a border of thousands of segments. A uniform grid of segment buckets keeps
 * each question to the few segments nearby; distances use a local equirectangular projection,
 * which is exact to well under a metre at the tens-of-metres scale asked about.
 */
import type { MultiLineString, Position } from 'geojson';

const M_PER_DEG = 111_320;

type Segment = readonly [Position, Position];

export type NearTest = (point: Position) => boolean;

export function nearLineTest(lines: MultiLineString, toleranceM: number): NearTest {
  const maxLat = Math.max(0, ...lines.coordinates.flat().map((p) => Math.abs(p[1])));
  // Widest tolerance in degrees, at the latitude where a degree of longitude is shortest.
  const padLat = toleranceM / M_PER_DEG;
  const padLon = toleranceM / (M_PER_DEG * Math.max(Math.cos((maxLat * Math.PI) / 180), 0.01));
  const cell = Math.max(0.01, 2 * padLon);
  const grid = new Map<string, Segment[]>();
  const key = (ix: number, iy: number) => `${ix}:${iy}`;

  for (const line of lines.coordinates)
    for (let i = 0; i + 1 < line.length; i++) {
      const seg: Segment = [line[i], line[i + 1]];
      const x0 = Math.floor((Math.min(seg[0][0], seg[1][0]) - padLon) / cell);
      const x1 = Math.floor((Math.max(seg[0][0], seg[1][0]) + padLon) / cell);
      const y0 = Math.floor((Math.min(seg[0][1], seg[1][1]) - padLat) / cell);
      const y1 = Math.floor((Math.max(seg[0][1], seg[1][1]) + padLat) / cell);
      for (let ix = x0; ix <= x1; ix++)
        for (let iy = y0; iy <= y1; iy++) {
          const bucket = grid.get(key(ix, iy));
          if (bucket) bucket.push(seg);
          else grid.set(key(ix, iy), [seg]);
        }
    }

  return (p) => {
    const bucket = grid.get(key(Math.floor(p[0] / cell), Math.floor(p[1] / cell)));
    return bucket?.some((seg) => metresToSegment(p, seg) <= toleranceM) ?? false;
  };
}

/** Distance from p to segment ab in metres, in a plane tangent at p. */
export function metresToSegment(p: Position, [a, b]: Segment): number {
  const kx = M_PER_DEG * Math.cos((p[1] * Math.PI) / 180);
  const ax = (a[0] - p[0]) * kx;
  const ay = (a[1] - p[1]) * M_PER_DEG;
  const bx = (b[0] - p[0]) * kx;
  const by = (b[1] - p[1]) * M_PER_DEG;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}
