// Text moved by a remote edit (split, join, reformat, paste) is found where it went, so a caret
// or an undo step can follow it. (SPEC 10.26, 10.5)
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { $getSelection, $isRangeSelection, $createParagraphNode, $createTextNode } from 'lexical';
import { openArticle, type Article } from '../../shared/headless.js';
import { $getSegments } from '../../shared/article.js';
import { $selectRange } from '../../shared/ranges.js';
import { MovedText } from '../../shared/moved-text.js';
import { mapSegment, offsetAt, positionAt, segmentTypes } from '../../shared/review/text-map.js';
import { seededContent } from '../helpers/content-doc.js';

const TEXT = 'শিরোনাম\n\nবেনিওফ বললেন, আমরা শুনছি।\n\nদ্বিতীয় অনুচ্ছেদ।';

/** A caret at a plain-text offset of a segment, kept as Lexical keeps it: a relative position. */
function caretAt(doc: Y.Doc, segment: number, offset: number): Y.RelativePosition {
  const at = positionAt(mapSegment(segmentTypes(doc)[segment]), offset, 'after')!;
  return Y.createRelativePositionFromTypeIndex(at.type, at.index);
}

function offsetOf(doc: Y.Doc, segment: number, position: Y.RelativePosition): number | null {
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc)!;
  return offsetAt(mapSegment(segmentTypes(doc)[segment]), absolute.type, absolute.index);
}

const segmentText = (doc: Y.Doc, segment: number) => mapSegment(segmentTypes(doc)[segment]).text;

/** Another editor's edit, made through Lexical on its own copy, applied to `doc` as a remote update. */
function remoteEdit(doc: Y.Doc, edit: (article: Article) => void, onTransaction: (moved: MovedText | null, tr: Y.Transaction) => void): void {
  const other = openArticle(Y.encodeStateAsUpdate(doc));
  const update = other.update(() => edit(other));
  other.dispose();
  const listen = (tr: Y.Transaction) => onTransaction(MovedText.of(tr), tr);
  doc.on('beforeObserverCalls', listen);
  Y.applyUpdate(doc, update, 'remote');
  doc.off('beforeObserverCalls', listen);
}

/** Where my caret at `offset` in segment 1 ends up after the remote edit, as text before | after it. */
function caretAfter(edit: (article: Article) => void, offset: number): { text: string; caret: string } {
  const doc = seededContent('text', TEXT);
  let caret = caretAt(doc, 1, offset);
  remoteEdit(doc, edit, (moved) => {
    caret = moved?.followCaret(caret) ?? caret;
  });
  const text = segmentText(doc, 1);
  const at = offsetOf(doc, 1, caret)!;
  return { text, caret: `${text.slice(0, at)}|${text.slice(at)}` };
}

const select = (start: number, end = start) => () => $selectRange($getSegments()[1], start, end);
const selection = () => {
  const s = $getSelection();
  if (!$isRangeSelection(s)) throw new Error('no selection');
  return s;
};
const enterAt = (at: number) => () => (select(at)(), selection().insertParagraph());

describe('moved text', () => {
  it('SPEC 10.26 a remote Enter before my caret moves my caret with the text after the split', () => {
    // My caret after "আমরা", the other editor's Enter after "বললেন,".
    const split = 'বেনিওফ বললেন,'.length;
    const mine = 'বেনিওফ বললেন, আমরা'.length;
    expect(caretAfter(enterAt(split), mine).caret).toBe('বেনিওফ বললেন,\n আমরা| শুনছি।');
  });

  it('SPEC 10.26 a remote Enter at the start of my paragraph keeps my caret at the end of my text', () => {
    const end = 'বেনিওফ বললেন, আমরা শুনছি।'.length;
    expect(caretAfter(enterAt(0), end).caret).toBe('\nবেনিওফ বললেন, আমরা শুনছি।|');
    expect(caretAfter(enterAt(0), 0).caret).toBe('\n|বেনিওফ বললেন, আমরা শুনছি।');
  });

  it('SPEC 10.26 a remote Enter right at my caret leaves my caret after the text I was typing', () => {
    const at = 'বেনিওফ বললেন,'.length;
    expect(caretAfter(enterAt(at), at).caret).toBe('বেনিওফ বললেন,|\n আমরা শুনছি।');
  });

  it('SPEC 10.26 a remote Enter after my caret changes nothing for it', () => {
    const line = 'বেনিওফ বললেন, আমরা শুনছি।';
    expect(caretAfter(enterAt(10), 3).caret).toBe(`${line.slice(0, 3)}|${line.slice(3, 10)}\n${line.slice(10)}`);
  });

  it('SPEC 10.26 a remote join (Backspace at a paragraph start) carries my caret into the joined paragraph', () => {
    const doc = seededContent('text', TEXT);
    // Two paragraphs in segment 1 first, made by a remote Enter.
    remoteEdit(doc, enterAt('বেনিওফ বললেন,'.length), () => {});
    expect(segmentText(doc, 1)).toBe('বেনিওফ বললেন,\n আমরা শুনছি।');
    let caret = caretAt(doc, 1, 'বেনিওফ বললেন,\n আমরা'.length);
    remoteEdit(
      doc,
      () => {
        select('বেনিওফ বললেন,\n'.length)();
        selection().deleteCharacter(true);
      },
      (moved) => (caret = moved?.followCaret(caret) ?? caret),
    );
    const text = segmentText(doc, 1);
    const at = offsetOf(doc, 1, caret)!;
    expect(`${text.slice(0, at)}|${text.slice(at)}`).toBe('বেনিওফ বললেন, আমরা| শুনছি।');
  });

  it('SPEC 10.26 remote bold over my caret keeps it between the same characters', () => {
    const bold = () => {
      select(7, 14)();
      selection().formatText('bold');
    };
    const line = 'বেনিওফ বললেন, আমরা শুনছি।';
    for (const at of [7, 10, 14]) expect(caretAfter(bold, at).caret).toBe(`${line.slice(0, at)}|${line.slice(at)}`);
  });

  it('SPEC 10.26 a remote paste of several paragraphs before my caret keeps my caret beside its text', () => {
    const paste = () => {
      select(6)();
      selection().insertNodes([$createParagraphNode().append($createTextNode('এক')), $createParagraphNode().append($createTextNode('দুই'))]);
    };
    const { caret } = caretAfter(paste, 'বেনিওফ বললেন, আমরা'.length);
    expect(caret.endsWith('আমরা| শুনছি।')).toBe(true);
    expect(caret).toContain('দুই');
  });

  it('SPEC 10.26 a replacement that rewrites my whole text node (as an accepted suggestion can) keeps my caret beside its text', () => {
    const replace = () => {
      select(0, 'বেনিওফ'.length)();
      selection().insertText('বেনিওফের');
    };
    expect(caretAfter(replace, 'বেনিওফ বললেন, আমরা'.length).caret).toBe('বেনিওফের বললেন, আমরা| শুনছি।');
  });

  it('SPEC 10.26 a caret in text another editor deleted stays where the text was', () => {
    const remove = () => {
      select(7, 14)();
      selection().removeText();
    };
    expect(caretAfter(remove, 10).caret).toBe('বেনিওফ |আমরা শুনছি।');
  });

  it('SPEC 10.5 each character a remote split moved is paired with the one that now carries it', () => {
    const doc = seededContent('text', TEXT);
    const charOf = (id: Y.ID) => {
      const item = Y.getItem(doc.store, id) as Y.Item;
      return { char: (item.content as Y.ContentString).str[id.clock - item.id.clock], deleted: item.deleted };
    };
    // Read while the transaction is applied: the deleted characters' text is collected after it.
    let seen: Array<{ from: ReturnType<typeof charOf>; to: ReturnType<typeof charOf> }> = [];
    remoteEdit(doc, enterAt('বেনিওফ বললেন,'.length), (moved) => {
      seen = (moved?.pairs() ?? []).map((p) => ({ from: charOf(p.from), to: charOf(p.to) }));
    });
    expect(seen.map((p) => p.from.char).join('')).toBe(' আমরা শুনছি।');
    expect(seen.map((p) => p.to.char).join('')).toBe(' আমরা শুনছি।');
    expect(seen.every((p) => p.from.deleted && !p.to.deleted)).toBe(true);
  });
});
