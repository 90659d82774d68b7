/** Cold start of the real app: navigation to the map's first `idle`, and the JS loaded before it. */
import { gzipSync } from 'node:zlib';
import type { Browser, Response } from '@playwright/test';
import { type Summary, summarize } from '../../bench/stats';
import { freshPage, withTimeout } from './browser';

declare global {
  interface Window {
    /** performance.now() at the app map's first `idle`; set by the init script below. */
    __benchFirstIdle?: number;
  }
}

interface ScriptFile {
  path: string;
  bytes: number;
  gzipBytes: number;
}

export interface ColdStartResult {
  runs: number;
  firstIdle: Summary;
  samples: number[];
  /** Every script response (module, chunk, worker) seen before the first `idle`, on the first run. */
  scripts: ScriptFile[];
  jsBytes: number;
  jsGzipBytes: number;
  /** The part not loaded by a worker (by file name: MapLibre's worker, the area import worker). */
  mainThreadGzipBytes: number;
}

/**
 * The e2e build assigns the map to window.__frontlineMap right after creating it, before it can be idle;
 * this setter records the first `idle`. A string, so tsx's helpers (`__name`) never reach the page.
 */
const FIRST_IDLE_HOOK = `{
  let map;
  Object.defineProperty(window, '__frontlineMap', {
    configurable: true,
    get() { return map; },
    set(value) {
      map = value;
      if (value) value.once('idle', function () { window.__benchFirstIdle = performance.now(); });
    },
  });
}`;

/** One cold load in a fresh context (empty cache). */
async function coldLoad(browser: Browser, url: string): Promise<{ idleMs: number; scripts: ScriptFile[] }> {
  const { context, page, crashed } = await freshPage(browser);
  try {
    await context.addInitScript({ content: FIRST_IDLE_HOOK });
    const responses: Response[] = [];
    let collecting = true;
    context.on('response', (response) => {
      if (collecting && response.request().resourceType() === 'script') responses.push(response);
    });
    await withTimeout(page.goto(url), 60_000, 'open the app');
    const firstIdle = page
      .waitForFunction(() => window.__benchFirstIdle, null, { polling: 50, timeout: 0 })
      .then((handle) => handle.jsonValue());
    const idleMs = await withTimeout(Promise.race([firstIdle, crashed]), 120_000, 'app first idle');
    collecting = false;
    const scripts: ScriptFile[] = [];
    for (const response of responses) {
      const body = await response.body().catch(() => undefined);
      if (!body) continue;
      scripts.push({ path: new URL(response.url()).pathname, bytes: body.length, gzipBytes: gzipSync(body).length });
    }
    return { idleMs: idleMs ?? Number.NaN, scripts };
  } finally {
    await context.close().catch(() => {});
  }
}

export async function runColdStart(browser: Browser, url: string, runs: number): Promise<ColdStartResult> {
  const samples: number[] = [];
  let scripts: ScriptFile[] = [];
  for (let i = 0; i < runs; i++) {
    const load = await coldLoad(browser, url);
    samples.push(load.idleMs);
    if (i === 0) scripts = load.scripts;
  }
  return {
    runs,
    firstIdle: summarize(samples),
    samples,
    scripts,
    jsBytes: scripts.reduce((s, f) => s + f.bytes, 0),
    jsGzipBytes: scripts.reduce((s, f) => s + f.gzipBytes, 0),
    mainThreadGzipBytes: scripts.filter((f) => !/worker/i.test(f.path)).reduce((s, f) => s + f.gzipBytes, 0),
  };
}
