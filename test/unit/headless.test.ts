import { $createParagraphNode, $createTextNode, $getRoot, type ElementNode, type TextNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { $readSegments } from '../../shared/article.js';
import { HeadlessOrigin, openArticle } from '../../shared/headless.js';
import { $createSegmentNode, type SegmentNode } from '../../shared/nodes/index.js';
import { CONTENT_ROOT } from '../../shared/schema.js';

const $append = (id: string, text: string) =>
  $getRoot().append($createSegmentNode(id).append($createParagraphNode().append($createTextNode(text))));
const $firstText = (i: number) =>
  ($getRoot().getChildAtIndex(i) as SegmentNode).getFirstChildOrThrow<ElementNode>().getFirstChildOrThrow<TextNode>();

function stateOf(...segments: Array<[string, string]>): Uint8Array {
  const article = openArticle();
  const update = article.update(() => segments.forEach(([id, text]) => $append(id, text)));
  article.dispose();
  return update;
}

describe('headless article', () => {
  it('SPEC 5.1 the content room root is a Y.XmlText named root', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stateOf(['a1', 'x']));
    expect(doc.share.get(CONTENT_ROOT)).toBeDefined();
    expect(doc.get(CONTENT_ROOT, Y.XmlText).length).toBe(1);
  });

  it('SPEC 5.3 an update applied to the doc from outside shows up in the editor', () => {
    const article = openArticle(stateOf(['a1', 'one']));
    Y.applyUpdate(article.doc, stateOf(['b2', 'two']), 'some-remote-peer');
    expect(article.read($readSegments).map((s) => s.id).sort()).toEqual(['a1', 'b2']);
  });

  it('SPEC 5.3 writes after loading a stored state land after the old text', () => {
    const stored = stateOf(['a1', 'one'], ['b2', 'two']);
    const article = openArticle(stored);
    const diff = article.update(() => {
      $firstText(1).setTextContent('two!');
      $append('c3', 'three');
    });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored);
    Y.applyUpdate(doc, diff);
    const fresh = openArticle(Y.encodeStateAsUpdate(doc));
    expect(fresh.read($readSegments)).toEqual([
      { id: 'a1', text: 'one' },
      { id: 'b2', text: 'two!' },
      { id: 'c3', text: 'three' },
    ]);
    // The diff holds only the new content, not the stored state again.
    expect(diff.length).toBeLessThan(stored.length);
  });

  it('SPEC 5.3 an update made right after a remote change still reaches Yjs', () => {
    const stored = stateOf(['a1', 'one']);
    const article = openArticle();
    Y.applyUpdate(article.doc, stored, HeadlessOrigin.remote);
    const diff = article.update(() => $firstText(0).setTextContent('ONE'));
    const other = openArticle(stored);
    other.apply(Y.encodeStateAsUpdate(article.doc));
    expect(other.read($readSegments)).toEqual([{ id: 'a1', text: 'ONE' }]);
    expect(diff.length).toBeGreaterThan(2);
  });

  it('SPEC 5.3 every transaction of a headless article has an origin', () => {
    const origins: unknown[] = [];
    const article = openArticle();
    // Reads such as Y.Text#toDelta open empty transactions without an origin; only writes count.
    const wrote = (t: Y.Transaction) =>
      t.deleteSet.clients.size > 0 || [...t.afterState].some(([client, clock]) => t.beforeState.get(client) !== clock);
    article.doc.on('afterTransaction', (t: Y.Transaction) => wrote(t) && origins.push(t.origin));
    article.apply(stateOf(['a1', 'one']));
    article.update(() => $append('b2', 'two'));
    expect(origins.length).toBeGreaterThan(1);
    expect(origins.every((origin) => origin !== null && origin !== undefined)).toBe(true);
    article.dispose();
  });
});
