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
  const d = disagreement(a, b);
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
