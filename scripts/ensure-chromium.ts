/**
 * The first step of `npm test`: make sure the end-to-end tests' browser is there before anything else runs.
 * Missing Debian chromium is installed with apt-get when that needs no password (root, or passwordless
 * sudo), as CI does (.ci/run); otherwise this stops at once and prints the command that installs it.
 * The decision is `chromiumAction` (scripts/lib/chromium.ts), unit-tested in test/unit/ensureChromium.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { CHROME_PATH, type ChromiumHost, chromiumAction, DEFAULT_CHROME_PATH } from './lib/chromium.ts';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** True when `argv` runs and exits 0, quietly. */
function succeeds(argv: string[]): boolean {
  return spawnSync(argv[0], argv.slice(1), { stdio: 'ignore' }).status === 0;
}

function host(): ChromiumHost {
  const exists = executable(CHROME_PATH);
  const isRoot = process.getuid?.() === 0;
  return {
    exists,
    chromePath: CHROME_PATH,
    customPath: CHROME_PATH !== DEFAULT_CHROME_PATH,
    isRoot,
    // Only probed when needed: `sudo -n` may log a failed attempt.
    hasSudo: !exists && !isRoot && succeeds(['sudo', '-n', 'true']),
    hasApt: !exists && succeeds(['sh', '-c', 'command -v apt-get']),
  };
}

const action = chromiumAction(host());
if (action.kind === 'stop') {
  console.error(`npm test: ${action.message}`);
  process.exit(1);
}
if (action.kind === 'install') {
  console.log(`Installing Debian chromium for the end-to-end tests (${CHROME_PATH} is missing)...`);
  for (const argv of action.commands) {
    console.log(`$ ${argv.join(' ')}`);
    const run = spawnSync(argv[0], argv.slice(1), {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (run.status !== 0) {
      console.error(`npm test: \`${argv.join(' ')}\` failed (exit ${run.status ?? run.signal}).`);
      process.exit(1);
    }
  }
  if (!executable(CHROME_PATH)) {
    console.error(`npm test: chromium was installed but ${CHROME_PATH} is still missing.`);
    process.exit(1);
  }
}
