import { area, length, lineString, pointToLineDistance } from '@turf/turf';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { importDeepState } from '../../src/areas/deepstate';
import { heldDifference } from '../../src/areas/disagreement';
import { distanceToLinesKm, frontLine } from '../../src/areas/frontline';
import { importIsw } from '../../src/areas/isw';
import { measureClaims, measureSnapshot } from '../../src/areas/measure';
import type { AreaSnapshot } from '../../src/areas/model';
import { importNative } from '../../src/areas/native';
import { metresToSegment, nearLineTest } from '../../src/areas/nearLine';
import type { Result } from '../../src/claims/schema';
import { box, fixture, syntheticBorder, syntheticClip } from '../fixtures/areas/load';

const km2 = (g: Parameters<typeof area>[0]) => area(g) / 1e6;
const unwrap = (r: Result<AreaSnapshot>): AreaSnapshot => {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};
const clip = syntheticClip();
const border = syntheticBorder();
const deepstate = unwrap(importDeepState('1700000000.geojson', fixture('1700000000.geojson'), { clip }));
const native = unwrap(importNative('native-areas.geojson', fixture('native-areas.geojson')));

describe('measure', () => {
  it('unions each status before measuring, so overlapping polygons count once', () => {
    const km = measureSnapshot(deepstate);
    const held = km2(box(35.0, 51.0, 35.2, 51.1));
    expect(km.ukrainian).toBeCloseTo(held, 1);
    const summed = deepstate.claims.filter((c) => c.status === 'ukrainian').reduce((s, c) => s + c.areaKm2, 0);
    expect(summed).toBeGreaterThan(held * 1.2);
    expect(km.contested).toBeCloseTo(km2(box(35.2, 51.0, 35.3, 51.1)), 1);
    expect(km.russian).toBeCloseTo(km2(box(36.0, 51.2, 36.1, 51.3)), 1);
    expect(km['russian-advance']).toBe(0);
  });

  it('measures only the part inside a region when asked', () => {
    const isw = unwrap(importIsw('2024-09-13.geojson', fixture('2024-09-13.geojson')));
    // A region over the west half of the first polygon only; the MultiPolygon lies outside it.
    const narrow = box(35.3, 51.3, 35.35, 51.45);
    const inside = measureClaims(isw.claims, { geometry: narrow, bbox: [35.3, 51.3, 35.35, 51.45] });
    expect(inside['russian-advance']).toBeCloseTo(km2(box(35.3, 51.3, 35.35, 51.4)), 1);
    expect(measureClaims(isw.claims)['russian-advance']).toBeCloseTo(3 * km2(box(35.3, 51.3, 35.4, 51.4)), 0);
  });

  it('hands out copies, so a caller cannot corrupt the cache', () => {
    const first = measureSnapshot(deepstate);
    first.ukrainian = -1;
    expect(measureSnapshot(deepstate).ukrainian).toBeGreaterThan(0);
  });
});

describe('nearLineTest', () => {
  it('measures metres to a segment', () => {
    // 0.001° of latitude is about 111 m.
    expect(
      metresToSegment(
        [35.1, 51.001],
        [
          [35, 51],
          [35.2, 51],
        ],
      ),
    ).toBeCloseTo(111.3, 0);
    // 0.1° of longitude at 51° N is about 7 km.
    expect(
      metresToSegment(
        [35.3, 51],
        [
          [35, 51],
          [35.2, 51],
        ],
      ),
    ).toBeCloseTo(7005.6, 0);
  });

  it('says whether a point lies within the tolerance of any line', () => {
    const near = nearLineTest(border, 50);
    expect(near([35.1, 51.0003])).toBe(true); // ~33 m
    expect(near([35.1, 51.0006])).toBe(false); // ~67 m
    expect(near([36.9, 50.9997])).toBe(true);
    expect(near([32, 51])).toBe(false); // beyond the line's end
  });
});

const sameLine = (line: Position[], expected: Position[]) => {
  const ends = [line[0], line.at(-1)].map((p) => p?.map((x) => Number(x.toFixed(9))));
  const wanted = [expected[0], expected.at(-1)];
  expect([ends, [...ends].reverse()]).toContainEqual(wanted);
  expect(length(lineString(line))).toBeCloseTo(length(lineString(expected)), 3);
};

describe('frontLine', () => {
  it('is the edge of the Ukrainian-held area without the stretch along the border', () => {
    const front = frontLine(deepstate, border);
    expect(front.coordinates).toHaveLength(1);
    sameLine(front.coordinates[0], [
      [35.0, 51.0],
      [35.0, 51.1],
      [35.2, 51.1],
      [35.2, 51.0],
    ]);
  });

  it('moves out to the edge of the grey zone when contested ground is included', () => {
    const front = frontLine(deepstate, border, { statuses: ['ukrainian', 'contested'] });
    expect(front.coordinates).toHaveLength(1);
    sameLine(front.coordinates[0], [
      [35.0, 51.0],
      [35.0, 51.1],
      [35.3, 51.1],
      [35.3, 51.0],
    ]);
  });

  it('keeps a whole ring that never touches the border', () => {
    const front = frontLine(deepstate, border, { statuses: ['russian'] });
    expect(front.coordinates).toHaveLength(1);
    expect(length(lineString(front.coordinates[0]))).toBeCloseTo(
      length(lineString(box(36, 51.2, 36.1, 51.3).coordinates[0])),
      3,
    );
  });

  it('is empty without held ground', () => {
    expect(frontLine(deepstate, border, { statuses: ['russian-advance'] }).coordinates).toEqual([]);
  });

  it('gives distances from a point to the front and to the border', () => {
    const front = frontLine(deepstate, border);
    const point: Position = [35.1, 51.08];
    // 0.02° and 0.08° of latitude.
    expect(distanceToLinesKm(point, front)).toBeCloseTo(2.22, 1);
    expect(distanceToLinesKm(point, border)).toBeCloseTo(8.9, 1);
    expect(distanceToLinesKm(point, { type: 'MultiLineString', coordinates: [] })).toBeNull();
  });
});

describe('distanceToLinesKm: the nearest runs first, the same answers as every segment', () => {
  /** A wiggly line of `n` vertices from (lon, lat), and points around it, from a fixed seed. */
  function lcg(seed: number) {
    let x = seed;
    return () => {
      x = (x * 1664525 + 1013904223) % 2 ** 32;
      return x / 2 ** 32;
    };
  }
  const random = lcg(7);
  const wiggle = (lon: number, lat: number, n: number): Position[] =>
    Array.from({ length: n }, (_, i) => [
      lon + i * 0.004 + random() * 0.003,
      lat + Math.sin(i / 9) * 0.05 + random() * 0.01,
    ]);
  const lines = {
    type: 'MultiLineString' as const,
    coordinates: [wiggle(34.9, 51.1, 400), wiggle(35.2, 51.4, 250), [[35.5, 51.0]], wiggle(35.6, 50.9, 3)],
  };
  /** turf over every part, the answer before the runs. */
  const everySegment = (point: Position) =>
    Math.min(
      ...lines.coordinates
        .filter((c) => c.length > 1)
        .map((coordinates) => pointToLineDistance(point, { type: 'LineString', coordinates }, { units: 'kilometers' })),
    );

  it('gives exactly what turf gives over every segment, near the line and far from it', () => {
    const points: Position[] = Array.from({ length: 60 }, () => [34.5 + random() * 2, 50.6 + random() * 1.2]);
    points.push([35.3, 51.15], [40, 55], [34.9, 51.1]);
    for (const point of points) expect(distanceToLinesKm(point, lines)).toBe(everySegment(point));
  });
});

describe('heldDifference (gain and loss of one track, for the Changes panel)', () => {
  it('is the symmetric difference of the Ukrainian-held areas, split by who claims it', () => {
    // DeepState fixture holds 35.0–35.2 E, the app file 35.1–35.3 E, both 51.0–51.1 N.
    const d = heldDifference(deepstate, native);
    expect(d.onlyAKm2).toBeCloseTo(km2(box(35.0, 51.0, 35.1, 51.1)), 1);
    expect(d.onlyBKm2).toBeCloseTo(km2(box(35.2, 51.0, 35.3, 51.1)), 1);
    expect(d.km2).toBeCloseTo(d.onlyAKm2 + d.onlyBKm2, 9);
  });

  it('is nothing between a snapshot and itself, and all of it against an empty one', () => {
    expect(heldDifference(deepstate, deepstate).km2).toBe(0);
    const empty = { claims: [] };
    expect(heldDifference(deepstate, empty).onlyAKm2).toBeCloseTo(km2(box(35.0, 51.0, 35.2, 51.1)), 1);
    expect(heldDifference(empty, empty)).toMatchObject({ km2: 0, onlyA: null, onlyB: null });
  });
});
