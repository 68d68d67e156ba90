// Segments showing proposed text get roomier lines: a chip (ghosts.ts) is drawn above its line, in
// the room between that line and the one above, so it never covers the line above. The sheet is
// rewritten only when the set of such segments changes, never while someone types.
/** Above the text of a line: the chip's 18 px less the 2 px it overlaps its own line, and 1 px clear. */
const ROOM = 'calc(1.35em + 17px)';

export class GhostRoom {
  private readonly sheet = new CSSStyleSheet();
  private key = '';

  constructor() {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.sheet];
  }

  destroy(): void {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== this.sheet);
  }

  /** Gives room to the segments with a ghost among `painted` (the painter's items). */
  follow(painted: Iterable<{ segmentId: string; ghost: unknown }>): void {
    const ids = new Set<string>();
    for (const item of painted) if (item.ghost) ids.add(item.segmentId);
    const key = [...ids].sort().join('\n');
    if (key === this.key) return;
    this.key = key;
    const selectors = [...ids].map((id) => `.editor-root section[data-segment-id="${CSS.escape(id)}"] > *`);
    this.sheet.replaceSync(selectors.length > 0 ? `${selectors.join(',\n')} { line-height: ${ROOM}; }` : '');
  }
}
