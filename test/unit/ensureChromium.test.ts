/**
 * What `npm test` does first when the e2e browser is missing (scripts/ensure-chromium.ts): the decision
 * alone, as a pure function of what the machine has, so no test ever runs apt-get.
 */
import { describe, expect, it } from 'vitest';
import { type ChromiumHost, chromiumAction, DEFAULT_CHROME_PATH, installCommand } from '../../scripts/lib/chromium';

const missing: ChromiumHost = {
  exists: false,
  chromePath: DEFAULT_CHROME_PATH,
  customPath: false,
  isRoot: false,
  hasSudo: false,
  hasApt: true,
};

describe('chromiumAction', () => {
  it('does nothing when the browser is there, whoever runs it', () => {
    for (const isRoot of [false, true])
      for (const hasSudo of [false, true])
        for (const customPath of [false, true]) {
          expect(chromiumAction({ ...missing, exists: true, isRoot, hasSudo, customPath })).toEqual({ kind: 'ready' });
        }
  });

  it('installs with apt-get as root, as CI does', () => {
    expect(chromiumAction({ ...missing, isRoot: true })).toEqual({
      kind: 'install',
      commands: [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', '-qq', 'chromium'],
      ],
    });
  });

  it('installs through sudo -n when sudo needs no password', () => {
    expect(chromiumAction({ ...missing, hasSudo: true })).toEqual({
      kind: 'install',
      commands: [
        ['sudo', '-n', 'apt-get', 'update', '-qq'],
        ['sudo', '-n', 'apt-get', 'install', '-y', '-qq', 'chromium'],
      ],
    });
  });

  it('stops with the one install command otherwise', () => {
    const action = chromiumAction(missing);
    expect(action.kind).toBe('stop');
    if (action.kind !== 'stop') return;
    expect(action.message).toContain(DEFAULT_CHROME_PATH);
    expect(action.message.trimEnd().endsWith('\n  sudo apt-get update && sudo apt-get install -y chromium')).toBe(true);
  });

  it('never installs over a CHROME_PATH of the user’s own that is missing', () => {
    for (const isRoot of [false, true])
      for (const hasSudo of [false, true]) {
        const action = chromiumAction({
          ...missing,
          chromePath: '/opt/chrome/chrome',
          customPath: true,
          isRoot,
          hasSudo,
        });
        expect(action.kind).toBe('stop');
        if (action.kind !== 'stop') continue;
        expect(action.message).toContain('CHROME_PATH is /opt/chrome/chrome');
        expect(action.message.trimEnd().endsWith(installCommand(isRoot))).toBe(true);
      }
  });

  it('prints sudo only for a user who is not root', () => {
    expect(installCommand(true)).toBe('apt-get update && apt-get install -y chromium');
    expect(installCommand(false)).toBe('sudo apt-get update && sudo apt-get install -y chromium');
  });

  it('stops without apt-get, asking for CHROME_PATH', () => {
    for (const isRoot of [false, true]) {
      const action = chromiumAction({ ...missing, hasApt: false, isRoot, hasSudo: true });
      expect(action.kind).toBe('stop');
      if (action.kind === 'stop') expect(action.message).toContain('CHROME_PATH=/path/to/chromium npm test');
    }
  });
});
