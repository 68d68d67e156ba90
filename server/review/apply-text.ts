// Writes the content room through headless Lexical, as an editor's page would, and applies the
// resulting update to the room as the server: in one Yjs update, so every page sees it at once and
// no page's undo takes it back (it is not theirs).
import * as Y from 'yjs';
import { $getSegments } from '../../shared/article.js';
import { openArticle } from '../../shared/headless.js';
import { $getSegmentId, type SegmentNode } from '../../shared/nodes/index.js';
import { $selectRange } from '../../shared/ranges.js';
import type { TextRange } from '../../shared/review/anchor.js';
import type { Room } from '../collab/room.js';

/** Runs `edit` inside a headless editor's update on the room's current state and applies the change. */
export function editContent(content: Room, edit: () => void): void {
  const article = openArticle(Y.encodeStateAsUpdate(content.doc));
  try {
    content.apply(article.update(edit), 'server');
  } finally {
    article.dispose();
  }
}

/** The segment node of an id; call inside an editor update. */
export function $segmentOf(segmentId: string): SegmentNode {
  const segment = $getSegments().find((s) => $getSegmentId(s) === segmentId);
  if (!segment) throw new Error(`no segment ${segmentId}`);
  return segment;
}

export function replaceText(content: Room, segmentId: string, range: TextRange, text: string): void {
  editContent(content, () => {
    const selection = $selectRange($segmentOf(segmentId), range.start, range.end);
    if (!selection) throw new Error(`cannot select ${range.start}–${range.end} in segment ${segmentId}`);
    if (text === '') selection.removeText();
    else selection.insertText(text);
  });
}
