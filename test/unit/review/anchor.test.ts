import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { $getSegments, $readSegments } from '../../../shared/article.js';
import { openArticle } from '../../../shared/headless.js';
import { $selectRange } from '../../../shared/ranges.js';
import { createAnchor, resolveAnchor } from '../../../shared/review/anchor.js';
import { findSegment, mapSegment, segmentTypes } from '../../../shared/review/text-map.js';
import { editContent as edit, seededContent } from '../../helpers/content-doc.js';

const MARKDOWN = '# শিরোনাম\n\nএকটি **গাঢ়** এবং [লিংক](https://example.org) শব্দ।  \nদ্বিতীয় লাইন\n\n- এক\n- দুই\n\n> উদ্ধৃতি';

const seeded = (markdown = MARKDOWN) => seededContent('markdown', markdown);

const segmentNode = (index: number) => $getSegments()[index];

describe('segment text map', () => {
  it('SPEC 5.2 reads the same plain text from Yjs as the editor does', () => {
    const doc = seeded();
    const article = openArticle(Y.encodeStateAsUpdate(doc));
    const expected = article.read($readSegments);
    article.dispose();
    expect(segmentTypes(doc).map((t) => mapSegment(t).text)).toEqual(expected.map((s) => s.text));
    expect(expected[1].text).toBe('একটি গাঢ় এবং লিংক শব্দ।\nদ্বিতীয় লাইন');
    expect(expected[2].text).toBe('এক\nদুই');
  });
});

describe('anchors', () => {
  const word = (doc: Y.Doc, id: string, w: string) => {
    const text = mapSegment(findSegment(doc, id)!).text;
    return { start: text.indexOf(w), end: text.indexOf(w) + w.length };
  };

  it('SPEC 11.3 an anchor follows concurrent inserts before it', () => {
    const base = seeded();
    const id = mapSegment(segmentTypes(base)[1]).segmentId;
    const made = createAnchor(base, id, word(base, id, 'লিংক'))!;
    expect(made.quote.exact).toBe('লিংক');
    // Two peers edit concurrently: one types at the start of the segment, one after the anchor.
    const a = new Y.Doc();
    const b = new Y.Doc();
    Y.applyUpdate(a, Y.encodeStateAsUpdate(base));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(base));
    edit(a, () => $selectRange(segmentNode(1), 0, 0)!.insertText('নতুন '));
    edit(b, () => $selectRange(segmentNode(1), 20, 20)!.insertText('X'));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    const resolved = resolveAnchor(a, id, made.anchor, made.quote);
    expect(resolved.state).toBe('exact');
    if (resolved.state === 'exact') expect(resolved.text.slice(resolved.range.start, resolved.range.end)).toBe('লিংক');
  });

  it('SPEC 11.3 an anchor inside bold text survives a formatting change', () => {
    const doc = seeded('একটি সাধারণ বাক্য এখানে আছে');
    const id = mapSegment(segmentTypes(doc)[0]).segmentId;
    const made = createAnchor(doc, id, word(doc, id, 'বাক্য'))!;
    edit(doc, () => $selectRange(segmentNode(0), 5, 17)!.formatText('bold'));
    const article = openArticle(Y.encodeStateAsUpdate(doc));
    expect(article.read(() => segmentNode(0).getAllTextNodes().map((n) => n.hasFormat('bold')))).toEqual([false, true, false]);
    article.dispose();
    const resolved = resolveAnchor(doc, id, made.anchor, made.quote);
    expect(resolved.state).not.toBe('stale');
    if (resolved.state !== 'stale') expect(resolved.text.slice(resolved.range.start, resolved.range.end)).toBe('বাক্য');
  });

  it('SPEC 11.3 deleting or rewriting the anchored text makes the anchor stale', () => {
    const doc = seeded('প্রথম বাক্য। দ্বিতীয় বাক্য।');
    const id = mapSegment(segmentTypes(doc)[0]).segmentId;
    const made = createAnchor(doc, id, word(doc, id, 'দ্বিতীয়'))!;
    edit(doc, () => {
      const range = word(doc, id, 'দ্বিতীয়');
      $selectRange(segmentNode(0), range.start, range.end)!.insertText('তৃতীয়');
    });
    expect(resolveAnchor(doc, id, made.anchor, made.quote).state).toBe('stale');
  });

  it('SPEC 11.3 an insertion point resolves where it was made, after edits before it', () => {
    const doc = seeded('ক খ গ');
    const id = mapSegment(segmentTypes(doc)[0]).segmentId;
    const made = createAnchor(doc, id, { start: 2, end: 2 })!;
    edit(doc, () => $selectRange(segmentNode(0), 0, 0)!.insertText('শুরু '));
    const resolved = resolveAnchor(doc, id, made.anchor, made.quote);
    expect(resolved).toMatchObject({ state: 'exact', range: { start: 7, end: 7 } });
  });

  it('SPEC 5.2 plain offsets select ranges across line breaks and list items', () => {
    const doc = seeded();
    const article = openArticle(Y.encodeStateAsUpdate(doc));
    article.update(() => {
      const text = mapSegment(segmentTypes(doc)[1]).text;
      const at = text.indexOf('শব্দ');
      $selectRange(segmentNode(1), at, text.indexOf('লাইন'))!.insertText('—');
      const list = $readSegments()[2].text;
      $selectRange(segmentNode(2), list.indexOf('দুই'), list.length)!.insertText('তিন');
    });
    const texts = article.read($readSegments).map((s) => s.text);
    expect(texts[1]).toBe('একটি গাঢ় এবং লিংক —লাইন');
    expect(texts[2]).toBe('এক\nতিন');
    article.dispose();
  });
});
