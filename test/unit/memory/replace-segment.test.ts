// Inserting a memory match replaces the segment's whole text in the editor, whatever blocks and
// formatting it had, and leaves the other segments alone (SPEC 18.11).
import { $createLinkNode } from '@lexical/link';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import { $readSegments } from '../../../shared/article.js';
import { openArticle } from '../../../shared/headless.js';
import { $createSegmentNode } from '../../../shared/nodes/index.js';
import { $replaceSegmentText } from '../../../client/memory/insert-match.js';

function article() {
  const a = openArticle();
  a.update(() => {
    $getRoot().append(
      $createSegmentNode('s1').append($createParagraphNode().append($createTextNode('আগের '), $createTextNode('খসড়া').toggleFormat('bold'))),
      $createSegmentNode('s2').append(
        $createParagraphNode().append($createTextNode('দুই অনুচ্ছেদ, '), $createLinkNode('https://x.org').append($createTextNode('লিংক'))),
        $createParagraphNode().append($createTextNode('দ্বিতীয়টি')),
      ),
      $createSegmentNode('s3').append($createParagraphNode()),
    );
  });
  return a;
}

describe('inserting a memory match', () => {
  it('SPEC 18.11 replaces a segment’s text, its blocks and formatting included, and nothing else', () => {
    const a = article();
    a.update(() => expect($replaceSegmentText('s2', 'মন্ত্রণালয় জানিয়েছে।')).toBe(true));
    a.update(() => expect($replaceSegmentText('s1', 'নতুন লেখা')).toBe(true));
    expect(a.read(() => $readSegments())).toEqual([
      { id: 's1', text: 'নতুন লেখা' },
      { id: 's2', text: 'মন্ত্রণালয় জানিয়েছে।' },
      { id: 's3', text: '' },
    ]);
    a.dispose();
  });

  it('SPEC 18.11 fills an empty segment, keeps a line break of the match, and answers false for a segment that is gone', () => {
    const a = article();
    a.update(() => expect($replaceSegmentText('s3', 'প্রথম লাইন\nদ্বিতীয় লাইন')).toBe(true));
    a.update(() => expect($replaceSegmentText('gone', 'কিছু')).toBe(false));
    expect(a.read(() => $readSegments())).toEqual([
      { id: 's1', text: 'আগের খসড়া' },
      { id: 's2', text: 'দুই অনুচ্ছেদ, লিংক\nদ্বিতীয়টি' },
      { id: 's3', text: 'প্রথম লাইন\nদ্বিতীয় লাইন' },
    ]);
    a.dispose();
  });
});
