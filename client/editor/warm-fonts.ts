// Rows far from the screen are not laid out (content-visibility), so the browser would fetch the
// font files their characters need only once they scroll into view — perhaps after the connection
// has gone. Once the article is in, this asks, when the page is idle, for every face its text needs
// in the weights the desk sets it in.
const WEIGHTS = [400, 600, 700];

export function warmFonts(text: string, element: Element): void {
  const idle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 200));
  idle(() => {
    const family = getComputedStyle(element).fontFamily;
    const characters = [...new Set(text)].join(''); // what picks the faces, without the repeats
    for (const weight of WEIGHTS) void document.fonts.load(`${weight} 16px ${family}`, characters).catch(() => {});
  });
}
