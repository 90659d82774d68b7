/**
 * Where two snapshots disagree about who holds the ground: the symmetric difference of their
 * held areas, split by which side claims it, so the UI can say "only A says Ukrainian here".
 */
import { unionOfStatuses } from './measure';
import type { AreaGeometry, AreaSnapshot, AreaStatus } from './model';
import { areaKm2, differenceGeometries, unionGeometries } from './ops';

export interface Disagreement {
  /** Held according to A, not according to B. */
  onlyA: AreaGeometry | null;
  onlyB: AreaGeometry | null;
  onlyAKm2: number;
  onlyBKm2: number;
  /** Symmetric difference, km² (the two parts do not overlap). */
  km2: number;
  /** Both parts together, for drawing. */
  geometry: AreaGeometry | null;
}

export function disagreement(
  a: Pick<AreaSnapshot, 'claims'>,
  b: Pick<AreaSnapshot, 'claims'>,
  statuses: readonly AreaStatus[] = ['ukrainian'],
): Disagreement {
  const heldA = unionOfStatuses(a.claims, statuses);
  const heldB = unionOfStatuses(b.claims, statuses);
  const onlyA = heldA && differenceGeometries(heldA, heldB);
  const onlyB = heldB && differenceGeometries(heldB, heldA);
  const onlyAKm2 = areaKm2(onlyA);
  const onlyBKm2 = areaKm2(onlyB);
  return {
    onlyA,
    onlyB,
    onlyAKm2,
    onlyBKm2,
    km2: onlyAKm2 + onlyBKm2,
    geometry: unionGeometries([onlyA, onlyB].filter((g): g is AreaGeometry => g !== null)),
  };
}
