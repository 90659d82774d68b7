import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EXPAND_CLEARANCE_PX,
  expandZooms,
  HIGHEST_EXPAND_ZOOM,
  isExpanded,
  LOWEST_EXPAND_ZOOM,
} from '../../src/map/placeCrowding';

/** Pixels between two points at a zoom, in Web Mercator with 512 px tiles (what MapLibre draws). */
function pixelsApart(a: readonly [number, number], b: readonly [number, number], zoom: number): number {
  const world = 512 * 2 ** zoom;
  const x = (lng: number) => ((lng + 180) / 360) * world;
  const y = (lat: number) => {
    const s = Math.sin((lat * Math.PI) / 180);
    return (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * world;
  };
  return Math.hypot(x(a[0]) - x(b[0]), y(a[1]) - y(b[1]));
}

// Published points of the record (places.geojson): Sudzha, Goncharovka and Zaoleshenka 33–35 px apart at
// the opening zoom, Ulanok ~100 px from Borki.
const SUDZHA: [number, number] = [35.2739, 51.1923];
const GONCHAROVKA: [number, number] = [35.2552, 51.1924];
const FAR: [number, number] = [35.8, 51.0];

describe('expandZooms', () => {
  it('gives a lone place the lowest zoom, and two close ones the first zoom with room', () => {
    expect([...expandZooms([SUDZHA])]).toEqual([LOWEST_EXPAND_ZOOM]);
    const [a, b, far] = expandZooms([SUDZHA, GONCHAROVKA, FAR]);
    expect(far).toBe(LOWEST_EXPAND_ZOOM);
    expect(a).toBe(b);
    expect(pixelsApart(SUDZHA, GONCHAROVKA, a)).toBeGreaterThanOrEqual(EXPAND_CLEARANCE_PX);
    expect(pixelsApart(SUDZHA, GONCHAROVKA, a - 1)).toBeLessThan(EXPAND_CLEARANCE_PX);
  });

  it('never expands by zoom a place that shares its point with another', () => {
    expect([...expandZooms([SUDZHA, SUDZHA])]).toEqual([HIGHEST_EXPAND_ZOOM + 1, HIGHEST_EXPAND_ZOOM + 1]);
  });

  it('leaves every place the clearance from its nearest neighbour at its zoom, and less one zoom below', () => {
    const point = fc.tuple(
      fc.double({ min: 34.8, max: 36, noNaN: true }),
      fc.double({ min: 50.8, max: 51.6, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(point, { minLength: 2, maxLength: 30 }), (points) => {
        const zooms = expandZooms(points);
        for (const [i, p] of points.entries()) {
          const nearest = Math.min(...points.filter((_, j) => j !== i).map((q) => pixelsApart(p, q, 0)));
          const z = zooms[i];
          if (nearest === 0) {
            expect(z).toBe(HIGHEST_EXPAND_ZOOM + 1);
            continue;
          }
          if (z > HIGHEST_EXPAND_ZOOM) {
            expect(nearest * 2 ** HIGHEST_EXPAND_ZOOM).toBeLessThan(EXPAND_CLEARANCE_PX * 1.01);
            continue;
          }
          // 1 % for the distance formula (equirectangular against Mercator's pixels).
          expect(nearest * 2 ** z).toBeGreaterThanOrEqual(EXPAND_CLEARANCE_PX * 0.99);
          if (z > LOWEST_EXPAND_ZOOM) expect(nearest * 2 ** (z - 1)).toBeLessThan(EXPAND_CLEARANCE_PX * 1.01);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('isExpanded', () => {
  it('switches at the integer zoom, and for focus at once, but not below the marks zoom', () => {
    expect(isExpanded(12, 11.99, false)).toBe(false);
    expect(isExpanded(12, 12, false)).toBe(true);
    expect(isExpanded(12, 10.3, true)).toBe(true);
    expect(isExpanded(10, 9.99, true)).toBe(false);
  });
});
