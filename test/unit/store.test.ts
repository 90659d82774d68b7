import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/state/store';
import { bindUrl } from '../../src/state/urlSync';
import { createViewSelectors } from '../../src/state/view';
import { linkNoticeText } from '../../src/ui/notices';
import { claim, dataset } from './factories';

const bundled = dataset([
  claim('ua', 'sudzha', '2024-08-15', 'ukrainian'),
  claim('ru', 'sudzha', '2024-08-20', 'russian'),
  claim('ru', 'sudzha', '2025-03-13', 'russian'),
  claim('ua', 'ulanok', '2025-02-06', 'contested'),
  claim('ru', 'ulanok', '2025-02-06', 'russian'),
]);

/** A browser's location and history, enough for the URL binding: entries, back and forward. */
function fakeBrowser(search = '') {
  const entries = [search];
  let at = 0;
  let onPop: (() => void) | undefined;
  const browser = {
    location: {
      pathname: '/',
      hash: '',
      get search() {
        return entries[at];
      },
    },
    history: {
      pushState: (_: unknown, __: string, url: string) => {
        entries.splice(at + 1);
        entries.push(new URL(url, 'http://x').search);
        at += 1;
      },
      replaceState: (_: unknown, __: string, url: string) => {
        entries[at] = new URL(url, 'http://x').search;
      },
    },
    addEventListener: (_: string, listener: () => void) => {
      onPop = listener;
    },
    removeEventListener: () => {
      onPop = undefined;
    },
    back: () => {
      at -= 1;
      onPop?.();
    },
    forward: () => {
      at += 1;
      onPop?.();
    },
    entries,
  };
  return browser;
}

const open = (search: string, clock = { t: 0 }) => {
  const browser = fakeBrowser(search);
  const store = createAppStore({ bundled, search });
  bindUrl(store, browser as unknown as Window, () => clock.t);
  return { store, browser, clock };
};

describe('the store and its link', () => {
  it('restores Only disagreements, a Changes range and compare mode from a link copied after setting them', () => {
    const first = open('?date=2025-02-06');
    first.store.getState().update({ onlyDisagreements: true, changeRange: { from: '2024-08-15', to: '2025-02-06' } });
    first.store.getState().setCompare(true);
    first.store.getState().update({ date2: '2025-03-13', sources2: new Set(['ru']) });
    const copied = first.browser.location.search;

    const second = open(copied).store.getState();
    expect(second.notices).toEqual([]);
    expect(second.onlyDisagreements).toBe(true);
    expect(second.changeRange).toEqual({ from: '2024-08-15', to: '2025-02-06' });
    expect(second.compare).toBe(true);
    expect(second.date2).toBe('2025-03-13');
    expect([...second.sources2]).toEqual(['ru']);
  });

  it('starts with the legend folded on a small screen, unless the link says otherwise', () => {
    expect(createAppStore({ bundled }).getState().legendOpen).toBe(true);
    expect(createAppStore({ bundled, smallScreen: true }).getState().legendOpen).toBe(false);
    expect(createAppStore({ bundled, smallScreen: true, search: '?legend=1' }).getState().legendOpen).toBe(true);
    expect(createAppStore({ bundled, search: '?legend=0' }).getState().legendOpen).toBe(false);
  });

  it('keeps the legend key open in an embedded map, small as its frame is, unless the link folds it', () => {
    expect(createAppStore({ bundled, smallScreen: true, search: '?embed=1' }).getState().legendOpen).toBe(true);
    expect(createAppStore({ bundled, smallScreen: true, search: '?embed=1&legend=0' }).getState().legendOpen).toBe(
      false,
    );
  });

  it('keeps the basemap choice out of the link', () => {
    const { store, browser } = open('');
    store.setState({ basemap: { kind: 'url', url: 'https://tiles.example.org/style.json' } });
    expect(browser.location.search).not.toContain('example');
  });

  it('steps back and forward through settings, and a burst of date moves is one entry', () => {
    const { store, browser, clock } = open('?date=2025-02-06');
    store.getState().update({ onlyDisagreements: true });
    for (const date of ['2025-02-07', '2025-02-08', '2025-02-09']) {
      clock.t += 100;
      store.getState().update({ date });
    }
    expect(browser.entries).toHaveLength(3);
    browser.back();
    expect(store.getState().date).toBe('2025-02-06');
    expect(store.getState().onlyDisagreements).toBe(true);
    browser.back();
    expect(store.getState().onlyDisagreements).toBe(false);
    browser.forward();
    browser.forward();
    expect(store.getState().date).toBe('2025-02-09');
    // Restoring from the link does not write a new entry.
    expect(browser.entries).toHaveLength(3);
  });

  it('reports a bad parameter on back/forward with the same notice as a fresh link', () => {
    const { store, browser } = open('?date=2025-02-06');
    browser.history.pushState(null, '', '/?date=2025-02-06&only=maybe');
    browser.forward = browser.forward.bind(browser);
    browser.back();
    browser.forward();
    expect(store.getState().notices.map(linkNoticeText)).toEqual([
      'Ignored the link\'s only "maybe": expected 1 or 0.',
    ]);
  });
});

describe('the view', () => {
  it('is computed once per (date, sources) and shared: the same object until they change', () => {
    const store = createAppStore({ bundled, search: '?date=2025-02-06' });
    const views = createViewSelectors();
    const a = views.claims(store.getState());
    store.getState().selectPlace('sudzha');
    expect(views.claims(store.getState())).toBe(a);
    expect(a.agreement.get('ulanok')).toBe('disputed');
    store.getState().update({ sources: new Set(['ru']) });
    const b = views.claims(store.getState());
    expect(b).not.toBe(a);
    expect(b.agreement.get('ulanok')).toBe('agree-russian');
  });

  it('follows the slider for Changes until a range is chosen, and rings only when highlighting is on', () => {
    const store = createAppStore({ bundled, search: '?date=2025-02-06' });
    const views = createViewSelectors();
    const following = views.changes(store.getState());
    expect(following.following).toBe(true);
    expect(following.range).toEqual({ from: '2024-08-20', to: '2025-02-06' });
    expect([...(following.ringed ?? [])]).toEqual(['ulanok']);
    store.getState().update({ changeRange: { from: '2024-08-15', to: '2025-03-13' }, highlightChanges: false });
    const chosen = views.changes(store.getState());
    expect(chosen.following).toBe(false);
    expect(chosen.changes.map((c) => c.placeId)).toEqual(['sudzha', 'ulanok']);
    expect(chosen.ringed).toBeUndefined();
  });
});
