// Scenario 12, alignment (SPEC 6.5, issue's target: a 300-paragraph article in under half a
// second): the text fixture's source and draft, whose paragraphs are merged, split, dropped and
// added, repeated until the source has 300 paragraphs, aligned in this process. The first call
// pays for compiling the aligner (as a server's first alignment after a start does); the warm
// figure is the median of the runs after it. Both are the process's CPU time, which a machine busy
// with other work does not inflate as it does the wall clock (the aligner is synchronous, so on an
// idle machine the two are the same). Tandem only (the others do not align).
import { readFileSync } from 'node:fs';
import { alignBlocks } from '../../shared/align/index.js';
import { splitTextBlocks } from '../../shared/import/text.js';
import { median } from '../stats.js';

export interface AlignResult {
  sourceBlocks: number;
  targetBlocks: number;
  pairs: number;
  firstMs: number;
  warmMs: number;
}

const RUNS = 9;
const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url), 'utf8');

export function runAlign(paragraphs: number): AlignResult {
  const [en, bn] = [splitTextBlocks(fixture('align-erosion.en.txt')), splitTextBlocks(fixture('align-erosion.bn.txt'))];
  const copies = Math.ceil(paragraphs / en.length);
  const source = Array.from({ length: copies }, () => en).flat().slice(0, paragraphs);
  const target = Array.from({ length: copies }, () => bn).flat().slice(0, Math.round((paragraphs * bn.length) / en.length));
  const input = { source, target, sourceLang: 'en', targetLang: 'bn' };
  const timed = () => {
    const began = process.cpuUsage();
    const pairs = alignBlocks(input);
    const used = process.cpuUsage(began);
    return { ms: (used.user + used.system) / 1000, pairs: pairs.length };
  };
  const first = timed();
  const warm = Array.from({ length: RUNS }, () => timed().ms);
  return { sourceBlocks: source.length, targetBlocks: target.length, pairs: first.pairs, firstMs: first.ms, warmMs: median(warm) };
}
