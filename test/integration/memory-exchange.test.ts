// Filling the translation memory on request: from an article's confirmed segments (SPEC 18.32) and
// from XLIFF files (SPEC 18.31), with each pair's size (SPEC 18.30).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, ADMIN_TOKEN, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.dispose());

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/memory', name), 'utf8');

const importFile = async (body: string, type = 'application/xml') => {
  const response = await fetch(`${server.url}/api/tm/import`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': type }, body });
  return { status: response.status, body: await response.json() };
};

type Unit = { source: string; target: string; sourceLang: string; targetLang: string; status: string; docId: string | null };
const search = async (q: string, sourceLang = 'en', targetLang = 'bn'): Promise<Unit[]> => {
  const { status, body } = await server.api('GET', `/api/tm/search?${new URLSearchParams({ q, sourceLang, targetLang })}`);
  expect(status).toBe(200);
  return body.units;
};
const pairs = async () => (await server.api('GET', '/api/tm/stats')).body.pairs as Array<{ sourceLang: string; targetLang: string; units: number }>;
const unitsOf = async (sourceLang: string, targetLang: string) => (await pairs()).find((p) => p.sourceLang === sourceLang && p.targetLang === targetLang)?.units ?? 0;

describe('filling the memory from an article', () => {
  it('SPEC 18.32 every confirmed segment of a finished article becomes a unit; omitted, empty, source-less and draft ones do not', async () => {
    const doc = await server.api('POST', '/api/documents', { format: 'xliff', content: fixture('finished-article.xlf') });
    expect(doc.status).toBe(201);
    const { id, tokens } = doc.body;
    // Imported with their states, never confirmed here: the memory has none of them yet.
    expect(await search('election')).toEqual([]);

    const filled = await server.api('POST', `/api/documents/${id}/memory`, undefined, tokens.editor);
    expect(filled).toMatchObject({ status: 200, body: { segments: 6, units: 2, added: 2, updated: 0 } });
    expect(await search('election')).toEqual([
      expect.objectContaining({ source: 'The election commission announced the schedule on Thursday.', target: 'নির্বাচন কমিশন বৃহস্পতিবার তফসিল ঘোষণা করেছে।', status: 'approved', docId: id }),
    ]);
    expect(await search('February')).toEqual([expect.objectContaining({ target: 'ফেব্রুয়ারিতে ভোটগ্রহণ হবে।', status: 'reviewed', docId: id })]);
    for (const missing of ['ADVERTISEMENT', 'Nominations', 'সংগৃহীত', 'Observers']) expect({ missing, found: await search(missing) }).toEqual({ missing, found: [] });

    // Again (by the admin this time): the same units, updated rather than added.
    expect(await server.api('POST', `/api/documents/${id}/memory`)).toMatchObject({ status: 200, body: { segments: 6, units: 2, added: 0, updated: 2 } });
    expect(await search('election')).toHaveLength(1);
  });

  it('SPEC 18.32 reviewers and viewers are refused 403, an unknown article is 404', async () => {
    const doc = await server.api('POST', '/api/documents', { format: 'xliff', content: fixture('finished-article.xlf'), title: 'Roles' });
    const { id, tokens } = doc.body;
    for (const role of ['reviewer', 'viewer'] as const) {
      const refused = await server.api('POST', `/api/documents/${id}/memory`, undefined, tokens[role]);
      expect({ role, refused }).toMatchObject({ role, refused: { status: 403, body: { error: { code: 'forbidden' } } } });
    }
    expect(await server.api('POST', '/api/documents/nosuchdocument/memory')).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
  });
});

describe('importing XLIFF into the memory', () => {
  it('SPEC 18.31 SPEC 18.30 XLIFF 1.2: only translated, signed-off and final targets become units, with their status', async () => {
    const before = await unitsOf('en', 'bn');
    const imported = await importFile(fixture('confirmed-1.2.xlf'), 'application/xliff+xml');
    expect(imported).toEqual({ status: 200, body: { units: 3, added: 3, updated: 0, skipped: 5 } });
    expect(await search('budget')).toEqual([
      expect.objectContaining({ target: 'অর্থমন্ত্রী সংসদে বাজেট পেশ করেন।', sourceLang: 'en-US', targetLang: 'bn-BD', status: 'translated', docId: null }),
    ]);
    expect(await search('health')).toEqual([expect.objectContaining({ source: 'Spending on health rises by 12 percent.', status: 'reviewed' })]);
    expect(await search('opposition')).toEqual([expect.objectContaining({ status: 'approved' })]);
    for (const missing of ['session', 'mobile', 'BUDGET 2026', 'Economists']) expect({ missing, found: await search(missing) }).toEqual({ missing, found: [] });
    expect(await unitsOf('en', 'bn')).toBe(before + 3);
  });

  it('SPEC 18.31 XLIFF 2.0: final, reviewed and translated units become units; initial ones, partly initial ones and translate="no" do not', async () => {
    const imported = await importFile(fixture('confirmed-2.0.xlf'));
    expect(imported).toEqual({ status: 200, body: { units: 3, added: 3, updated: 0, skipped: 4 } });
    expect(await search('Chattogram')).toEqual([expect.objectContaining({ status: 'approved', target: 'ভারী বৃষ্টিতে চট্টগ্রামের কিছু এলাকা প্লাবিত হয়েছে।' })]);
    expect(await search('Schools')).toEqual([expect.objectContaining({ status: 'reviewed' })]);
    expect(await search('Met Office')).toEqual([expect.objectContaining({ status: 'translated', target: 'আবহাওয়া অফিস আরও বৃষ্টির সতর্কতা দিয়েছে।' })]);
    for (const missing of ['Rescue', 'overnight', 'Roads', 'PHOTO']) expect({ missing, found: await search(missing) }).toEqual({ missing, found: [] });
    // The unit before is a unit's context: an identical source after the same one is a context match.
    const next = await server.createDocument({ source: 'Heavy rain flooded parts of Chattogram.\n\nSchools were closed for two days.', target: '\n\n' });
    const segments = (await server.api('GET', `/api/documents/${next.id}`)).body.segments;
    const matches = await server.api('GET', `/api/documents/${next.id}/segments/${segments[1].id}/matches`, undefined, next.tokens.viewer);
    expect(matches.body.matches[0]).toMatchObject({ score: 100, context: true, target: 'দুই দিন স্কুল বন্ধ ছিল।' });
    // The same file again updates what it added.
    expect((await importFile(fixture('confirmed-2.0.xlf'))).body).toEqual({ units: 3, added: 0, updated: 3, skipped: 4 });
  });

  it('SPEC 18.31 a malformed XLIFF file is refused with 400 naming the problem, and nothing of it is imported', async () => {
    const before = await pairs();
    const malformed = await importFile(fixture('malformed.xlf'));
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('bad_xliff');
    expect(malformed.body.error.message).toMatch(/^malformed XML at line \d+, column \d+: /);
    expect(await search('bridge')).toEqual([]);

    const noTarget = fixture('confirmed-2.0.xlf').replace(' trgLang="bn"', '');
    expect(await importFile(noTarget)).toEqual({ status: 400, body: { error: { code: 'bad_xliff', message: 'the XLIFF file names no target language (trgLang)' } } });
    const future = fixture('confirmed-2.0.xlf').replace('version="2.0"', 'version="3.0"');
    expect(await importFile(future)).toEqual({ status: 400, body: { error: { code: 'bad_xliff', message: 'unsupported XLIFF version "3.0" (use 2.0 or 1.2)' } } });
    expect(await pairs()).toEqual(before);
  });
});
