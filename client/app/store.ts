// The page's small external stores (subscribe + get), and reading them from React. `Listeners` is
// what every store keeps and tells when it changed; `ValueStore` is a store of one value.
import { useSyncExternalStore } from 'react';

export interface Store<T> {
  subscribe(listener: () => void): () => void;
  get(): T;
}

export class Listeners {
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  notify(): void {
    for (const listener of this.listeners) listener();
  }
}

/** A value others can read and follow; setting an equal one (`same`) tells nobody. */
export class ValueStore<T> implements Store<T> {
  private readonly listeners = new Listeners();
  readonly subscribe = this.listeners.subscribe;

  constructor(
    private value: T,
    private readonly same: (a: T, b: T) => boolean = Object.is,
  ) {}

  readonly get = (): T => this.value;

  set(value: T): void {
    if (this.same(this.value, value)) return;
    this.value = value;
    this.listeners.notify();
  }
}

/** With `select`, the component re-renders only when the selected value changes (select should
 *  answer a primitive or a kept object). */
export function useStore<T>(store: Store<T>): T;
export function useStore<T, S>(store: Store<T>, select: (value: T) => S): S;
export function useStore<T, S>(store: Store<T>, select?: (value: T) => S): T | S {
  return useSyncExternalStore<T | S>(store.subscribe, select ? () => select(store.get()) : store.get);
}
