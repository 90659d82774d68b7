/**
 * How components reach the store: `useApp(selector)` re-renders a component only when what its selector
 * returns changes; `useViews()` gives the shared, memoised views of the state (src/state/view.ts).
 * Below an `OnScreen` that is not visible (a tab that is not open) components keep what they last read and
 * stop following the store: a slider move, or a whole drag, costs them nothing; opening their tab brings
 * them up to date at once.
 */
import { createContext, type ReactNode, useContext, useMemo, useRef, useSyncExternalStore } from 'react';
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

/** What a component off screen subscribes with: nothing, so no store change reaches it. */
const noSubscription = () => () => {};

export function useApp<T>(selector: (state: Store) => T): T {
  const onScreen = useContext(OnScreenContext);
  const { store } = useAppContext();
  const last = useRef<{ value: T } | null>(null);
  // Off screen the component does not subscribe at all, and reads what it read last (or, mounted off screen,
  // the state once): a store change neither runs its selector nor schedules a render. Swapping only the
  // selector was not enough: React keeps calling the snapshot function of the component's last commit, and a
  // render that bails out commits nothing, so a panel mounted in a closed tab ran its live selector (and its
  // render) on every slider move. Becoming visible changes the context: the component renders, subscribes
  // and reads live again.
  const subscribe = onScreen ? store.subscribe : noSubscription;
  const read = onScreen
    ? () => selector(store.getState())
    : () => {
        last.current ??= { value: selector(store.getState()) };
        return last.current.value;
      };
  const value = useSyncExternalStore(subscribe, read);
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
