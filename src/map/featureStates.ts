/**
 * Feature state as a pure function of (date, enabled sources, selection):
 * the only thing that changes on the map while scrubbing.
 */
import { type AgreementKey, agreementKey, agreementOf } from '../claims/agreement';
import type { IsoDate, Status } from '../claims/model';
import { positionsForPlace, type TimeIndex } from '../claims/timeline';
import { type AppLayerData, markKey } from './placeFeatures';

export interface PlaceState {
  agreement: AgreementKey;
  selected: boolean;
  /** A source's position on it changed in the range the Changes panel shows. */
  changed: boolean;
  /** "Only disagreements" is on and the enabled sources do not disagree here. */
  dimmed: boolean;
}

/** `off` when the source is switched off or had said nothing yet. */
export interface MarkState {
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

export function computeFeatureStates(index: TimeIndex, layers: AppLayerData, inputs: MapInputs): MapFeatureStates {
  const places = new Map<number, PlaceState>();
  const marks = new Map<number, MarkState>();
  for (const id of layers.markFeatureId.values()) marks.set(id, { status: 'off', dimmed: false });
  for (const [placeId, featureId] of layers.placeFeatureId) {
    const positions = positionsForPlace(index, placeId, inputs.date, inputs.sources);
    const agreement = agreementKey(agreementOf(positions));
    const dimmed = inputs.onlyDisagreements === true && agreement !== 'disputed';
    places.set(featureId, {
      agreement,
      selected: placeId === inputs.selectedPlace,
      changed: inputs.changedPlaces?.has(placeId) ?? false,
      dimmed,
    });
    for (const p of positions) {
      const markId = layers.markFeatureId.get(markKey(placeId, p.sourceId));
      if (markId !== undefined) marks.set(markId, { status: p.status, dimmed });
    }
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
    if (!before || !shallowEqual(before, state)) changed.push([id, state]);
  }
  return changed;
}

function shallowEqual(a: object, b: object): boolean {
  const ka = Object.keys(a) as (keyof typeof a)[];
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}
