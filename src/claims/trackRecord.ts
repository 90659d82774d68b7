/**
 * Each source's track record: for every change of control in the record (`controlChanges`, with every source
 * speaking), what each voice did (first, followed, said the opposite, silent) and how its date compares with a
 * reference's, with per-voice figures. Pure; depends on the dataset and the reference only, never on a date.
 *
 * A *voice* is a source's statements in words, or its map as we read it (claims of nature `map-derived` and
 * provenance `derived`, data/README.md §2c): DeepState's map and DeepState's statements answer differently,
 * and the maps are what the references are.
 *
 * Definitions (also in About the data, in the interface's words):
 * - a *change of control* is a `controlChanges` change that is not a place's first claimed position;
 * - a voice's *date* on a change is the day its position became the change's status (first: the change's
 *   date; followed: the day it followed); the *reference's date* is the earliest such date among the
 *   reference's voices; the *offset* is the voice's date minus the reference's, in days (negative: ahead);
 * - the reference *contradicts* a status on a day when none of its voices' positions in force is that status
 *   and at least one takes another side; a voice's claim is *contradicted for N days* when, from its date,
 *   the reference contradicted it every day for N days, counted until the reference stops, the voice's own
 *   position changes, or the record ends;
 * - a claim is *denied or reversed* when the voice's next claim about the place that takes a side says
 *   something else, while the reference had said otherwise and had never shown what it claimed.
 */
import type { TakenStatus } from './agreement';
import { toDayNumber } from './dates';
import { type ControlChange, controlChanges } from './firstClaims';
import type { Claim, Dataset, IsoDate, Status } from './model';
import { lastAtOrBefore } from './sortedDays';
import { buildTimeIndex, type TimeIndex, type Track } from './timeline';

/** What the track record measures against: one of the two maps, or the independent sources together. */
export const TRACK_REFERENCES = ['deepstate', 'isw', 'independent'] as const;
export type TrackReference = (typeof TRACK_REFERENCES)[number];

export function isTrackReference(value: unknown): value is TrackReference {
  return typeof value === 'string' && (TRACK_REFERENCES as readonly string[]).includes(value);
}

/** No median is given from fewer events than this. */
const MIN_EVENTS_FOR_MEDIAN = 3;
/** The "contradicted for more than N days" thresholds. */
const CONTRADICTION_DAYS = [7, 30] as const;

/** A source's statements (`map: false`) or its map as we read it (`map: true`). */
export interface Voice {
  id: string;
  sourceId: string;
  map: boolean;
}

/** Our reading of a source's own map, rather than a statement of it. */
const isMapReading = (c: Claim): boolean => c.nature === 'map-derived' && c.evidence.provenance === 'derived';

const mapVoiceId = (sourceId: string) => `${sourceId}:map`;

export type VoicePosition =
  | { kind: 'first'; date: IsoDate; claim: Claim }
  | { kind: 'followed'; date: IsoDate; lagDays: number; claim: Claim }
  /** It held another side during the change (`claim`: its last claim of that side before the change ended). */
  | { kind: 'opposite'; held: TakenStatus; until: IsoDate | null; claim: Claim | undefined }
  | { kind: 'silent' };

interface TrackEvent {
  placeId: string;
  status: TakenStatus;
  date: IsoDate;
  /** The first day no source held the status any more; null while one still does. */
  endDate: IsoDate | null;
  /** The reference's date on this change and the claim by which it took the status; null if it did not. */
  reference: { voiceId: string; date: IsoDate; claim: Claim } | null;
}

/** One voice on one change. */
export interface VoiceEvent {
  event: TrackEvent;
  position: VoicePosition;
  /** Its date minus the reference's, in days (negative: ahead of the reference); null without both. */
  offsetDays: number | null;
  /** How many days in a row from its date the reference contradicted it; null if it did not take the status. */
  contradictedDays: number | null;
  /** The claim by which it later said otherwise before the reference showed its claim; null if none. */
  reversedBy: Claim | null;
}

export interface VoiceRecord {
  voice: Voice;
  /** One of the reference's voices. */
  isReference: boolean;
  /** Every change, in the record's order, with this voice's position. */
  events: VoiceEvent[];
  /** The changes it spoke on: first, followed or said the opposite. */
  spoke: VoiceEvent[];
  byKind: Record<VoicePosition['kind'], VoiceEvent[]>;
  /** The changes where both it and the reference have a date. */
  offsets: VoiceEvent[];
  /** Median offset; null under `MIN_EVENTS_FOR_MEDIAN` offsets. */
  median: number | null;
  /** Smallest and largest offset; null without offsets. */
  range: readonly [number, number] | null;
  /** Its claims the reference contradicted for more than 7 and more than 30 days. */
  contradicted: Record<(typeof CONTRADICTION_DAYS)[number], VoiceEvent[]>;
  reversed: VoiceEvent[];
}

export interface TrackRecord {
  reference: TrackReference;
  /** The reference's voices (none when the record has no such map). */
  referenceVoices: readonly string[];
  events: readonly TrackEvent[];
  voices: readonly VoiceRecord[];
}

/** The record's voices and their time index: one per dataset, whatever the reference. */
interface VoiceIndex {
  voices: readonly Voice[];
  index: TimeIndex;
  changes: readonly ControlChange[];
  /** A map reading's copy (keyed by its voice) → the record's claim. */
  original: ReadonlyMap<Claim, Claim>;
  lastDay: number;
}

const voiceIndexes = new WeakMap<Dataset, VoiceIndex>();

function voiceIndexOf(dataset: Dataset): VoiceIndex {
  const cached = voiceIndexes.get(dataset);
  if (cached) return cached;
  const original = new Map<Claim, Claim>();
  const claims = dataset.claims.map((c) => {
    if (!isMapReading(c)) return c;
    const copy = { ...c, sourceId: mapVoiceId(c.sourceId) };
    original.set(copy, c);
    return copy;
  });
  const voices: Voice[] = [];
  for (const source of dataset.sources) {
    const own = dataset.claims.filter((c) => c.sourceId === source.id);
    const readings = own.filter(isMapReading).length;
    if (readings < own.length || own.length === 0) voices.push({ id: source.id, sourceId: source.id, map: false });
    if (readings > 0) voices.push({ id: mapVoiceId(source.id), sourceId: source.id, map: true });
  }
  const index = buildTimeIndex(claims);
  const all = new Set(voices.map((v) => v.id));
  const changes = dataset.places.flatMap((p) => controlChanges(index, p.id, all).filter((c) => !c.initial));
  const result: VoiceIndex = {
    voices,
    index,
    changes,
    original,
    lastDay: index.lastDate ? toDayNumber(index.lastDate) : 0,
  };
  voiceIndexes.set(dataset, result);
  return result;
}

function referenceVoicesOf(reference: TrackReference, voices: readonly Voice[], dataset: Dataset): string[] {
  if (reference !== 'independent') return voices.filter((v) => v.map && v.sourceId === reference).map((v) => v.id);
  const independent = new Set(dataset.sources.filter((s) => s.alignment === 'independent').map((s) => s.id));
  return voices.filter((v) => independent.has(v.sourceId)).map((v) => v.id);
}

const isTaken = (s: Status | undefined): s is TakenStatus => s !== undefined && s !== 'none';

export function trackRecord(dataset: Dataset, reference: TrackReference): TrackRecord {
  const { voices, index, changes, original, lastDay } = voiceIndexOf(dataset);
  const claimOf = (c: Claim) => original.get(c) ?? c;
  const referenceVoices = referenceVoicesOf(reference, voices, dataset);
  const trackOf = (placeId: string, voiceId: string): Track | undefined =>
    index.tracksByPlace.get(placeId)?.find((t) => t.sourceId === voiceId);
  const statusOn = (track: Track | undefined, day: number): Status | undefined => {
    const i = track ? lastAtOrBefore(track.days, day) : -1;
    return track && i >= 0 ? track.claims[i].status : undefined;
  };

  const perVoice = new Map(voices.map((v) => [v.id, [] as VoiceEvent[]]));
  const events: TrackEvent[] = [];
  for (const change of changes) {
    const positions = positionsOn(change);
    const refTracks = referenceVoices.flatMap((id) => trackOf(change.placeId, id) ?? []);
    const event: TrackEvent = {
      placeId: change.placeId,
      status: change.status,
      date: change.date,
      endDate: change.endDate,
      reference: referenceOn(positions),
    };
    events.push(event);
    /** What the reference says of the change's status on a day. */
    const referenceSays = (day: number): 'agrees' | 'contradicts' | 'silent' => {
      const statuses = refTracks.map((t) => statusOn(t, day));
      if (statuses.includes(change.status)) return 'agrees';
      return statuses.some(isTaken) ? 'contradicts' : 'silent';
    };
    const refDays = refTracks.flatMap((t) => [...t.days]);
    for (const voice of voices) {
      const position = positions.get(voice.id) ?? { kind: 'silent' };
      const date = position.kind === 'first' || position.kind === 'followed' ? position.date : null;
      const own = trackOf(change.placeId, voice.id);
      perVoice.get(voice.id)?.push({
        event,
        position,
        offsetDays: date && event.reference ? toDayNumber(date) - toDayNumber(event.reference.date) : null,
        contradictedDays: date && own ? contradictedFor(toDayNumber(date), own) : null,
        reversedBy: date && own ? reversal(toDayNumber(date), own) : null,
      });
    }

    /** Days in a row, from `day`, that the reference contradicted the voice's claim of the change's status. */
    function contradictedFor(day: number, own: Track): number {
      if (referenceSays(day) !== 'contradicts') return 0;
      const next = [...new Set([...refDays, ...own.days])].filter((d) => d > day && d <= lastDay).sort((a, b) => a - b);
      for (const d of next)
        if (statusOn(own, d) !== change.status || referenceSays(d) !== 'contradicts') return d - day;
      return lastDay - day;
    }

    /**
     * The voice's next claim taking another side, if meanwhile the reference said otherwise and never showed the
     * status: a reference that says nothing there (ISW's map shows only Russian advances) cannot tell a
     * retraction from a later change of control.
     */
    function reversal(day: number, own: Track): Claim | null {
      const i = own.claims.findIndex((c, k) => own.days[k] > day && isTaken(c.status) && c.status !== change.status);
      if (i < 0) return null;
      const until = own.days[i];
      const said = [day, ...refDays.filter((d) => d > day && d < until)].map(referenceSays);
      return said.includes('contradicts') && !said.includes('agrees') ? claimOf(own.claims[i]) : null;
    }
  }

  return {
    reference,
    referenceVoices,
    events,
    voices: voices.map((voice) => summarise(voice, referenceVoices.includes(voice.id), perVoice.get(voice.id) ?? [])),
  };

  function positionsOn(change: ControlChange): Map<string, VoicePosition> {
    const positions = new Map<string, VoicePosition>();
    for (const f of change.first)
      positions.set(f.sourceId, { kind: 'first', date: change.date, claim: claimOf(f.claim) });
    for (const f of change.followers) {
      if (f.kind === 'followed')
        positions.set(f.sourceId, { kind: 'followed', date: f.date, lagDays: f.lagDays, claim: claimOf(f.claim) });
      else if (f.kind === 'contradicted') {
        const track = trackOf(change.placeId, f.sourceId);
        const before = f.until ? toDayNumber(f.until) : Number.POSITIVE_INFINITY;
        const held = track?.claims.findLast((c, k) => c.status === f.held && (track.days[k] ?? 0) < before);
        positions.set(f.sourceId, {
          kind: 'opposite',
          held: f.held,
          until: f.until,
          claim: held && claimOf(held),
        });
      }
    }
    return positions;
  }

  function referenceOn(positions: ReadonlyMap<string, VoicePosition>): TrackEvent['reference'] {
    let best: TrackEvent['reference'] = null;
    for (const voiceId of referenceVoices) {
      const p = positions.get(voiceId);
      if ((p?.kind === 'first' || p?.kind === 'followed') && (!best || p.date < best.date))
        best = { voiceId, date: p.date, claim: p.claim };
    }
    return best;
  }
}

/** The median of sorted numbers (the mean of the middle two for an even count). */
function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function summarise(voice: Voice, isReference: boolean, events: VoiceEvent[]): VoiceRecord {
  const of = (kind: VoicePosition['kind']) => events.filter((e) => e.position.kind === kind);
  const offsets = events.filter((e) => e.offsetDays !== null);
  const values = offsets.map((e) => e.offsetDays ?? 0).sort((a, b) => a - b);
  const longer = (days: number) => events.filter((e) => (e.contradictedDays ?? 0) > days);
  return {
    voice,
    isReference,
    events,
    spoke: events.filter((e) => e.position.kind !== 'silent'),
    byKind: { first: of('first'), followed: of('followed'), opposite: of('opposite'), silent: of('silent') },
    offsets,
    median: values.length >= MIN_EVENTS_FOR_MEDIAN ? median(values) : null,
    range: values.length ? [values[0], values[values.length - 1]] : null,
    contradicted: { 7: longer(7), 30: longer(30) },
    reversed: events.filter((e) => e.reversedBy !== null),
  };
}
