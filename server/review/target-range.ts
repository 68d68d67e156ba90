// The range a suggestion or comment targets, from the request: UTF-16 offsets into the segment's
// plain text, or `find` (the first occurrence of an exact text). Offsets never split a grapheme.
import { isGraphemeBoundary } from '../../shared/graphemes.js';
import type { TextRange } from '../../shared/review/anchor.js';
import { badRequest } from '../../shared/api-error.js';

export interface RangeInput {
  start?: number;
  end?: number;
  find?: string;
}

export function targetRange(text: string, input: RangeInput, { whole = false } = {}): TextRange {
  const hasOffsets = input.start !== undefined || input.end !== undefined;
  if (input.find !== undefined && hasOffsets) throw badRequest('give either find or start/end, not both', 'bad_range');
  if (input.find !== undefined) {
    if (input.find === '') throw badRequest('find must not be empty', 'bad_range');
    const at = text.indexOf(input.find);
    if (at === -1) throw badRequest('the text to find is not in the segment', 'not_found_in_segment');
    return { start: at, end: at + input.find.length };
  }
  if (!hasOffsets) {
    if (whole) return { start: 0, end: text.length };
    throw badRequest('give find or start/end', 'bad_range');
  }
  const start = input.start ?? input.end!;
  const end = input.end ?? start;
  if (start > end || end > text.length) {
    throw badRequest(`the range ${start}–${end} is outside the segment's ${text.length} characters`, 'bad_range');
  }
  for (const offset of [start, end]) {
    if (!isGraphemeBoundary(text, offset)) throw badRequest(`offset ${offset} splits a character`, 'bad_range');
  }
  return { start, end };
}

/** A point of `text` (a split's), checked as a range's ends are: inside it, never splitting a character. */
export function textOffset(text: string, offset: number, what: string): number {
  if (offset > text.length) throw badRequest(`offset ${offset} is outside the ${what}'s ${text.length} characters`, 'bad_range');
  if (!isGraphemeBoundary(text, offset)) throw badRequest(`offset ${offset} splits a character of the ${what}`, 'bad_range');
  return offset;
}
