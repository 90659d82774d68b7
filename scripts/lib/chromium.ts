/**
 * How the project launches Debian's chromium, shared by the e2e tests (playwright.config.ts) and the
 * benchmark (scripts/bench/browser.ts) so both measure the same browser. See ../shared/notes/stack.md:
 * Playwright must be pointed at a browser, and these flags keep chromium from calling out.
 */
export const DEFAULT_CHROME_PATH = '/usr/bin/chromium';
export const CHROME_PATH = process.env.CHROME_PATH ?? DEFAULT_CHROME_PATH;

export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-sandbox',
];

/** What `npm test` finds before it starts (scripts/ensure-chromium.ts). */
export interface ChromiumHost {
  /** The browser at `chromePath` exists and is executable. */
  exists: boolean;
  chromePath: string;
  /** CHROME_PATH names a browser of the user's own rather than Debian's package. */
  customPath: boolean;
  isRoot: boolean;
  /** `sudo -n true` succeeds: sudo without a password. */
  hasSudo: boolean;
  /** `apt-get` is on the PATH. */
  hasApt: boolean;
}

export type ChromiumAction =
  | { kind: 'ready' }
  /** Run each command in turn (argv form, no shell), then check the browser again. */
  | { kind: 'install'; commands: string[][] }
  /** Stop before any test runs; `message` ends with the one command that fixes it. */
  | { kind: 'stop'; message: string };

const APT_UPDATE = ['apt-get', 'update', '-qq'];
const APT_INSTALL = ['apt-get', 'install', '-y', '-qq', 'chromium'];

/** The command a user types to install the browser, for the `stop` message. */
export function installCommand(isRoot: boolean): string {
  const sudo = isRoot ? '' : 'sudo ';
  return `${sudo}apt-get update && ${sudo}apt-get install -y chromium`;
}

/**
 * Decide, without side effects, how to get the e2e browser: nothing to do, install Debian's chromium the
 * way CI does (as root, or with passwordless sudo), or stop at once with the command to run.
 */
export function chromiumAction(host: ChromiumHost): ChromiumAction {
  if (host.exists) return { kind: 'ready' };
  if (host.customPath) {
    return {
      kind: 'stop',
      message: `CHROME_PATH is ${host.chromePath}, which is not an executable file. Point it at a Chromium binary, or unset it and run:\n  ${installCommand(host.isRoot)}`,
    };
  }
  if (!host.hasApt) {
    return {
      kind: 'stop',
      message: `The end-to-end tests need Chromium at ${host.chromePath} and this machine has no apt-get. Install Chromium, then run:\n  CHROME_PATH=/path/to/chromium npm test`,
    };
  }
  if (host.isRoot) return { kind: 'install', commands: [APT_UPDATE, APT_INSTALL] };
  if (host.hasSudo) return { kind: 'install', commands: [APT_UPDATE, APT_INSTALL].map((c) => ['sudo', '-n', ...c]) };
  return {
    kind: 'stop',
    message: `The end-to-end tests need Debian's Chromium at ${host.chromePath}, which is missing. Install it with:\n  ${installCommand(false)}`,
  };
}
