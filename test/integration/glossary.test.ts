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

async function csvRequest(method: string, path: string, token: string, body?: string) {
  const response = await fetch(server.url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'text/csv' } : {}) },
    body,
  });
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') };
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

  it('SPEC 13.3 CSV in and out, for a document and for the workspace', async () => {
    const { id, tokens } = await server.createDocument();
    const csv = 'source,target,forbidden,note\r\nMarc Benioff,মার্ক বেনিওফ,বেনিয়ফ|বেনিওফফ,"CEO, founder"\r\n';
    const put = await csvRequest('PUT', `/api/documents/${id}/glossary`, tokens.editor, csv);
    expect(put.status).toBe(200);
    const json = await server.api('GET', `/api/documents/${id}/glossary`, undefined, tokens.viewer);
    expect(json.body.entries).toEqual([{ source: 'Marc Benioff', target: 'মার্ক বেনিওফ', forbidden: ['বেনিয়ফ', 'বেনিওফফ'], note: 'CEO, founder' }]);
    const out = await csvRequest('GET', `/api/documents/${id}/glossary?format=csv`, tokens.viewer);
    expect(out.type).toMatch(/text\/csv/);
    expect(out.text).toBe(csv);
    const bad = await csvRequest('PUT', '/api/glossary', server.adminToken, 'source,target\n"broken,x\n');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).error.code).toBe('bad_csv');
    expect((await csvRequest('PUT', '/api/glossary', server.adminToken, csv)).status).toBe(200);
    expect((await csvRequest('GET', '/api/glossary?format=csv', server.adminToken)).text).toBe(csv);
  });
});
