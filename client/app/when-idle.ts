// When the page has nothing else to do (or, where the browser cannot tell, a little later).
export function whenIdle(run: () => void): void {
  if (window.requestIdleCallback) window.requestIdleCallback(() => run());
  else window.setTimeout(run, 200);
}
