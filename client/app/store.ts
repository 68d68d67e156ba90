// Reads one of the small external stores (subscribe + get) from React; with `select`, the component
// re-renders only when the selected value changes (select should answer a primitive or a kept object).
import { useSyncExternalStore } from 'react';

export interface Store<T> {
  subscribe(listener: () => void): () => void;
  get(): T;
}

export function useStore<T>(store: Store<T>): T;
export function useStore<T, S>(store: Store<T>, select: (value: T) => S): S;
export function useStore<T, S>(store: Store<T>, select?: (value: T) => S): T | S {
  return useSyncExternalStore<T | S>(store.subscribe, select ? () => select(store.get()) : store.get);
}
