/**
 * Feature state as a pure function of (date, enabled sources, selection):
 * the only thing that changes on the map while scrubbing.
 */
import type { AgreementKey } from '../claims/agreement';
import type { IsoDate, Status } from '../claims/model';
import { NO_CLAIM, STATUS_CODES, type TimeIndex, trackStatusesAsOf } from '../claims/timeline';
import type { AppLayerData } from './placeFeatures';

interface PlaceState {
  agreement: AgreementKey;
  selected: boolean;
  /** A source's position on it changed in the range the Changes panel shows. */
  changed: boolean;
  /** "Only disagreements" is on and the enabled sources do not disagree here. */
  dimmed: boolean;
}

/** `off` when the source is switched off or had said nothing yet. */
interface MarkState {
  status: Status | 'off';
  dimmed: boolean;
}

export interface MapFeatureStates {
  places: Map<number, PlaceState>;
  marks: Map<number, MarkState>;
}

export interface MapInputs {
  date: IsoDate;
  sources: ReadonlySet<string>;
  selectedPlace: string | null;
  /** Places to highlight as changed (see claims/changes.ts); none when absent. */
  changedPlaces?: ReadonlySet<string>;
  /** Dim every place where the enabled sources are not in dispute. */
  onlyDisagreements?: boolean;
}

const AGREE_BY_BIT: Record<number, AgreementKey> = { 1: 'agree-ukrainian', 2: 'agree-russian', 4: 'agree-contested' };

/** Mark states are few; sharing them lets the diff compare by identity. */
const MARK_STATES = new Map<string, MarkState>();
function markState(status: Status | 'off', dimmed: boolean): MarkState {
  const key = `${status}|${dimmed}`;
  let state = MARK_STATES.get(key);
  if (!state) {
    state = Object.freeze({ status, dimmed });
    MARK_STATES.set(key, state);
  }
  return state;
}

// Per index: a reusable answer buffer, and the enabled mask per source set (it changes on a toggle, not a tick).
const scratch = new WeakMap<TimeIndex, Uint8Array>();
const masks = new WeakMap<TimeIndex, WeakMap<ReadonlySet<string>, Uint8Array>>();

function enabledMask(index: TimeIndex, sources: ReadonlySet<string>): Uint8Array {
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
 * The map's state for one (date, sources, selection): one binary search per track
 * (`trackStatusesAsOf`), then agreement per place from a bitmask of the statuses taken.
 * Same answers as `agreementOf(positionsForPlace(...))`, without building objects per claim.
 */
export function computeFeatureStates(index: TimeIndex, layers: AppLayerData, inputs: MapInputs): MapFeatureStates {
  const codes = trackStatusesAsOf(index, inputs.date, scratch.get(index));
  scratch.set(index, codes);
  const mask = enabledMask(index, inputs.sources);
  const places = new Map<number, PlaceState>();
  const dimmedPlace = new Uint8Array(layers.placeTracks.length);
  for (const [placeId, featureId] of layers.placeFeatureId) {
    let bits = 0;
    for (const t of layers.placeTracks[featureId]) {
      const code = codes[t];
      // Codes 0-2 take a side; 3 is a statement without a position; NO_CLAIM is silence.
      if (mask[t] && code < 3) bits |= 1 << code;
    }
    const agreement: AgreementKey = bits === 0 ? 'no-claim' : (AGREE_BY_BIT[bits] ?? 'disputed');
    const dimmed = inputs.onlyDisagreements === true && agreement !== 'disputed';
    dimmedPlace[featureId] = dimmed ? 1 : 0;
    places.set(featureId, {
      agreement,
      selected: placeId === inputs.selectedPlace,
      changed: inputs.changedPlaces?.has(placeId) ?? false,
      dimmed,
    });
  }
  const marks = new Map<number, MarkState>();
  for (let m = 0; m < layers.markTrack.length; m++) {
    const t = layers.markTrack[m];
    const code = t < 0 ? NO_CLAIM : codes[t];
    const status = t >= 0 && mask[t] && code !== NO_CLAIM ? STATUS_CODES[code] : 'off';
    marks.set(m, markState(status, status !== 'off' && dimmedPlace[layers.markPlace[m]] === 1));
  }
  return { places, marks };
}

/** Entries of `next` that differ from `previous`: what the adapter must send to the map. */
export function changedStates<S extends object>(
  previous: ReadonlyMap<number, S> | undefined,
  next: ReadonlyMap<number, S>,
): [number, S][] {
  const changed: [number, S][] = [];
  for (const [id, state] of next) {
    const before = previous?.get(id);
    if (before !== state && (!before || !shallowEqual(before, state))) changed.push([id, state]);
  }
  return changed;
}

function shallowEqual(a: object, b: object): boolean {
  const ka = Object.keys(a) as (keyof typeof a)[];
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}
