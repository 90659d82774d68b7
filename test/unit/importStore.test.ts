/**
 * Imports that survive a reload, against fake-indexeddb: each "visit" is a fresh copy of the modules
 * (vi.resetModules) over the same database, as a reload would be.
 */
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { createStore, set } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadRepoDataset } from '../../scripts/lib/loadData';
import type { LoadedArea } from '../../src/areas/importWorker';
import type { Dataset } from '../../src/claims/model';
import { storageNoticeText } from '../../src/ui/notices';

const loaded = loadRepoDataset();
if (!loaded.ok) throw new Error('the repo dataset does not load');
const bundled: Dataset = loaded.value;
const goodText = readFileSync(new URL('../fixtures/imports/good-claims.geojson', import.meta.url), 'utf8');
const goodFile = (name = 'good-claims.geojson') => new File([goodText], name, { type: 'application/geo+json' });
const LEGACY_KEY = 'frontline-claims:imports:v1';

/** A stand-in for the area import worker: any file becomes an empty DeepState snapshot; "bad" ones fail. */
function fakeWorker(): Worker {
  const listeners = new Set<(event: MessageEvent) => void>();
  return {
    addEventListener: (_: string, l: (event: MessageEvent) => void) => listeners.add(l),
    removeEventListener: (_: string, l: (event: MessageEvent) => void) => listeners.delete(l),
    postMessage: (request: { id: number; fileName: string; text: string }) => {
      const area: LoadedArea = {
        snapshot: {
          sourceId: 'deepstate',
          layer: 'deepstate',
          statedDate: '2025-02-06',
          fileName: request.fileName,
          format: 'deepstate',
          claims: [],
          skipped: { noGeometry: 0, notArea: 0, otherLabel: 0, outsideClip: 0 },
        },
        km2: { ukrainian: 0, russian: 0, contested: 0, 'russian-advance': 0 },
        frontLine: { type: 'MultiLineString', coordinates: [] },
      };
      const result = request.text.includes('bad')
        ? { ok: false, errors: [{ file: request.fileName, message: 'not an area file' }] }
        : { ok: true, value: area };
      queueMicrotask(() => {
        for (const l of listeners) l({ data: { id: request.id, result } } as MessageEvent);
      });
    },
  } as unknown as Worker;
}

/** A localStorage stand-in. */
function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    removeItem: (key: string) => void items.delete(key),
  };
}

/** One visit: fresh modules (so nothing is cached from the last one), stored imports restored, the store made. */
async function visit(legacy = memoryStorage()) {
  vi.resetModules();
  const { restoreImports } = await import('../../src/state/importStore');
  const { createAppStore } = await import('../../src/state/store');
  const restored = await restoreImports(bundled, { legacy });
  const store = createAppStore({ bundled, restored, createWorker: fakeWorker });
  return { restored, store, state: () => store.getState() };
}

const rawStore = () => createStore('frontline-claims', 'imports');

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  vi.stubGlobal('document', { baseURI: 'http://localhost/' });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('imports stored in IndexedDB', () => {
  it('claims and area files imported on one visit are there on the next, and can be removed one by one', async () => {
    const first = await visit();
    await first.state().importClaimFiles([goodFile()]);
    await first
      .state()
      .importAreaFiles([new File(['{"type":"FeatureCollection","features":[]}'], '1738800000.geojson')]);
    expect(first.state().claimBatches).toHaveLength(1);
    expect(first.state().areas).toHaveLength(1);
    expect(first.state().storageNotices.map(storageNoticeText)).toEqual([]);

    const second = await visit();
    expect(second.restored.notices.map(storageNoticeText)).toEqual([]);
    expect(second.state().claimBatches.map((b) => [b.fileName, b.claims.length])).toEqual([['good-claims.geojson', 2]]);
    expect(second.restored.areaFiles.map((f) => f.fileName)).toEqual(['1738800000.geojson']);
    await second.state().restoreAreaFiles(second.restored.areaFiles);
    expect(second.state().areaFiles.map((f) => f.fileName)).toEqual(['1738800000.geojson']);
    expect(second.state().areas).toHaveLength(1);

    await second.state().removeBatch(second.state().claimBatches[0].id);
    expect(second.state().claimBatches).toEqual([]);
    const third = await visit();
    expect(third.state().claimBatches).toEqual([]);
    expect(third.restored.areaFiles).toHaveLength(1);

    await third.state().restoreAreaFiles(third.restored.areaFiles);
    await third.state().removeArea(third.state().areas[0].snapshot);
    expect(third.state().areas).toEqual([]);
    const fourth = await visit();
    expect(fourth.restored.areaFiles).toEqual([]);
    expect(fourth.state().storageNotices).toEqual([]);
  });

  it('"Remove all" removes every import from the app and from storage', async () => {
    const first = await visit();
    await first.state().importClaimFiles([goodFile()]);
    await first.state().importAreaFiles([new File(['{}'], 'a.geojson'), new File(['{}'], 'b.geojson')]);
    await set('junk', 42, rawStore());
    const second = await visit();
    await second.state().restoreAreaFiles(second.restored.areaFiles);
    expect(second.state().areas).toHaveLength(2);
    expect(second.state().unreadableStored).toHaveLength(1);

    await second.state().removeAllImports();
    expect(second.state().claimBatches).toEqual([]);
    expect(second.state().areas).toEqual([]);
    expect(second.state().areaFiles).toEqual([]);
    expect(second.state().unreadableStored).toEqual([]);
    expect(second.state().dataset.claims.length).toBe(bundled.claims.length);
    const third = await visit();
    expect(third.restored).toMatchObject({ batches: [], areaFiles: [], unreadable: [], failed: [], notices: [] });
  });

  it('a stored area file that no longer imports is listed with its errors, and can be removed', async () => {
    const first = await visit();
    await first.state().importAreaFiles([new File(['{}'], 'ok.geojson')]);
    await set(
      'x-1',
      { id: 'x-1', kind: 'areas', fileName: 'bad.geojson', importedAt: '2030-01-01T00:00:00Z', text: 'bad' },
      rawStore(),
    );
    const second = await visit();
    await second.state().restoreAreaFiles(second.restored.areaFiles);
    expect(second.state().areas).toHaveLength(1);
    expect(second.state().failedStored.map((f) => [f.stored.fileName, f.errors[0].message])).toEqual([
      ['bad.geojson', 'not an area file'],
    ]);
    await second.state().removeBatch('x-1');
    expect((await visit()).restored.areaFiles.map((f) => f.fileName)).toEqual(['ok.geojson']);
  });
});

describe('importing many area files', () => {
  it('lists them in batches, applies their maps in one update, each file whole, and names each refused file with its reason', async () => {
    const { store, state } = await visit();
    let areaUpdates = 0;
    store.subscribe((next, previous) => {
      if (next.areas !== previous.areas) areaUpdates++;
    });
    const files = Array.from({ length: 30 }, (_, i) => new File(['{}'], `${1738800000 + i}.geojson`));
    // Valid UTF-8 holding U+FFFD (as 7 archived DeepState maps do) is text; a Latin-1 byte is not.
    files.push(new File(['{"description":"Т\uFFFD\uFFFDостянця"}'], 'fffd.geojson'));
    files.push(new File([Uint8Array.from([0x7b, 0xe9, 0x7d])], 'latin1.geojson'));
    await state().importAreaFiles(files);
    expect(state().areas).toHaveLength(31);
    expect(state().areaFiles.map((f) => f.fileName)).toEqual(files.slice(0, 31).map((f) => f.name));
    // The maps reach the store (and the map) once, when the import ends.
    expect(areaUpdates).toBe(1);
    expect(state().areaProgress).toBeNull();
    const refused = state().areaOutcomes.filter((o) => !o.ok);
    expect(refused.map((o) => [o.fileName, o.errors[0].file, o.errors[0].message])).toEqual([
      [
        'latin1.geojson',
        'latin1.geojson',
        'this is not a text file in UTF-8: byte 2 (0xe9) is not UTF-8 (save it as UTF-8)',
      ],
    ]);
    expect(state().areaOutcomes).toHaveLength(32);
    // Each loaded file is stored, in batches.
    expect((await visit()).restored.areaFiles).toHaveLength(31);
  });

  it('does not apply a map whose file was removed from the list while the import ran', async () => {
    const { store, state } = await visit();
    const files = ['a', 'b', 'c'].map((name) => new File(['{}'], `${name}.geojson`));
    let removed = false;
    // The user removes b's row as soon as it is listed, before the import has ended.
    const unsubscribe = store.subscribe((s) => {
      const row = s.areaFiles.find((f) => f.fileName === 'b.geojson');
      if (row && !removed && s.areaProgress) {
        removed = true;
        void s.removeArea(row.snapshot);
      }
    });
    await state().importAreaFiles(files);
    unsubscribe();
    expect(removed).toBe(true);
    expect(state().areaFiles.map((f) => f.fileName)).toEqual(['a.geojson', 'c.geojson']);
    expect(state().areas.map((a) => a.snapshot.fileName)).toEqual(['a.geojson', 'c.geojson']);
  });

  it('"Remove all" while an import runs drops the rest of it', async () => {
    const { state } = await visit();
    const files = Array.from({ length: 10 }, (_, i) => new File(['{}'], `${1738800000 + i}.geojson`));
    const running = state().importAreaFiles(files);
    await state().removeAllImports();
    await running;
    expect(state().areas).toEqual([]);
    expect(state().areaFiles).toEqual([]);
  });
});

describe('a damaged record', () => {
  it('is skipped and named; the other imports are restored, and it can be removed', async () => {
    const first = await visit();
    await first.state().importClaimFiles([goodFile()]);
    await set('a-broken', { id: 'a-broken', kind: 'claims', fileName: 'lost.geojson', text: 7 }, rawStore());
    await set('b-broken', 'not a record', rawStore());
    const second = await visit();
    expect(second.state().claimBatches.map((b) => b.fileName)).toEqual(['good-claims.geojson']);
    expect(second.state().unreadableStored.map((u) => u.label)).toEqual(['lost.geojson', 'the stored record b-broken']);
    await second.state().removeUnreadable('a-broken');
    expect(second.state().unreadableStored.map((u) => u.key)).toEqual(['b-broken']);
    const third = await visit();
    expect(third.state().unreadableStored.map((u) => u.key)).toEqual(['b-broken']);
    expect(third.state().claimBatches).toHaveLength(1);
  });

  it('a stored claims file that no longer fits the data is listed with its errors, not applied', async () => {
    await set(
      'c-1',
      { id: 'c-1', kind: 'claims', fileName: 'old.geojson', importedAt: '2025-01-01T00:00:00Z', text: '{"type":1}' },
      rawStore(),
    );
    const { state } = await visit();
    expect(state().claimBatches).toEqual([]);
    expect(state().failedStored.map((f) => f.stored.fileName)).toEqual(['old.geojson']);
    expect(state().failedStored[0].errors.length).toBeGreaterThan(0);
  });
});

describe('moving claims off localStorage', () => {
  const legacyRecord = { id: 'legacy-1', fileName: 'good-claims.geojson', importedAt: '2025-01-01', text: goodText };

  it('moves them into IndexedDB once and deletes the old key', async () => {
    const legacy = memoryStorage({ [LEGACY_KEY]: JSON.stringify([legacyRecord]) });
    const first = await visit(legacy);
    expect(first.restored.notices.map(storageNoticeText)).toEqual([]);
    expect(first.state().claimBatches.map((b) => [b.id, b.claims.length])).toEqual([['legacy-1', 2]]);
    expect(legacy.items.has(LEGACY_KEY)).toBe(false);
    // Next visit: from IndexedDB alone.
    const second = await visit();
    expect(second.state().claimBatches.map((b) => b.id)).toEqual(['legacy-1']);
  });

  it('skips the unreadable records of the old list with a notice, and moves the rest', async () => {
    const legacy = memoryStorage({ [LEGACY_KEY]: JSON.stringify([legacyRecord, { id: 3 }]) });
    const first = await visit(legacy);
    expect(first.restored.notices.map(storageNoticeText)).toEqual([
      '1 record of claims stored by an earlier version could not be read and was skipped.',
    ]);
    expect(first.state().claimBatches.map((b) => b.id)).toEqual(['legacy-1']);
    expect(legacy.items.has(LEGACY_KEY)).toBe(false);
  });

  it('keeps the old key, and shows its claims, when IndexedDB is unavailable', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const legacy = memoryStorage({ [LEGACY_KEY]: JSON.stringify([legacyRecord]) });
    const first = await visit(legacy);
    expect(first.state().claimBatches.map((b) => b.id)).toEqual(['legacy-1']);
    expect(legacy.items.has(LEGACY_KEY)).toBe(true);
    expect(first.restored.notices.map(storageNoticeText).join(' ')).toMatch(
      /could not be moved.*storage is unavailable/,
    );
  });
});

describe('storage that fails', () => {
  it('a full disk keeps the import for this visit, with a notice that it will not survive a reload', async () => {
    const first = await visit();
    await first.state().importAreaFiles([new File(['{}'], 'stored-before.geojson')]);
    const quota = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await first.state().importClaimFiles([goodFile()]);
    expect(first.state().claimBatches).toHaveLength(1);
    expect(first.state().dataset.claims.length).toBe(bundled.claims.length + 2);
    expect(first.state().storageNotices.map(storageNoticeText)).toEqual([
      "good-claims.geojson is imported for this visit only: it could not be stored (the browser's storage for this site is full), so it will not be there after a reload.",
    ]);
    await first.state().importAreaFiles([new File(['{}'], 'area.geojson')]);
    expect(first.state().areas).toHaveLength(2);
    expect(storageNoticeText(first.state().storageNotices[1])).toMatch(
      /^area\.geojson is imported for this visit only.*full/,
    );
    quota.mockRestore();
    // What was stored before the disk filled up is still there.
    const second = await visit();
    expect(second.state().claimBatches).toEqual([]);
    expect(second.restored.areaFiles.map((f) => f.fileName)).toEqual(['stored-before.geojson']);
  });

  it('no IndexedDB at all: the app starts with a notice, and imports apply for the visit', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const { restored, state } = await visit();
    expect(restored.notices.map(storageNoticeText)).toEqual([
      "Files imported on an earlier visit could not be read: the browser's storage is unavailable (IndexedDB is switched off or missing).",
    ]);
    await state().importClaimFiles([goodFile()]);
    expect(state().claimBatches).toHaveLength(1);
    expect(storageNoticeText(state().storageNotices[1])).toMatch(/imported for this visit only.*unavailable/);
  });

  it('a blocked database (open never answers) gives up after a few seconds with a notice', async () => {
    const first = await visit();
    await first.state().importClaimFiles([goodFile()]);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.spyOn(IDBFactory.prototype, 'open').mockImplementation(() => ({}) as IDBOpenDBRequest);
    const visiting = visit();
    await vi.advanceTimersByTimeAsync(6000);
    const { restored, state } = await visiting;
    expect(restored.notices.map(storageNoticeText)).toEqual([
      "Files imported on an earlier visit could not be read: the browser's storage did not answer (another tab may be blocking it).",
    ]);
    expect(state().claimBatches).toEqual([]);
  });
});
