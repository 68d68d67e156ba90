// When the page has nothing else to do (or, where the browser cannot tell, a little later); with
// `withinMs`, at the latest then, however busy the page.
export function whenIdle(run: () => void, withinMs?: number): void {
  if (window.requestIdleCallback) window.requestIdleCallback(() => run(), withinMs === undefined ? undefined : { timeout: withinMs });
  else window.setTimeout(run, 200);
}

/** Resolves when the page is idle, or after `withinMs` at the latest. */
export const idle = (withinMs?: number): Promise<void> => new Promise((resolve) => whenIdle(resolve, withinMs));
