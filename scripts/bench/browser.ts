/** Headless Debian chromium, launched the way the project's e2e tests launch it. */
import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test';

import { CHROME_PATH, CHROMIUM_ARGS } from '../lib/chromium';

const VIEWPORT = { width: 1400, height: 900 };

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROME_PATH,
    timeout: 60_000,
    // The runner closes the browser itself on Ctrl-C / SIGTERM, after its own clean-up has started;
    // Playwright still kills the browser if the process exits any other way.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: CHROMIUM_ARGS,
  });
}

/** Rejects with `label` when `promise` takes longer than `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label}: timed out after ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface FreshPage {
  context: BrowserContext;
  page: Page;
  /** Rejects on the page's first uncaught error: race it against waits so they fail fast, with the reason. */
  crashed: Promise<never>;
}

/** A fresh context (empty cache) and page. */
export async function freshPage(browser: Browser): Promise<FreshPage> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const crashed = new Promise<never>((_, reject) => {
    page.on('pageerror', (err) => reject(new Error(`the page threw: ${err.message}`)));
    page.on('crash', () => reject(new Error('the page crashed')));
  });
  crashed.catch(() => {}); // observed by whoever races it; never an unhandled rejection
  page.on('console', (msg) => {
    if (msg.type() === 'error') console.warn(`  [page console] ${msg.text()}`);
  });
  return { context, page, crashed };
}

/** Main-thread JS heap after a full GC, via CDP (precise, unlike the bucketed performance.memory). */
export async function heapAfterGc(page: Page): Promise<{ usedBytes: number; totalBytes: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize, totalSize } = await cdp.send('Runtime.getHeapUsage');
    return { usedBytes: usedSize, totalBytes: totalSize };
  } finally {
    await cdp.detach();
  }
}
