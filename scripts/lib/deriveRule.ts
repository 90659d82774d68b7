/**
 * The status rules of the map-derived claims (data/README.md, "Derived claims"). Pure.
 *
 * DeepState: the share of the place under each of its shadings (Ukrainian-held "Liberated", grey
 * "Unknown status", "Occupied"), the rest being ground DeepState leaves unshaded, which in Russia
 * means Russian-held.
 * - Ukrainian-held share ≥ 50 %                      → ukrainian
 * - Russian share (occupied + unshaded) > 50 %        → russian
 * - otherwise (grey ≥ 50 %, or no side over half)    → contested
 *
 * ISW: the layer holds only "Russian advances". Advance share ≥ 50 % → the place is inside the layer.
 * Inside → russian; outside → no claim, except right after a file that had it inside, where it is
 * `none` (the layer no longer says anything about it; without that record the earlier `russian`
 * would stand as ISW's position).
 */
import type { AreaStatus } from '../../src/areas/model';
import type { Status } from '../../src/claims/model';

const HALF = 0.5;

/** DeepState shares, 0–1, rounded; `unshaded` is the rest. */
export interface DeepStateShares {
  ukrainian: number;
  contested: number;
  occupied: number;
  unshaded: number;
}

/** Why a DeepState reading got its status: which shading (or the mix) decided it. */
export type DeepStateBasis = 'ukrainian' | 'grey' | 'mixed' | 'occupied' | 'unshaded';

/** Shares are rounded to 0.1 % before any rule looks at them, so the output does not hang on float noise. */
export const roundShare = (x: number): number => Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;

export function deepStateShares(shares: ReadonlyMap<AreaStatus, number>): DeepStateShares {
  const ukrainian = roundShare(shares.get('ukrainian') ?? 0);
  const contested = roundShare(shares.get('contested') ?? 0);
  const occupied = roundShare(shares.get('russian') ?? 0);
  return { ukrainian, contested, occupied, unshaded: roundShare(1 - ukrainian - contested - occupied) };
}

export function deepStateRule(s: DeepStateShares): { status: Status; basis: DeepStateBasis } {
  if (s.ukrainian >= HALF) return { status: 'ukrainian', basis: 'ukrainian' };
  if (s.occupied + s.unshaded > HALF)
    return { status: 'russian', basis: s.occupied > s.unshaded ? 'occupied' : 'unshaded' };
  return { status: 'contested', basis: s.contested >= HALF ? 'grey' : 'mixed' };
}

/** ISW: is the place inside the Russian-advances layer? */
export const iswInside = (advanceShare: number): boolean => roundShare(advanceShare) >= HALF;

/**
 * The claims an ISW series gives, as statuses per file index: `russian` where it turns inside,
 * `none` where it leaves after having been inside, nothing before it is first inside.
 */
export function iswChangePoints(inside: readonly boolean[]): { index: number; status: Status }[] {
  const points: { index: number; status: Status }[] = [];
  let last: boolean | undefined;
  inside.forEach((now, index) => {
    if (last === undefined && !now) return;
    if (now !== last) points.push({ index, status: now ? 'russian' : 'none' });
    last = now;
  });
  return points;
}

/** Indices where a series first has a value and where it changes: the first reading, then each change. */
export function changePoints<T>(values: readonly T[], same: (a: T, b: T) => boolean = Object.is): number[] {
  const points: number[] = [];
  values.forEach((v, i) => {
    if (i === 0 || !same(values[i - 1], v)) points.push(i);
  });
  return points;
}
