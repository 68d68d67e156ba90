import { createHeadlessEditor } from '@lexical/headless';
import { withDOM } from '@lexical/headless/dom';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isParagraphNode,
  $setState,
  type ElementNode,
  type TextNode,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { $readSegments } from '../../shared/article.js';
import { openArticle } from '../../shared/headless.js';
import {
  $createSegmentNode,
  $getSegmentId,
  $isSegmentNode,
  ARTICLE_NODES,
  segmentIdState,
  type SegmentNode,
} from '../../shared/nodes/index.js';

function $segment(id: string, ...texts: string[]): SegmentNode {
  return $createSegmentNode(id).append(...texts.map((t) => $createParagraphNode().append($createTextNode(t))));
}

const segmentAt = (i: number) => $getRoot().getChildAtIndex(i) as SegmentNode;

describe('SegmentNode', () => {
  it('SPEC 5.1 a segment keeps its id through JSON export and import', () => {
    const a = createHeadlessEditor({ nodes: [...ARTICLE_NODES], onError: (e) => { throw e; } });
    a.update(() => $getRoot().append($segment('seg0001', 'one', 'two')), { discrete: true });
    const json = JSON.stringify(a.getEditorState().toJSON());
    const b = createHeadlessEditor({ nodes: [...ARTICLE_NODES], onError: (e) => { throw e; } });
    b.setEditorState(b.parseEditorState(json));
    b.read(() => {
      const segment = $getRoot().getFirstChild();
      expect($isSegmentNode(segment)).toBe(true);
      expect($getSegmentId(segment as SegmentNode)).toBe('seg0001');
      expect((segment as SegmentNode).getChildrenSize()).toBe(2);
    });
  });

  it('SPEC 5.1 segment ids arrive unchanged through the Yjs binding in a second doc', () => {
    const a = openArticle();
    const b = openArticle();
    const first = a.update(() => $getRoot().append($segment('alpha01', 'Hello'), $segment('beta002', 'World')));
    b.apply(first);
    expect(b.read($readSegments)).toEqual([
      { id: 'alpha01', text: 'Hello' },
      { id: 'beta002', text: 'World' },
    ]);
    // A later change of node state travels as an update of the segment's __state map.
    b.apply(a.update(() => $setState(segmentAt(1), segmentIdState, 'gamma03')));
    expect(b.read(() => $getSegmentId(segmentAt(1)))).toBe('gamma03');
    // And the other way round, into the first doc.
    const $text = () => segmentAt(0).getFirstChildOrThrow<ElementNode>().getFirstChildOrThrow<TextNode>();
    a.apply(b.update(() => $text().setTextContent('Hi')));
    expect(a.read($readSegments)).toEqual([
      { id: 'alpha01', text: 'Hi' },
      { id: 'gamma03', text: 'World' },
    ]);
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
  });

  it('SPEC 5.1 Enter and Backspace at a caret inside a segment never merge or split segments', () => {
    const editor = createHeadlessEditor({ nodes: [...ARTICLE_NODES], onError: (e) => { throw e; } });
    const $firstText = (i: number) => segmentAt(i).getFirstChildOrThrow<ElementNode>().getFirstChildOrThrow<TextNode>();
    withDOM((window) => {
      // Deletion measures the caret through a window's selection; a headless editor has none.
      editor._window = window;
      editor.update(() => $getRoot().append($segment('s1', 'first'), $segment('s2', 'second')), { discrete: true });
      // Backspace at the start of the second segment: nothing happens.
      editor.update(() => $firstText(1).select(0, 0).deleteCharacter(true), { discrete: true });
      // Enter inside the first segment: a new paragraph in the same segment.
      editor.update(() => $firstText(0).select(2, 2).insertParagraph(), { discrete: true });
      editor.read(() => expect($readSegments()).toEqual([
        { id: 's1', text: 'fi\nrst' },
        { id: 's2', text: 'second' },
      ]));
      // Backspace at the start of the segment's second paragraph merges the paragraphs, not segments.
      editor.update(() => segmentAt(0).getLastChildOrThrow<ElementNode>().selectStart().deleteCharacter(true), {
        discrete: true,
      });
      editor._window = null;
    });
    editor.read(() => {
      expect($readSegments()).toEqual([
        { id: 's1', text: 'first' },
        { id: 's2', text: 'second' },
      ]);
      expect(segmentAt(0).getChildren().every($isParagraphNode)).toBe(true);
    });
  });

  it('SPEC 5.1 a segment renders as <section data-segment-id> with class "segment"', () => {
    const editor = createHeadlessEditor({ nodes: [...ARTICLE_NODES], onError: (e) => { throw e; } });
    editor.update(() => $getRoot().append($segment('x1y2z3', 'text')), { discrete: true });
    const before = editor.read(() => segmentAt(0));
    const [created, exported] = withDOM(() =>
      editor.read(() => [segmentAt(0).createDOM(editor._config), segmentAt(0).exportDOM().element as HTMLElement]),
    );
    for (const element of [created, exported]) {
      expect(element.tagName).toBe('SECTION');
      expect(element.getAttribute('data-segment-id')).toBe('x1y2z3');
      expect(element.className).toBe('segment');
    }
    editor.update(() => $setState(segmentAt(0), segmentIdState, 'renamed'), { discrete: true });
    expect(editor.read(() => segmentAt(0).updateDOM(before, created))).toBe(false);
    expect(created.getAttribute('data-segment-id')).toBe('renamed');
  });
});
