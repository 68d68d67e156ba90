// A word-level diff of two texts (SPEC 16.4): tokens are Intl.Segmenter's word segments and the runs
// between them (spaces, punctuation) as tokens of their own, so a changed word is deleted and
// inserted whole and a grapheme cluster (a Bengali conjunct, an emoji) is never split. jsdiff's
// diffArrays does the diff of the tokens.
import { diffArrays } from 'diff';

export type DiffOp = { op: 'equal' | 'insert' | 'delete'; text: string };

const segmenters = new Map<string, Intl.Segmenter>();

function wordSegmenter(lang: string | undefined): Intl.Segmenter {
  const key = lang ?? '';
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

/** The text's words and what lies between them, in order; joined they give the text back. */
export function wordTokens(text: string, lang?: string): string[] {
  return Array.from(wordSegmenter(lang).segment(text), (s) => s.segment);
}

/** The ops that turn `from` into `to`; consecutive tokens of one kind form one op. */
export function diffWords(from: string, to: string, lang?: string): DiffOp[] {
  if (from === to) return from === '' ? [] : [{ op: 'equal', text: from }];
  const ops: DiffOp[] = [];
  for (const change of diffArrays(wordTokens(from, lang), wordTokens(to, lang))) {
    const op = change.added ? 'insert' : change.removed ? 'delete' : 'equal';
    const text = change.value.join('');
    const last = ops[ops.length - 1];
    if (last?.op === op) last.text += text;
    else if (text !== '') ops.push({ op, text });
  }
  return ops;
}

/** An edit of `from`: replace `length` UTF-16 units at `start` with `text`. */
export interface TextEdit {
  start: number;
  length: number;
  text: string;
}

/** The ops as edits of the old text, last first, so each can be applied without moving the others. */
export function editsOf(ops: readonly DiffOp[]): TextEdit[] {
  const edits: TextEdit[] = [];
  let offset = 0;
  let open: TextEdit | null = null;
  for (const { op, text } of ops) {
    if (op === 'equal') {
      offset += text.length;
      open = null;
      continue;
    }
    open ??= edits[edits.push({ start: offset, length: 0, text: '' }) - 1];
    if (op === 'delete') {
      open.length += text.length;
      offset += text.length;
    } else open.text += text;
  }
  return edits.reverse();
}
