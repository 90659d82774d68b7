/**
 * The hatched area where two snapshots disagree (./areaDisagreement), computed with polygon clipping
 * (../areas/disagreement): loaded on demand, with the other area tools (src/ui/areaTools.ts).
 */
import { disagreement } from '../areas/disagreement';
import { type DisagreementCollection, EMPTY_DISAGREEMENT } from './areaDisagreement';
import type { AreaLayerData } from './areaLayers';

const cache = new WeakMap<AreaLayerData, Map<string, DisagreementCollection>>();

/** The hatched area for a pair, memoised per layer data and pair. */
export function disagreementCollection(data: AreaLayerData, pair: [number, number] | null): DisagreementCollection {
  if (!pair) return EMPTY_DISAGREEMENT;
  const key = pair.join(':');
  const byPair = cache.get(data) ?? new Map<string, DisagreementCollection>();
  cache.set(data, byPair);
  const hit = byPair.get(key);
  if (hit) return hit;
  const snapshots = [...data.snapshotIndex.keys()];
  const a = snapshots[pair[0]];
  const b = snapshots[pair[1]];
  let d: ReturnType<typeof disagreement>;
  try {
    d = disagreement(a, b);
  } catch (err) {
    // Polygon clipping can fail on valid input (polyclip-ts "Unable to complete output ring"): draw no
    // hatching for this pair rather than take the map down with it, and do not retry it on every render.
    console.warn(
      `Map: no disagreement area for ${a.sourceId} vs ${b.sourceId}: ${err instanceof Error ? err.message : err}`,
    );
    byPair.set(key, EMPTY_DISAGREEMENT);
    return EMPTY_DISAGREEMENT;
  }
  const features: DisagreementCollection['features'] = [];
  if (d.onlyA)
    features.push({
      type: 'Feature',
      geometry: d.onlyA,
      properties: { heldBy: a.sourceId, otherSource: b.sourceId, km2: d.onlyAKm2 },
    });
  if (d.onlyB)
    features.push({
      type: 'Feature',
      geometry: d.onlyB,
      properties: { heldBy: b.sourceId, otherSource: a.sourceId, km2: d.onlyBKm2 },
    });
  const collection: DisagreementCollection = { type: 'FeatureCollection', features };
  byPair.set(key, collection);
  return collection;
}
