/**
 * The two area maps' agreement over time: each pair's measure (disagreement km², overlap of the Russian-held
 * ground) on squares whose answers are worked out by hand, and the per-day series looked up from the pairs.
 *
 * The squares are 0.1° cells on the equator, so every cell has the same area: on turf's sphere
 * (R = 6,371.0088 km) a cell is R² · Δλ · sin(0.1°) with Δλ = 0.1° in radians, 123.643 km².
 */
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { agreementSeries, type PairSpan, pairSpans } from '../../src/areas/agreementSeries';
import { pairStarts } from '../../src/areas/areaTimeline';
import { buildAreaCatalog, pairKey } from '../../src/areas/catalog';
import { type AreaDisagreement, areaDisagreement } from '../../src/areas/disagreement';
import { type AreaSnapshot, type AreaStatus, noneSkipped } from '../../src/areas/model';
import { NO_RUSSIAN_HELD } from '../../src/areas/russianHeld';
import { toDayNumber } from '../../src/claims/dates';
import { box } from '../fixtures/areas/load';

const CELL_KM2 = 123.643;
/** Cell n: the n-th 0.1° square east of 0°, on the equator. */
const cell = (n: number, width = 1): Polygon => box(n / 10, 0, (n + width) / 10, 0.1);

function snap(sourceId: string, statedDate: string, claims: [AreaStatus, Polygon][] = []): AreaSnapshot {
  return {
    sourceId,
    layer: 'k',
    statedDate,
    fileName: `${sourceId}-${statedDate}`,
    format: 'native',
    claims: claims.map(([status, geometry], i) => ({
      id: `${sourceId}-${statedDate}-${i}`,
      sourceId,
      layer: 'k',
      status,
      statedDate,
      geometry,
      fileName: `${sourceId}-${statedDate}`,
      areaKm2: 0,
    })),
    skipped: noneSkipped(),
  };
}

describe('a pair of maps: disagreement km² and the overlap of Russian-held ground', () => {
  // Cells 0..4. A (DeepState-like): Ukrainian 0, Russian 1–2. B (ISW-like): Russian advance 0 and 2–3,
  // contested 1. Cell 0: Ukrainian vs advance, opposed. Cell 1: Russian vs contested, contested. Cell 2: both
  // Russian, agreement. Cell 3: only B speaks, no disagreement. Russian-held: A = cells 1, 2 (2 cells);
  // B = 0, 2, 3 (3 cells; its contested cell 1 is not Russian-held); both = cell 2; union = 2 + 3 − 1 = 4;
  // IoU = 1 / 4.
  const a = snap('a', '2025-01-01', [
    ['ukrainian', cell(0)],
    ['russian', cell(1, 2)],
  ]);
  const b = snap('b', '2025-01-01', [
    ['russian-advance', cell(0)],
    ['contested', cell(1)],
    ['russian-advance', cell(2, 2)],
  ]);

  it('measures one cell opposed, one contested, and an IoU of 1/4', () => {
    const d = areaDisagreement(a, b);
    expect(d.km2.opposed).toBeCloseTo(CELL_KM2, 2);
    expect(d.km2.contested).toBeCloseTo(CELL_KM2, 2);
    expect(d.russianHeld.aKm2).toBeCloseTo(2 * CELL_KM2, 2);
    expect(d.russianHeld.bKm2).toBeCloseTo(3 * CELL_KM2, 2);
    expect(d.russianHeld.bothKm2).toBeCloseTo(CELL_KM2, 2);
    expect(d.russianHeld.iou).toBeCloseTo(0.25, 6);
  });

  it('is symmetric in its ratio: B against A gives the same IoU', () => {
    expect(areaDisagreement(b, a).russianHeld.iou).toBeCloseTo(0.25, 6);
  });

  it('counts ground a map gives two statuses once: its Russian part under a contested one is contested', () => {
    // C: Russian over cells 2–3 and contested over cell 3, so its Russian-held ground is cell 2 only;
    // against A (Russian 1–2): both = cell 2, union = 2 + 1 − 1 = 2, IoU = 1/2.
    const c = snap('c', '2025-01-01', [
      ['russian', cell(2, 2)],
      ['contested', cell(3)],
    ]);
    expect(areaDisagreement(a, c).russianHeld.iou).toBeCloseTo(0.5, 6);
  });

  it('has no IoU when neither map holds ground Russian, and 1 when both hold the same', () => {
    const ukrainianOnly = snap('u', '2025-01-01', [['ukrainian', cell(0)]]);
    expect(areaDisagreement(ukrainianOnly, ukrainianOnly).russianHeld).toEqual(NO_RUSSIAN_HELD);
    const same = snap('s', '2025-01-01', [['russian-advance', cell(1, 2)]]);
    expect(areaDisagreement(a, same).russianHeld.iou).toBeCloseTo(1, 6);
  });
});

describe('the per-day series: each day looks its pair up', () => {
  // A publishes on 1 and 4 January, B on 2 January, C (a third source, after both in the order) on 3 January.
  const a1 = snap('a', '2025-01-01');
  const a4 = snap('a', '2025-01-04');
  const b2 = snap('b', '2025-01-02');
  const c3 = snap('c', '2025-01-03');
  const catalog = buildAreaCatalog([a1, a4, b2, c3]);
  const day = (date: string) => toDayNumber(date);
  const starts = pairStarts(catalog, new Set(['a', 'b', 'c']), ['a', 'b', 'c']);
  const spans = pairSpans(starts, day('2025-01-06'));
  const answer = (km2: number, iou: number | null): AreaDisagreement => ({
    aSourceId: 'a',
    bSourceId: 'b',
    parts: [],
    km2: { opposed: km2, contested: 1 },
    russianHeld: { aKm2: 1, bKm2: 1, bothKm2: 1, iou },
  });

  it('gives one run per pair: a third map changing nothing compared does not split it', () => {
    // 1 Jan: only A, no pair. 2–3 Jan: A1/B2 (C's map on the 3rd is third in the order). 4–6 Jan: A4/B2.
    const readable = (s: PairSpan) => [s.key, s.from - day('2025-01-01'), s.to - day('2025-01-01')];
    expect(spans.map(readable)).toEqual([
      [pairKey(a1, b2), 1, 2],
      [pairKey(a4, b2), 3, 5],
    ]);
  });

  it('gives each day its pair’s figures, nothing for a pair not yet measured, and the count measured', () => {
    const series = agreementSeries(spans, new Map([[pairKey(a1, b2), answer(2, 0.5)]]));
    expect(series.days.map((d) => [d.date, d.km2, d.iou])).toEqual([
      ['2025-01-02', 3, 0.5],
      ['2025-01-03', 3, 0.5],
      ['2025-01-04', null, null],
      ['2025-01-05', null, null],
      ['2025-01-06', null, null],
    ]);
    expect([series.measured, series.pairs]).toEqual([1, 2]);
  });

  it('gives a pair whose clipping failed no figures, though it counts as measured', () => {
    const failed = { ...answer(0, null), error: 'clipping failed' };
    const series = agreementSeries(spans, new Map([[pairKey(a4, b2), failed]]));
    expect(series.days.at(-1)).toMatchObject({ km2: null, iou: null });
    expect(series.measured).toBe(1);
  });

  it('ends the last pair on the slider’s last day, or on its own first day when it starts later', () => {
    expect(pairSpans(starts, day('2025-01-01')).at(-1)?.to).toBe(day('2025-01-04'));
  });
});
