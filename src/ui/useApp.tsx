/**
 * How components reach the store: `useApp(selector)` re-renders a component only when what its selector
 * returns changes; `useViews()` gives the shared, memoised views of the state (src/state/view.ts).
 */
import { createContext, type ReactNode, useContext, useMemo } from 'react';
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

export function useApp<T>(selector: (state: Store) => T): T {
  return useStore(useAppContext().store, selector);
}

export function useViews(): ViewSelectors {
  return useAppContext().views;
}

/** The store itself, for event handlers that act on it (`getState().update(...)`) without subscribing. */
export function useAppStore(): AppStore {
  return useAppContext().store;
}
