// Writes replacement text into the content room through headless Lexical, as an editor would type it,
// and applies the resulting update to the room as the server.
import * as Y from 'yjs';
import { $getSegments } from '../../shared/article.js';
import { openArticle } from '../../shared/headless.js';
import { $getSegmentId } from '../../shared/nodes/index.js';
import { $selectRange } from '../../shared/ranges.js';
import type { TextRange } from '../../shared/review/anchor.js';
import type { Room } from '../collab/room.js';

export function replaceText(content: Room, segmentId: string, range: TextRange, text: string): void {
  const article = openArticle(Y.encodeStateAsUpdate(content.doc));
  try {
    const diff = article.update(() => {
      const segment = $getSegments().find((s) => $getSegmentId(s) === segmentId);
      const selection = segment && $selectRange(segment, range.start, range.end);
      if (!selection) throw new Error(`cannot select ${range.start}–${range.end} in segment ${segmentId}`);
      if (text === '') selection.removeText();
      else selection.insertText(text);
    });
    content.apply(diff, 'server');
  } finally {
    article.dispose();
  }
}
