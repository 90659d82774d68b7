/**
 * The view: what the store's state means on screen, computed once per change of its inputs and shared
 * by the map panes and every panel (a slider tick computes it once, whoever reads it). Each part is
 * memoised on exactly the inputs it needs, so a selector returns the same object until they change.
 */

import { comparableMaps } from '../areas/disagreementPair';
import type { AreaSnapshot } from '../areas/model';
import { activeSnapshots } from '../areas/timeline';
import {
  type ChangeRange,
  changedPlaceIds,
  changesBetween,
  type PlaceChanges,
  sincePreviousClaim,
} from '../claims/changes';
import type { IsoDate, Source } from '../claims/model';
import { type Position, positionsForPlace, type TimeIndex } from '../claims/timeline';
import { type ClaimsView, computeClaimsView } from '../claims/view';
import type { AreaLayerData } from '../map/areaLayers';
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
  /** Each enabled source's map in force, in the Sources panel's order. */
  comparable: readonly AreaSnapshot[];
  /** The first two: the pair whose disagreement is hatched and measured; null with fewer than two. */
  pair: readonly [AreaSnapshot, AreaSnapshot] | null;
  /** The same pair as indices into the layer data, for the map. */
  indices: readonly [number, number] | null;
}

const NO_AREAS: AreaComparison = { comparable: [], pair: null, indices: null };

export function areaComparison(
  data: AreaLayerData | undefined,
  date: IsoDate,
  sources: ReadonlySet<string>,
  order: readonly Pick<Source, 'id'>[],
): AreaComparison {
  if (!data) return NO_AREAS;
  const comparable = comparableMaps(
    activeSnapshots(data.index, date, sources),
    sources,
    order.map((o) => o.id),
  );
  const [a, b] = comparable;
  const ia = a && data.snapshotIndex.get(a);
  const ib = b && data.snapshotIndex.get(b);
  return {
    comparable,
    pair: a && b ? [a, b] : null,
    indices: ia !== undefined && ib !== undefined ? [ia, ib] : null,
  };
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
  const areas = memo(areaComparison);
  const areas2 = memo(areaComparison);
  return {
    areas: (s) => areas(s.areaLayerData, s.date, s.sources, s.dataset.sources),
    areas2: (s) => areas2(s.areaLayerData, s.date2, s.sources2, s.dataset.sources),
    claims: (s) => first(s.index, s.ctx.placeIds, s.date, s.sources),
    claims2: (s) => second(s.index, s.ctx.placeIds, s.date2, s.sources2),
    changes: (s) => {
      const r = range(s.dates, s.date, s.changeRange);
      return changesView(r, changes(s.index, s.ctx.placeIds, r.range.from, r.range.to, s.sources), s.highlightChanges);
    },
    selectedPositions: (s) => positions(s.index, s.selectedPlace, s.date, s.sources),
  };
}
