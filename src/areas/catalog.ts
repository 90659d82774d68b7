/**
 * The imported area maps as one domain index: the snapshots in import order, the time index over them
 * (./timeline) and each snapshot's position in the list. The store builds it once per change of the
 * imports (src/state/data.ts); the map's layer data (src/map/areaLayers.ts) numbers its features by the
 * same positions, and the area timeline (./areaTimeline) names snapshots by `snapshotKey`. No geometry
 * work here: everything a slider move asks of it is a binary search per track.
 */
import type { IsoDate } from '../claims/model';
import { type DisagreementPair, disagreementPair } from './disagreementPair';
import type { AreaSnapshot } from './model';
import { type AreaIndex, activeSnapshots, buildAreaIndex, type Reach, snapshotsAround } from './timeline';

export interface AreaCatalog {
  /** In import order: position → snapshot. */
  snapshots: readonly AreaSnapshot[];
  index: AreaIndex;
  /** Snapshot → its position in `snapshots`. */
  snapshotIndex: ReadonlyMap<AreaSnapshot, number>;
}

export function buildAreaCatalog(snapshots: readonly AreaSnapshot[]): AreaCatalog {
  return {
    snapshots,
    index: buildAreaIndex(snapshots),
    snapshotIndex: new Map(snapshots.map((s, i) => [s, i])),
  };
}

/**
 * How far back and forward the map keeps each track's snapshots on hand. A move within reach changes feature
 * state and paint only, in one frame; hidden snapshots are not drawn (src/map/areaLayers.ts). A move beyond it
 * reloads the area sources: several frames. Eight steps each way always; and as many more, up to 16, as a
 * track needs to cover 16 days each way. DeepState publishes daily: at eight steps, slider-sized moves (the
 * bench's are 1–14 days, a tenth of them jumps) left the reach more often than not (113 of 200 moves on the
 * real archive), at 16 days 56 of 200 do. A track published every few days, as the bench's synthetic ones,
 * keeps eight steps, which already cover more: each step more is a larger reload when a move does leave
 * (docs/PERFORMANCE.md, round 14).
 */
export const ON_HAND_REACH: Reach = { steps: 8, days: 16, maxSteps: 16 };

/**
 * Positions of the snapshots in force (`visible`), of those a single step would bring into force (`needed`: in
 * force plus each track's nearest neighbours) and of those the map loads when it must load (`ready`: in force
 * plus `ON_HAND_REACH` steps each way).
 */
export interface SnapshotsOnHand {
  visible: ReadonlySet<number>;
  needed: ReadonlySet<number>;
  ready: ReadonlySet<number>;
}

/** What the area maps are on one date for one set of sources: one binary search per track, done once per move. */
export interface AreasOnDate {
  /** Each enabled track's snapshot in force, in track order. */
  inForce: readonly AreaSnapshot[];
  onHand: SnapshotsOnHand;
}

export function areasOnDate(catalog: AreaCatalog, date: IsoDate, sources: ReadonlySet<string>): AreasOnDate {
  const { inForce, neighbours } = snapshotsAround(catalog.index, date, sources, ON_HAND_REACH);
  const nearest = snapshotsAround(catalog.index, date, sources, 1).neighbours;
  const positions = (list: readonly AreaSnapshot[]) =>
    list.flatMap((snapshot) => {
      const i = catalog.snapshotIndex.get(snapshot);
      return i === undefined ? [] : [i];
    });
  const visible = new Set(positions(inForce));
  return {
    inForce,
    onHand: {
      visible,
      needed: new Set([...visible, ...positions(nearest)]),
      ready: new Set([...visible, ...positions(neighbours)]),
    },
  };
}

/** Positions of the snapshots on hand on `date` (the map's sources hold these): `areasOnDate`'s `onHand`. */
export function snapshotsOnHand(catalog: AreaCatalog, date: IsoDate, sources: ReadonlySet<string>): SnapshotsOnHand {
  return areasOnDate(catalog, date, sources).onHand;
}

/**
 * The pairs of maps compared (the one rule: ./disagreementPair) on `date` and on every day within reach on
 * which a snapshot on hand comes into force, so the map can hold their hatching beside the snapshots:
 * the pair in force first, then the others by day, each once.
 */
export function pairsAround(
  catalog: AreaCatalog,
  date: IsoDate,
  sources: ReadonlySet<string>,
  sourceOrder: readonly string[],
): DisagreementPair[] {
  const { inForce, neighbours } = snapshotsAround(catalog.index, date, sources, ON_HAND_REACH);
  const days = [...new Set([...inForce, ...neighbours].map((s) => s.statedDate))].sort();
  const pairs = new Map<string, DisagreementPair>();
  for (const day of [date, ...days]) {
    const pair = disagreementPair(activeSnapshots(catalog.index, day, sources), sources, sourceOrder);
    if (pair) pairs.set(pairKey(pair[0], pair[1]), pair);
  }
  return [...pairs.values()];
}

/**
 * A name for a snapshot that is the same on every visit and in every thread (the area timeline worker, its
 * cache): a snapshot is one source's layer at one stated time, read from one file.
 */
export function snapshotKey(s: AreaSnapshot): string {
  let key = keys.get(s);
  if (key === undefined) {
    key = [s.sourceId, s.layer, s.statedDate, s.snapshotTime ?? '', s.fileName, s.claims.length].join('\u0000');
    keys.set(s, key);
  }
  return key;
}

// A snapshot never changes once imported; the slider asks for its pair's key on every move.
const keys = new WeakMap<AreaSnapshot, string>();

/** The name of an ordered pair of snapshots (first map, second map). */
export function pairKey(a: AreaSnapshot, b: AreaSnapshot): string {
  return `${snapshotKey(a)}\u0001${snapshotKey(b)}`;
}
