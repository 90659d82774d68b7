/**
 * DeepState archive files fetched earlier, kept in IndexedDB (idb-keyval's store) so a date seen before
 * works offline. Bounded: at most `maxFiles` files and `maxBytes` bytes; the least recently used file goes
 * first. Keyed by the file's URL, so a changed base URL never serves another archive's files. What comes
 * out is a file's text, which is imported again like any file (the cache holds no checked data).
 *
 * Each operation is one IndexedDB transaction (the recency list and the files change together), so two
 * tabs cannot leave the list and the files out of step.
 */
import { createStore, type UseStore } from 'idb-keyval';

export interface ArchiveCache {
  /** The file's text, marking it most recently used; undefined when it is not kept. */
  get: (url: string) => Promise<string | undefined>;
  /** Keep a file (most recently used), dropping the least recently used ones beyond the bounds. */
  put: (url: string, text: string, bytes: number) => Promise<void>;
  delete: (url: string) => Promise<void>;
  /** The kept files' URLs, least recently used first (for tests and the panel). */
  urls: () => Promise<string[]>;
}

export interface CacheBounds {
  maxFiles: number;
  maxBytes: number;
}

export const DEFAULT_CACHE_BOUNDS: CacheBounds = { maxFiles: 40, maxBytes: 60 * 1024 * 1024 };

interface Entry {
  url: string;
  bytes: number;
}

const INDEX_KEY = 'lru';
const fileKey = (url: string) => `file:${url}`;

/** The stored recency list, checked by hand (storage may hold anything); null when it is not one. */
function asIndex(value: unknown): Entry[] | null {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return null;
  const entries: Entry[] = [];
  for (const item of value) {
    const { url, bytes } = (item ?? {}) as { url?: unknown; bytes?: unknown };
    if (typeof url !== 'string' || typeof bytes !== 'number' || !Number.isFinite(bytes) || bytes < 0) return null;
    entries.push({ url, bytes });
  }
  return entries;
}

/** One transaction: `body` gets the store and the checked recency list; resolves when it commits. */
function transact<T>(
  store: UseStore,
  body: (os: IDBObjectStore, index: Entry[], done: (value: T) => void) => void,
): Promise<T> {
  return store(
    'readwrite',
    (os) =>
      new Promise<T>((resolve, reject) => {
        let result: T;
        const tx = os.transaction;
        tx.oncomplete = () => resolve(result);
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error ?? new Error('the cache transaction was aborted'));
        const read = os.get(INDEX_KEY);
        read.onsuccess = () => {
          const index = asIndex(read.result);
          // A damaged list: start again with an empty cache rather than trust it.
          if (index === null) os.clear();
          body(os, index ?? [], (value) => {
            result = value;
          });
        };
      }),
  );
}

export function createArchiveCache(
  bounds: CacheBounds = DEFAULT_CACHE_BOUNDS,
  store: UseStore = createStore('frontline-claims-deepstate-archive', 'files'),
): ArchiveCache {
  return {
    get: (url) =>
      transact<string | undefined>(store, (os, index, done) => {
        const at = index.findIndex((e) => e.url === url);
        done(undefined);
        if (at < 0) return;
        const file = os.get(fileKey(url));
        file.onsuccess = () => {
          const [entry] = index.splice(at, 1);
          if (typeof file.result === 'string') {
            index.push(entry);
            done(file.result);
          } else os.delete(fileKey(url));
          os.put(index, INDEX_KEY);
        };
      }),
    put: (url, text, bytes) =>
      transact<void>(store, (os, index, done) => {
        done(undefined);
        const kept = index.filter((e) => e.url !== url);
        if (bytes <= bounds.maxBytes && bounds.maxFiles > 0) {
          kept.push({ url, bytes });
          os.put(text, fileKey(url));
        } else os.delete(fileKey(url));
        let total = kept.reduce((sum, e) => sum + e.bytes, 0);
        while (kept.length > bounds.maxFiles || total > bounds.maxBytes) {
          const oldest = kept.shift();
          if (!oldest) break;
          total -= oldest.bytes;
          os.delete(fileKey(oldest.url));
        }
        os.put(kept, INDEX_KEY);
      }),
    delete: (url) =>
      transact<void>(store, (os, index, done) => {
        done(undefined);
        os.delete(fileKey(url));
        os.put(
          index.filter((e) => e.url !== url),
          INDEX_KEY,
        );
      }),
    urls: () => transact<string[]>(store, (_os, index, done) => done(index.map((e) => e.url))),
  };
}
