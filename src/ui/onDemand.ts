/**
 * A module loaded with import() the first time something needs it, then shared: every component that
 * asks for it re-renders once it has arrived. A failed load is forgotten, so the next request tries again.
 */
import { useEffect, useSyncExternalStore } from 'react';

export interface OnDemand<T> {
  load(): Promise<T>;
  /** The module, once loaded. */
  current(): T | undefined;
  subscribe(listener: () => void): () => void;
}

export function onDemand<T>(importer: () => Promise<T>): OnDemand<T> {
  let value: T | undefined;
  let pending: Promise<T> | undefined;
  const listeners = new Set<() => void>();
  return {
    load() {
      pending ??= importer().then(
        (loaded) => {
          value = loaded;
          for (const listener of listeners) listener();
          return loaded;
        },
        (err: unknown) => {
          pending = undefined;
          throw err;
        },
      );
      return pending;
    },
    current: () => value,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The module when `needed` and loaded, else undefined; starts loading it when `needed` becomes true. */
export function useOnDemand<T>(module: OnDemand<T>, needed: boolean, onError: (err: unknown) => void): T | undefined {
  const value = useSyncExternalStore(module.subscribe, module.current);
  useEffect(() => {
    if (needed && module.current() === undefined) module.load().catch(onError);
  }, [module, needed, onError]);
  return needed ? value : undefined;
}
