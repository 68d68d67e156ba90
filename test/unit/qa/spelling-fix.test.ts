import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import { $readSegments } from '../../../shared/article.js';
import { openArticle } from '../../../shared/headless.js';
import { $createSegmentNode } from '../../../shared/nodes/index.js';
import { $makeSpellingAll } from '../../../client/qa/spelling-fix.js';

function article(...texts: string[]) {
  const a = openArticle();
  a.update(() => {
    $getRoot().append(...texts.map((text, i) => $createSegmentNode(`s${i}`).append($createParagraphNode().append($createTextNode(text)))));
  });
  return a;
}

describe('QA names: make them all X', () => {
  it('SPEC 14.14 makes every occurrence of one spelling the other, endings kept, in one update', () => {
    const a = article('বেনিফ বলেন, বেনিফকে জানানো হয়।', 'বেনিওফের চিঠি; বেনিফের মন্তব্য।');
    a.update(() => expect($makeSpellingAll('বেনিফ', 'বেনিওফ')).toBe(3));
    expect(a.read($readSegments).map((s) => s.text)).toEqual(['বেনিওফ বলেন, বেনিওফকে জানানো হয়।', 'বেনিওফের চিঠি; বেনিওফের মন্তব্য।']);
    a.dispose();
  });

  it('SPEC 14.14 puts a hyphen between a Latin spelling and a Bengali ending, and keeps the one a Latin name has', () => {
    const a = article('একটি সূত্র ওয়্যারডকে জানিয়েছে, WIRED-এর খবর; ওয়্যারডের সম্পাদক।');
    a.update(() => expect($makeSpellingAll('ওয়্যারড', 'WIRED')).toBe(2));
    expect(a.read($readSegments)[0].text).toBe('একটি সূত্র WIRED-কে জানিয়েছে, WIRED-এর খবর; WIRED-এর সম্পাদক।');
    a.update(() => expect($makeSpellingAll('WIRED', 'ওয়্যারড')).toBe(3));
    expect(a.read($readSegments)[0].text).toBe('একটি সূত্র ওয়্যারড-কে জানিয়েছে, ওয়্যারড-এর খবর; ওয়্যারড-এর সম্পাদক।');
    a.dispose();
  });
});
