import { describe, expect, it } from 'vitest';
import { qa, segments } from './helpers.js';

describe('QA empty', () => {
  it('SPEC 14.6 flags an empty target whose source has text, and nothing else about it', () => {
    const issues = qa(segments(['', 'Comments are closed.'], [' \n ', 'Volunteers from 12 universities helped.']));
    expect(issues.map((i) => [i.index, i.check, i.severity, i.message])).toEqual([
      [0, 'empty', 'error', 'The translation is empty'],
      [1, 'empty', 'error', 'The translation is empty'],
    ]);
    expect(issues[0].start).toBeUndefined();
  });

  it('SPEC 14.6 accepts an empty target with no source text', () => {
    expect(qa(segments(['', ''], ['', null]))).toEqual([]);
  });
});
