/**
 * Where two area maps disagree about who holds the ground, as the formats really are: DeepState draws
 * Ukrainian-held ("Liberated"), Russian-held ("Occupied") and grey-zone polygons; ISW's Kursk layer has
 * only Russian advances. So the rule compares sides, not one status:
 *
 * - **opposed**: one map holds the ground Ukrainian while the other holds it Russian or Russian-advanced
 *   (both directions);
 * - **contested**: one map holds it (Ukrainian, Russian or Russian-advanced) while the other calls it
 *   contested (grey zone).
 *
 * Ground one map says nothing about is no disagreement: ISW's silence on the salient is not a claim.
 * Each map's statuses are first made disjoint (contested over Ukrainian over Russian advance over
 * Russian), so the parts never overlap and their km² add up. Which two maps are compared is
 * ./disagreementPair. The app measures each pair once, in the area timeline's worker (./areaTimeline),
 * and the map and the Areas panel show that one answer.
 */
import { unionOfStatuses } from './measure';
import type { AreaClaim, AreaGeometry, AreaSnapshot, AreaStatus } from './model';
import { areaKm2, differenceGeometries, intersectNear, unionGeometries } from './ops';
import { NO_RUSSIAN_HELD, type RussianHeldOverlap, russianHeldOverlap } from './russianHeld';

export type DisagreementKind = 'opposed' | 'contested';
const DISAGREEMENT_KINDS: readonly DisagreementKind[] = ['opposed', 'contested'];

/** What one source's map says about a part. */
interface SourceSays {
  sourceId: string;
  status: AreaStatus;
}

export interface DisagreementPart {
  kind: DisagreementKind;
  /** The first map's status here, then the second's. */
  a: SourceSays;
  b: SourceSays;
  geometry: AreaGeometry;
  km2: number;
}

export interface AreaDisagreement {
  aSourceId: string;
  bSourceId: string;
  /** Disjoint parts, opposed first. */
  parts: DisagreementPart[];
  km2: Record<DisagreementKind, number>;
  /** How far the two maps' Russian-held ground overlaps (./russianHeld): the agreement chart's second measure. */
  russianHeld: RussianHeldOverlap;
  /** Set when polygon clipping failed: then `parts` is empty, the figures are 0 and the overlap has no IoU: not a measurement. */
  error?: string;
}

/** Precedence when one map gives a patch of ground two statuses: the first listed wins. */
const PRECEDENCE: readonly AreaStatus[] = ['contested', 'ukrainian', 'russian-advance', 'russian'];

const isRussian = (s: AreaStatus) => s === 'russian' || s === 'russian-advance';

/** The kind of disagreement between two statuses for the same ground, or null when they agree. */
export function kindOf(a: AreaStatus, b: AreaStatus): DisagreementKind | null {
  if ((a === 'ukrainian' && isRussian(b)) || (b === 'ukrainian' && isRussian(a))) return 'opposed';
  if ((a === 'contested') !== (b === 'contested')) return 'contested';
  return null;
}

/** Each status's ground in one map, with overlaps given to the status that comes first in PRECEDENCE. */
export function disjointStatuses(claims: readonly MapClaim[]): Map<AreaStatus, AreaGeometry> {
  const known = disjointCache.get(claims);
  if (known) return known;
  const out = new Map<AreaStatus, AreaGeometry>();
  let taken: AreaGeometry | null = null;
  for (const status of PRECEDENCE) {
    const held = unionOfStatuses(claims, [status]);
    if (!held) continue;
    const own = taken ? differenceGeometries(held, taken) : held;
    if (own && areaKm2(own) > 0) out.set(status, own);
    taken = taken ? unionGeometries([taken, held]) : held;
  }
  disjointCache.set(claims, out);
  return out;
}

/** What the rule reads of a map's polygons. */
type MapClaim = Pick<AreaClaim, 'status' | 'geometry'>;

/** A map's polygons never change once imported, and each map takes part in a pair with each neighbour. */
const disjointCache = new WeakMap<readonly MapClaim[], Map<AreaStatus, AreaGeometry>>();

/** The disagreement between two maps, uncached; throws when polygon clipping fails. */
export function computeDisagreement(
  a: { sourceId: string; claims: readonly MapClaim[] },
  b: { sourceId: string; claims: readonly MapClaim[] },
): AreaDisagreement {
  const ofA = disjointStatuses(a.claims);
  const ofB = disjointStatuses(b.claims);
  const parts: DisagreementPart[] = [];
  for (const kind of DISAGREEMENT_KINDS)
    for (const [statusA, geometryA] of ofA)
      for (const [statusB, geometryB] of ofB) {
        if (kindOf(statusA, statusB) !== kind) continue;
        const geometry = intersectNear(geometryA, geometryB);
        const km2 = areaKm2(geometry);
        if (geometry && km2 > 0)
          parts.push({
            kind,
            a: { sourceId: a.sourceId, status: statusA },
            b: { sourceId: b.sourceId, status: statusB },
            geometry,
            km2,
          });
      }
  const km2 = { opposed: 0, contested: 0 };
  for (const part of parts) km2[part.kind] += part.km2;
  return { aSourceId: a.sourceId, bSourceId: b.sourceId, parts, km2, russianHeld: russianHeldOverlap(ofA, ofB) };
}

/**
 * The disagreement between two maps. Polygon clipping can fail on valid input (as polyclip-ts did: "Unable to
 * complete output ring"): then the result has no parts and says why in `error`, an answer like any other,
 * which the area timeline (./areaTimeline) gives once per pair and never retries.
 */
export function areaDisagreement(
  a: { sourceId: string; claims: readonly MapClaim[] },
  b: { sourceId: string; claims: readonly MapClaim[] },
): AreaDisagreement {
  try {
    return computeDisagreement(a, b);
  } catch (err) {
    return {
      aSourceId: a.sourceId,
      bSourceId: b.sourceId,
      parts: [],
      km2: { opposed: 0, contested: 0 },
      russianHeld: NO_RUSSIAN_HELD,
      error: err instanceof Error ? err.message : String(err),
    };
  }
}

export interface HeldDifference {
  /** Held according to A, not according to B. */
  onlyA: AreaGeometry | null;
  onlyB: AreaGeometry | null;
  onlyAKm2: number;
  onlyBKm2: number;
  /** Symmetric difference, km² (the two parts do not overlap). */
  km2: number;
}

/**
 * Ground held (with one of `statuses`) by one snapshot and not the other: the gain and loss between two
 * maps of the same source and layer (./changes). Not a disagreement between sources, whose formats
 * differ (ISW has no Ukrainian-held layer): that is `areaDisagreement`.
 */
export function heldDifference(
  a: Pick<AreaSnapshot, 'claims'>,
  b: Pick<AreaSnapshot, 'claims'>,
  statuses: readonly AreaStatus[] = ['ukrainian'],
): HeldDifference {
  const heldA = unionOfStatuses(a.claims, statuses);
  const heldB = unionOfStatuses(b.claims, statuses);
  const onlyA = heldA && differenceGeometries(heldA, heldB);
  const onlyB = heldB && differenceGeometries(heldB, heldA);
  const onlyAKm2 = areaKm2(onlyA);
  const onlyBKm2 = areaKm2(onlyB);
  return { onlyA, onlyB, onlyAKm2, onlyBKm2, km2: onlyAKm2 + onlyBKm2 };
}
