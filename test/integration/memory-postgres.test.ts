// The translation memory of a cluster (SPEC 17.1, 18.1): two Tandem instances on one PostgreSQL
// database share one memory, read over HTTP (no Redis needed: nothing here is live editing).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';
import { ADMIN_TOKEN, startTestServer, type TestServer } from '../helpers/server.js';

let db: TestDatabase;
let a: TestServer;
let b: TestServer;
beforeAll(async () => {
  db = await createTestDatabase();
  a = await startTestServer({ DATABASE_URL: db.url });
  b = await startTestServer({ DATABASE_URL: db.url });
});
afterAll(async () => {
  await a?.dispose();
  await b?.dispose();
  await db?.drop();
});

type Segment = { id: string; source: string | null; target: string; status: string };

const segmentsOf = async (server: TestServer, id: string) => (await server.api('GET', `/api/documents/${id}`)).body.segments as Segment[];

const exportTmx = async (server: TestServer) => {
  const response = await fetch(`${server.url}/api/tm/export?format=tmx&sourceLang=en&targetLang=bn`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  expect(response.status).toBe(200);
  return response.text();
};

describe('translation memory on PostgreSQL, two instances', () => {
  it('SPEC 18.1 SPEC 18.5 a segment confirmed on one instance is a match on another, and found by concordance there', async () => {
    const first = await a.createDocument({ source: 'Floods in the north.\n\nThe White House said in a statement on Monday.', target: 'উত্তরে বন্যা।\n\nহোয়াইট হাউস সোমবার এক বিবৃতিতে বলেছে।' });
    const [, said] = await segmentsOf(a, first.id);
    expect((await a.api('PUT', `/api/documents/${first.id}/segments/${said.id}/status`, { status: 'reviewed' }, first.tokens.reviewer)).status).toBe(200);

    const second = await b.createDocument({ source: 'Storms in the south.\n\nThe White House said in a statement on Tuesday.', target: '\n\n' });
    const [, other] = await segmentsOf(b, second.id);
    const { status, body } = await b.api('GET', `/api/documents/${second.id}/segments/${other.id}/matches`, undefined, second.tokens.viewer);
    expect(status).toBe(200);
    expect(body.matches).toHaveLength(1);
    expect(body.matches[0]).toMatchObject({ target: 'হোয়াইট হাউস সোমবার এক বিবৃতিতে বলেছে।', status: 'reviewed', docId: first.id });
    expect(body.matches[0].score).toBeGreaterThanOrEqual(80);

    const found = await b.api('GET', `/api/tm/search?${new URLSearchParams({ q: 'বিবৃতি', sourceLang: 'en', targetLang: 'bn' })}`);
    expect(found.body.units.map((u: { docId: string }) => u.docId)).toEqual([first.id]);
  });

  it('SPEC 18.7 a TMX file imported on one instance exports the same units from another', async () => {
    const tmx = readFileSync(join(__dirname, '../fixtures/memory/other-tool.tmx'), 'utf8');
    const before = await exportTmx(b);
    const response = await fetch(`${a.url}/api/tm/import`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/xml' }, body: tmx });
    expect(response.status).toBe(200);
    const { added } = await response.json();
    expect(added).toBeGreaterThan(0);
    // The header's creation date is the moment of export; the units are the same bytes.
    const units = (text: string) => text.slice(text.indexOf('<body>'));
    const [fromA, fromB] = [await exportTmx(a), await exportTmx(b)];
    expect(units(fromB)).toBe(units(fromA));
    expect(units(fromB).split('<tu ').length - units(before).split('<tu ').length).toBe(added);
    expect(fromB).toContain('The ministry said in a statement on Sunday.');
  });

  it('SPEC 18.1 the memory is in the database, not in either instance\'s data directory', async () => {
    const { rows } = await db.sql('SELECT count(*)::int AS n FROM tm_units');
    expect(rows[0].n).toBeGreaterThan(0);
    for (const server of [a, b]) expect(readdirSync(server.dataDir).filter((name) => name.startsWith('tandem.db'))).toEqual([]);
  });
});
