/**
 * The view: what the store's state means on screen, computed once per change of its inputs and shared
 * by the map panes and every panel (a slider tick computes it once, whoever reads it). Each part is
 * memoised on exactly the inputs it needs, so a selector returns the same object until they change.
 */

import {
  type AreaCatalog,
  type AreasOnDate,
  areasOnDate,
  pairKey,
  pairsAround,
  type SnapshotsOnHand,
} from '../areas/catalog';
import type { AreaDisagreement } from '../areas/disagreement';
import { comparableMaps } from '../areas/disagreementPair';
import type { AreaSnapshot } from '../areas/model';
import {
  type ChangeRange,
  changedPlaceIds,
  changesBetween,
  type PlaceChanges,
  sincePreviousClaim,
} from '../claims/changes';
import type { IsoDate, Source } from '../claims/model';
import { type Position, positionsForPlace, type TimeIndex } from '../claims/timeline';
import { type TrackRecord, trackRecord } from '../claims/trackRecord';
import { type ClaimsView, computeClaimsView } from '../claims/view';
import type { Store } from './store';

/** Remembers the last answer and the inputs it came from (compared by identity). */
function memo<A extends readonly unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | undefined;
  return (...args) => {
    if (last && last.args.length === args.length && last.args.every((a, i) => a === args[i])) return last.result;
    const result = compute(...args);
    last = { args, result };
    return result;
  };
}

interface ChangesView {
  range: ChangeRange;
  /** True when the range follows the slider ("since the previous claim"). */
  following: boolean;
  changes: readonly PlaceChanges[];
  /** Places to ring on the map; undefined when highlighting is off. */
  ringed: ReadonlySet<string> | undefined;
}

/** The area maps in force on a side and which two of them are compared (the one rule: ../areas/disagreementPair). */
export interface AreaComparison {
  /** Every enabled track's map in force (a source may have several layers). */
  inForce: readonly AreaSnapshot[];
  /** Each enabled source's map in force, in the Sources panel's order. */
  comparable: readonly AreaSnapshot[];
  /** The first two: the pair whose disagreement is hatched and measured; null with fewer than two. */
  pair: readonly [AreaSnapshot, AreaSnapshot] | null;
  /**
   * The pair's disagreement, as the area timeline measured it (./areaTimeline.ts); undefined while it is
   * still being measured, or without a pair.
   */
  disagreement: AreaDisagreement | undefined;
}

const NO_AREAS: AreaComparison = { inForce: [], comparable: [], pair: null, disagreement: undefined };

export function areaComparison(
  onDate: AreasOnDate | null,
  sources: ReadonlySet<string>,
  order: readonly Pick<Source, 'id'>[],
): Omit<AreaComparison, 'disagreement'> {
  if (!onDate) return NO_AREAS;
  const comparable = comparableMaps(
    onDate.inForce,
    sources,
    order.map((o) => o.id),
  );
  const [a, b] = comparable;
  return { inForce: onDate.inForce, comparable, pair: a && b ? [a, b] : null };
}

/** A pair of area maps within reach of the date, with its disagreement once the area timeline measured it. */
interface HeldPair {
  key: string;
  disagreement: AreaDisagreement | undefined;
}

/** The hatching a map holds: the pair compared now (its key; null without a pair) and the pairs within reach. */
export interface HatchingOnHand {
  shown: string | null;
  onHand: readonly HeldPair[];
}

/** Everything a map pane draws that depends on its side's date and sources, computed once per change. */
interface MapFrame {
  claims: ClaimsView;
  /** The area snapshots in force and on hand (positions in the store's area catalog); null without area maps. */
  areasOnHand: SnapshotsOnHand | null;
  areas: AreaComparison;
  hatching: HatchingOnHand;
}

const claimsView = (index: TimeIndex, placeIds: readonly string[], date: IsoDate, sources: ReadonlySet<string>) =>
  computeClaimsView(index, placeIds, date, sources);

/** Selectors over the store; make one set per store (`createViewSelectors`) so two stores never share a memo. */
export interface ViewSelectors {
  /** The first (or only) map's view of (date, sources). */
  claims: (s: Store) => ClaimsView;
  /** The second side's view in compare mode. */
  claims2: (s: Store) => ClaimsView;
  changes: (s: Store) => ChangesView;
  /** The selected place's positions, for its panel. */
  selectedPositions: (s: Store) => readonly Position[];
  /** The area maps compared on each side (map hatching, Areas panel, legend). */
  areas: (s: Store) => AreaComparison;
  areas2: (s: Store) => AreaComparison;
  /** Each side's map frame: what its pane hands the map adapter. */
  frame: (s: Store) => MapFrame;
  frame2: (s: Store) => MapFrame;
  /** The track record against the chosen reference, while its view is open (no date in it: scrubbing costs nothing). */
  trackRecord: (s: Store) => TrackRecord | null;
}

/** One side's area selectors: the maps on the date (one search per track), the comparison, its lookup. */
function areaSide() {
  const onDate = memo((catalog: AreaCatalog | undefined, date: IsoDate, sources: ReadonlySet<string>) =>
    catalog ? areasOnDate(catalog, date, sources) : null,
  );
  const comparison = memo(areaComparison);
  const withDisagreement = memo(
    (base: Omit<AreaComparison, 'disagreement'>, disagreement: AreaDisagreement | undefined): AreaComparison =>
      base === NO_AREAS ? NO_AREAS : { ...base, disagreement },
  );
  const pairs = memo(
    (
      catalog: AreaCatalog | undefined,
      date: IsoDate,
      sources: ReadonlySet<string>,
      order: readonly Pick<Source, 'id'>[],
    ) =>
      catalog
        ? pairsAround(
            catalog,
            date,
            sources,
            order.map((o) => o.id),
          ).map((p) => pairKey(p[0], p[1]))
        : [],
  );
  const hatching = memo(
    (keys: readonly string[], measured: ReadonlyMap<string, AreaDisagreement>, comparison: AreaComparison) => ({
      shown: comparison.pair ? pairKey(comparison.pair[0], comparison.pair[1]) : null,
      onHand: keys.map((key) => ({ key, disagreement: measured.get(key) })),
    }),
  );
  const frame = memo(
    (claims: ClaimsView, areas: AreasOnDate | null, comparison: AreaComparison, held: HatchingOnHand): MapFrame => ({
      claims,
      areasOnHand: areas?.onHand ?? null,
      areas: comparison,
      hatching: held,
    }),
  );
  const areas = (s: Store, date: IsoDate, sources: ReadonlySet<string>) => {
    const base = comparison(onDate(s.areaCatalog, date, sources), sources, s.dataset.sources);
    return withDisagreement(base, base.pair ? s.disagreements.get(pairKey(base.pair[0], base.pair[1])) : undefined);
  };
  return {
    areas,
    frame: (s: Store, claims: ClaimsView, date: IsoDate, sources: ReadonlySet<string>) => {
      const comparison = areas(s, date, sources);
      const held = hatching(pairs(s.areaCatalog, date, sources, s.dataset.sources), s.disagreements, comparison);
      return frame(claims, onDate(s.areaCatalog, date, sources), comparison, held);
    },
  };
}

export function createViewSelectors(): ViewSelectors {
  const first = memo(claimsView);
  const second = memo(claimsView);
  const range = memo((dates: readonly IsoDate[], date: IsoDate, chosen: ChangeRange | null) => ({
    range: chosen ?? sincePreviousClaim(dates, date),
    following: chosen === null,
  }));
  const changes = memo(
    (index: TimeIndex, placeIds: readonly string[], from: IsoDate, to: IsoDate, sources: ReadonlySet<string>) =>
      changesBetween(index, placeIds, { from, to }, sources),
  );
  const changesView = memo(
    (
      r: { range: ChangeRange; following: boolean },
      list: readonly PlaceChanges[],
      highlight: boolean,
    ): ChangesView => ({
      ...r,
      changes: list,
      ringed: highlight ? changedPlaceIds(list) : undefined,
    }),
  );
  const positions = memo((index: TimeIndex, placeId: string | null, date: IsoDate, sources: ReadonlySet<string>) =>
    placeId === null ? [] : positionsForPlace(index, placeId, date, sources),
  );
  const record = memo((dataset: Store['dataset'], reference: Store['track']) =>
    reference === null ? null : trackRecord(dataset, reference),
  );
  const side1 = areaSide();
  const side2 = areaSide();
  const claims = (s: Store) => first(s.index, s.ctx.placeIds, s.date, s.sources);
  const claims2 = (s: Store) => second(s.index, s.ctx.placeIds, s.date2, s.sources2);
  return {
    areas: (s) => side1.areas(s, s.date, s.sources),
    areas2: (s) => side2.areas(s, s.date2, s.sources2),
    frame: (s) => side1.frame(s, claims(s), s.date, s.sources),
    frame2: (s) => side2.frame(s, claims2(s), s.date2, s.sources2),
    claims,
    claims2,
    changes: (s) => {
      const r = range(s.dates, s.date, s.changeRange);
      return changesView(r, changes(s.index, s.ctx.placeIds, r.range.from, r.range.to, s.sources), s.highlightChanges);
    },
    selectedPositions: (s) => positions(s.index, s.selectedPlace, s.date, s.sources),
    trackRecord: (s) => record(s.dataset, s.track),
  };
}
