import type { SnapshotsOnHand } from '../areas/catalog';
/**
 * Feature state as a pure function of the shared view of (date, enabled sources) and the selection:
 * the only thing that changes on the map while scrubbing.
 */
import type { AgreementKey } from '../claims/agreement';
import type { Status } from '../claims/model';
import { STATUS_CODES } from '../claims/timeline';
import { type ClaimsView, viewTrackCode } from '../claims/view';
import { AGREEMENT_KEYS, STATUSES } from './palette';
import { isExpanded } from './placeCrowding';
import type { AppLayerData } from './placeFeatures';

/** Ring segments in this order, clockwise from twelve o'clock; `off` (no position) segments are not drawn. */
const RING_ORDER: readonly (Status | 'off')[] = [...STATUSES, 'off'];
const ringIndexOf = new Map(RING_ORDER.map((s, i) => [s, i]));

interface PlaceState {
  agreement: AgreementKey;
  selected: boolean;
  /** A source's position on it changed in the range the Changes panel shows. */
  changed: boolean;
  /** "Only disagreements" is on and the enabled sources do not disagree here. */
  dimmed: boolean;
  /** It shows its marks rather than its summary ring (as its marks' `expanded`): the dispute halo's size. */
  expanded: boolean;
}

/**
 * `off` when the source is switched off or had said nothing yet. `expanded`: the place shows its marks
 * (zoomed in far enough, selected or under the pointer); otherwise its summary ring (placeCrowding.ts).
 */
interface MarkState {
  status: Status | 'off';
  dimmed: boolean;
  expanded: boolean;
}

export interface MapFeatureStates {
  /** Per place feature id (dense). */
  places: readonly PlaceState[];
  /** Per mark feature id (dense: 0 to the number of marks). */
  marks: readonly MarkState[];
  /** The summary ring's segments (placeFeatures.ts), per segment feature id: the marks' statuses, counted and grouped. */
  ring: readonly MarkState[];
}

export interface MapInputs {
  /** The shared answer for (date, sources): statuses per track, agreement per place. */
  view: ClaimsView;
  selectedPlace: string | null;
  /** Places to highlight as changed (see claims/changes.ts); none when absent. */
  changedPlaces?: ReadonlySet<string>;
  /** Dim every place where the enabled sources are not in dispute. */
  onlyDisagreements?: boolean;
  /**
   * The area snapshots for the view's date and sources, indexing the layer data last given to
   * `MapController.setAreas` (give that first when both change); null: no area maps.
   */
  areasOnHand: SnapshotsOnHand | null;
}

/** What the claims' feature states depend on: the inputs but the areas. */
type ClaimInputs = Omit<MapInputs, 'areasOnHand'>;

/** What the map itself knows of the pointer and the camera, which the store does not hold. */
export interface MapFocus {
  zoom: number;
  /** The place feature id under the pointer, if any. */
  hovered: number | null;
}

const NO_FOCUS: MapFocus = { zoom: 0, hovered: null };

/**
 * Mark states are few; sharing them lets the diff compare by identity. Looked up by a small number, not a
 * string key: a move asks for one per mark and ring segment (tens of thousands with the bench's data).
 */
const MARK_STATES: MarkState[] = RING_ORDER.flatMap((status) =>
  [false, true].flatMap((dimmed) => [false, true].map((expanded) => Object.freeze({ status, dimmed, expanded }))),
);
const OFF = RING_ORDER.length - 1;
/** RING_ORDER's index of each status code (`STATUS_CODES`), `off` for silence: a move asks once per mark. */
const RING_INDEX_OF_CODE = Uint8Array.from({ length: 256 }, (_, code) =>
  code < STATUS_CODES.length ? (ringIndexOf.get(STATUS_CODES[code]) ?? OFF) : OFF,
);
/** Place states, shared likewise: by agreement, then selected, changed, dimmed and expanded. */
const PLACE_STATES: PlaceState[] = AGREEMENT_KEYS.flatMap((agreement) =>
  [false, true].flatMap((selected) =>
    [false, true].flatMap((changed) =>
      [false, true].flatMap((dimmed) =>
        [false, true].map((expanded) => Object.freeze({ agreement, selected, changed, dimmed, expanded })),
      ),
    ),
  ),
);
const agreementIndex = new Map(AGREEMENT_KEYS.map((key, i) => [key, i]));
function placeState(
  agreement: AgreementKey,
  selected: boolean,
  changed: boolean,
  dimmed: boolean,
  expanded: boolean,
): PlaceState {
  const flags = (selected ? 8 : 0) + (changed ? 4 : 0) + (dimmed ? 2 : 0) + (expanded ? 1 : 0);
  return PLACE_STATES[(agreementIndex.get(agreement) ?? 0) * 16 + flags];
}

function markState(ringIndex: number, dimmed: boolean, expanded: boolean): MarkState {
  return MARK_STATES[ringIndex * 4 + (dimmed && ringIndex !== OFF ? 2 : 0) + (expanded ? 1 : 0)];
}

/**
 * The map's state for one view and selection: place agreement comes from the view (the same answer the
 * panels read), marks from the view's per-track codes.
 */
export function computeFeatureStates(
  layers: AppLayerData,
  inputs: ClaimInputs,
  focus: MapFocus = NO_FOCUS,
): MapFeatureStates {
  const { view } = inputs;
  const selected = inputs.selectedPlace === null ? -1 : (layers.placeFeatureId.get(inputs.selectedPlace) ?? -1);
  const places = new Array<PlaceState>(layers.placeTracks.length);
  for (const [placeId, p] of layers.placeFeatureId) {
    const agreement: AgreementKey = view.agreement.get(placeId) ?? 'no-claim';
    const dimmed = inputs.onlyDisagreements === true && agreement !== 'disputed';
    const expanded = isExpanded(layers.placeExpandZoom[p], focus.zoom, p === selected || p === focus.hovered);
    places[p] = placeState(
      agreement,
      placeId === inputs.selectedPlace,
      inputs.changedPlaces?.has(placeId) ?? false,
      dimmed,
      expanded,
    );
  }
  const marks = new Array<MarkState>(layers.markTrack.length);
  const ring = new Array<MarkState>(layers.placeRingStart[layers.placeRingStart.length - 1] ?? 0);
  const counts = new Int32Array(RING_ORDER.length);
  const slotsOf = new Int32Array(RING_ORDER.length);
  for (let p = 0; p < layers.placeMarkStart.length - 1; p++) {
    const first = layers.placeMarkStart[p];
    const end = layers.placeMarkStart[p + 1];
    // A place's marks and ring segments are dimmed and expanded with it.
    const { dimmed, expanded } = places[p];
    counts.fill(0);
    for (let m = first; m < end; m++) {
      const t = layers.markTrack[m];
      const ringIndex = t < 0 ? OFF : RING_INDEX_OF_CODE[viewTrackCode(view, t)];
      marks[m] = markState(ringIndex, dimmed, expanded);
      counts[ringIndex]++;
    }
    const ringFirst = layers.placeRingStart[p];
    const slots = layers.placeRingStart[p + 1] - ringFirst;
    ringSlotsByStatus(counts, end - first, slots, slotsOf);
    let slot = ringFirst;
    for (let c = 0; c < RING_ORDER.length; c++) {
      const state = markState(c, dimmed, expanded);
      for (let k = 0; k < slotsOf[c]; k++) ring[slot++] = state;
    }
  }
  return { places, marks, ring };
}

/**
 * How many of a ring's `slots` each status gets, for `counts` (per RING_ORDER) out of `total` marks: exactly
 * the counts when there is a slot per mark, else the largest-remainder share (ties to the earlier status).
 */
export function ringSlotsByStatus(counts: Int32Array, total: number, slots: number, out: Int32Array): Int32Array {
  out.fill(0);
  if (total === 0 || slots === 0) return out;
  if (slots === total) {
    out.set(counts);
    return out;
  }
  let given = 0;
  for (let c = 0; c < counts.length; c++) {
    out[c] = Math.floor((counts[c] * slots) / total);
    given += out[c];
  }
  while (given < slots) {
    let best = 0;
    let bestRemainder = -1;
    for (let c = 0; c < counts.length; c++) {
      const remainder = counts[c] * slots - out[c] * total;
      if (remainder > bestRemainder) [best, bestRemainder] = [c, remainder];
    }
    out[best]++;
    given++;
  }
  return out;
}

/**
 * Entries of `next` that differ from `previous`: what the adapter must send to the map. States are kept by
 * dense feature id and shared between features (`PLACE_STATES`, `MARK_STATES`): identity is equality, so the
 * diff of a move over tens of thousands of marks is one comparison each.
 */
export function changedStates<S extends object>(previous: readonly S[] | undefined, next: readonly S[]): [number, S][] {
  const changed: [number, S][] = [];
  for (let id = 0; id < next.length; id++) if (previous?.[id] !== next[id]) changed.push([id, next[id]]);
  return changed;
}
