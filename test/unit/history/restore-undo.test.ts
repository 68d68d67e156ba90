// A restore reaches each page as someone else's change, so its undo never takes it back; nor may
// undoing the page's own older edit bring back, beside the restored words, the characters that edit
// deleted and the restore wrote again. (SPEC 16.5)
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { $getSelection, $isRangeSelection, $parseSerializedNode } from 'lexical';
import { openArticle, type Article } from '../../../shared/headless.js';
import { $getSegments } from '../../../shared/article.js';
import { $selectRange } from '../../../shared/ranges.js';
import { diffWords, editsOf } from '../../../shared/diff/words.js';
import { versionSegments } from '../../../server/history/segment-blocks.js';
import { mapSegment, segmentTypes } from '../../../shared/review/text-map.js';
import { followMovedText } from '../../../client/collab/follow-moves.js';
import { UndoSteps } from '../../../client/collab/undo-steps.js';
import { seededContent } from '../../helpers/content-doc.js';

const TARGET = 'ঢাকার গ্রন্থাগারগুলো দুর্লভ বই তুলল\n\nশহরের গ্রন্থাগার নেটওয়ার্ক ১০,০০০-এর বেশি দুর্লভ বই স্ক্যান করেছে।\n\nশেষ অনুচ্ছেদ।';
const texts = (doc: Y.Doc) => segmentTypes(doc).map((type) => mapSegment(type).text);

interface Page {
  article: Article;
  undo: UndoSteps;
  stop: () => void;
}
const opened: Page[] = [];
afterEach(() => {
  for (const page of opened.splice(0)) (page.stop(), page.undo.destroy(), page.undo.manager.destroy(), page.article.dispose());
});

/** A page's editor: the binding's undo manager wrapped as the desk wraps it. */
function page(state: Uint8Array): Page {
  const article = openArticle(state);
  const manager = new Y.UndoManager(article.doc.get('root', Y.XmlText), { trackedOrigins: new Set([article.binding]), captureTimeout: 0 });
  const undo = new UndoSteps(manager);
  const stop = followMovedText(article.doc, new Awareness(article.doc), () => undo);
  const opened_ = { article, undo, stop };
  opened.push(opened_);
  return opened_;
}

/** Replaces `find` in a segment (an empty `text` deletes it), as typing over a selection would. */
function replace(article: Article, segment: number, find: string, text: string): void {
  article.update(() => {
    const node = $getSegments()[segment];
    const at = node.getTextContent().indexOf(find);
    const selection = $selectRange(node, at, at + find.length)!;
    if (text === '') selection.removeText();
    else selection.insertText(text);
  });
}

/** The server's restore of `then` into `server` (the fewest whole-word edits per segment), as an update. */
function restore(server: Y.Doc, then: string[]): Uint8Array {
  const article = openArticle(Y.encodeStateAsUpdate(server));
  const now = texts(server);
  const update = article.update(() => {
    $getSegments().forEach((segment, i) => {
      for (const edit of editsOf(diffWords(now[i], then[i], 'bn'))) {
        const selection = $selectRange(segment, edit.start, edit.start + edit.length)!;
        if (edit.text === '') selection.removeText();
        else selection.insertRawText(edit.text);
      }
    });
  });
  article.dispose();
  Y.applyUpdate(server, update, 'server');
  return update;
}

/** The page's edits reach the server. */
const send = (from: Page, server: Y.Doc) => Y.applyUpdate(server, Y.encodeStateAsUpdate(from.article.doc, Y.encodeStateVector(server)));

describe('undo after a restore', () => {
  it('SPEC 16.5 a replaced word the restore put back: the page’s undo changes nothing and says so', () => {
    const server = seededContent('text', TARGET);
    const version = texts(server);
    const omar = page(Y.encodeStateAsUpdate(server));
    replace(omar.article, 1, 'নেটওয়ার্ক', 'জাল');
    send(omar, server);
    omar.article.apply(restore(server, version), 'remote');
    expect(texts(omar.article.doc)).toEqual(version);
    expect(omar.undo.take('undo')).toBe('gone');
    expect(texts(omar.article.doc)).toEqual(version);
  });

  it('SPEC 16.5 deleted words the restore put back are not put back twice; an older step is undone as usual', () => {
    const server = seededContent('text', TARGET);
    const version = texts(server);
    const omar = page(Y.encodeStateAsUpdate(server));
    replace(omar.article, 2, 'শেষ', 'শেষতম'); // an older step, in a segment the restore will not touch
    replace(omar.article, 1, 'দুর্লভ ', '');
    replace(omar.article, 0, 'দুর্লভ বই ', '');
    send(omar, server);
    const kept = texts(server)[2];
    omar.article.apply(restore(server, [version[0], version[1], kept]), 'remote');
    expect(texts(omar.article.doc)).toEqual([version[0], version[1], kept]);
    expect(omar.undo.take('undo')).toBe('gone');
    expect(omar.undo.take('undo')).toBe('gone');
    expect(texts(omar.article.doc)).toEqual([version[0], version[1], kept]);
    expect(omar.undo.take('undo')).toBe('done');
    expect(texts(omar.article.doc)).toEqual(version);
  });

  it('SPEC 16.5 a split the restore took back by writing the segment\'s blocks whole: undo changes nothing', () => {
    const server = seededContent('text', TARGET);
    const version = texts(server);
    const then = versionSegments(Y.encodeStateAsUpdate(server));
    const omar = page(Y.encodeStateAsUpdate(server));
    omar.article.update(() => {
      $selectRange($getSegments()[1], 'শহরের '.length, 'শহরের '.length);
      const selection = $getSelection();
      if ($isRangeSelection(selection)) selection.insertParagraph();
    });
    expect(texts(omar.article.doc)[1]).toBe(version[1].replace('শহরের ', 'শহরের \n'));
    send(omar, server);
    // The restore's rewrite (SPEC 16.5: line breaks differ, so the version's blocks come back whole).
    const article = openArticle(Y.encodeStateAsUpdate(server));
    const update = article.update(() => {
      const segment = $getSegments()[1];
      segment.clear();
      segment.append(...then[1].blocks.map((block) => $parseSerializedNode(block)));
    });
    article.dispose();
    omar.article.apply(update, 'remote');
    expect(texts(omar.article.doc)).toEqual(version);
    expect(omar.undo.take('undo')).toBe('gone');
    expect(texts(omar.article.doc)).toEqual(version);
  });

  it('SPEC 16.5 without a restore, others typing beside a deleted word leave its undo whole', () => {
    const server = seededContent('text', TARGET);
    const version = texts(server);
    const omar = page(Y.encodeStateAsUpdate(server));
    const lena = page(Y.encodeStateAsUpdate(server));
    replace(omar.article, 1, 'নেটওয়ার্ক ', '');
    send(omar, server);
    lena.article.apply(Y.encodeStateAsUpdate(server), 'remote');
    // Lena types right where the word was: other words, not the deleted one.
    replace(lena.article, 1, 'গ্রন্থাগার ', 'গ্রন্থাগার নতুন ');
    omar.article.apply(Y.encodeStateAsUpdate(lena.article.doc), 'remote');
    expect(omar.undo.take('undo')).toBe('done');
    expect(texts(omar.article.doc)[1]).toBe(version[1].replace('নেটওয়ার্ক ', 'নেটওয়ার্ক নতুন '));
  });
});
