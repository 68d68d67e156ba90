import { $createLinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import { $readSegments, $writeSegments } from '../../shared/article.js';
import { newId } from '../../shared/ids.js';
import { openArticle } from '../../shared/headless.js';
import { $createSegmentNode } from '../../shared/nodes/index.js';

const text = (t: string) => $createTextNode(t);

describe('article segments', () => {
  it('SPEC 5.2 a segment’s text is its blocks joined by "\\n"; a line break is "\\n" too', () => {
    const article = openArticle();
    article.update(() => {
      const nested = $createListNode('bullet').append($createListItemNode().append(text('inner')));
      $getRoot().append(
        $createSegmentNode('s1').append(
          $createHeadingNode('h2').append(text('Title')),
          $createParagraphNode().append(
            text('line one'),
            $createLineBreakNode(),
            text('line '),
            $createLinkNode('https://x.org').append(text('two')),
          ),
        ),
        $createSegmentNode('s2').append(
          $createListNode('number').append(
            $createListItemNode().append(text('first')),
            $createListItemNode().append(nested),
            $createListItemNode().append(text('second')),
          ),
        ),
        $createSegmentNode('s3').append($createQuoteNode().append(text('“quoted”'))),
        $createSegmentNode('s4').append($createParagraphNode()),
        $createSegmentNode('s5').append($createParagraphNode(), $createParagraphNode().append(text('after empty'))),
      );
    });
    expect(article.read($readSegments)).toEqual([
      { id: 's1', text: 'Title\nline one\nline two' },
      { id: 's2', text: 'first\ninner\nsecond' },
      { id: 's3', text: '“quoted”' },
      { id: 's4', text: '' },
      { id: 's5', text: '\nafter empty' },
    ]);
  });

  it('SPEC 5.1 $writeSegments replaces the root with segments holding the given blocks', () => {
    const source = openArticle();
    source.update(() => {
      $getRoot().append($createSegmentNode('old').append($createParagraphNode().append(text('old'))));
    });
    const blocks = [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: 'ক' }] }];
    source.update(() => $writeSegments([{ id: 'new1', blocks }, { id: 'new2', blocks }]));
    expect(source.read($readSegments)).toEqual([
      { id: 'new1', text: 'ক' },
      { id: 'new2', text: 'ক' },
    ]);
  });

  it('SPEC 5.1 segment ids are short random base36 strings', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => newId()));
    expect(ids.size).toBe(2000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-z]{10}$/);
    expect(newId(8)).toHaveLength(8);
  });
});
