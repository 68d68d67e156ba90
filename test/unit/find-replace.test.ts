import { $createLinkNode } from '@lexical/link';
import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import { $readSegments } from '../../shared/article.js';
import { $findText, $replaceMatches } from '../../shared/find-replace.js';
import { openArticle } from '../../shared/headless.js';
import { $createSegmentNode } from '../../shared/nodes/index.js';

function article() {
  const a = openArticle();
  a.update(() => {
    const bold = $createTextNode('Ahmed').toggleFormat('bold');
    $getRoot().append(
      $createSegmentNode('s1').append($createParagraphNode().append($createTextNode('Nasrin '), bold, $createTextNode(' said it.'))),
      $createSegmentNode('s2').append(
        $createParagraphNode().append($createTextNode('nasrin ahmed'), $createLineBreakNode(), $createTextNode('line '), $createLinkNode('https://x.org').append($createTextNode('two'))),
        $createParagraphNode().append($createTextNode('Nasrin Ahmed again')),
      ),
    );
  });
  return a;
}

describe('find and replace', () => {
  it('SPEC 10.21 finds across segments, blocks, formatting and links; case matters only when asked', () => {
    const a = article();
    expect(a.read(() => $findText('Nasrin Ahmed', false))).toEqual([
      { segmentId: 's1', start: 0, end: 12 },
      { segmentId: 's2', start: 0, end: 12 },
      { segmentId: 's2', start: 22, end: 34 },
    ]);
    expect(a.read(() => $findText('Nasrin Ahmed', true)).map((m) => [m.segmentId, m.start])).toEqual([['s1', 0], ['s2', 22]]);
    expect(a.read(() => $findText('line two', false))).toEqual([{ segmentId: 's2', start: 13, end: 21 }]);
    expect(a.read(() => $findText('', false))).toEqual([]);
    a.dispose();
  });

  it('SPEC 10.21 replacing every match keeps the segments and the text around each match', () => {
    const a = article();
    a.update(() => expect($replaceMatches($findText('nasrin ahmed', false), 'নাসরিন আহমেদ')).toBe(3));
    a.update(() => expect($replaceMatches($findText('line two', false), 'লাইন ২')).toBe(1));
    expect(a.read($readSegments)).toEqual([
      { id: 's1', text: 'নাসরিন আহমেদ said it.' },
      { id: 's2', text: 'নাসরিন আহমেদ\nলাইন ২\nনাসরিন আহমেদ again' },
    ]);
    a.update(() => expect($replaceMatches($findText(' said it.', true), '')).toBe(1));
    expect(a.read($readSegments)[0].text).toBe('নাসরিন আহমেদ');
    a.dispose();
  });
});
