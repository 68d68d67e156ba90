import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.dispose());

const entries = [
  { source: 'Salesforce', target: 'সেলসফোর্স', forbidden: ['সেলসফর্স'], note: 'company' },
  { source: 'ICE', target: 'আইসিই', caseSensitive: true },
];

/** A CSV request; the answer's bytes as sent (Response.text() would drop a byte order mark). */
async function csvRequest(method: string, path: string, token: string, body?: string | Blob) {
  const response = await fetch(server.url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'text/csv' } : {}) },
    body,
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), type: response.headers.get('content-type') };
}

describe('glossary API', () => {
  it('SPEC 13.1 a document glossary: editors replace it, every role reads it', async () => {
    const { id, tokens } = await server.createDocument();
    expect((await server.api('PUT', `/api/documents/${id}/glossary`, { entries }, tokens.reviewer)).status).toBe(403);
    expect((await server.api('PUT', `/api/documents/${id}/glossary`, { entries: 'nope' }, tokens.viewer)).status).toBe(403);
    const put = await server.api('PUT', `/api/documents/${id}/glossary`, { entries }, tokens.editor);
    expect(put).toMatchObject({ status: 200, body: { entries } });
    const got = await server.api('GET', `/api/documents/${id}/glossary`, undefined, tokens.viewer);
    expect(got.body.entries).toEqual(entries);
    expect((await server.api('PUT', `/api/documents/${id}/glossary`, { entries: [{ source: '', target: 'x' }] }, tokens.editor)).status).toBe(400);
  });

  it('SPEC 13.2 the workspace glossary is the admin\'s, and every document sees it', async () => {
    const { id, tokens } = await server.createDocument();
    expect((await server.api('PUT', '/api/glossary', { entries }, tokens.editor)).status).toBe(403);
    expect((await server.api('PUT', '/api/glossary', { entries })).status).toBe(200);
    expect((await server.api('GET', '/api/glossary')).body.entries).toEqual(entries);
    const got = await server.api('GET', `/api/documents/${id}/glossary`, undefined, tokens.viewer);
    expect(got.body).toMatchObject({ entries: [], workspace: entries });
  });

  it('SPEC 13.3 CSV in and out, for a document and for the workspace, every field kept', async () => {
    const { id, tokens } = await server.createDocument();
    const csv = '\uFEFFsource,target,forbidden,note,caseSensitive\r\nMarc Benioff,মার্ক বেনিওফ,বেনিয়ফ|বেনিওফফ,"CEO, founder",\r\nICE,আইসিই,,,true\r\n';
    const put = await csvRequest('PUT', `/api/documents/${id}/glossary`, tokens.editor, csv);
    expect(put.status).toBe(200);
    const json = await server.api('GET', `/api/documents/${id}/glossary`, undefined, tokens.viewer);
    expect(json.body.entries).toEqual([
      { source: 'Marc Benioff', target: 'মার্ক বেনিওফ', forbidden: ['বেনিয়ফ', 'বেনিওফফ'], note: 'CEO, founder' },
      { source: 'ICE', target: 'আইসিই', caseSensitive: true },
    ]);
    const out = await csvRequest('GET', `/api/documents/${id}/glossary?format=csv`, tokens.viewer);
    expect(out.type).toMatch(/text\/csv; charset=utf-8/);
    expect(out.text).toBe(csv);
    const bad = await csvRequest('PUT', '/api/glossary', server.adminToken, 'source,target\n"broken,x\n');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).error).toMatchObject({ code: 'bad_csv', message: expect.stringMatching(/line 2/) });
    const noTarget = await csvRequest('PUT', '/api/glossary', server.adminToken, 'source,target\nonly-source,\n');
    expect(JSON.parse(noTarget.text).error).toMatchObject({ code: 'bad_csv', message: 'the CSV could not be read: line 2: source and target are required' });
    expect((await csvRequest('PUT', '/api/glossary', server.adminToken, csv)).status).toBe(200);
    expect((await csvRequest('GET', '/api/glossary?format=csv', server.adminToken)).text).toBe(csv);
  });

  it('SPEC 13.7 the CSV export starts with a byte order mark and guards formulas; importing it gives back the same glossary', async () => {
    const { id, tokens } = await server.createDocument();
    const risky = [
      { source: '=HYPERLINK("http://evil.example","Click")', target: '+৮৮০', forbidden: ['-ঋণ'], note: '@here', caseSensitive: false },
      { source: 'Dhaka', target: 'ঢাকা', note: "'=kept as written" },
    ];
    expect((await server.api('PUT', `/api/documents/${id}/glossary`, { entries: risky }, tokens.editor)).status).toBe(200);
    const out = await csvRequest('GET', `/api/documents/${id}/glossary?format=csv`, tokens.viewer);
    expect([...out.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(out.text.split('\r\n').slice(1, 3)).toEqual([`"'=HYPERLINK(""http://evil.example"",""Click"")",'+৮৮০,'-ঋণ,'@here,false`, `Dhaka,ঢাকা,,''=kept as written,`]);

    const { id: other, tokens: otherTokens } = await server.createDocument();
    expect((await csvRequest('PUT', `/api/documents/${other}/glossary`, otherTokens.editor, new Blob([out.bytes]))).status).toBe(200);
    expect((await server.api('GET', `/api/documents/${other}/glossary`, undefined, otherTokens.viewer)).body.entries).toEqual(risky);
  });
});
