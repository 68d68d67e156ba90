// The suite every MemoryStore implementation passes (SPEC 18): SQLite (test/unit/memory/sqlite-memory.test.ts)
// and PostgreSQL (test/unit/memory/postgres-memory.test.ts, in a fresh database per file).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MemoryStore, TmUnitInput } from '../../server/memory/memory-store.js';

export interface MemoryHarness {
  memory: MemoryStore;
  /** Closes the memory and opens the same data again. */
  reopen: () => Promise<MemoryStore>;
  cleanup: () => Promise<void>;
}

export function unit(overrides: Partial<TmUnitInput> = {}): TmUnitInput {
  return {
    source: 'The White House said in a statement on Monday.',
    target: 'হোয়াইট হাউস সোমবার এক বিবৃতিতে বলেছে।',
    sourceLang: 'en',
    targetLang: 'bn',
    docId: 'doc1',
    segmentId: 'seg1',
    status: 'translated',
    confirmedBy: 'Rina',
    confirmedAt: 1000,
    context: null,
    ...overrides,
  };
}

export function memoryContract(name: string, open: () => Promise<MemoryHarness>): void {
  describe(`${name}: translation memory contract`, () => {
    let harness: MemoryHarness;
    let memory: MemoryStore;
    beforeEach(async () => {
      harness = await open();
      memory = harness.memory;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    it('SPEC 18.1 a unit written from a segment is that segment\'s: writing it again replaces it, and it survives a reopen', async () => {
      const first = await memory.upsertUnit(unit());
      const second = await memory.upsertUnit(unit({ target: 'হোয়াইট হাউস বিবৃতিতে বলেছে।', status: 'approved', confirmedAt: 2000 }));
      expect(second.id).toBe(first.id);
      memory = await harness.reopen();
      const all = await memory.exportUnits('en', 'bn');
      expect(all).toHaveLength(1);
      expect(all[0]).toMatchObject({ id: first.id, target: 'হোয়াইট হাউস বিবৃতিতে বলেছে।', status: 'approved', confirmedAt: 2000, docId: 'doc1', segmentId: 'seg1' });
    });

    it('SPEC 18.1 units of other pairs stay apart; a pair matches on its primary subtags', async () => {
      await memory.upsertUnit(unit());
      await memory.upsertUnit(unit({ segmentId: 'seg2', targetLang: 'hi', target: 'व्हाइट हाउस ने कहा' }));
      expect(await memory.exportUnits('en-US', 'bn-BD')).toHaveLength(1);
      expect((await memory.lookup(unit().source, 'en', 'hi')).map((m) => m.unit.target)).toEqual(['व्हाइट हाउस ने कहा']);
      expect(await memory.lookup(unit().source, 'bn', 'en')).toEqual([]);
    });

    it('SPEC 18.3 an identical normalised source scores 100 (case, spacing, Bengali digits); a close one scores below', async () => {
      await memory.upsertUnit(unit({ source: 'Police arrested 12 people in Dhaka on Monday.', target: 'সোমবার ঢাকায় ১২ জনকে গ্রেপ্তার করেছে পুলিশ।' }));
      const [exact] = await memory.lookup('police  arrested ১২ people in dhaka on monday.', 'en', 'bn');
      expect(exact.score).toBe(100);
      const [fuzzy] = await memory.lookup('Police arrested 15 people in Dhaka on Monday.', 'en', 'bn');
      expect(fuzzy.score).toBeLessThan(100);
      expect(fuzzy.score).toBeGreaterThanOrEqual(80);
      expect(await memory.lookup('The weather was fine in Chittagong.', 'en', 'bn')).toEqual([]);
    });

    it('SPEC 18.3 at equal score reviewed and approved units rank above translated ones; the same translation is offered once', async () => {
      await memory.upsertUnit(unit({ segmentId: 'a', target: 'অনুবাদ এক', status: 'translated', confirmedAt: 3000 }));
      await memory.upsertUnit(unit({ segmentId: 'b', target: 'অনুবাদ দুই', status: 'approved', confirmedAt: 1000 }));
      await memory.upsertUnit(unit({ segmentId: 'c', target: 'অনুবাদ তিন', status: 'reviewed', confirmedAt: 2000 }));
      await memory.upsertUnit(unit({ docId: 'doc2', segmentId: 'd', target: 'অনুবাদ দুই', status: 'approved', confirmedAt: 500 }));
      const matches = await memory.lookup(unit().source, 'en', 'bn');
      expect(matches.map((m) => m.unit.target)).toEqual(['অনুবাদ দুই', 'অনুবাদ তিন', 'অনুবাদ এক']);
      expect(matches.every((m) => m.score === 100)).toBe(true);
    });

    it('SPEC 18.3 an old unit is found among more than a thousand newer ones sharing its common words', async () => {
      await memory.upsertUnit(unit({ segmentId: 'old', source: 'The minister said the budget of the ministry of fisheries would grow.', target: 'মন্ত্রী বললেন মৎস্য মন্ত্রণালয়ের বাজেট বাড়বে।' }));
      await memory.importUnits(
        Array.from({ length: 1200 }, (_, i) => unit({ segmentId: `n${i}`, source: `The minister said the ${i} of the ministry would grow.`, target: `অনুবাদ ${i}`, confirmedAt: 2000 + i })),
      );
      const [best] = await memory.lookup('The minister said the budget of the ministry of fisheries would shrink.', 'en', 'bn');
      expect(best.unit.segmentId).toBe('old');
      expect(best.score).toBeGreaterThanOrEqual(80);
    });

    it('SPEC 18.4 a unit whose source changed is found by its new words, no longer by its old ones', async () => {
      await memory.upsertUnit(unit({ source: 'Floods in Sylhet displaced thousands of families.', target: 'সিলেটে বন্যায় হাজারো পরিবার বাস্তুচ্যুত।' }));
      await memory.upsertUnit(unit({ source: 'Cyclone Remal reached Khulna before dawn.', target: 'ভোরের আগে ঘূর্ণিঝড় রেমাল খুলনায় পৌঁছায়।' }));
      const [found] = await memory.lookup('Cyclone Remal reached Satkhira before dawn.', 'en', 'bn');
      expect(found.unit.target).toBe('ভোরের আগে ঘূর্ণিঝড় রেমাল খুলনায় পৌঁছায়।');
      expect(await memory.lookup('Floods in Sylhet displaced hundreds of families.', 'en', 'bn')).toEqual([]);
    });

    it('SPEC 18.3 lookup answers at most the limit asked for', async () => {
      for (let i = 0; i < 8; i++) await memory.upsertUnit(unit({ segmentId: `s${i}`, target: `অনুবাদ ${i}` }));
      expect(await memory.lookup(unit().source, 'en', 'bn')).toHaveLength(5);
      expect(await memory.lookup(unit().source, 'en', 'bn', { limit: 2 })).toHaveLength(2);
    });

    it('SPEC 18.6 concordance finds a word at a word start in either language, marks it, best then newest first', async () => {
      await memory.upsertUnit(unit({ segmentId: 'a', source: 'Benioff said so.', target: 'বেনিওফের বক্তব্য এমনই।', confirmedAt: 1000 }));
      await memory.upsertUnit(unit({ segmentId: 'b', source: 'Marc Benioff spoke.', target: 'মার্ক বেনিওফ বললেন।', status: 'approved', confirmedAt: 500 }));
      await memory.upsertUnit(unit({ segmentId: 'c', source: 'Nothing here.', target: 'এখানে কিছু নেই।', confirmedAt: 4000 }));
      const found = await memory.search('বেনিওফ', 'en', 'bn');
      expect(found.map((f) => f.unit.segmentId)).toEqual(['b', 'a']);
      const a = found[1];
      // The hit ends on a grapheme boundary: ফে is one cluster.
      expect(a.unit.target.slice(a.hits.target[0].start, a.hits.target[0].end)).toBe('বেনিওফে');
      const english = await memory.search('benioff', 'en', 'bn');
      expect(english.map((f) => f.unit.source.slice(f.hits.source[0].start, f.hits.source[0].end))).toEqual(['Benioff', 'Benioff']);
      // Not inside another word.
      expect(await memory.search('nioff', 'en', 'bn')).toEqual([]);
    });

    it('SPEC 18.6 short queries (under three characters) are found too', async () => {
      await memory.upsertUnit(unit({ source: 'He went to UN.', target: 'তিনি জাতিসংঘে গেলেন।' }));
      const found = await memory.search('UN', 'en', 'bn');
      expect(found).toHaveLength(1);
      expect(found[0].hits.source).toEqual([{ start: 11, end: 13 }]);
    });

    it('SPEC 18.7 importUnits writes all in one transaction, counting new and updated units', async () => {
      await memory.upsertUnit(unit({ docId: null, segmentId: null }));
      const result = await memory.importUnits([
        unit({ docId: null, segmentId: null }),
        unit({ docId: null, segmentId: null, source: 'A correction was made.', target: 'একটি সংশোধন করা হয়েছে।' }),
      ]);
      expect(result).toEqual({ added: 1, updated: 1 });
      expect(await memory.exportUnits('en', 'bn')).toHaveLength(2);
    });

    it('SPEC 18.30 pairs answers each language pair with units, by primary subtags, the largest first', async () => {
      expect(await memory.pairs()).toEqual([]);
      await memory.importUnits([
        unit({ segmentId: 'a', confirmedAt: 1000 }),
        unit({ segmentId: 'b', sourceLang: 'en-US', targetLang: 'bn-BD', confirmedAt: 3000 }),
        unit({ segmentId: 'c', targetLang: 'hi', target: 'व्हाइट हाउस ने कहा', confirmedAt: 2000 }),
      ]);
      expect(await memory.pairs()).toEqual([
        { sourceLang: 'en', targetLang: 'bn', units: 2, lastConfirmedAt: 3000 },
        { sourceLang: 'en', targetLang: 'hi', units: 1, lastConfirmedAt: 2000 },
      ]);
    });
  });
}
