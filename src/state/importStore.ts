/**
 * Imported files survive a reload: each one is kept in IndexedDB (through idb-keyval) as its original
 * text, one record per file, and checked again on start exactly like a new import: claims here, before
 * the first render; area maps by the import worker, after it (./areaImports.ts). A stored file that no
 * longer fits the data is reported, not silently applied; a record that is not one (damaged, written by
 * another version) is skipped with a notice naming it.
 *
 * Storage can fail (full disk, storage blocked or switched off): the import still applies for the visit,
 * with a notice that it will not survive a reload. Every call here resolves, never rejects, and gives
 * up after STORAGE_TIMEOUT_MS, so a store that never answers cannot hold up the app.
 *
 * The checker (zod and the claim schema) is loaded with an import() only when claims are stored, so a
 * visit without imports never loads it. Records are checked by hand for the same reason.
 */

import { clear, createStore, del, entries, set, setMany, type UseStore } from 'idb-keyval';
import type { DataError } from '../claims/errors';
import { type ImportBatch, withImports } from '../claims/importBatch';
import type { Dataset } from '../claims/model';
import type { StorageNotice, StorageProblem } from './message';

/** Where claims were kept before IndexedDB; moved once, then deleted. */
const LEGACY_KEY = 'frontline-claims:imports:v1';
const DB_NAME = 'frontline-claims';
const STORE_NAME = 'imports';
const STORAGE_TIMEOUT_MS = 5000;

type ImportKind = 'claims' | 'areas';

/** One imported file as stored, keyed by its id. */
export interface StoredImport {
  id: string;
  kind: ImportKind;
  fileName: string;
  importedAt: string;
  text: string;
}

/** A stored record that could not be read, kept until the user removes it. */
export interface UnreadableRecord {
  key: IDBValidKey;
  /** What names it in a notice: its file name when that much is readable, else its key. */
  label: string;
}

export interface RestoredImports {
  batches: ImportBatch[];
  /** Stored files that no longer pass the checks, kept so the user can read why and remove them. */
  failed: { stored: StoredImport; errors: DataError[] }[];
  /** Stored area files, for the import worker to import again once the app is up. */
  areaFiles: StoredImport[];
  unreadable: UnreadableRecord[];
  /** What went wrong with storage or the checker (worded by the UI). */
  notices: StorageNotice[];
}

export const NOTHING_RESTORED: RestoredImports = {
  batches: [],
  failed: [],
  areaFiles: [],
  unreadable: [],
  notices: [],
};

let store: UseStore | undefined;
const importStore = () => {
  store ??= createStore(DB_NAME, STORE_NAME);
  return store;
};

class StorageTimeout extends Error {}

/** Runs a storage call; a synchronous throw (no `indexedDB` at all) and a store that never answers both reject. */
function storage<T>(call: () => Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StorageTimeout()), STORAGE_TIMEOUT_MS);
  });
  const run = (async () => {
    if (typeof indexedDB === 'undefined' || !indexedDB) throw new Error('IndexedDB is switched off or missing');
    return call();
  })();
  return Promise.race([run, timeout]).finally(() => clearTimeout(timer));
}

/** Why storage failed, in words. */
function storageProblem(err: unknown): StorageProblem {
  if (err instanceof StorageTimeout) return { key: 'timeout' };
  const name = typeof err === 'object' && err !== null && 'name' in err ? String(err.name) : '';
  if (name === 'QuotaExceededError') return { key: 'full' };
  const detail = err instanceof Error || err instanceof DOMException ? err.message : String(err);
  return detail ? { key: 'unavailableDetail', params: { detail } } : { key: 'unavailable' };
}

const isKind = (value: unknown): value is ImportKind => value === 'claims' || value === 'areas';

/** A stored record: an object with the five fields; other fields are dropped. Null for anything else. */
function asStoredImport(value: unknown, defaultKind?: ImportKind): StoredImport | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as Partial<Record<keyof StoredImport, unknown>>;
  const kind = record.kind ?? defaultKind;
  const { id, fileName, importedAt, text } = record;
  if (typeof id !== 'string' || typeof fileName !== 'string' || typeof importedAt !== 'string') return null;
  if (typeof text !== 'string' || !isKind(kind)) return null;
  return { id, kind, fileName, importedAt, text };
}

function labelOf(key: IDBValidKey, value: unknown): string {
  const fileName = (value as { fileName?: unknown } | null)?.fileName;
  if (typeof fileName === 'string' && fileName.length <= 200) return fileName;
  return `the stored record ${typeof key === 'string' ? key.slice(0, 60) : String(key)}`;
}

const byImportTime = (a: StoredImport, b: StoredImport) =>
  a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

type LegacyStorage = Pick<Storage, 'getItem' | 'removeItem'>;

/**
 * Claims stored in localStorage by an earlier version move to IndexedDB, once: the old key is deleted
 * only when they are safely written. If they cannot be, they are used from there for this visit.
 */
async function migrateLegacy(legacy: LegacyStorage | undefined, notices: StorageNotice[]): Promise<StoredImport[]> {
  let raw: string | null | undefined;
  try {
    raw = legacy?.getItem(LEGACY_KEY);
  } catch {
    return [];
  }
  if (!raw || !legacy) return [];
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch {
    list = null;
  }
  const items = Array.isArray(list) ? list : [];
  const records = items.map((item) => asStoredImport(item, 'claims'));
  const valid = records.filter((r): r is StoredImport => r !== null);
  const skipped = Array.isArray(list) ? items.length - valid.length : 1;
  try {
    if (valid.length)
      await storage(() =>
        setMany(
          valid.map((r) => [r.id, r]),
          importStore(),
        ),
      );
  } catch (err) {
    notices.push({ key: 'notMoved', problem: storageProblem(err) });
    return valid;
  }
  try {
    legacy.removeItem(LEGACY_KEY);
  } catch {
    // Left in place: the next start writes the same records again, under the same keys.
  }
  if (skipped > 0) notices.push({ key: 'skipped', params: { count: skipped } });
  return [];
}

/** Everything stored: the readable records in import order, and the others by key. */
async function readStored(
  notices: StorageNotice[],
): Promise<{ records: StoredImport[]; unreadable: UnreadableRecord[] }> {
  let all: [IDBValidKey, unknown][];
  try {
    all = await storage(() => entries(importStore()));
  } catch (err) {
    notices.push({ key: 'unreadable', problem: storageProblem(err) });
    return { records: [], unreadable: [] };
  }
  const records: StoredImport[] = [];
  const unreadable: UnreadableRecord[] = [];
  for (const [key, value] of all) {
    const record = asStoredImport(value);
    if (record && record.id === key) records.push(record);
    else unreadable.push({ key, label: labelOf(key, value) });
  }
  return { records: records.sort(byImportTime), unreadable };
}

export interface RestoreOptions {
  /** Where the claims of earlier versions were kept (localStorage in the app). */
  legacy?: LegacyStorage;
}

/** Each stored claims file is checked against the bundled dataset and the files restored before it. */
export async function restoreImports(base: Dataset, options: RestoreOptions = {}): Promise<RestoredImports> {
  const notices: StorageNotice[] = [];
  let legacy: LegacyStorage | undefined = options.legacy;
  if (!('legacy' in options)) {
    try {
      legacy = globalThis.localStorage;
    } catch {
      legacy = undefined;
    }
  }
  const migrated = await migrateLegacy(legacy, notices);
  const { records, unreadable } = await readStored(notices);
  const known = new Set(records.map((r) => r.id));
  const all = [...records, ...migrated.filter((m) => !known.has(m.id))].sort(byImportTime);
  const claimFiles = all.filter((r) => r.kind === 'claims');
  const areaFiles = all.filter((r) => r.kind === 'areas');
  const restored: RestoredImports = { batches: [], failed: [], areaFiles, unreadable, notices };
  if (claimFiles.length === 0) return restored;
  let parseClaimImport: typeof import('../claims/importClaims').parseClaimImport;
  try {
    ({ parseClaimImport } = await import('../claims/importClaims'));
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    notices.push({ key: 'notChecked', params: { detail } });
    return restored;
  }
  for (const file of claimFiles) {
    const result = parseClaimImport(file.fileName, file.text, withImports(base, restored.batches));
    if (result.ok)
      restored.batches.push({
        id: file.id,
        fileName: file.fileName,
        importedAt: file.importedAt,
        claims: result.value,
      });
    else restored.failed.push({ stored: file, errors: result.errors });
  }
  return restored;
}

/** A new id for an imported file: time first, so ids sort roughly by import. */
export const newImportId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** Stores one imported file; a notice when it could not be (the import still applies for this visit). */
export async function saveImport(record: StoredImport): Promise<StorageNotice | null> {
  try {
    await storage(() => set(record.id, record, importStore()));
    return null;
  } catch (err) {
    return { key: 'notStored', params: { file: record.fileName }, problem: storageProblem(err) };
  }
}

/**
 * Stores several imports in one transaction (a batch of area files, ./areaImports.ts): all or none, so a
 * failure gives each file of the batch its notice.
 */
export async function saveImports(records: readonly StoredImport[]): Promise<(StorageNotice | null)[]> {
  if (records.length === 0) return [];
  if (records.length === 1) return [await saveImport(records[0])];
  try {
    await storage(() =>
      setMany(
        records.map((r) => [r.id, r]),
        importStore(),
      ),
    );
    return records.map(() => null);
  } catch (err) {
    const problem = storageProblem(err);
    return records.map((r) => ({ key: 'notStored', params: { file: r.fileName }, problem }));
  }
}

/** Removes one stored record; a notice when it could not be (it may then come back after a reload). */
export async function removeStored(key: IDBValidKey, label: string): Promise<StorageNotice | null> {
  try {
    await storage(() => del(key, importStore()));
    return null;
  } catch (err) {
    return { key: 'notRemoved', params: { file: label }, problem: storageProblem(err) };
  }
}

/** Removes every stored record. */
export async function removeAllStored(): Promise<StorageNotice | null> {
  try {
    await storage(() => clear(importStore()));
    return null;
  } catch (err) {
    return { key: 'notRemovedAll', problem: storageProblem(err) };
  }
}
