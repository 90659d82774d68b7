/**
 * How components reach the store: `useApp(selector)` re-renders a component only when what its selector
 * returns changes; `useViews()` gives the shared, memoised views of the state (src/state/view.ts).
 * Below an `OnScreen` that is not visible (a tab that is not open) components keep what they last read and
 * stop following the store: a slider move, or a whole drag, costs them nothing; opening their tab brings
 * them up to date at once.
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
  const last = useRef<{ value: T } | null>(null);
  const held = last.current;
  // Off screen, the selector answers what it answered last, so no store change re-renders the component;
  // becoming visible changes the context, which re-renders it with the live selector.
  const value = useStore(useAppContext().store, onScreen || !held ? selector : () => held.value);
  last.current = { value };
  return value;
}

export function useViews(): ViewSelectors {
  return useAppContext().views;
}

/** The store itself, for event handlers that act on it (`getState().update(...)`) without subscribing. */
export function useAppStore(): AppStore {
  return useAppContext().store;
}
