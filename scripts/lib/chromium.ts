/**
 * How the project launches Debian's chromium, shared by the e2e tests (playwright.config.ts) and the
 * benchmark (scripts/bench/browser.ts) so both measure the same browser. See ../shared/notes/stack.md:
 * Playwright must be pointed at a browser, and these flags keep chromium from calling out.
 */
export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-sandbox',
];
