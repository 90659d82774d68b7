/**
 * One answer per (date, enabled sources): every track's status, every place's agreement and the
 * disputed places with who says what. Computed once per change from `trackStatusesAsOf` and read by
 * the map and every panel, so no panel recomputes positions per place while the slider moves.
 */
import type { AgreementKey } from './agreement';
import type { IsoDate } from './model';
import { NO_CLAIM, type Position, positionsForPlace, type TimeIndex, trackStatusesAsOf } from './timeline';

export interface ClaimsView {
  readonly index: TimeIndex;
  readonly date: IsoDate;
  readonly sources: ReadonlySet<string>;
  /** Status code per track as of the date (`NO_CLAIM` before its first claim), whatever the source toggles. */
  readonly trackCodes: Uint8Array;
  /** 1 where the track's source is enabled. */
  readonly enabledTracks: Uint8Array;
  /** Agreement of the enabled sources, per place id (every place of the index; others are `no-claim`). */
  readonly agreement: ReadonlyMap<string, AgreementKey>;
  /** The places the view covers, in order. */
  readonly placeIds: readonly string[];
}

export interface Dispute {
  placeId: string;
  /** The enabled sources' positions that take a side. */
  positions: readonly Position[];
}

const AGREE_BY_BIT: Record<number, AgreementKey> = { 1: 'agree-ukrainian', 2: 'agree-russian', 4: 'agree-contested' };

// The enabled mask changes on a source toggle, not on a slider tick: cache it per (index, source set).
const masks = new WeakMap<TimeIndex, WeakMap<ReadonlySet<string>, Uint8Array>>();

function enabledTrackMask(index: TimeIndex, sources: ReadonlySet<string>): Uint8Array {
  const bySet = masks.get(index) ?? new WeakMap<ReadonlySet<string>, Uint8Array>();
  masks.set(index, bySet);
  let mask = bySet.get(sources);
  if (!mask) {
    mask = Uint8Array.from(index.tracks, (t) => (sources.has(t.sourceId) ? 1 : 0));
    bySet.set(sources, mask);
  }
  return mask;
}

/**
 * Agreement of one place from its tracks' codes: a bitmask of the statuses taken. Same answer as
 * `agreementKey(agreementOf(positionsForPlace(...)))` without building a position per claim.
 */
function agreementFromCodes(tracks: readonly { id: number }[], codes: Uint8Array, mask: Uint8Array): AgreementKey {
  let bits = 0;
  for (const { id } of tracks) {
    const code = codes[id];
    // Codes 0-2 take a side; 3 is a statement without a position; NO_CLAIM is silence.
    if (mask[id] && code < 3) bits |= 1 << code;
  }
  return bits === 0 ? 'no-claim' : (AGREE_BY_BIT[bits] ?? 'disputed');
}

export function computeClaimsView(
  index: TimeIndex,
  placeIds: readonly string[],
  date: IsoDate,
  sources: ReadonlySet<string>,
): ClaimsView {
  const trackCodes = trackStatusesAsOf(index, date);
  const enabledTracks = enabledTrackMask(index, sources);
  const agreement = new Map<string, AgreementKey>();
  for (const placeId of placeIds)
    agreement.set(placeId, agreementFromCodes(index.tracksByPlace.get(placeId) ?? [], trackCodes, enabledTracks));
  return { index, date, sources, trackCodes, enabledTracks, agreement, placeIds };
}

const disputeCache = new WeakMap<ClaimsView, readonly Dispute[]>();

/**
 * Places where the enabled sources disagree, in the view's place order, with who says what. Built as
 * objects only when a panel asks, once per view: the map's hot path never needs them.
 */
export function disputesOf(view: ClaimsView): readonly Dispute[] {
  let disputes = disputeCache.get(view);
  if (!disputes) {
    disputes = view.placeIds
      .filter((placeId) => view.agreement.get(placeId) === 'disputed')
      .map((placeId) => ({
        placeId,
        positions: positionsForPlace(view.index, placeId, view.date, view.sources).filter((p) => p.status !== 'none'),
      }));
    disputeCache.set(view, disputes);
  }
  return disputes;
}

/** The status code of a track in the view, or `NO_CLAIM` when its source is off. */
export function viewTrackCode(view: ClaimsView, trackId: number): number {
  return view.enabledTracks[trackId] ? view.trackCodes[trackId] : NO_CLAIM;
}
