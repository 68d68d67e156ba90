// Rows far from the screen are not laid out (content-visibility), so the browser would fetch the
// font files their characters need only once they scroll into view — perhaps after the connection
// has gone. Once the article is in, this asks, when the page is idle, for every face its text needs
// in the weights the desk sets it in.
import { whenIdle } from '../app/when-idle.js';

const WEIGHTS = [400, 600, 700];

/** Resolves once the faces are in (or failed to load). `text` is read when the page is idle. */
export function warmFonts(text: () => string, element: Element): Promise<void> {
  return new Promise((resolve) =>
    whenIdle(() => {
      const family = getComputedStyle(element).fontFamily;
      const characters = [...new Set(text())].join(''); // what picks the faces, without the repeats
      const loads = WEIGHTS.map((weight) => document.fonts.load(`${weight} 16px ${family}`, characters).catch(() => {}));
      void Promise.all(loads).then(() => resolve());
    }),
  );
}
