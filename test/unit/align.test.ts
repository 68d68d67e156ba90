import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alignBlocks, LOW_CONFIDENCE, type AlignedPair } from '../../shared/align/index.js';
import { buildSegments } from '../../shared/import/blocks.js';
import { $parseMarkdownBlocks } from '../../shared/import/markdown.js';
import { splitTextBlocks } from '../../shared/import/text.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const markdownBlocks = (text: string) => buildSegments(() => $parseMarkdownBlocks(text).map((node) => [node])).texts;
const align = (source: string[], target: string[], links?: Array<[number, number]>) =>
  alignBlocks({ source, target, sourceLang: 'en', targetLang: 'bn', links });
const shape = (pairs: AlignedPair[]) => pairs.map((pair) => [pair.source, pair.target]);
const pairOf = (pairs: AlignedPair[], source: number[], target: number[]) =>
  pairs.find((pair) => JSON.stringify([pair.source, pair.target]) === JSON.stringify([source, target]));
const oneToOne = (from: [number, number], to: [number, number]) =>
  Array.from({ length: to[0] - from[0] + 1 }, (_, k) => [[from[0] + k], [from[1] + k]]);

/** Every block of both sides exactly once, in order. */
function expectCovers(pairs: AlignedPair[], n: number, m: number) {
  expect(pairs.flatMap((pair) => pair.source)).toEqual(Array.from({ length: n }, (_, i) => i));
  expect(pairs.flatMap((pair) => pair.target)).toEqual(Array.from({ length: m }, (_, j) => j));
  for (const pair of pairs) expect(pair.source.length + pair.target.length).toBeGreaterThan(0);
}

// English sentences and their Bengali translations, with numbers (Bengali digits) and names.
const SENTENCES: Array<[string, string]> = [
  ['Prices of rice rose 12 percent in March, the Bureau of Statistics said.', 'পরিসংখ্যান ব্যুরো জানিয়েছে, মার্চে চালের দাম ১২ শতাংশ বেড়েছে।'],
  ['Wages rose only 4 percent over the same period.', 'একই সময়ে মজুরি বেড়েছে মাত্র ৪ শতাংশ।'],
  ['Rahima Begum, a garment worker in Gazipur, now skips lunch twice a week.', 'গাজীপুরের পোশাকশ্রমিক রহিমা বেগম এখন সপ্তাহে দুদিন দুপুরের খাবার বাদ দেন।'],
  ['“We buy less fish and no meat at all,” she said.', '“মাছ কম কিনি, মাংস একেবারেই না,” বলেন তিনি।'],
  ['Economist Selim Raihan said inflation had stayed above 9 percent for 18 months.', 'অর্থনীতিবিদ সেলিম রায়হান বলেন, ১৮ মাস ধরে মূল্যস্ফীতি ৯ শতাংশের ওপরে রয়েছে।'],
  ['The central bank raised its policy rate to 10 percent in October.', 'অক্টোবরে কেন্দ্রীয় ব্যাংক নীতি সুদহার বাড়িয়ে ১০ শতাংশ করেছে।'],
  ['Traders in Karwan Bazar blamed the cost of transport.', 'কারওয়ান বাজারের ব্যবসায়ীরা পরিবহন খরচকে দায়ী করছেন।'],
  ['The government plans to sell rice at Tk 30 a kilo to 10 million families.', 'সরকার ১ কোটি পরিবারের কাছে কেজিপ্রতি ৩০ টাকায় চাল বিক্রির পরিকল্পনা করছে।'],
];
const EN = SENTENCES.map(([en]) => en);
const BN = SENTENCES.map(([, bn]) => bn);

describe('alignment', () => {
  it('SPEC 6.5 a text draft: the repeated headline and the sign-up line stand alone, the dropped caption has no draft, two paragraphs merged and one split are found', () => {
    const source = splitTextBlocks(fixture('align-erosion.en.txt'));
    const target = splitTextBlocks(fixture('align-erosion.bn.txt'));
    expect([source.length, target.length]).toEqual([14, 15]);
    const pairs = align(source, target);
    expectCovers(pairs, 14, 15);
    expect(shape(pairs)).toEqual([
      [[0], [0]],
      [[1], []], // the photo caption, not translated
      [[], [1]], // the headline, written twice
      ...oneToOne([2, 2], [4, 4]),
      [[5, 6], [5]], // two short paragraphs in one
      [[7], [6, 7]], // the engineer's long paragraph in two
      ...oneToOne([8, 8], [13, 13]),
      [[], [14]], // the newsletter line the source does not have
    ]);
    // The 1–1 pairs are sure of themselves: numbers and names on both sides.
    for (const pair of pairs.filter((p) => p.source.length === 1 && p.target.length === 1)) expect(pair.confidence).toBeGreaterThan(0.9);
  });

  it('SPEC 6.5 a Markdown draft: the dropped byline, a paragraph split in two, a paragraph merged into the quote and an added line; the byline and the pairs around it are marked for a look', () => {
    const source = markdownBlocks(fixture('align-metro.en.md'));
    const target = markdownBlocks(fixture('align-metro.bn.md'));
    expect([source.length, target.length]).toEqual([12, 12]);
    const pairs = align(source, target);
    expectCovers(pairs, 12, 12);
    expect(shape(pairs)).toEqual([
      [[0], [0]],
      [[1], []], // "By Tanvir Hasan": the byline is not in the draft
      ...oneToOne([2, 1], [8, 7]),
      [[9], [8, 9]], // the commuters' paragraph in two
      [[10, 11], [10]], // the extension sentence joined to the quote
      [[], [11]], // "Read more: …", only in the draft
    ]);
    // A byline without a number or a name the draft has: where it went is a guess, and so is the
    // paragraph after it, and the quote that took the next paragraph in.
    expect(pairOf(pairs, [1], [])!.confidence).toBeLessThan(0.9);
    expect(pairOf(pairs, [2], [1])!.confidence).toBeLessThan(LOW_CONFIDENCE);
    expect(pairOf(pairs, [10, 11], [10])!.confidence).toBeLessThan(LOW_CONFIDENCE);
    const sure = pairs.filter((p) => p.source.length === 1 && p.target.length === 1 && p.source[0] >= 3);
    expect(sure.every((p) => p.confidence >= LOW_CONFIDENCE)).toBe(true);
  });

  it('SPEC 6.5 Bengali and English sentences pair one for one, sure of it', () => {
    const pairs = align(EN, BN);
    expect(shape(pairs)).toEqual(oneToOne([0, 0], [7, 7]));
    expect(pairs.every((p) => p.confidence > 0.95)).toBe(true);
  });

  it('SPEC 6.5 a dropped sentence is found by its number, Bengali digits being Latin ones', () => {
    const drop = (k: number) => BN.filter((_, i) => i !== k);
    expect(shape(align(EN, drop(1)))).toEqual([[[0], [0]], [[1], []], ...oneToOne([2, 1], [7, 6])]);
    expect(shape(align(EN, drop(4)))).toEqual([...oneToOne([0, 0], [3, 3]), [[4], []], ...oneToOne([5, 4], [7, 6])]);
    // The same draft with Latin digits.
    const latin = drop(5).map((text) => text.replace(/[০-৯]/gu, (d) => String(d.charCodeAt(0) - 0x9e6)));
    expect(shape(align(EN, latin))).toEqual([...oneToOne([0, 0], [4, 4]), [[5], []], ...oneToOne([6, 5], [7, 6])]);
  });

  it('SPEC 6.5 two sentences in one and one in two are found by names and numbers', () => {
    const merged = [...BN.slice(0, 2), `${BN[2]} ${BN[3]}`, ...BN.slice(4)];
    expect(shape(align(EN, merged))).toEqual([...oneToOne([0, 0], [1, 1]), [[2, 3], [2]], ...oneToOne([4, 3], [7, 6])]);
    const split = [...BN.slice(0, 4), 'অর্থনীতিবিদ সেলিম রায়হান বলেন,', '১৮ মাস ধরে মূল্যস্ফীতি ৯ শতাংশের ওপরে রয়েছে।', ...BN.slice(5)];
    expect(shape(align(EN, split))).toEqual([...oneToOne([0, 0], [3, 3]), [[4], [4, 5]], ...oneToOne([5, 6], [7, 8])]);
  });

  it('SPEC 6.5 a quotation is an anchor: the sentence dropped after a quote is found, which lengths alone miss', () => {
    // No numbers and no names: only the quotation marks tell one sentence from another.
    const sentences: Array<[string, string]> = [
      ['The river rose overnight in the north.', 'উত্তরে রাতারাতি নদীর পানি বেড়েছে।'],
      ['Families moved to higher ground before dawn.', 'ভোরের আগেই পরিবারগুলো উঁচু জায়গায় সরে যায়।'],
      ['“We lost everything,” a farmer told us.', '“আমরা সব হারিয়েছি,” এক কৃষক আমাদের বলেন।'],
      ['Schools in the area stayed closed all week.', 'এলাকার স্কুলগুলো সারা সপ্তাহ বন্ধ ছিল।'],
      ['Relief workers arrived by boat in the afternoon.', 'বিকেলে নৌকায় করে ত্রাণকর্মীরা পৌঁছান।'],
    ];
    const unquoted = (text: string) => text.replace(/[“”]/gu, '');
    const dropped = (quotes: boolean) =>
      align(
        sentences.map(([en]) => (quotes ? en : unquoted(en))),
        sentences.filter((_, i) => i !== 3).map(([, bn]) => (quotes ? bn : unquoted(bn))),
      );
    expect(shape(dropped(true))).toEqual([...oneToOne([0, 0], [2, 2]), [[3], []], [[4], [3]]]);
    // The same sentences without their quotation marks: the drop is put elsewhere.
    expect(shape(dropped(false))).not.toContainEqual([[3], []]);
  });

  it('SPEC 6.5 a line only the draft has stands alone, even when it names someone of the article', () => {
    const added = [...BN.slice(0, 6), 'Selim Raihan-এর পুরো সাক্ষাৎকার পড়ুন।', ...BN.slice(6)];
    expect(shape(align(EN, added))).toEqual([...oneToOne([0, 0], [5, 5]), [[], [6]], ...oneToOne([6, 7], [7, 8])]);
  });

  it('SPEC 6.5 which of two look-alike sentences was dropped is a guess, and its confidence says so', () => {
    const source = [...EN.slice(0, 4), 'The rains came late this year.', 'The harvest was poor as well.', ...EN.slice(4)];
    const target = [...BN.slice(0, 4), 'ফসলও ভালো হয়নি।', ...BN.slice(4)];
    const pairs = align(source, target);
    expectCovers(pairs, 10, 9);
    const guessed = pairs.filter((p) => p.source.some((i) => i === 4 || i === 5));
    expect(guessed.every((p) => p.confidence < LOW_CONFIDENCE)).toBe(true);
    for (const pair of pairs.filter((p) => p.source.some((i) => i < 3 || i > 6))) expect(pair.confidence).toBeGreaterThan(0.9);
  });

  it('SPEC 6.8 pairs the file makes (an XLIFF unit) are kept unless the text says otherwise', () => {
    // Unit 2 holds sentences 2 and 3 in its target and unit 3 none: 2–1, and every unit kept.
    const target = [BN[0], BN[1], `${BN[2]} ${BN[3]}`, ...BN.slice(4)];
    const links: Array<[number, number]> = [[0, 0], [1, 1], [2, 2], [4, 3], [5, 4], [6, 5], [7, 6]];
    expect(shape(align(EN, target, links))).toEqual([...oneToOne([0, 0], [1, 1]), [[2, 3], [2]], ...oneToOne([4, 3], [7, 6])]);
    // Links hold pairs lengths alone would not make: two blocks of no text in common.
    const odd = align(['Yes.', 'A much longer sentence that goes on and on.'], ['হ্যাঁ, অবশ্যই, একেবারে ঠিক কথা, কোনো সন্দেহ নেই।', 'না।'], [[0, 0], [1, 1]]);
    expect(shape(odd)).toEqual([[[0], [0]], [[1], [1]]]);
  });

  it('SPEC 6.5 edge cases: no source, no draft, nothing, one block each', () => {
    expect(shape(align([], ['এক', 'দুই']))).toEqual([[[], [0]], [[], [1]]]);
    expect(shape(align(['one', 'two'], []))).toEqual([[[0], []], [[1], []]]);
    expect(align([], [])).toEqual([]);
    expect(align(['Hello.'], ['হ্যালো।'])).toEqual([{ source: [0], target: [0], confidence: 1 }]);
  });

  it('SPEC 6.5 a 300-paragraph article aligns whole, its planted drop and merge found', () => {
    const source: string[] = [];
    const target: string[] = [];
    for (let round = 0; source.length < 300; round++) {
      SENTENCES.forEach(([en, bn], k) => {
        source.push(`${en} (${round * 8 + k + 1})`);
        target.push(`${bn} (${round * 8 + k + 1})`);
      });
    }
    source.length = 300;
    target.length = 300;
    // Paragraph 100 dropped, 200 and 201 merged.
    const draft = [...target.slice(0, 100), ...target.slice(101, 200), `${target[200]} ${target[201]}`, ...target.slice(202)];
    const pairs = align(source, draft);
    expectCovers(pairs, 300, 298);
    expect(pairOf(pairs, [100], [])).toBeDefined();
    expect(pairOf(pairs, [200, 201], [199])).toBeDefined();
    expect(pairs.filter((p) => p.source.length === 1 && p.target.length === 1)).toHaveLength(297);
  });
});
