import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { repoRoot } from '../../scripts/lib/loadData';
import { importAreaFile } from '../../src/areas/detect';
import type { AreaImportRequest, AreaImportResponse, LoadedArea } from '../../src/areas/importWorker';
import { loadRussiaClip } from '../../src/areas/loadNode';
import { measureSnapshot } from '../../src/areas/measure';
import type { ArchiveCache } from '../../src/state/archiveCache';
import { readArchiveSettings } from '../../src/state/deepstateArchive';
import { createAppStore } from '../../src/state/store';
import { archiveFailureText } from '../../src/ui/notices';
import { claim, dataset } from './factories';

const bundled = dataset([
  claim('ua', 'sudzha', '2024-08-15', 'ukrainian'),
  claim('ru', 'sudzha', '2025-03-13', 'russian'),
]);
const BASE = 'https://archive.test/';
const TIMES = [1725394431, 1725654859];
const fixture = (time: number) =>
  readFileSync(join(repoRoot, 'test/fixtures/deepstate-archive/geojsons', `${time}.geojson`), 'utf8');

/** The import worker's work, in this thread (the front line is left empty: not what is tested here). */
function inThreadWorker(): Worker {
  const clip = loadRussiaClip(repoRoot);
  const listeners = new Set<(event: MessageEvent<AreaImportResponse>) => void>();
  return {
    addEventListener: (_: string, listener: (event: MessageEvent<AreaImportResponse>) => void) =>
      listeners.add(listener),
    removeEventListener: (_: string, listener: (event: MessageEvent<AreaImportResponse>) => void) =>
      listeners.delete(listener),
    postMessage: (request: AreaImportRequest) =>
      setTimeout(() => {
        const read = importAreaFile(request.fileName, request.text, { clip });
        const result: AreaImportResponse['result'] = read.ok
          ? {
              ok: true,
              value: {
                snapshot: read.value,
                km2: measureSnapshot(read.value),
                frontLine: { type: 'MultiLineString', coordinates: [] },
              },
            }
          : read;
        for (const listener of listeners) listener({ data: { id: request.id, result } } as MessageEvent);
      }),
  } as unknown as Worker;
}

function memoryCache(): ArchiveCache & { files: Map<string, string> } {
  const files = new Map<string, string>();
  return {
    files,
    get: async (url) => files.get(url),
    put: async (url, text) => {
      files.set(url, text);
    },
    delete: async (url) => {
      files.delete(url);
    },
    urls: async () => [...files.keys()],
  };
}

function setup(
  enabled: boolean,
  answer: (url: string, signal?: AbortSignal | null) => Response | Promise<Response> = (url) => okFor(url),
  { times = TIMES, neighbours }: { times?: number[]; neighbours?: boolean } = {},
) {
  const asked: string[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    asked.push(String(input));
    return answer(String(input), init?.signal);
  }) as unknown as typeof globalThis.fetch;
  const cache = memoryCache();
  const store = createAppStore({
    bundled,
    search: '?date=2024-09-03',
    createWorker: inThreadWorker,
    deepstateArchive: {
      settings: { enabled, baseUrl: BASE },
      times,
      settleMs: 5,
      fetch,
      cache,
      ...(neighbours === undefined ? {} : { neighbours }),
    },
  });
  return { store, asked, cache };
}

const okFor = (url: string) => {
  const time = Number(/(\d+)\.geojson$/.exec(url)?.[1]);
  return TIMES.includes(time) ? new Response(fixture(time)) : new Response('Not Found', { status: 404 });
};

const fetchedTimes = (areas: readonly LoadedArea[]) =>
  areas.filter((a) => a.fetchedFrom !== undefined).map((a) => a.snapshot.snapshotTime);

describe('the DeepState archive slice', () => {
  beforeEach(() => {
    vi.stubGlobal('document', { baseURI: 'http://app.test/' });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('asks for nothing while off', async () => {
    const { store, asked } = setup(false);
    store.getState().update({ date: '2024-09-06' });
    await new Promise((r) => setTimeout(r, 50));
    expect(asked).toEqual([]);
    expect(store.getState().archiveStatus).toEqual({ kind: 'off' });
  });

  it('when remembered on, loads the first view’s date; a burst of dates loads only where it settles', async () => {
    const { store, asked, cache } = setup(true);
    await vi.waitFor(() => expect(store.getState().archiveStatus.kind).toBe('shown'));
    for (const date of ['2024-09-04', '2024-09-05', '2024-09-06']) store.getState().update({ date });
    await vi.waitFor(() => expect(store.getState().archiveStatus).toMatchObject({ kind: 'shown', time: TIMES[1] }));
    expect(asked).toEqual([`${BASE}geojsons/1725394431.geojson`, `${BASE}geojsons/1725654859.geojson`]);
    expect(fetchedTimes(store.getState().areas)).toEqual(['2024-09-03T20:13:51Z', '2024-09-06T20:34:19Z']);
    expect([...cache.files.keys()]).toEqual(asked);
    // Back to a date already loaded: not fetched or added again.
    store.getState().update({ date: '2024-09-03' });
    await new Promise((r) => setTimeout(r, 50));
    expect(asked).toHaveLength(2);
    expect(store.getState().areas).toHaveLength(2);
  });

  it('says so when the list has no snapshot in force, and fetches nothing', async () => {
    const { store, asked } = setup(true);
    store.getState().update({ date: '2024-08-20' });
    await new Promise((r) => setTimeout(r, 50));
    expect(store.getState().archiveStatus).toEqual({ kind: 'none', date: '2024-08-20' });
    expect(asked).toEqual([]);
  });

  it('a failure leaves the areas as they were, with a notice naming the snapshot and the reason', async () => {
    const { store } = setup(true, () => new Response('gone', { status: 404, statusText: 'Not Found' }));
    const before = store.getState().areas;
    await vi.waitFor(() => expect(store.getState().archiveStatus.kind).toBe('failed'));
    expect(store.getState().areas).toBe(before);
    const notice = store.getState().archiveNotice;
    expect(notice && archiveFailureText(notice)).toBe(
      "DeepState's map of 3 Sept 2024, 20:13 UTC (1725394431.geojson) could not be loaded: the archive answered 404 Not Found (no such file). The map is unchanged.",
    );
  });

  it('turning it off takes the fetched maps off, and keeps imported ones', async () => {
    const { store } = setup(true);
    await vi.waitFor(() => expect(store.getState().archiveStatus.kind).toBe('shown'));
    const fetched = store.getState().areas[0];
    const imported: LoadedArea = { ...fetched, fetchedFrom: undefined, snapshot: { ...fetched.snapshot } };
    store.getState().addArea(imported);
    store.getState().setArchiveEnabled(false);
    expect(store.getState().areas).toEqual([imported]);
    expect(store.getState().archiveStatus).toEqual({ kind: 'off' });
  });

  it('refuses a base URL that is not http(s)', () => {
    const { store } = setup(false);
    expect(store.getState().setArchiveBaseUrl('javascript:alert(1)')).toBe('only http(s) URLs are allowed');
    expect(store.getState().archiveBaseUrl).toBe(BASE);
    expect(store.getState().setArchiveBaseUrl('https://mirror.test/a')).toBeNull();
    expect(store.getState().archiveBaseUrl).toBe('https://mirror.test/a/');
  });
});

describe('the neighbours of the snapshot in force', () => {
  beforeEach(() => {
    vi.stubGlobal('document', { baseURI: 'http://app.test/' });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  // Eleven daily snapshots, 2024-09-03 … 2024-09-13, each served with the same synthetic rectangles.
  const DAILY = Array.from({ length: 11 }, (_, i) => TIMES[0] + i * 86_400);
  const name = (time: number) => `${BASE}geojsons/${time}.geojson`;
  const serve =
    (missing: number[] = []) =>
    (url: string) => {
      const time = Number(/(\d+)\.geojson$/.exec(url)?.[1]);
      return DAILY.includes(time) && !missing.includes(time)
        ? new Response(fixture(TIMES[0]))
        : new Response('Not Found', { status: 404, statusText: 'Not Found' });
    };
  const loadedTimes = (areas: readonly LoadedArea[]) =>
    fetchedTimes(areas)
      .map((iso) => Date.parse(iso ?? '') / 1000)
      .sort((a, b) => a - b);

  it('are loaded once the date settles, after it, quietly: the status names the snapshot in force', async () => {
    const { store, asked } = setup(true, serve(), { times: DAILY });
    await vi.waitFor(() => expect(asked).toHaveLength(2));
    await vi.waitFor(() => expect(loadedTimes(store.getState().areas)).toEqual([DAILY[0], DAILY[1]]));
    // 3 September is the first: it has no previous one.
    expect(asked).toEqual([name(DAILY[0]), name(DAILY[1])]);
    expect(store.getState().archiveStatus).toMatchObject({ kind: 'shown', time: DAILY[0] });
    // A step to the next: already loaded, so only its own next is asked for.
    store.getState().update({ date: '2024-09-04' });
    await vi.waitFor(() => expect(asked).toHaveLength(3));
    expect(asked[2]).toBe(name(DAILY[2]));
    await vi.waitFor(() => expect(loadedTimes(store.getState().areas)).toEqual(DAILY.slice(0, 3)));
    expect(store.getState().archiveStatus).toMatchObject({ kind: 'shown', time: DAILY[1] });
  });

  it('that fail leave no notice and the areas as they were', async () => {
    const { store, asked } = setup(true, serve([DAILY[1]]), { times: DAILY });
    await vi.waitFor(() => expect(asked).toHaveLength(2));
    await new Promise((r) => setTimeout(r, 30));
    expect(loadedTimes(store.getState().areas)).toEqual([DAILY[0]]);
    expect(store.getState().archiveNotice).toBeNull();
    expect(store.getState().archiveStatus).toMatchObject({ kind: 'shown', time: DAILY[0] });
  });

  it('of a date left before they load are not loaded: the newer date cancels them', async () => {
    let aborted = false;
    // The next one's answer waits until the request is cancelled.
    const hold = (url: string, signal?: AbortSignal | null) =>
      url === name(DAILY[1])
        ? new Promise<Response>((_, reject) =>
            signal?.addEventListener('abort', () => {
              aborted = true;
              reject(new DOMException('aborted', 'AbortError'));
            }),
          )
        : serve()(url);
    const { store, asked } = setup(true, hold, { times: DAILY });
    await vi.waitFor(() => expect(asked).toHaveLength(2));
    store.getState().update({ date: '2024-09-10' });
    await vi.waitFor(() => expect(loadedTimes(store.getState().areas)).toContain(DAILY[8]));
    await vi.waitFor(() => expect(asked).toHaveLength(5));
    await new Promise((r) => setTimeout(r, 30));
    expect(aborted).toBe(true);
    expect(asked.slice(2)).toEqual([name(DAILY[7]), name(DAILY[8]), name(DAILY[6])]);
    expect(loadedTimes(store.getState().areas)).toEqual([DAILY[0], DAILY[6], DAILY[7], DAILY[8]]);
  });

  it('keep at most eight fetched snapshots: the farthest from the window go', async () => {
    const { store } = setup(true, serve(), { times: DAILY });
    for (let day = 4; day <= 13; day++) {
      store.getState().update({ date: `2024-09-${String(day).padStart(2, '0')}` });
      await vi.waitFor(() =>
        expect(store.getState().archiveStatus).toMatchObject({ kind: 'shown', time: DAILY[day - 3] }),
      );
      await new Promise((r) => setTimeout(r, 30));
      expect(store.getState().areas.length).toBeLessThanOrEqual(8);
    }
    expect(loadedTimes(store.getState().areas)).toEqual(DAILY.slice(3));
  });

  it('are not loaded when turned off', async () => {
    const { store, asked } = setup(true, serve(), { times: DAILY, neighbours: false });
    await vi.waitFor(() => expect(store.getState().archiveStatus.kind).toBe('shown'));
    await new Promise((r) => setTimeout(r, 30));
    expect(asked).toEqual([name(DAILY[0])]);
  });
});

describe('the remembered settings', () => {
  const storage = (value: string | null) => ({ getItem: () => value });

  it('are off, on the default archive, unless stored', () => {
    expect(readArchiveSettings(storage(null))).toEqual({
      enabled: false,
      baseUrl:
        'https://raw.githubusercontent.com/DanielRose2310/deepstatemaps-history/df633a1700680411949934a4345f1af263327377/',
    });
  });

  it('are read field by field; a bad field falls back to its default', () => {
    expect(readArchiveSettings(storage('{"enabled":true,"baseUrl":"https://m.test/x"}'))).toEqual({
      enabled: true,
      baseUrl: 'https://m.test/x/',
    });
    const bad = readArchiveSettings(storage('{"enabled":"yes","baseUrl":"javascript:alert(1)"}'));
    expect(bad.enabled).toBe(false);
    expect(bad.baseUrl).toMatch(/^https:\/\/raw\.githubusercontent\.com\//);
    expect(readArchiveSettings(storage('not json')).enabled).toBe(false);
  });
});
