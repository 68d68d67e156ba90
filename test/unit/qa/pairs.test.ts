// The sentence pairs of test/fixtures/qa-pairs.ts: no false alarm on the pairs that must pass, and
// exactly the listed issues on the ones that must be flagged, for every check with pairs.
import { describe, expect, it } from 'vitest';
import { QA_PAIRS, type QaCase } from '../../fixtures/qa-pairs.js';
import type { QaCheck } from '../../../shared/qa/index.js';
import { flagged, qa, segments } from './helpers.js';

const RULES: Partial<Record<QaCheck, string>> = { numbers: 'SPEC 14.2, 14.11' };

function issuesOf(check: QaCheck, c: QaCase): Array<[string, string | null]> {
  const segs = segments(...c.segments);
  return qa(segs, { sourceLang: c.sourceLang, targetLang: c.targetLang, glossary: c.glossary })
    .filter((issue) => issue.check === check)
    .map((issue) => [issue.message, flagged(issue, segs[issue.index].target) ?? null]);
}

describe('QA sentence pairs (fixtures)', () => {
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
