/**
 * Cold start: the real app and an empty MapLibre page (bench/empty.html, the floor), loaded alternately in
 * fresh contexts in the same run. Per load: navigation → the shell (header, date slider, source rows in the
 * DOM), → the map's first `idle`, and when MapLibre's chunk and its worker started to load; and the JS loaded
 * before that idle.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Response } from '@playwright/test';
import { type Summary, summarize } from '../../bench/stats';
import { freshPage, withTimeout } from './browser';

declare global {
  interface Window {
    /** performance.now() at the map's first `idle` and when the shell was first in the DOM; set by the init script below. */
    __benchFirstIdle?: number;
    __benchShell?: number;
  }
}

interface ScriptFile {
  path: string;
  bytes: number;
  gzipBytes: number;
}

/** One page's loads. Times are ms since navigation start; NaN when the page has no such moment. */
export interface ColdLoads {
  runs: number;
  firstIdle: Summary;
  samples: number[];
  /** The app's shell in the DOM (SHELL_SELECTORS); NaN on the empty page. */
  shell: Summary;
  /** The request for MapLibre's chunk (main thread) and for its worker began (resource timing `startTime`). */
  mapChunkStart: Summary;
  workerStart: Summary;
}

export interface ColdStartResult extends ColdLoads {
  /** The empty MapLibre page, loaded alternately with the app in the same run. */
  emptyMap?: ColdLoads;
  /** Every script response (module, chunk, worker) seen before the first `idle`, on the first run. */
  scripts: ScriptFile[];
  jsBytes: number;
  jsGzipBytes: number;
  /** The part not loaded by a worker (by file name: MapLibre's worker, the area import worker). */
  mainThreadGzipBytes: number;
  /** The app's own: neither MapLibre's chunk nor a worker (the first-view budget). */
  appOwnGzipBytes: number;
}

/** The shell a user can read and use before the map: the header, the date slider and the source rows. */
const SHELL_SELECTORS = ['header.app-header', 'input#date-range', '.source-list li'];

/**
 * The e2e build assigns the map to window.__frontlineMap right after creating it, before it can be idle;
 * this setter records the first `idle`. A MutationObserver notes when the shell is first in the DOM.
 * A string, so tsx's helpers (`__name`) never reach the page.
 */
const COLD_HOOKS = `{
  let map;
  Object.defineProperty(window, '__frontlineMap', {
    configurable: true,
    get() { return map; },
    set(value) {
      map = value;
      if (value) value.once('idle', function () { window.__benchFirstIdle = performance.now(); });
    },
  });
  const shell = ${JSON.stringify(SHELL_SELECTORS)};
  const observer = new MutationObserver(function () {
    if (shell.every(function (s) { return document.querySelector(s); })) {
      window.__benchShell = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}`;

const isMapChunk = (path: string) => /\/maplibre-gl-[^/]*\.js$/.test(path);
const isWorker = (path: string) => /worker/i.test(path);
/** MapLibre's worker script itself (the bench build also has a small `maplibre-gl-worker-*.js` chunk: its URL). */
const isMapWorker = (path: string) => /\/maplibre-gl-worker-[^/]*\.mjs$/.test(path);

interface Load {
  idleMs: number;
  shellMs: number;
  mapChunkStart: number;
  workerStart: number;
  scripts: ScriptFile[];
}

/** One cold load in a fresh context (empty cache). */
async function coldLoad(browser: Browser, url: string): Promise<Load> {
  const { context, page, crashed } = await freshPage(browser);
  try {
    await context.addInitScript({ content: COLD_HOOKS });
    const responses: Response[] = [];
    let collecting = true;
    context.on('response', (response) => {
      if (collecting && response.request().resourceType() === 'script') responses.push(response);
    });
    await withTimeout(page.goto(url), 60_000, 'open the page');
    const firstIdle = page
      .waitForFunction(() => window.__benchFirstIdle, null, { polling: 50, timeout: 0 })
      .then((handle) => handle.jsonValue());
    const idleMs = await withTimeout(Promise.race([firstIdle, crashed]), 120_000, 'first idle');
    collecting = false;
    const { shellMs, starts } = await page.evaluate(() => ({
      shellMs: window.__benchShell ?? Number.NaN,
      starts: performance.getEntriesByType('resource').map((e) => [new URL(e.name).pathname, e.startTime] as const),
    }));
    const startOf = (test: (path: string) => boolean) => starts.find(([path]) => test(path))?.[1] ?? Number.NaN;
    const scripts: ScriptFile[] = [];
    for (const response of responses) {
      const body = await response.body().catch(() => undefined);
      if (!body) continue;
      scripts.push({ path: new URL(response.url()).pathname, bytes: body.length, gzipBytes: gzipSync(body).length });
    }
    const workerStart = startOf(isMapWorker);
    return { idleMs: idleMs ?? Number.NaN, shellMs, mapChunkStart: startOf(isMapChunk), workerStart, scripts };
  } finally {
    await context.close().catch(() => {});
  }
}

function summaryOf(loads: Load[]): ColdLoads {
  return {
    runs: loads.length,
    firstIdle: summarize(loads.map((l) => l.idleMs)),
    samples: loads.map((l) => l.idleMs),
    shell: summarize(loads.map((l) => l.shellMs)),
    mapChunkStart: summarize(loads.map((l) => l.mapChunkStart)),
    workerStart: summarize(loads.map((l) => l.workerStart)),
  };
}

const gzipOf = (files: ScriptFile[]) => files.reduce((s, f) => s + f.gzipBytes, 0);

/** `runs` loads of the app, each followed by one of the empty MapLibre page when `emptyUrl` is given. */
export async function runColdStart(
  browser: Browser,
  url: string,
  runs: number,
  emptyUrl?: string,
): Promise<ColdStartResult> {
  const app: Load[] = [];
  const empty: Load[] = [];
  for (let i = 0; i < runs; i++) {
    app.push(await coldLoad(browser, url));
    if (emptyUrl) empty.push(await coldLoad(browser, emptyUrl));
  }
  const scripts = app[0]?.scripts ?? [];
  return {
    ...summaryOf(app),
    ...(emptyUrl ? { emptyMap: summaryOf(empty) } : {}),
    scripts,
    jsBytes: scripts.reduce((s, f) => s + f.bytes, 0),
    jsGzipBytes: gzipOf(scripts),
    mainThreadGzipBytes: gzipOf(scripts.filter((f) => !isWorker(f.path))),
    appOwnGzipBytes: gzipOf(scripts.filter((f) => !isWorker(f.path) && !isMapChunk(f.path))),
  };
}
