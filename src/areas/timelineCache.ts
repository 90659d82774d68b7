/**
 * The area timeline's answers kept in IndexedDB (idb-keyval), by pair key and the rule's version: a reload
 * with the same area maps looks them up instead of clipping again. Used from the timeline's worker. Storage
 * that fails (private mode, full, blocked) only means measuring again: it is never an error the user sees.
 */
import { createStore, getMany, setMany, type UseStore } from 'idb-keyval';
import type { PairResult } from './areaTimeline';
import type { AreaDisagreement } from './disagreement';

/**
 * Bump when the disagreement rule or the clipping library changes what a pair measures. 2: each answer also
 * holds the overlap of the two maps' Russian-held ground (./russianHeld).
 */
const RULE_VERSION = 2;

export interface TimelineCache {
  /** The cached answers among `keys` (the others are not there or unreadable). */
  load: (keys: readonly string[]) => Promise<PairResult[]>;
  save: (results: readonly PairResult[]) => void;
}

const NO_CACHE: TimelineCache = { load: async () => [], save: () => undefined };

const isDisagreement = (value: unknown): value is AreaDisagreement =>
  typeof value === 'object' &&
  value !== null &&
  Array.isArray((value as { parts?: unknown }).parts) &&
  typeof (value as { km2?: { opposed?: unknown } }).km2?.opposed === 'number' &&
  typeof (value as { russianHeld?: { bothKm2?: unknown } }).russianHeld?.bothKm2 === 'number';

export function openTimelineCache(
  open: () => UseStore = () => createStore('frontline-claims-area-timeline', 'pairs'),
): TimelineCache {
  if (typeof indexedDB === 'undefined') return NO_CACHE;
  let store: UseStore;
  try {
    store = open();
  } catch {
    return NO_CACHE;
  }
  const stored = (key: string) => `${RULE_VERSION}\u0002${key}`;
  return {
    load: async (keys) => {
      try {
        const values = await getMany(keys.map(stored), store);
        return keys.flatMap((key, i) => {
          const disagreement: unknown = values[i];
          return isDisagreement(disagreement) ? [{ key, disagreement }] : [];
        });
      } catch {
        return [];
      }
    },
    save: (results) => {
      if (results.length)
        setMany(
          results.map((r) => [stored(r.key), r.disagreement]),
          store,
        ).catch(() => undefined);
    },
  };
}
