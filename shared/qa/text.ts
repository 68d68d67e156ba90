// Text helpers for the QA checks: graphemes, words with their offsets, comparison keys.
import { graphemeSegmenter } from '../graphemes.js';

export function graphemes(text: string): string[] {
  return Array.from(graphemeSegmenter().segment(text), (s) => s.segment);
}

/** Widens [start, end) to the nearest grapheme boundaries, so a range never splits a conjunct. */
export function snapToGraphemes(text: string, start: number, end: number): { start: number; end: number } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  let snappedStart = 0;
  let snappedEnd = text.length;
  for (const { index } of graphemeSegmenter().segment(text)) {
    if (index <= from) snappedStart = index;
    if (index >= to) {
      snappedEnd = index;
      break;
    }
  }
  return { start: snappedStart, end: Math.max(snappedStart, snappedEnd) };
}

export interface Word {
  text: string;
  start: number;
  end: number;
}

// Letters, combining marks (Bengali vowel signs, hasanta), digits and the zero-width (non-)joiners.
const WORD = /[\p{L}\p{M}\p{Nd}\u200C\u200D]+/gu;

export function words(text: string): Word[] {
  return Array.from(text.matchAll(WORD), (m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

// Words recur through an article: each is normalized once (the checks ask for keys of every word).
const nfcCache = new Map<string, string>();

/** Comparison key: NFC (so য় and য + ় compare equal), lower-cased unless case matters. */
export function textKey(text: string, caseSensitive = false): string {
  let normal = nfcCache.get(text);
  if (normal === undefined) {
    if (nfcCache.size > 50_000) nfcCache.clear();
    normal = text.normalize('NFC');
    nfcCache.set(text, normal);
  }
  return caseSensitive ? normal : normal.toLowerCase();
}

/** Trimmed text with inner runs of whitespace collapsed, for "same text" comparisons. */
export function collapsed(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** The range of `text` without its leading and trailing whitespace. */
export function trimmedRange(text: string): { start: number; end: number } {
  const start = text.length - text.trimStart().length;
  return { start, end: Math.max(start, text.trimEnd().length) };
}

export const hasLetter = (text: string): boolean => /\p{L}/u.test(text);
