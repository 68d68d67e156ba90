// A value others can read and follow (subscribe + get), for the small states of the page.
export class ValueStore<T> {
  private readonly listeners = new Set<() => void>();

  constructor(
    private value: T,
    private readonly same: (a: T, b: T) => boolean = Object.is,
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly get = (): T => this.value;

  set(value: T): void {
    if (this.same(this.value, value)) return;
    this.value = value;
    for (const listener of this.listeners) listener();
  }
}
