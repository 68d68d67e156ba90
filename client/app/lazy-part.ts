// A part of the page in a chunk of its own (a dynamic import), fetched when first needed or ahead of
// need (`preload`, e.g. when the page is idle after the article is on screen), so the first paint
// does not parse it. `useLazyPart` renders nothing until it is in: once preloaded, it is in at once.
import { useEffect } from 'react';
import { ValueStore, useStore } from './store.js';
import { whenIdle } from './when-idle.js';

export interface LazyPart<T> {
  /** The module, once loaded. */
  readonly loaded: ValueStore<T | null>;
  /** Fetches it (once; again after a failure). */
  preload(): Promise<T>;
}

export function lazyPart<T>(load: () => Promise<T>): LazyPart<T> {
  const loaded = new ValueStore<T | null>(null);
  let loading: Promise<T> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (module) => (loaded.set(module), module),
      (error: unknown) => {
        loading = null; // a later need tries again (the server may be back)
        throw error;
      },
    ));
  return { loaded, preload };
}

/** The part's module once it is in; while `needed`, asks for it. */
export function useLazyPart<T>(part: LazyPart<T>, needed = true): T | null {
  const module = useStore(part.loaded);
  useEffect(() => {
    if (needed && !module) part.preload().catch((error: unknown) => console.error('Could not load a part of the page:', error));
  }, [part, needed, module]);
  return module;
}

/** Fetches `parts` when the page is idle once `onScreen` runs (the article is on screen), so their
 *  first use is instant; a failure is left for that use to retry. */
export function usePreloadAfterPaint(onScreen: (run: () => void) => void, ...parts: ReadonlyArray<Pick<LazyPart<unknown>, 'preload'>>): void {
  useEffect(() => onScreen(() => whenIdle(() => parts.forEach((part) => void part.preload().catch(() => {})))), [onScreen]); // the parts are module-level
}
