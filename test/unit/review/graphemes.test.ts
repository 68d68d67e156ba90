import { describe, expect, it } from 'vitest';
import { graphemesAround, isGraphemeBoundary } from '../../../shared/graphemes.js';

describe('grapheme boundaries', () => {
  it('SPEC 11.2 a Bengali conjunct, a vowel sign and an emoji are never split', () => {
    const text = 'ক্ষমা কি 👍🏽!';
    // ক্ষ is ক + ্ + ষ: offsets 1 and 2 fall inside it; মা is ম + া: offset 4 falls inside it.
    const inside = [1, 2, 4, 7, 10, 11, 12];
    const boundaries = [0, 3, 5, 6, 8, 9, 13, 14];
    for (const offset of inside) expect({ offset, boundary: isGraphemeBoundary(text, offset) }).toEqual({ offset, boundary: false });
    for (const offset of boundaries) expect({ offset, boundary: isGraphemeBoundary(text, offset) }).toEqual({ offset, boundary: true });
    expect(isGraphemeBoundary(text, -1)).toBe(false);
    expect(isGraphemeBoundary(text, text.length + 1)).toBe(false);
  });

  it('SPEC 11.3 the context of a quote is taken in whole graphemes', () => {
    const text = 'প্রথম ক্ষমা শেষ';
    expect(graphemesAround(text, 6, 2, 'before')).toBe('ম ');
    expect(graphemesAround(text, 6, 1, 'after')).toBe('ক্ষ');
  });
});
