/**
 * How far two area maps agree on where Russia holds the ground: the intersection over union of their
 * Russian-held areas. A map's Russian-held ground is what its own statuses say it is, Russian and Russian
 * advance (ISW's category), after ./disagreement has made each map's statuses disjoint; ground a map leaves
 * blank is not counted, whatever the map means by the blank (DeepState leaves Russian-held Russia blank).
 * Measured with the disagreement, once per pair, in the area timeline's worker.
 */
import type { AreaGeometry, AreaStatus } from './model';
import { areaKm2, intersectNear } from './ops';

export interface RussianHeldOverlap {
  /** Russian-held km² on the first map, on the second, and on both. */
  aKm2: number;
  bKm2: number;
  bothKm2: number;
  /** both ÷ (first + second − both), from 0 to 1; null when neither map holds any ground Russian. */
  iou: number | null;
}

/** The answer for a pair that could not be measured (clipping failed): no area, no ratio. */
export const NO_RUSSIAN_HELD: RussianHeldOverlap = { aKm2: 0, bKm2: 0, bothKm2: 0, iou: null };

const RUSSIAN_HELD: readonly AreaStatus[] = ['russian', 'russian-advance'];

/** Each map's statuses disjoint, as `disjointStatuses` gives them. */
type DisjointMap = ReadonlyMap<AreaStatus, AreaGeometry>;

const russianParts = (map: DisjointMap) => RUSSIAN_HELD.flatMap((status) => map.get(status) ?? []);

/**
 * The overlap of the two maps' Russian-held ground. Each map's statuses are disjoint, so its Russian-held km²
 * is the sum of its parts' and the pieces of the intersection never overlap either: no union is needed, and
 * the union's km² is first + second − both.
 */
export function russianHeldOverlap(a: DisjointMap, b: DisjointMap): RussianHeldOverlap {
  const partsA = russianParts(a);
  const partsB = russianParts(b);
  const sum = (parts: readonly AreaGeometry[]) => parts.reduce((total, part) => total + areaKm2(part), 0);
  const aKm2 = sum(partsA);
  const bKm2 = sum(partsB);
  let bothKm2 = 0;
  for (const partA of partsA) for (const partB of partsB) bothKm2 += areaKm2(intersectNear(partA, partB));
  const unionKm2 = aKm2 + bKm2 - bothKm2;
  return { aKm2, bKm2, bothKm2, iou: unionKm2 > 0 ? Math.min(1, bothKm2 / unionKm2) : null };
}
