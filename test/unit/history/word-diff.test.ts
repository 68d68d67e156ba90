import { describe, expect, it } from 'vitest';
import { diffSegments } from '../../../shared/diff/segments.js';
import { diffWords, editsOf, wordTokens } from '../../../shared/diff/words.js';
import { graphemeSegmenter } from '../../../shared/graphemes.js';

/** Applies edits (last first) to a text. */
function apply(text: string, ops: ReturnType<typeof diffWords>): string {
  for (const edit of editsOf(ops)) text = text.slice(0, edit.start) + edit.text + text.slice(edit.start + edit.length);
  return text;
}

const graphemes = (text: string) => Array.from(graphemeSegmenter().segment(text), (g) => g.segment);

describe('word diff', () => {
  it('SPEC 16.4 a respelled Bengali name is one delete and one insert of whole words', () => {
    const ops = diffWords('মার্ক বেনিফ বলেন।', 'মার্ক বেনিওফ বলেন।', 'bn');
    expect(ops).toEqual([
      { op: 'equal', text: 'মার্ক ' },
      { op: 'delete', text: 'বেনিফ' },
      { op: 'insert', text: 'বেনিওফ' },
      { op: 'equal', text: ' বলেন।' },
    ]);
  });

  it('SPEC 16.4 conjuncts and vowel signs stay whole: every op is whole graphemes of whole words', () => {
    const from = 'রবীন্দ্রনাথের ক্ষমতা, স্বপ্ন ও ঐক্য।';
    const to = 'রবীন্দ্রনাথ ক্ষমতার স্বপ্ন আর ঐক্য!';
    const ops = diffWords(from, to, 'bn');
    const fromWords = new Set(wordTokens(from, 'bn'));
    const toWords = new Set(wordTokens(to, 'bn'));
    for (const { op, text } of ops) {
      if (op === 'equal') continue;
      // Each changed run is made of the side's own tokens, never a piece of one.
      const side = op === 'delete' ? fromWords : toWords;
      expect(wordTokens(text, 'bn').every((t) => side.has(t))).toBe(true);
    }
    expect(ops.filter((o) => o.op === 'delete').map((o) => o.text)).toEqual(['রবীন্দ্রনাথের', 'ক্ষমতা,', 'ও', '।']);
    expect(ops.filter((o) => o.op === 'insert').map((o) => o.text)).toEqual(['রবীন্দ্রনাথ', 'ক্ষমতার', 'আর', '!']);
    // The text of each side is its ops, and no op boundary falls inside a grapheme.
    expect(ops.filter((o) => o.op !== 'insert').map((o) => o.text).join('')).toBe(from);
    expect(ops.filter((o) => o.op !== 'delete').map((o) => o.text).join('')).toBe(to);
    for (const { text } of ops) expect(graphemes(text).join('')).toBe(text);
  });

  it('SPEC 16.4 spaces and punctuation are tokens of their own; equal texts are one equal op', () => {
    expect(diffWords('Hello, world', 'Hello world', 'en')).toEqual([
      { op: 'equal', text: 'Hello' },
      { op: 'delete', text: ',' },
      { op: 'equal', text: ' world' },
    ]);
    expect(diffWords('same', 'same')).toEqual([{ op: 'equal', text: 'same' }]);
    expect(diffWords('', '')).toEqual([]);
    expect(diffWords('', 'new')).toEqual([{ op: 'insert', text: 'new' }]);
  });

  it('SPEC 16.5 the edits of a diff turn the old text into the new one', () => {
    const pairs = [
      ['মার্ক বেনিফ বলেন।', 'মার্ক বেনিওফ বলেন।'],
      ['one two three four', 'zero one three five four six'],
      ['a\nb', 'a b\nc'],
      ['text', ''],
      ['', 'text'],
      ['👩🏽‍💻 codes', '👨‍👩‍👧 codes well'],
    ];
    for (const [from, to] of pairs) expect(apply(from, diffWords(from, to, 'bn'))).toBe(to);
  });
});

describe('segment diff', () => {
  it('SPEC 16.4 segments are matched by id; one on a side only is all insert or all delete, in place', () => {
    const from = [
      { id: 'a', text: 'first' },
      { id: 'b', text: 'gone' },
      { id: 'c', text: 'third one' },
    ];
    const to = [
      { id: 'a', text: 'first' },
      { id: 'c', text: 'third two' },
      { id: 'd', text: 'new' },
    ];
    expect(diffSegments(from, to, 'en')).toEqual([
      { id: 'a', index: 0, changed: false, ops: [{ op: 'equal', text: 'first' }] },
      { id: 'b', index: 1, changed: true, ops: [{ op: 'delete', text: 'gone' }] },
      {
        id: 'c',
        index: 2,
        changed: true,
        ops: [
          { op: 'equal', text: 'third ' },
          { op: 'delete', text: 'one' },
          { op: 'insert', text: 'two' },
        ],
      },
      { id: 'd', index: 3, changed: true, ops: [{ op: 'insert', text: 'new' }] },
    ]);
  });
});
