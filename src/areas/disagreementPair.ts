/**
 * Which two area maps the app compares (the map's hatching and the Areas panel use this one rule):
 * the first two enabled sources, in the dataset's source order (the order of the Sources panel), that
 * have a map in force on the date. A source with several layers in force is represented by its first
 * layer in alphabetical order. Sources missing from the order come after it, by id. No geometry here,
 * so the map can call it at start-up; the disagreement itself is in ./disagreement.
 */
import type { AreaSnapshot } from './model';

export type DisagreementPair = readonly [AreaSnapshot, AreaSnapshot];

/** Ids in the order the pair is chosen from: `sourceOrder` first, then any other source by id. */
function pairOrder(inForce: readonly AreaSnapshot[], sourceOrder: readonly string[]): string[] {
  const known = new Set(sourceOrder);
  const others = [...new Set(inForce.map((s) => s.sourceId))].filter((id) => !known.has(id)).sort();
  return [...sourceOrder, ...others];
}

/** Per enabled source with a map in force, the one snapshot that represents it, in pair order. */
export function comparableMaps(
  inForce: readonly AreaSnapshot[],
  enabled: ReadonlySet<string>,
  sourceOrder: readonly string[],
): AreaSnapshot[] {
  const bySource = new Map<string, AreaSnapshot>();
  for (const s of inForce) {
    if (!enabled.has(s.sourceId)) continue;
    const held = bySource.get(s.sourceId);
    if (!held || s.layer < held.layer) bySource.set(s.sourceId, s);
  }
  return pairOrder(inForce, sourceOrder).flatMap((id) => bySource.get(id) ?? []);
}

/** The two maps compared, first source first; null when fewer than two enabled sources have a map in force. */
export function disagreementPair(
  inForce: readonly AreaSnapshot[],
  enabled: ReadonlySet<string>,
  sourceOrder: readonly string[],
): DisagreementPair | null {
  const [a, b] = comparableMaps(inForce, enabled, sourceOrder);
  return a && b ? [a, b] : null;
}
