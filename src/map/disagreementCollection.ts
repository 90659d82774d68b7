/**
 * The ground where the two compared maps disagree (./areaDisagreement), from the rule in
 * ../areas/disagreement (polygon clipping): loaded on demand, with the other area tools (src/ui/areaViews.ts).
 */
import { type AreaDisagreement, areaDisagreement } from '../areas/disagreement';
import { type DisagreementCollection, EMPTY_DISAGREEMENT } from './areaDisagreement';
import type { AreaLayerData } from './areaLayers';

const cache = new WeakMap<AreaDisagreement, DisagreementCollection>();

/** One feature per part of the disagreement. */
export function collectionOf(d: AreaDisagreement): DisagreementCollection {
  const hit = cache.get(d);
  if (hit) return hit;
  const collection: DisagreementCollection =
    d.parts.length === 0
      ? EMPTY_DISAGREEMENT
      : {
          type: 'FeatureCollection',
          features: d.parts.map((part) => ({
            type: 'Feature',
            geometry: part.geometry,
            properties: {
              kind: part.kind,
              aSource: part.a.sourceId,
              aStatus: part.a.status,
              bSource: part.b.sourceId,
              bStatus: part.b.status,
              km2: part.km2,
            },
          })),
        };
  cache.set(d, collection);
  return collection;
}

/**
 * The disagreement of a pair (chosen by ../areas/disagreementPair, in src/state/view.ts), as GeoJSON: the same object for the
 * same pair, since the rule is memoised per pair of snapshots. A pair whose clipping failed draws nothing.
 */
export function disagreementCollection(
  data: AreaLayerData,
  pair: readonly [number, number] | null,
): DisagreementCollection {
  if (!pair) return EMPTY_DISAGREEMENT;
  const snapshots = [...data.snapshotIndex.keys()];
  const a = snapshots[pair[0]];
  const b = snapshots[pair[1]];
  if (!a || !b) return EMPTY_DISAGREEMENT;
  const d = areaDisagreement(a, b);
  if (d.error && !cache.has(d))
    console.warn(`Map: no disagreement area for ${a.sourceId} vs ${b.sourceId}: ${d.error}`);
  return collectionOf(d);
}
