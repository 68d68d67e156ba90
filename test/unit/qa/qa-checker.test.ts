import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitTextBlocks } from '../../../shared/import/text.js';
import { QaChecker, runQa, type GlossaryEntry, type QaInput, type QaSegment } from '../../../shared/qa/index.js';

const blocks = (name: string) => splitTextBlocks(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8'));
const source = blocks('qa-article.en.txt');
const target = blocks('qa-article.bn.txt');
const article: QaSegment[] = source.map((text, index) => ({ id: `s${index}`, index, source: text, target: target[index] ?? '' }));
const glossary: GlossaryEntry[] = [{ source: 'library', target: 'গ্রন্থাগার', forbidden: ['লাইব্রেরি'] }];
const input = (segments: QaSegment[], entries = glossary): QaInput => ({ sourceLang: 'en', targetLang: 'bn', segments, glossary: entries });

describe('QA checker (live runs)', () => {
  it('SPEC 14.9 a run after edits finds what a first run over the same text finds', () => {
    const checker = new QaChecker();
    expect(checker.run(input(article))).toEqual(runQa(input(article)));
    // Fix one flaw, make another, and insert a segment that copies an earlier one.
    const edited = article.map((s) => (s.index === 6 ? { ...s, target: s.target.replace('লাইব্রেরির', 'গ্রন্থাগারের') } : s));
    edited[1] = { ...edited[1], target: `${edited[1].target}  ` };
    const withCopy = [...edited.slice(0, 3), { id: 'new', index: 3, source: 'Other text', target: edited[0].target }, ...edited.slice(3).map((s) => ({ ...s, index: s.index + 1 }))];
    const rerun = checker.run(input(withCopy));
    expect(rerun).toEqual(runQa(input(withCopy)));
    expect(rerun.map((i) => [i.segmentId, i.check])).toContainEqual(['new', 'duplicate']);
    expect(rerun.map((i) => [i.segmentId, i.check])).not.toContainEqual(['s6', 'glossary']);
  });

  it('SPEC 14.9 a run checks again only the segments whose source or target changed', () => {
    const checker = new QaChecker();
    checker.run(input(article));
    expect(checker.checked).toBe(article.length);
    checker.run(input(article));
    expect(checker.checked).toBe(0);
    const edited = article.map((s) => (s.index === 2 ? { ...s, target: `${s.target} আরও` } : s));
    checker.run(input(edited));
    expect(checker.checked).toBe(1);
  });

  it('SPEC 14.9 a new glossary checks every segment again', () => {
    const checker = new QaChecker();
    checker.run(input(article));
    const entries = [...glossary, { source: 'Ahmed', target: 'আহমেদ' }];
    const issues = checker.run(input(article, entries));
    expect(checker.checked).toBe(article.length);
    expect(issues).toEqual(runQa(input(article, entries)));
    expect(issues.some((i) => i.index === 2 && i.check === 'glossary')).toBe(true);
  });
});
