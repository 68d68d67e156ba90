import { describe, expect, it } from 'vitest';
import { applyProfile, cleanProfile, occurrenceOf } from '../../../shared/qa/profile.js';
import { qa, segments } from './helpers.js';

const article = segments(['চিঠিতে ১,৩০০টি স্বাক্ষর আছে।', 'The letter has 1,200 signatures.'], ['স্বেচ্ছাসেবকেরা  সাহায্য করেছেন।', 'Volunteers helped.']);
const targets = (segs = article) => new Map(segs.map((s) => [s.id, s.target]));
const summary = (issues: Array<{ check: string; severity: string }>) => issues.map((i) => `${i.check}:${i.severity}`);

describe('QA profile and ignored issues', () => {
  it('SPEC 14.15 a check off leaves its issues out; a check as a warning makes them warnings', () => {
    const issues = qa(article);
    expect(summary(applyProfile(issues, targets(), {}, []).issues)).toEqual(['numbers:error', 'whitespace:info']);
    expect(summary(applyProfile(issues, targets(), { numbers: 'warning', whitespace: 'off' }, []).issues)).toEqual(['numbers:warning']);
    expect(summary(applyProfile(issues, targets(), { whitespace: 'warning' }, []).issues)).toEqual(['numbers:error', 'whitespace:warning']);
    // Unknown checks and "on" are dropped from a stored profile.
    expect(cleanProfile({ numbers: 'on', whitespace: 'off', spelling: 'off', names: 'loud' })).toEqual({ whitespace: 'off' });
  });

  it('SPEC 14.16 an ignored occurrence is set apart, and stays so when text before it changes', () => {
    const issues = qa(article);
    const numbers = issues.find((i) => i.check === 'numbers')!;
    const ignored = [occurrenceOf(numbers, article[0].target)];
    expect(ignored).toEqual([{ segmentId: 'seg-0', check: 'numbers', message: 'Number 1,200 in the source is ১,৩০০ in the translation', text: '১,৩০০' }]);
    const applied = applyProfile(issues, targets(), {}, ignored);
    expect(summary(applied.issues)).toEqual(['whitespace:info']);
    expect(applied.ignored).toEqual([numbers]);
    // Text typed before it moves its offsets, not the occurrence.
    const edited = article.map((s) => (s.index === 0 ? { ...s, target: `আজ ${s.target}` } : s));
    expect(summary(applyProfile(qa(edited), targets(edited), {}, ignored).issues)).toEqual(['whitespace:info']);
    // Another number wrong in its place is another occurrence; so is the same one in another segment.
    const changed = article.map((s) => (s.index === 0 ? { ...s, target: s.target.replace('১,৩০০', '১,৪০০') } : s));
    expect(summary(applyProfile(qa(changed), targets(changed), {}, ignored).issues)).toEqual(['numbers:error', 'whitespace:info']);
    // A check turned off hides its ignored issues too.
    expect(applyProfile(issues, targets(), { numbers: 'off' }, ignored).ignored).toEqual([]);
  });
});
