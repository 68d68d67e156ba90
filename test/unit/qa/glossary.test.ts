import { describe, expect, it } from 'vitest';
import type { GlossaryEntry } from '../../../shared/qa/index.js';
import { check, flagged } from './helpers.js';

const glossary: GlossaryEntry[] = [
  { source: 'Benioff', target: 'বেনিওফ', forbidden: ['বেনিফ'] },
  { source: 'Salesforce', target: 'সেলসফোর্স' },
  { source: 'employee', target: 'কর্মী', note: 'not কর্মচারী', forbidden: ['কর্মচারী'] },
  { source: 'ICE', target: 'আইসিই', caseSensitive: true },
  { source: 'Mark Benioff', target: 'মার্ক বেনিওফ' },
];
const terms = (target: string, source: string | null = null, options = {}) =>
  check('glossary', target, source, { glossary, ...options });

describe('QA glossary', () => {
  it('SPEC 14.3 accepts agreed terms with Bengali endings', () => {
    expect(terms('সেলসফোর্সের কর্মীরা বেনিওফকে চিঠি দিয়েছেন।', 'Salesforce employees wrote to Benioff.')).toEqual([]);
    expect(terms('বেনিওফের মন্তব্য; বেনিওফে আস্থা; আইসিই-এর নিন্দা', 'Benioff’s remark; trust in Benioff; ICE')).toEqual([]);
    expect(terms('সিইও মার্ক বেনিওফকে অনুরোধ', 'asked CEO Mark Benioff')).toEqual([]);
  });

  it('SPEC 14.3 flags an agreed translation missing from the target', () => {
    const issues = terms('কোম্পানির কর্মীরা চিঠি দিয়েছেন।', 'Salesforce employees wrote a letter.');
    expect(issues).toMatchObject([
      { severity: 'warning', message: '“Salesforce” should be translated as “সেলসফোর্স”' },
    ]);
    expect(issues[0].start).toBeUndefined();
  });

  it('SPEC 14.3 matches Latin source terms case-insensitively unless told otherwise', () => {
    expect(terms('কোম্পানি', 'SALESFORCE')).toHaveLength(1);
    expect(terms('বরফ গলে গেছে', 'The ice melted')).toEqual([]); // ICE is case-sensitive
    expect(terms('অভিবাসন সংস্থা', 'ICE agents')).toHaveLength(1);
  });

  it('SPEC 14.3 flags forbidden variants, inflected ones too, on a target-only draft', () => {
    const target = 'কর্মচারীরা বেনিফকে চিঠি দিয়েছেন।';
    const issues = terms(target);
    expect(issues.map((i) => [i.severity, i.message, flagged(i, target)])).toEqual([
      ['error', 'Forbidden term “কর্মচারী”: use “কর্মী”', 'কর্মচারীরা'],
      ['error', 'Forbidden term “বেনিফ”: use “বেনিওফ”', 'বেনিফকে'],
    ]);
  });

  it('SPEC 14.3 flags near-miss spellings of an agreed term, inflected ones too', () => {
    const target = 'বনিওফ বলেছেন; সেলসফোসের কর্মীরা; বেনিওপের মন্তব্য';
    const issues = terms(target);
    expect(issues.map((i) => [i.severity, flagged(i, target)])).toEqual([
      ['warning', 'বনিওফ'], // dropped vowel sign
      ['warning', 'সেলসফোসের'], // dropped র্ (reph), then -এর
      ['warning', 'বেনিওপের'], // ফ → প, then -এর
    ]);
    expect(issues[0].message).toBe('“বনিওফ” looks like a misspelling of “বেনিওফ”');
  });

  it('SPEC 14.3 does not report a near miss where the agreed term or a forbidden variant is', () => {
    expect(terms('বেনিওফ, বেনিওফকে, বেনিওফরা, সেলসফোর্সর')).toEqual([]);
    expect(terms('বেনিফ').map((i) => i.severity)).toEqual(['error']);
  });

  it('SPEC 14.3 does not treat short terms or other words as near misses', () => {
    const short: GlossaryEntry[] = [{ source: 'tax', target: 'কর' }];
    expect(check('glossary', 'কম কর, খর রোদ', null, { glossary: short })).toEqual([]);
    expect(terms('কর্মকর্তারা অভিযোগ করেছেন, সেলসম্যান এসেছেন')).toEqual([]);
  });

  it('SPEC 14.3 suggests once: no "missing" warning when the variant used is flagged', () => {
    const issues = terms('বেনিফ বলেছেন', 'Benioff said');
    expect(issues.map((i) => i.message)).toEqual(['Forbidden term “বেনিফ”: use “বেনিওফ”']);
  });

  it('SPEC 14.3 works for an English target too', () => {
    const english: GlossaryEntry[] = [{ source: 'সেলসফোর্স', target: 'Salesforce', forbidden: ['SalesForce'], caseSensitive: true }];
    const target = 'SalesForce and Salesforces and Salesforse';
    const issues = check('glossary', target, 'সেলসফোর্সের কর্মীরা', { glossary: english, sourceLang: 'bn', targetLang: 'en' });
    expect(issues.map((i) => [i.severity, flagged(i, target)])).toEqual([
      ['error', 'SalesForce'],
      ['warning', 'Salesforse'],
    ]);
  });
});
