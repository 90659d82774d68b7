/**
 * How components reach the store: `useApp(selector)` re-renders a component only when what its selector
 * returns changes; `useViews()` gives the shared, memoised views of the state (src/state/view.ts).
 * Below an `OnScreen` that is not visible (a tab that is not open) components keep what they last read and
 * follow the store only once it has settled (`settled`, src/state/store.ts): a slider move costs them
 * nothing, and they are up to date a moment after it, or at once when shown.
 */
import { createContext, type ReactNode, useContext, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import type { AppStore, Store } from '../state/store';
import { createViewSelectors, type ViewSelectors } from '../state/view';

interface AppContextValue {
  store: AppStore;
  views: ViewSelectors;
}

const AppContext = createContext<AppContextValue | null>(null);

export function AppProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  const value = useMemo(() => ({ store, views: createViewSelectors() }), [store]);
  return <AppContext.Provider value={value}>{children}</AppContext.Provider>;
}

function useAppContext(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp needs an <AppProvider> above it');
  return value;
}

/** Whether the components below are on screen (SideTabs: the open tab's panels). */
const OnScreenContext = createContext(true);

export function OnScreen({ visible, children }: { visible: boolean; children: ReactNode }) {
  return <OnScreenContext.Provider value={visible}>{children}</OnScreenContext.Provider>;
}

export function useApp<T>(selector: (state: Store) => T): T {
  const onScreen = useContext(OnScreenContext);
  const { store } = useAppContext();
  const last = useRef<{ value: T; settled: number } | null>(null);
  const held = last.current;
  // Off screen, the selector answers what it answered last until the store settles, so no move re-renders
  // the component; becoming visible changes the context, which re-renders it with the live selector.
  const value = useStore(store, (s) => (onScreen || !held || s.settled !== held.settled ? selector(s) : held.value));
  last.current = { value, settled: store.getState().settled };
  return value;
}

export function useViews(): ViewSelectors {
  return useAppContext().views;
}

/** The store itself, for event handlers that act on it (`getState().update(...)`) without subscribing. */
export function useAppStore(): AppStore {
  return useAppContext().store;
}
