import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { $createParagraphNode, $createTextNode, $getRoot, $isElementNode } from 'lexical';
import { SegmentTexts } from '../../../client/collab/segment-texts.js';
import { $getSegments, $readSegments } from '../../../shared/article.js';
import { openArticle } from '../../../shared/headless.js';
import { $createSegmentNode } from '../../../shared/nodes/index.js';
import { editContent as edit, seededContent } from '../../helpers/content-doc.js';

function editorView(doc: Y.Doc) {
  const article = openArticle(Y.encodeStateAsUpdate(doc));
  const segments = article.read($readSegments);
  article.dispose();
  return segments.map(({ id, text }) => ({ segmentId: id, text }));
}

const view = (texts: SegmentTexts) => texts.all().map(({ segmentId, text }) => ({ segmentId, text }));

describe('segment texts (live QA and progress read them)', () => {
  it('SPEC 5.2 follow typing, new segments and removed ones, as the editor reads them', () => {
    const doc = seededContent('text', 'এক\n\nদুই\n\nতিন');
    const texts = new SegmentTexts(doc);
    expect(view(texts)).toEqual(editorView(doc));
    const first = texts.all()[0];

    edit(doc, () => {
      const paragraph = $getSegments()[1].getFirstChild();
      if ($isElementNode(paragraph)) paragraph.append($createTextNode(' আরও'));
    });
    expect(view(texts)[1].text).toBe('দুই আরও');
    // An untouched segment is not read again.
    expect(texts.all()[0]).toBe(first);

    edit(doc, () => {
      const added = $createSegmentNode('added');
      added.append($createParagraphNode().append($createTextNode('নতুন')));
      $getSegments()[0].insertAfter(added);
      $getSegments()[3].remove();
    });
    expect(view(texts)).toEqual(editorView(doc));
    expect(view(texts).map((s) => s.text)).toEqual(['এক', 'নতুন', 'দুই আরও']);

    edit(doc, () => $getRoot().clear());
    expect(texts.all()).toEqual([]);
  });
});
