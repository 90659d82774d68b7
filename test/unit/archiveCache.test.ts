import 'fake-indexeddb/auto';
import { createStore, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { createArchiveCache } from '../../src/state/archiveCache';

let n = 0;
const freshStore = () => createStore(`archive-cache-test-${n++}`, 'files');
const url = (i: number) => `https://archive.example/geojsons/${i}.geojson`;

describe('the archive cache (IndexedDB, least recently used out first)', () => {
  it('returns what was put, and nothing for what was not', async () => {
    const cache = createArchiveCache({ maxFiles: 3, maxBytes: 1000 }, freshStore());
    await cache.put(url(1), 'one', 3);
    expect(await cache.get(url(1))).toBe('one');
    expect(await cache.get(url(2))).toBeUndefined();
  });

  it('keeps at most maxFiles, dropping the least recently used', async () => {
    const cache = createArchiveCache({ maxFiles: 3, maxBytes: 1000 }, freshStore());
    for (const i of [1, 2, 3]) await cache.put(url(i), `file ${i}`, 10);
    // Reading 1 makes 2 the least recently used.
    expect(await cache.get(url(1))).toBe('file 1');
    await cache.put(url(4), 'file 4', 10);
    expect(await cache.urls()).toEqual([url(3), url(1), url(4)]);
    expect(await cache.get(url(2))).toBeUndefined();
    expect(await cache.get(url(3))).toBe('file 3');
  });

  it('keeps at most maxBytes, dropping as many old files as it takes', async () => {
    const cache = createArchiveCache({ maxFiles: 40, maxBytes: 100 }, freshStore());
    await cache.put(url(1), 'a', 40);
    await cache.put(url(2), 'b', 40);
    await cache.put(url(3), 'c', 90);
    expect(await cache.urls()).toEqual([url(3)]);
    expect(await cache.get(url(1))).toBeUndefined();
  });

  it('does not keep a file bigger than the whole cache, and forgets an older copy of it', async () => {
    const cache = createArchiveCache({ maxFiles: 40, maxBytes: 100 }, freshStore());
    await cache.put(url(1), 'small', 10);
    await cache.put(url(2), 'x', 10);
    await cache.put(url(1), 'huge', 500);
    expect(await cache.urls()).toEqual([url(2)]);
    expect(await cache.get(url(1))).toBeUndefined();
  });

  it('replaces a file put again, counting it once', async () => {
    const cache = createArchiveCache({ maxFiles: 2, maxBytes: 1000 }, freshStore());
    await cache.put(url(1), 'old', 10);
    await cache.put(url(2), 'two', 10);
    await cache.put(url(1), 'new', 10);
    expect(await cache.urls()).toEqual([url(2), url(1)]);
    expect(await cache.get(url(1))).toBe('new');
  });

  it('persists across instances on the same database', async () => {
    const store = freshStore();
    await createArchiveCache({ maxFiles: 2, maxBytes: 1000 }, store).put(url(1), 'kept', 4);
    expect(await createArchiveCache({ maxFiles: 2, maxBytes: 1000 }, store).get(url(1))).toBe('kept');
  });

  it('deletes on request', async () => {
    const cache = createArchiveCache({ maxFiles: 2, maxBytes: 1000 }, freshStore());
    await cache.put(url(1), 'one', 3);
    await cache.delete(url(1));
    expect(await cache.get(url(1))).toBeUndefined();
    expect(await cache.urls()).toEqual([]);
  });

  it('starts empty over a damaged recency list, and drops an entry whose file is gone', async () => {
    const store = freshStore();
    await set('lru', [{ url: 42 }], store);
    await set(`file:${url(9)}`, 'orphan', store);
    const cache = createArchiveCache({ maxFiles: 2, maxBytes: 1000 }, store);
    expect(await cache.urls()).toEqual([]);
    await set('lru', [{ url: url(1), bytes: 3 }], store);
    expect(await cache.get(url(1))).toBeUndefined();
    expect(await cache.urls()).toEqual([]);
  });
});
