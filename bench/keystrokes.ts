// Keystrokes shaped as Lexical's binding shapes them (a character appended to a segment's last text
// block), made ahead as y-websocket update messages, so the load generator spends nothing on Yjs
// while it measures. A typist's keystrokes build on the article and on each other only, so they
// apply in order whatever other typists do meanwhile.
import * as Y from 'yjs';
import { segmentTypes } from '../shared/review/text-map.js';
import { lastTextBlock } from '../test/helpers/segment-typing.js';
import { updateMessage } from './clients.js';

const LETTERS = 'নতুন তথ্য পাওয়া গেছে, ';
/** Keystrokes typed into one segment before the typist moves on to the next. */
const RUN = 40;

export interface Keystrokes {
  /** The typist's Yjs client id: the first struct of each of its updates carries it. */
  clientId: number;
  messages: Uint8Array[];
}

/** `count` keystrokes into `article`, RUN at a time into each segment from `firstSegment` on. */
export function keystrokes(article: Uint8Array, count: number, firstSegment = 0): Keystrokes {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, article);
  // Blocks are found once: reading a block again per keystroke costs its whole text each time.
  const segments = segmentTypes(doc).length;
  const blocks = Array.from({ length: segments }, (_, s) => lastTextBlock(doc, s)?.block).filter((b) => b !== undefined);
  if (blocks.length === 0) throw new Error('the article has no text block to type in');
  const messages: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => messages.push(updateMessage(update)));
  for (let i = 0; i < count; i++) {
    const block = blocks[(firstSegment + Math.floor(i / RUN)) % blocks.length];
    block.insert(block.length, LETTERS[i % LETTERS.length]);
  }
  const { clientID } = doc;
  doc.destroy();
  return { clientId: clientID, messages };
}
