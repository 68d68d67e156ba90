// Rows far from the screen are not laid out (content-visibility), so the browser would fetch the
// font files their characters need only once they scroll into view — perhaps after the connection
// has gone. Once the article is in, this asks, when the page is idle, for every face its text needs
// in the weights the desk sets it in, in each family of the page.
const WEIGHTS = [400, 600, 700];

export function warmFonts(text: string, elements: Element[]): void {
  const families = new Set(elements.map((element) => getComputedStyle(element).fontFamily));
  const idle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 200));
  idle(() => {
    const characters = [...new Set(text)].join(''); // what picks the faces, without the repeats
    for (const family of families) {
      for (const weight of WEIGHTS) void document.fonts.load(`${weight} 16px ${family}`, characters).catch(() => {});
    }
  });
}
