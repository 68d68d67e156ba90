// The translation memory through HTTP (SPEC 18): units written as segments are confirmed and
// updated as their text changes, matches for another article's segment with score and diff,
// concordance in Bengali, TMX import and export, and pre-translation of a new article.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, ADMIN_TOKEN, type TestServer } from '../helpers/server.js';
import { eventually } from '../helpers/eventually.js';
import { connectProvider } from '../helpers/clients.js';
import { typeInSegment } from '../helpers/segment-typing.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.dispose());

const OTHER_TOOL_TMX = readFileSync(join(__dirname, '../fixtures/memory/other-tool.tmx'), 'utf8');

type Segment = { id: string; source: string | null; target: string; status: string };

async function article(source: string, target: string, extra: Record<string, unknown> = {}) {
  const doc = await server.createDocument({ source, target, ...extra });
  const path = (rest = '') => `/api/documents/${doc.id}${rest}`;
  const segments = async () => (await server.api('GET', path(), undefined, doc.tokens.viewer)).body.segments as Segment[];
  const confirm = (segmentId: string, status = 'translated', token = doc.tokens.editor) =>
    server.api('PUT', path(`/segments/${segmentId}/status`), { status }, token);
  const matches = (segmentId: string, token = doc.tokens.viewer) => server.api('GET', path(`/segments/${segmentId}/matches`), undefined, token);
  return { ...doc, path, segments, confirm, matches };
}

const search = (q: string, token = ADMIN_TOKEN, pair = { sourceLang: 'en', targetLang: 'bn' }) =>
  server.api('GET', `/api/tm/search?${new URLSearchParams({ q, ...pair })}`, undefined, token);

const importTmx = async (xml: string, token = ADMIN_TOKEN, type = 'application/xml') => {
  const response = await fetch(`${server.url}/api/tm/import`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body: xml });
  return { status: response.status, body: await response.json() };
};

const exportTmx = async (sourceLang = 'en', targetLang = 'bn') => {
  const response = await fetch(`${server.url}/api/tm/export?${new URLSearchParams({ format: 'tmx', sourceLang, targetLang })}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  expect(response.status).toBe(200);
  return { text: await response.text(), type: response.headers.get('content-type') };
};

describe('translation memory', () => {
  it('SPEC 18.4 SPEC 18.5 a confirmed segment is a match for a similar segment of another article, with its score and the words that differ', async () => {
    const a = await article('Floods in the north.\n\nThe White House said in a statement on Monday.', 'উত্তরে বন্যা।\n\nহোয়াইট হাউস সোমবার এক বিবৃতিতে বলেছে।');
    const [, said] = await a.segments();
    expect((await a.confirm(said.id, 'reviewed', a.tokens.reviewer)).status).toBe(200);
    // Its own unit is no match for itself.
    expect((await a.matches(said.id)).body).toEqual({ matches: [] });

    const b = await article('Storms in the south.\n\nThe White House said in a statement on Tuesday.', '\n\n');
    const [, other] = await b.segments();
    const { status, body } = await b.matches(other.id);
    expect(status).toBe(200);
    expect(body.matches).toHaveLength(1);
    const [match] = body.matches;
    expect(match).toMatchObject({
      source: 'The White House said in a statement on Monday.',
      target: 'হোয়াইট হাউস সোমবার এক বিবৃতিতে বলেছে।',
      context: false,
      status: 'reviewed',
      confirmedBy: 'Reviewer',
      docId: a.id,
    });
    expect(match.score).toBeGreaterThanOrEqual(80);
    expect(match.score).toBeLessThan(100);
    expect(match.diff).toEqual([
      { op: 'equal', text: 'The White House said in a statement on ' },
      { op: 'delete', text: 'Monday' },
      { op: 'insert', text: 'Tuesday' },
      { op: 'equal', text: '.' },
    ]);
    expect((await b.matches('nosuchsegment')).status).toBe(404);
  });

  it('SPEC 18.5 an identical source scores 100, and a context match when the segment before matches too', async () => {
    const a = await article('Dhaka, 5 May.\n\nThe ministry declined to comment.', 'ঢাকা, ৫ মে।\n\nমন্ত্রণালয় মন্তব্য করতে রাজি হয়নি।');
    const [, declined] = await a.segments();
    await a.confirm(declined.id, 'approved');
    const same = await article('Dhaka, 5 May.\n\nThe ministry declined to comment.', '\n\n');
    const elsewhere = await article('Khulna, 6 May.\n\nThe  ministry declined to comment.', '\n\n');
    const [, s1] = await same.segments();
    const [, e1] = await elsewhere.segments();
    expect((await same.matches(s1.id)).body.matches[0]).toMatchObject({ score: 100, context: true, status: 'approved', diff: [{ op: 'equal', text: 'The ministry declined to comment.' }] });
    expect((await elsewhere.matches(e1.id)).body.matches[0]).toMatchObject({ score: 100, context: false });
  });

  it('SPEC 18.4 a confirmed segment whose text changes updates its unit; drafts, omitted segments and empty translations are not written', async () => {
    const a = await article('The talks ended without a deal.\n\nThe talks were held in Geneva.\n\nThe talks went on all night.', 'আলোচনা কোনো চুক্তি ছাড়াই শেষ হয়েছে।\n\nজেনেভায় আলোচনা হয়েছে।\n\nসারা রাত আলোচনা চলেছে।');
    const [ended, geneva, night] = await a.segments();
    await a.confirm(ended.id);
    expect((await server.api('PUT', a.path(`/segments/${geneva.id}/omitted`), { omitted: true }, a.tokens.editor)).status).toBe(200);
    await a.confirm(geneva.id);
    await a.confirm(night.id, 'draft');
    const blank = await article('The talks will resume in June.', '');
    const [resume] = await blank.segments();
    expect(resume.target).toBe('');
    await blank.confirm(resume.id);
    const targets = async () => (await search('talks')).body.units.filter((u: { docId: string }) => [a.id, blank.id].includes(u.docId)).map((u: { target: string }) => u.target);
    expect(await targets()).toEqual(['আলোচনা কোনো চুক্তি ছাড়াই শেষ হয়েছে।']);

    // An editor changes the confirmed translation (an accepted suggestion): the unit follows.
    const suggestion = await server.api('POST', a.path('/suggestions'), { segmentId: ended.id, find: 'কোনো', text: 'কোনোরকম' }, a.tokens.reviewer);
    expect(suggestion.status).toBe(201);
    expect((await server.api('POST', a.path(`/suggestions/${suggestion.body.id}/accept`), undefined, a.tokens.editor)).status).toBe(200);
    await eventually(async () => expect(await targets()).toEqual(['আলোচনা কোনোরকম চুক্তি ছাড়াই শেষ হয়েছে।']), { timeout: 5000 });
  });

  it('SPEC 18.4 typing in a confirmed segment (an editor on the socket, as the desk) updates its unit, reviewed going back to translated', async () => {
    const a = await article('The vote was postponed.', 'ভোট স্থগিত করা হয়েছে।');
    const [segment] = await a.segments();
    await a.confirm(segment.id, 'reviewed');
    const typist = connectProvider(server.wsUrl, a.id, { token: a.tokens.editor });
    try {
      await eventually(() => expect(typist.provider.synced).toBe(true));
      typeInSegment(typist.doc, 0, ' আবার');
      await eventually(async () => {
        const [unit] = (await search('postponed')).body.units.filter((u: { docId: string }) => u.docId === a.id);
        expect(unit).toMatchObject({ target: 'ভোট স্থগিত করা হয়েছে। আবার', status: 'translated' });
      });
    } finally {
      typist.destroy();
    }
  });

  it('SPEC 18.6 concordance finds a Bengali name behind its case ending, in either language, hits marked; tokens of another pair are refused', async () => {
    const a = await article('Benioff spoke at the summit.\n\nSalesforce CEO Marc Benioff resigned.', 'সম্মেলনে বেনিওফের বক্তব্য।\n\nসেলসফোর্সের প্রধান নির্বাহী মার্ক বেনিওফ পদত্যাগ করেছেন।');
    for (const segment of await a.segments()) await a.confirm(segment.id);
    const { status, body } = await search('বেনিওফ', a.tokens.viewer);
    expect(status).toBe(200);
    const mine = body.units.filter((u: { docId: string }) => u.docId === a.id);
    expect(mine).toHaveLength(2);
    for (const unit of mine) {
      const [hit] = unit.hits.target;
      expect(unit.target.slice(hit.start, hit.end)).toMatch(/^বেনিওফ/);
    }
    const english = (await search('benioff')).body.units.find((u: { docId: string }) => u.docId === a.id);
    expect(english.source.slice(english.hits.source[0].start, english.hits.source[0].end)).toBe('Benioff');

    const hindi = await article('Hello.', 'नमस्ते।', { targetLang: 'hi' });
    expect((await search('বেনিওফ', hindi.tokens.editor)).status).toBe(403);
    expect((await search('', a.tokens.viewer)).status).toBe(400);
    expect((await search('x', a.tokens.viewer, { sourceLang: 'en' } as never)).status).toBe(400);
  });

  it('SPEC 18.7 a TMX written by another tool imports (inline codes dropped, a tu without translation skipped), exports as TMX 1.4b and imports again the same', async () => {
    const imported = await importTmx(OTHER_TOOL_TMX);
    expect(imported).toEqual({ status: 200, body: { units: 3, added: 3, updated: 0, skipped: 1 } });
    const found = (await search('full report')).body.units;
    expect(found.map((u: { source: string; target: string; confirmedBy: string }) => [u.source, u.target, u.confirmedBy])).toEqual([
      ['Read the full report here.', 'পুরো প্রতিবেদন এখানে পড়ুন।', 'KARIM'],
    ]);
    expect(found[0].confirmedAt).toBe(Date.UTC(2024, 0, 7, 12, 0, 0));

    const { text, type } = await exportTmx('en-US', 'bn-BD');
    expect(type).toContain('application/x-tmx+xml');
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['tu', 'tuv', 'prop'].includes(name) }).parse(text);
    expect(xml.tmx['@version']).toBe('1.4');
    expect(xml.tmx.header).toMatchObject({ '@srclang': 'en-US', '@creationtool': 'Tandem', '@segtype': 'sentence', '@datatype': 'plaintext' });
    const benioff = xml.tmx.body.tu.find((tu: { tuv: Array<{ seg: string }> }) => tu.tuv[0].seg === 'Marc Benioff & the board');
    expect(benioff.tuv.map((tuv: Record<string, string>) => tuv['@xml:lang'])).toEqual(['en-US', 'bn-BD']);
    expect(text).toContain('<seg>Marc Benioff &amp; the board</seg>');
    // Every unit of the pair, those written from the desk too (en → bn matches en-US → bn-BD).
    expect(xml.tmx.body.tu.length).toBeGreaterThan(3);

    // Into another server: the same units.
    const other = await startTestServer();
    try {
      const response = await fetch(`${other.url}/api/tm/import`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/x-tmx+xml' }, body: text });
      expect(response.status).toBe(200);
      const again = await fetch(`${other.url}/api/tm/export?format=tmx&sourceLang=en-US&targetLang=bn-BD`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      const strip = (tmx: string) => tmx.replace(/creationdate="[^"]*"/, '').replace(/tuid="[^"]*"/g, '');
      expect(strip(await again.text())).toBe(strip(text));
    } finally {
      await other.dispose();
    }
  });

  it('SPEC 18.7 a malformed TMX is refused with 400 naming the problem, and nothing of it is imported', async () => {
    const broken = OTHER_TOOL_TMX.replace('<tuv xml:lang="en-US"><seg>Marc Benioff', '<tuv><seg>Marc Benioff').replace('The ministry said', 'Nobody knew');
    const refused = await importTmx(broken);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toEqual({ code: 'bad_tmx', message: 'tu 4 (tuid 4): a <tuv> without xml:lang' });
    expect((await search('Nobody knew')).body.units).toEqual([]);

    expect((await importTmx('<tmx version="1.4"><header srclang="en"/><body><tu>')).body.error.code).toBe('bad_tmx');
    // Another root is no TMX (an <xliff> one is read as XLIFF, SPEC 18.31).
    expect((await importTmx('<html><body/></html>')).body.error.message).toBe('the root element is <html>, not <tmx>');
    const entity = await importTmx('<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY x "boom">]><tmx version="1.4"><header srclang="en"/><body/></tmx>');
    expect(entity).toMatchObject({ status: 400, body: { error: { code: 'bad_tmx' } } });
    const json = await server.api('POST', '/api/tm/import', { tmx: OTHER_TOOL_TMX });
    expect(json.status).toBe(400);
    expect((await fetch(`${server.url}/api/tm/export?format=csv&sourceLang=en&targetLang=bn`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).status).toBe(400);
  });

  it('SPEC 18.8 pretranslate fills empty drafts from 100 % matches, as drafts marked by a comment from the memory', async () => {
    const a = await article('Police arrested 12 people in Khulna.\n\nThe case is under investigation.', 'পুলিশ খুলনায় ১২ জনকে গ্রেপ্তার করেছে।\n\nমামলাটির তদন্ত চলছে।');
    for (const segment of await a.segments()) await a.confirm(segment.id, 'approved');
    const source = 'Police arrested 13 people in Khulna.\n\nThe case is under investigation.\n\nA new sentence.';
    const { status, body } = await server.api('POST', '/api/documents', { sourceLang: 'en', targetLang: 'bn', format: 'text', source, pretranslate: true });
    expect(status).toBe(201);
    expect(body.pretranslated).toBe(1);
    const doc = await server.api('GET', `/api/documents/${body.id}`, undefined, body.tokens.viewer);
    expect(doc.body.segments.map((s: Segment) => [s.target, s.status])).toEqual([
      ['', 'draft'],
      ['মামলাটির তদন্ত চলছে।', 'draft'],
      ['', 'draft'],
    ]);
    const threads = (await server.api('GET', `/api/documents/${body.id}/comments`, undefined, body.tokens.viewer)).body.threads;
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ segmentId: doc.body.segments[1].id, author: 'Translation memory', resolved: false });
    expect(threads[0].comments[0].text).toBe('Filled in from the translation memory: a 100 % match, approved by Editor.');

    const plain = await server.api('POST', '/api/documents', { sourceLang: 'en', targetLang: 'bn', format: 'text', source });
    expect(plain.body.pretranslated).toBeUndefined();
    const untouched = await server.api('GET', `/api/documents/${plain.body.id}`, undefined, plain.body.tokens.viewer);
    expect(untouched.body.segments.every((s: Segment) => s.target === '')).toBe(true);
  });
});
