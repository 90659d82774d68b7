/**
 * Holds the app state and mirrors it in the URL. Discrete changes (a place,
 * a source toggle) push a history entry so back/forward step through them;
 * map moves and rapid date changes replace the current entry instead.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppState, StateContext } from './appState';
import { parseUrlState, serializeUrlState } from './url';

/** `coalesce` pushes unless the previous push was moments ago (a slider being dragged or played). */
export type HistoryMode = 'push' | 'coalesce' | 'replace';

/** Date changes closer together than this collapse into one history entry. */
const COALESCE_MS = 800;

export function useUrlState(ctx: StateContext) {
  const [initial] = useState(() => parseUrlState(window.location.search, ctx));
  const [state, setState] = useState<AppState>(initial.state);
  const [notices, setNotices] = useState<string[]>(initial.notices);
  const nextMode = useRef<HistoryMode | 'none'>('replace');
  const lastPush = useRef(0);

  const update = useCallback((patch: Partial<AppState>, mode: HistoryMode = 'push') => {
    nextMode.current = mode;
    setState((s) => ({ ...s, ...patch }));
  }, []);

  useEffect(() => {
    const mode = nextMode.current;
    nextMode.current = 'replace';
    if (mode === 'none') return;
    const search = serializeUrlState(state, ctx);
    if (search === window.location.search) return;
    const now = performance.now();
    const url = `${window.location.pathname}${search}${window.location.hash}`;
    if (mode === 'push' || (mode === 'coalesce' && now - lastPush.current > COALESCE_MS)) {
      window.history.pushState(null, '', url);
      lastPush.current = now;
    } else window.history.replaceState(null, '', url);
  }, [state, ctx]);

  useEffect(() => {
    const onPop = () => {
      const parsed = parseUrlState(window.location.search, ctx);
      nextMode.current = 'none';
      setState(parsed.state);
      if (parsed.notices.length) setNotices(parsed.notices);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [ctx]);

  const dismissNotices = useCallback(() => setNotices([]), []);
  return { state, update, notices, dismissNotices };
}
