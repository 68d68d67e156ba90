import { describe, expect, it } from 'vitest';
import { scriptsOf } from '../../../shared/qa/scripts.js';
import { check, flagged } from './helpers.js';

const untranslated = (target: string, source: string | null = null, targetLang = 'bn', sourceLang = 'en') =>
  check('untranslated', target, source, { targetLang, sourceLang });

describe('QA untranslated', () => {
  it('SPEC 14.4 accepts Latin names and acronyms inside a Bengali sentence', () => {
    expect(untranslated('WIRED-এর দক্ষিণ এশিয়া নিউজলেটারে প্রথম প্রকাশিত খবর অনুযায়ী, খরচ প্রায় ৩ কোটি টাকা।')).toEqual([]);
    expect(untranslated('তিনি তখন মজা করে বলেছিলেন যে ICE এজেন্টরা তাকে বিল্ডিংয়ে পর্যবেক্ষণ করছে।')).toEqual([]);
    expect(untranslated('Salesforce-এর প্রধান নির্বাহী Marc Benioff বৃহস্পতিবার এক সাক্ষাৎকারে এ কথা বলেছেন।')).toEqual([]);
  });

  it('SPEC 14.4 flags a segment mostly in another script, with no source needed', () => {
    const target = 'Subscribe to our newsletter';
    const issues = untranslated(`  ${target} `);
    expect(issues).toMatchObject([{ severity: 'warning', message: 'Mostly Latin script, not Bengali: not translated?' }]);
    expect(flagged(issues[0], `  ${target} `)).toBe(target);
    expect(untranslated('Your email address will not be published. প্রয়োজনীয় ঘর *')).toHaveLength(1);
    expect(untranslated('সেলসফোর্স কর্মীরা চিঠি পাঠান', null, 'en', 'bn')).toMatchObject([
      { message: 'Mostly Bengali script, not Latin: not translated?' },
    ]);
  });

  it('SPEC 14.4 flags a target identical to its source', () => {
    const issues = untranslated('Leave a Reply', 'Leave a Reply');
    expect(issues).toMatchObject([{ severity: 'warning', message: 'Same as the source: not translated?' }]);
    expect(untranslated('Paris', 'Paris', 'fr')).toHaveLength(1);
  });

  it('SPEC 14.4 accepts numbers, short tokens and unknown languages', () => {
    expect(untranslated('2024', '2024')).toEqual([]);
    expect(untranslated('— ১২ —', '— 12 —')).toEqual([]);
    expect(untranslated('OK')).toEqual([]);
    expect(untranslated('Subscribe to our newsletter', null, 'tlh')).toEqual([]);
  });

  it('SPEC 14.4 knows the script of each language', () => {
    expect(scriptsOf('bn')).toEqual(['Bengali']);
    expect(scriptsOf('bn-IN')).toEqual(['Bengali']);
    expect(scriptsOf('hi')).toEqual(['Devanagari']);
    expect(scriptsOf('ar')).toEqual(['Arabic']);
    expect(scriptsOf('en-GB')).toEqual(['Latin']);
    expect(scriptsOf('sr-Latn')).toEqual(['Latin']);
    expect(scriptsOf('ja')).toContain('Hiragana');
    expect(untranslated('नमस्ते दुनिया, यह हिंदी है', null, 'hi')).toEqual([]);
    expect(untranslated('これは日本語の文です', null, 'ja')).toEqual([]);
  });
});
