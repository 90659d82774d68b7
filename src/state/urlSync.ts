/**
 * Keeps the URL and the store in step. Every change to a field the link carries (./url.ts,
 * `URL_FIELDS`) rewrites the query: discrete changes (a place, a source toggle, a setting) push a
 * history entry so back/forward step through them; a burst of date changes (a drag or playback) pushes
 * one entry, which it keeps updating while it lasts; map moves replace the current entry. Back/forward restore the state from the
 * link, with the same per-parameter notices as a link opened fresh.
 */
import type { AppState } from './appState';
import type { AppStore } from './store';
import { historyModeFor, parseUrlState, serializeUrlState } from './url';

/** Date changes closer together than this collapse into one history entry. */
const COALESCE_MS = 800;

type Browser = Pick<Window, 'location' | 'history' | 'addEventListener' | 'removeEventListener'>;

export function bindUrl(store: AppStore, browser: Browser = window, now = () => performance.now()): () => void {
  /** When the current entry was pushed by a date change; a burst of them shares that entry. */
  let datePushedAt = Number.NEGATIVE_INFINITY;
  let restoring = false;
  const write = (state: AppState, previous: AppState) => {
    if (restoring) return;
    const ctx = store.getState().ctx;
    const changed = historyModeFor(previous, state, ctx);
    if (changed === null) return;
    // A framed app's history entries are the host page's: Back must leave that page, not step the slider.
    const mode = state.embed ? 'replace' : changed;
    const search = serializeUrlState(state, ctx);
    if (search === browser.location.search) return;
    const url = `${browser.location.pathname}${search}${browser.location.hash}`;
    const time = now();
    if (mode === 'push' || (mode === 'coalesce' && time - datePushedAt > COALESCE_MS)) {
      browser.history.pushState(null, '', url);
      datePushedAt = mode === 'coalesce' ? time : Number.NEGATIVE_INFINITY;
    } else if (mode === 'coalesce') {
      browser.history.replaceState(null, '', url);
      datePushedAt = time;
    } else browser.history.replaceState(null, '', url);
  };
  const unsubscribe = store.subscribe(write);
  // The link as the store read it at start (defaults filled in, bad values dropped) replaces the typed one.
  const initial = store.getState();
  const search = serializeUrlState(initial, initial.ctx);
  if (search !== browser.location.search)
    browser.history.replaceState(null, '', `${browser.location.pathname}${search}${browser.location.hash}`);

  const onPop = () => {
    const parsed = parseUrlState(browser.location.search, store.getState().ctx);
    restoring = true;
    try {
      store.setState({ ...parsed.state, ...(parsed.notices.length ? { notices: parsed.notices } : {}) });
    } finally {
      restoring = false;
    }
  };
  browser.addEventListener('popstate', onPop);
  return () => {
    unsubscribe();
    browser.removeEventListener('popstate', onPop);
  };
}
