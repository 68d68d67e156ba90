// Other people's carets, names and selections in their colour's token (styles/tokens.css), so they
// follow the colour scheme. Lexical writes the presence colour, a PALETTE value, into each one's
// inline --lexical-cursor-color, in more places than a custom draw function sees; one rule per
// palette colour puts the token in its place. A colour not of the palette is drawn as given.
import { PALETTE, shownColor } from '../collab/colors.js';

let installed = false;

export function installCursorColors(): void {
  if (installed) return;
  installed = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(PALETTE.map((hex) => `.cursors [style*="${hex}" i] { --lexical-cursor-color: ${shownColor(hex)} !important; }`).join('\n'));
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
