import { describe, expect, it } from 'vitest';
import { differsAsNamesDo, spellingRanges, spellingsOf } from '../../../shared/qa/name-spellings.js';
import { soundKey } from '../../../shared/qa/name-sound.js';
import { QaChecker, runQa, type QaSegment } from '../../../shared/qa/index.js';
import { flagged, qa, segments, type Options } from './helpers.js';

/** The names issues of an article: [segment index, flagged text, found, other]. */
function names(segs: QaSegment[], options: Options = {}) {
  return qa(segs, options)
    .filter((i) => i.check === 'names')
    .map((i) => [i.index, flagged(i, segs[i.index].target), i.spellings?.found, i.spellings?.other]);
}

// Modelled on a machine-translated draft: the CEO's name spelled two ways, WIRED once in Bengali letters.
const draft: Array<[string, string]> = [
  ['সিইও মার্ক বেনিওফকে অনুরোধ জানিয়ে খোলা চিঠি', 'An open letter asking CEO Marc Benioff'],
  ['বেনিওফ আন্তর্জাতিক কর্মীদের দাঁড়াতে বলেছিলেন, WIRED-এর সূত্র জানায়।', 'Benioff asked international staff to stand, sources told WIRED.'],
  ['বেনিওফের মন্তব্যে কর্মীরা রাগান্বিত, একটি সূত্র ওয়্যারডকে জানিয়েছে।', 'Benioff’s remarks angered staff, a source told WIRED.'],
  ['ট্রাম্প বেনিফ এবং অন্যদের কাছে পৌঁছানোর পরে পরিকল্পনা বাতিল করেন।', 'Trump dropped the plan after reaching out to Benioff and others.'],
  ['সেলসফোর্স WIRED-এর অনুরোধে সাড়া দেয়নি; বেনিওফ মন্তব্য করেননি।', 'Salesforce did not respond to WIRED; Benioff declined to comment.'],
];

describe('QA names: one name, two spellings', () => {
  it('SPEC 14.13 proposes one name for spellings a grapheme apart that sound like a name of the source', () => {
    expect(names(segments(...draft))).toEqual([
      [2, 'ওয়্যারডকে', 'ওয়্যারড', 'WIRED'],
      [3, 'বেনিফ', 'বেনিফ', 'বেনিওফ'],
    ]);
    const [issue] = qa(segments(...draft)).filter((i) => i.check === 'names' && i.index === 3);
    expect(issue).toMatchObject({ severity: 'warning', message: '“বেনিফ” and “বেনিওফ”: one name, two spellings?', spellings: { found: 'বেনিফ', other: 'বেনিওফ' } });
  });

  it('SPEC 14.13 finds them in a target-only draft, by how names’ spellings differ', () => {
    expect(names(segments(...draft.map(([target]) => [target, null] as [string, null])))).toEqual([
      [2, 'ওয়্যারডকে', 'ওয়্যারড', 'WIRED'],
      [3, 'বেনিফ', 'বেনিফ', 'বেনিওফ'],
    ]);
    // Vowel length, a sibilant: চৌধুরী and চৌধুরি, গাজীপুর and গাজিপুর.
    const texts = ['ইমরান চৌধুরীকে চিঠি', 'চৌধুরী বলেন', 'চৌধুরীর কারখানা', 'চৌধুরি বলেছিলেন', 'গাজীপুরে', 'গাজীপুরের কারখানা', 'গাজিপুর ও আশপাশে'];
    expect(names(segments(...texts.map((t) => [t, null] as [string, null])))).toEqual([
      [3, 'চৌধুরি', 'চৌধুরি', 'চৌধুরী'],
      [6, 'গাজিপুর', 'গাজিপুর', 'গাজীপুর'],
    ]);
  });

  it('SPEC 14.13 flags each occurrence of the rarer spelling, and both when they are as common', () => {
    const twice = segments(['বেনিওফ', 'Benioff'], ['বেনিওফকে', 'Benioff'], ['বেনিওফের', 'Benioff'], ['বেনিফ ও বেনিফের', 'Benioff and Benioff']);
    expect(names(twice).map(([index, text]) => [index, text])).toEqual([[3, 'বেনিফ'], [3, 'বেনিফের']]);
    const even = segments(['বেনিওফ বলেন', 'Benioff said'], ['বেনিফ বলেন', 'Benioff said']);
    expect(names(even)).toEqual([]); // twice in all: not several times
    const four = segments(['বেনিওফ বলেন', 'Benioff said'], ['বেনিফ বলেন', 'Benioff said'], ['বেনিওফকে', 'to Benioff'], ['বেনিফকে', 'to Benioff']);
    expect(names(four).map(([index, text]) => [index, text])).toEqual([[0, 'বেনিওফ'], [1, 'বেনিফ'], [2, 'বেনিওফকে'], [3, 'বেনিফকে']]);
  });

  it('SPEC 14.13 finds capitalized names spelled two ways in a Latin-script translation', () => {
    const english = segments(['Benioff said', 'বেনিওফ বলেন'], ['Benioff’s letter', 'বেনিওফের চিঠি'], ['Beniof agreed', 'বেনিওফ রাজি'], ['the letter to Benioff', 'বেনিওফকে চিঠি']);
    expect(names(english, { sourceLang: 'bn', targetLang: 'en' })).toEqual([[2, 'Beniof', 'Beniof', 'Benioff']]);
    // A word also written in lower case is no name: "Then", "then".
    const words = segments(['Then we left', null], ['and then', null], ['then again', null], ['Them too', null]);
    expect(names(words, { sourceLang: 'bn', targetLang: 'en' })).toEqual([]);
  });

  it('SPEC 14.13 raises no alarm on one word inflected, or on ordinary words a grapheme apart', () => {
    const inflected = ['চৌধুরী বলেন', 'চৌধুরীর কারখানা', 'চৌধুরীকে চিঠি', 'চৌধুরীরা', 'কর্মী ও কর্মীরা', 'কর্মীদের কর্মীর', 'টাকায় টাকার টাকা'];
    expect(names(segments(...inflected.map((t) => [t, null] as [string, null])))).toEqual([]);
    // Verb tenses (করেছেন, করছেন), honorifics (তাদের, তাঁদের), other words (মৌলিক, মালিক).
    const ordinary = ['তারা কাজ করেছেন', 'তারা কাজ করেছেন', 'তারা কাজ করেছেন', 'তিনি কাজ করছেন', 'তাদের তাদের তাদের তাঁদের', 'মালিক মালিক মালিক মৌলিক'];
    expect(names(segments(...ordinary.map((t) => [t, 'They work.'] as [string, string])))).toEqual([]);
    expect(names(segments(...ordinary.map((t) => [t, null] as [string, null])))).toEqual([]);
  });

  it('SPEC 14.13 reads a word’s spellings with its case ending set aside', () => {
    expect(spellingsOf('বেনিওফকে')).toEqual(['বেনিওফকে', 'বেনিওফ']);
    expect(spellingsOf('গাজীপুরের')).toEqual(['গাজীপুরের', 'গাজীপুর']);
    expect(spellingsOf('গাজীপুর')).toEqual(['গাজীপুর', 'গাজীপু']); // a stem may end like an ending
    expect(spellingsOf('WIRED')).toEqual(['WIRED']);
    expect(differsAsNamesDo('বেনিওফ', 'বেনিফ')).toBe(true);
    expect(differsAsNamesDo('চৌধুরী', 'চৌধুরি')).toBe(true);
    expect(differsAsNamesDo('করেছেন', 'করছেন')).toBe(false);
    expect(differsAsNamesDo('তাদের', 'তাঁদের')).toBe(false);
    expect([soundKey('Benioff'), soundKey('বেনিওফ'), soundKey('WIRED'), soundKey('ওয়্যারড'), soundKey('Chowdhury'), soundKey('চৌধুরী')]).toEqual(['bnf', 'bnf', 'Vrd', 'Vrd', 'cdr', 'cdr']);
  });

  it('SPEC 14.13 finds where a spelling stands in a text, its endings kept, for "make them all X"', () => {
    const text = 'বেনিফ বলেন, বেনিফকে জানানো হয়; বেনিফের চিঠি। বেনিওফ নয়।';
    expect(spellingRanges(text, 'বেনিফ').map((r) => [text.slice(r.start, r.end), r.ending])).toEqual([['বেনিফ', false], ['বেনিফ', true], ['বেনিফ', true]]);
    // য় written as য + nukta in the text, as one character in the spelling.
    const decomposed = 'রয\u09BCটার্সকে';
    expect(spellingRanges(decomposed, 'রয়টার্স').map((r) => decomposed.slice(r.start, r.end))).toEqual(['রয\u09BCটার্স']);
  });

  it('SPEC 14.13 live runs take in only the segments that changed, and find what a first run finds', () => {
    const checker = new QaChecker();
    const input = (segs: QaSegment[]) => ({ sourceLang: 'en', targetLang: 'bn', segments: segs, glossary: [] });
    const article = segments(...draft);
    checker.run(input(article));
    // Fix the misspelling: the issue goes; misspell again elsewhere: it comes back there.
    const fixed = article.map((s) => (s.index === 3 ? { ...s, target: s.target.replace('বেনিফ', 'বেনিওফ') } : s));
    let issues = checker.run(input(fixed));
    expect(checker.checked).toBe(1);
    expect(issues).toEqual(runQa(input(fixed)));
    expect(issues.filter((i) => i.check === 'names').map((i) => i.index)).toEqual([2]);
    const again = fixed.map((s) => (s.index === 1 ? { ...s, target: s.target.replace('বেনিওফ', 'বেনিফ') } : s));
    issues = checker.run(input(again));
    expect(checker.checked).toBe(1);
    expect(issues).toEqual(runQa(input(again)));
    expect(issues.filter((i) => i.check === 'names').map((i) => i.index)).toEqual([1, 2]);
    // A segment removed takes its words with it.
    const removed = again.filter((s) => s.index !== 1).map((s, index) => ({ ...s, index }));
    expect(checker.run(input(removed))).toEqual(runQa(input(removed)));
  });
});
