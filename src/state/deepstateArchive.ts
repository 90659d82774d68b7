/**
 * DeepState's map for the date shown, fetched from the online archive (MANIFEST.md §2): an opt-in switch,
 * off by default and remembered on this machine (localStorage, never in a link, so a link cannot make the
 * recipient's browser contact a server).
 *
 * While it is on, the snapshot in force on the slider's date (src/areas/deepstateArchive.ts) is loaded once
 * the date settles (`SETTLE_MS` after the last change, ./settle.ts: not on every tick of a drag), a newer
 * settled date cancelling the request in flight. The file comes from the IndexedDB cache (./archiveCache.ts)
 * or the archive (./archiveFetch.ts: timeout, size cap), goes through the import worker like an imported
 * file (`importAreaText`) and, if it is a DeepState map, into `areas` like an import (`addArea`), marked
 * `fetchedFrom`. A snapshot already loaded (fetched or imported) is not loaded again. A failure leaves
 * `areas` as it was and sets a notice naming the snapshot and the reason. Turning the switch off cancels
 * what is in flight and takes the fetched snapshots off the map.
 *
 * Then the snapshots a step back or forward would bring into force (`snapshotWindow`) are loaded the same way,
 * quietly (no status, no notice: the user did not ask for them yet), so the map has them on hand and a step
 * draws in one frame (src/map/areaLayers.ts). A newer settled date cancels them too. At most
 * `MAX_FETCHED` fetched snapshots stay in `areas`; the farthest from the window go (`snapshotsToEvict`).
 */
import {
  checkArchiveBaseUrl,
  DEFAULT_ARCHIVE_BASE_URL,
  snapshotFileName,
  snapshotInForce,
  snapshotsToEvict,
  snapshotUrl,
  snapshotWindow,
} from '../areas/deepstateArchive';
import { DEEPSTATE_SNAPSHOT_TIMES } from '../areas/deepstateSnapshotTimes';
import type { LoadedArea } from '../areas/importWorker';
import { formatDataError } from '../claims/errors';
import type { IsoDate } from '../claims/model';
import type { ArchiveCache } from './archiveCache';
import type { FetchLimits } from './archiveFetch';
import { withDerived } from './data';
import { createSettler } from './settle';
import type { AppStore, GetStore, SetStore } from './store';

interface ArchiveSettings {
  enabled: boolean;
  /** Checked (http(s), ends in `/`); snapshots are `geojsons/<unix time>.geojson` under it. */
  baseUrl: string;
}

export type ArchiveStatus =
  | { kind: 'off' }
  /** On, waiting for the date to settle. */
  | { kind: 'idle' }
  | { kind: 'loading'; time: number }
  | { kind: 'shown'; time: number; fromCache: boolean }
  | { kind: 'failed'; time: number }
  /** The archive's list has no snapshot in force on this date. */
  | { kind: 'none'; date: IsoDate };

export interface DeepStateArchiveSlice {
  archiveEnabled: boolean;
  archiveBaseUrl: string;
  archiveStatus: ArchiveStatus;
  /** Why the last snapshot asked for is not on the map; stays until dismissed or the switch goes off. */
  /** A snapshot that could not be loaded, and why (worded by the UI; the reason is a technical one, in English). */
  archiveNotice: ArchiveFailure | null;
  setArchiveEnabled: (enabled: boolean) => void;
  /** Use another base URL; returns why it is refused, or null. An empty string means the default. */
  setArchiveBaseUrl: (raw: string) => string | null;
  dismissArchiveNotice: () => void;
}

export interface ArchiveOptions {
  settings: ArchiveSettings;
  /** The archive's snapshot times (ascending UTC Unix seconds); tests pass their own. */
  times?: readonly number[];
  settleMs?: number;
  limits?: Partial<FetchLimits>;
  fetch?: typeof fetch;
  /** null: keep nothing (no IndexedDB); undefined: the IndexedDB cache. */
  cache?: ArchiveCache | null;
  /** Also load the neighbours of the snapshot in force (default true). */
  neighbours?: boolean;
}

const SETTLE_MS = 400;
/** Fetched snapshots kept in `areas`: the window of three and a few seen just before, for stepping back. */
const MAX_FETCHED = 8;
const STORAGE_KEY = 'frontline-claims:deepstate-archive:v1';
const DEFAULT_ARCHIVE_SETTINGS: ArchiveSettings = { enabled: false, baseUrl: DEFAULT_ARCHIVE_BASE_URL };

/** The remembered settings, field by field (storage may hold anything); the defaults where a field is bad. */
export function readArchiveSettings(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): ArchiveSettings {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    if (!raw) return DEFAULT_ARCHIVE_SETTINGS;
    const { enabled, baseUrl } = (JSON.parse(raw) ?? {}) as { enabled?: unknown; baseUrl?: unknown };
    const checked = typeof baseUrl === 'string' && baseUrl.length <= 2000 ? checkArchiveBaseUrl(baseUrl) : null;
    return { enabled: enabled === true, baseUrl: checked?.ok ? checked.url : DEFAULT_ARCHIVE_BASE_URL };
  } catch {
    return DEFAULT_ARCHIVE_SETTINGS;
  }
}

function saveArchiveSettings(
  settings: ArchiveSettings,
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage,
): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(settings));
  } catch {
    // Private mode or a full quota: the switch works for this visit only.
  }
}

/**
 * The options the app starts with: the remembered settings, and in e2e builds only, shorter limits from the
 * link (`archiveTimeoutMs`, `archiveMaxBytes`) so the tests need not wait 20 s or send 20 MB, and a longer
 * settle time (`archiveSettleMs`) so steps the test means as one burst stay one on a loaded machine.
 */
export function archiveOptionsFromPage(search = ''): ArchiveOptions {
  const options: ArchiveOptions = { settings: readArchiveSettings() };
  if (import.meta.env.MODE === 'e2e') {
    const params = new URLSearchParams(search);
    const number = (name: string) => {
      const n = Number(params.get(name) ?? Number.NaN);
      return Number.isFinite(n) && n > 0 ? n : undefined;
    };
    options.limits = { timeoutMs: number('archiveTimeoutMs'), maxBytes: number('archiveMaxBytes') };
    // A loaded CI machine can take longer than the settle time between two key presses.
    const settleMs = number('archiveSettleMs');
    if (settleMs) options.settleMs = settleMs;
    // Specs written before the neighbours were loaded count every request; the ones about stepping opt in.
    options.neighbours = params.get('archiveNeighbours') === '1';
  }
  return options;
}

/** A DeepState snapshot's archive time (UTC Unix seconds), or null. */
const archiveTime = (area: LoadedArea) =>
  area.snapshot.sourceId === 'deepstate' && area.snapshot.snapshotTime !== undefined
    ? Date.parse(area.snapshot.snapshotTime) / 1000
    : null;

const isSnapshot = (area: LoadedArea, time: number) => archiveTime(area) === time;

/** The fetch and cache code, loaded the first time the switch is on. */
const loadModules = () => Promise.all([import('./archiveFetch'), import('./archiveCache')]);

export interface ArchiveFailure {
  /** The snapshot's Unix time. */
  time: number;
  reason: string;
}

export function deepstateArchiveSlice(
  set: SetStore,
  get: GetStore,
  api: Pick<AppStore, 'subscribe'>,
  options: ArchiveOptions,
): DeepStateArchiveSlice {
  const times = options.times ?? DEEPSTATE_SNAPSHOT_TIMES;
  let cache: ArchiveCache | null | undefined = options.cache;

  /** Load one snapshot; `quiet` (a neighbour): set no status and no notice. */
  const load = async (time: number, signal: AbortSignal, quiet = false): Promise<void> => {
    const start = get();
    if (!start.archiveEnabled) return;
    const say = quiet ? () => undefined : set;
    if (start.areas.some((a) => isSnapshot(a, time)))
      return say({ archiveStatus: { kind: 'shown', time, fromCache: false } });
    const url = snapshotUrl(start.archiveBaseUrl, time);
    say({ archiveStatus: { kind: 'loading', time } });
    const fail = (reason: string) => {
      if (!signal.aborted) say({ archiveStatus: { kind: 'failed', time }, archiveNotice: { time, reason } });
    };
    let modules: Awaited<ReturnType<typeof loadModules>>;
    try {
      modules = await loadModules();
    } catch (err) {
      return fail(`the app's loader did not load (${err instanceof Error ? err.message : String(err)})`);
    }
    const [{ fetchArchiveFile, DEFAULT_FETCH_LIMITS }, { createArchiveCache }] = modules;
    if (cache === undefined) cache = typeof indexedDB === 'undefined' ? null : createArchiveCache();
    const kept = cache;
    const cached = await kept?.get(url).catch(() => undefined);
    if (signal.aborted) return;
    let text = cached;
    let bytes = 0;
    if (text === undefined) {
      const limits = { ...DEFAULT_FETCH_LIMITS, ...definedOnly(options.limits) };
      const fetched = await fetchArchiveFile(url, signal, limits, options.fetch);
      if (!fetched.ok) return fetched.aborted ? undefined : fail(fetched.reason);
      ({ text, bytes } = fetched);
    }
    const result = await get().importAreaText(snapshotFileName(time), text);
    const notDeepState = !result.ok
      ? `it is not a DeepState map (${formatDataError(result.errors[0])}${
          result.errors.length > 1 ? `, and ${result.errors.length - 1} more errors` : ''
        })`
      : result.value.snapshot.format !== 'deepstate'
        ? `it is not a DeepState map (it reads as another format: ${result.value.snapshot.format})`
        : null;
    if (notDeepState !== null || !result.ok) {
      if (cached !== undefined) void kept?.delete(url).catch(() => undefined);
      return fail(notDeepState ?? 'it is not a DeepState map');
    }
    // Kept before it is shown, so a reload right after finds it.
    if (cached === undefined) await kept?.put(url, text, bytes).catch(() => undefined);
    if (signal.aborted || !get().archiveEnabled) return;
    if (!get().areas.some((a) => isSnapshot(a, time))) get().addArea({ ...result.value, fetchedFrom: url });
    say({ archiveStatus: { kind: 'shown', time, fromCache: cached !== undefined } });
  };

  /** The settled snapshot, then its neighbours one at a time (the next first: playback goes forward). */
  const loadWindow = async (time: number, signal: AbortSignal): Promise<void> => {
    await load(time, signal);
    if (options.neighbours === false) return;
    const { previous, next } = snapshotWindow(times, get().date);
    const around = [next, previous].filter((t): t is number => t !== null);
    for (const neighbour of around) {
      if (signal.aborted) return;
      await load(neighbour, signal, true);
    }
    if (signal.aborted || !get().archiveEnabled) return;
    const fetched = get().areas.flatMap((a) => (a.fetchedFrom === undefined ? [] : [archiveTime(a) ?? Number.NaN]));
    const evicted = new Set(snapshotsToEvict(fetched, [time, ...around], MAX_FETCHED));
    if (evicted.size)
      set((state) =>
        withDerived(state, {
          areas: state.areas.filter((a) => a.fetchedFrom === undefined || !evicted.has(archiveTime(a) ?? Number.NaN)),
        }),
      );
  };

  const settler = createSettler<number>(options.settleMs ?? SETTLE_MS, loadWindow);

  /** The date or the settings changed: wait for the date to settle, or say there is nothing to load. */
  const follow = () => {
    const { archiveEnabled, date } = get();
    if (!archiveEnabled) return settler.cancel();
    const time = snapshotInForce(times, date);
    if (time === null) {
      settler.cancel();
      return set({ archiveStatus: { kind: 'none', date } });
    }
    settler.push(time);
  };

  api.subscribe((state, previous) => {
    if (state.date !== previous.date || state.archiveBaseUrl !== previous.archiveBaseUrl) follow();
  });
  // Remembered on: load the first view's date once the store exists.
  if (options.settings.enabled) queueMicrotask(follow);

  const save = () => saveArchiveSettings({ enabled: get().archiveEnabled, baseUrl: get().archiveBaseUrl });

  return {
    archiveEnabled: options.settings.enabled,
    archiveBaseUrl: options.settings.baseUrl,
    archiveStatus: options.settings.enabled ? { kind: 'idle' } : { kind: 'off' },
    archiveNotice: null,
    setArchiveEnabled: (enabled) => {
      if (enabled === get().archiveEnabled) return;
      if (enabled) set({ archiveEnabled: true, archiveStatus: { kind: 'idle' } });
      else {
        settler.cancel();
        if (get().areas.some((a) => a.fetchedFrom !== undefined))
          set((state) => withDerived(state, { areas: state.areas.filter((a) => a.fetchedFrom === undefined) }));
        set({ archiveEnabled: false, archiveStatus: { kind: 'off' }, archiveNotice: null });
      }
      save();
      follow();
    },
    setArchiveBaseUrl: (raw) => {
      const checked =
        raw.trim() === '' ? { ok: true as const, url: DEFAULT_ARCHIVE_BASE_URL } : checkArchiveBaseUrl(raw);
      if (!checked.ok) return checked.error;
      if (checked.url !== get().archiveBaseUrl) {
        settler.cancel();
        set({ archiveBaseUrl: checked.url });
        save();
      }
      return null;
    },
    dismissArchiveNotice: () => set({ archiveNotice: null }),
  };
}

function definedOnly<T extends object>(value: Partial<T> | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}
