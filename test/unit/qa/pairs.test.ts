// The sentence pairs of test/fixtures/qa-pairs.ts: no false alarm on the pairs that must pass, and
// exactly the listed issues on the ones that must be flagged, for every check with pairs.
import { describe, expect, it } from 'vitest';
import { QA_PAIRS, type QaCase } from '../../fixtures/qa-pairs.js';
import { QA_CHECKS, type QaCheck } from '../../../shared/qa/index.js';
import { flagged, qa, segments } from './helpers.js';

const RULES: Record<QaCheck, string> = {
  numbers: 'SPEC 14.2, 14.11',
  glossary: 'SPEC 14.3',
  names: 'SPEC 14.13',
  untranslated: 'SPEC 14.4',
  punctuation: 'SPEC 14.5',
  duplicate: 'SPEC 14.6',
  empty: 'SPEC 14.6',
  unsourced: 'SPEC 14.18',
  whitespace: 'SPEC 14.7',
};

function issuesOf(check: QaCheck | ((check: QaCheck) => boolean), c: QaCase): Array<[string, string | null]> {
  const segs = segments(...c.segments);
  const wanted = typeof check === 'function' ? check : (other: QaCheck) => other === check;
  return qa(segs, { sourceLang: c.sourceLang, targetLang: c.targetLang, glossary: c.glossary })
    .filter((issue) => wanted(issue.check))
    .map((issue) => [issue.message, flagged(issue, segs[issue.index].target) ?? null]);
}

describe('QA sentence pairs (fixtures)', () => {
  it('SPEC 14.12 every check has pairs that must not be flagged and pairs that must', () => {
    for (const check of QA_CHECKS) expect([check, QA_PAIRS[check]?.pass.length, QA_PAIRS[check]?.flag.length].every(Boolean)).toBe(true);
  });

  it('SPEC 14.12 no check raises a false alarm on any pair that must pass, whichever check it is for', () => {
    const pass = Object.values(QA_PAIRS).flatMap((pairs) => pairs.pass);
    const alarms = pass.map((c) => [c.why, issuesOf((check) => !c.others?.includes(check), c)]).filter(([, issues]) => issues.length > 0);
    expect(alarms).toEqual([]);
    expect(pass.length).toBeGreaterThanOrEqual(60);
  });

  for (const [check, { pass, flag }] of Object.entries(QA_PAIRS) as Array<[QaCheck, { pass: QaCase[]; flag: QaCase[] }]>) {
    it(`${RULES[check]} ${check}: no issue on the ${pass.length} pairs that must not be flagged`, () => {
      const alarms = pass.map((c) => [c.why, issuesOf(check, c)]).filter(([, issues]) => issues.length > 0);
      expect(alarms).toEqual([]);
    });

    it(`${RULES[check]} ${check}: exactly the listed issues on the ${flag.length} pairs that must be flagged`, () => {
      for (const c of flag) expect([c.why, issuesOf(check, c)]).toEqual([c.why, c.issues]);
    });
  }
});
