// Reads one of the small external stores (subscribe + get) from React.
import { useSyncExternalStore } from 'react';

export interface Store<T> {
  subscribe(listener: () => void): () => void;
  get(): T;
}

export function useStore<T>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.get);
}
