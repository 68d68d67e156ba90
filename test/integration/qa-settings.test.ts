// An article's QA profile and ignored issues through the HTTP API (SPEC 14.15, 14.16).
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.dispose());

const ARTICLE = {
  source: 'The letter has 1,200 signatures.\n\nVolunteers helped  scan.\n\nSubscribe to our newsletter',
  target: 'চিঠিতে ১,৩০০টি স্বাক্ষর আছে।\n\nস্বেচ্ছাসেবকেরা  সাহায্য করেছেন।\n\nSubscribe to our newsletter',
};
const checks = (issues: Array<{ check: string; severity: string }>) => issues.map((i) => `${i.check}:${i.severity}`);

describe('QA profile and ignored issues (API)', () => {
  it('SPEC 14.15 each check is on, off or a warning per article: editors set it, every role reads it, QA and exports follow', async () => {
    const { id, tokens } = await server.createDocument(ARTICLE);
    expect((await server.api('GET', `/api/documents/${id}/qa/profile`, undefined, tokens.viewer)).body).toEqual({ checks: {} });
    expect(checks((await server.api('GET', `/api/documents/${id}/qa`, undefined, tokens.viewer)).body.issues)).toEqual([
      'numbers:error', 'whitespace:info', 'untranslated:warning',
    ]);
    const put = await server.api('PUT', `/api/documents/${id}/qa/profile`, { checks: { numbers: 'warning', whitespace: 'off', glossary: 'on' } }, tokens.editor);
    expect(put).toMatchObject({ status: 200, body: { checks: { numbers: 'warning', whitespace: 'off' } } });
    expect((await server.api('GET', `/api/documents/${id}/qa/profile`, undefined, tokens.reviewer)).body).toEqual({ checks: { numbers: 'warning', whitespace: 'off' } });
    const qa = await server.api('GET', `/api/documents/${id}/qa`, undefined, tokens.viewer);
    expect(checks(qa.body.issues)).toEqual(['numbers:warning', 'untranslated:warning']);
    const exported = await server.api('GET', `/api/documents/${id}/export?format=txt`, undefined, tokens.viewer);
    expect(exported.headers.get('x-tandem-qa-errors')).toBe('0');
    // Only editors change it; an unknown check or setting is refused.
    expect((await server.api('PUT', `/api/documents/${id}/qa/profile`, { checks: {} }, tokens.reviewer)).status).toBe(403);
    expect((await server.api('PUT', `/api/documents/${id}/qa/profile`, { checks: { spelling: 'off' } }, tokens.editor)).status).toBe(400);
    expect((await server.api('PUT', `/api/documents/${id}/qa/profile`, { checks: { numbers: 'loud' } }, tokens.editor)).status).toBe(400);
  });

  it('SPEC 14.16 an editor ignores one occurrence: it leaves the issues and the error count, is listed apart, and comes back when unignored', async () => {
    const { id, tokens } = await server.createDocument(ARTICLE);
    const { body } = await server.api('GET', `/api/documents/${id}/qa`, undefined, tokens.editor);
    const numbers = body.issues.find((i: { check: string }) => i.check === 'numbers');
    const occurrence = { segmentId: numbers.segmentId, check: 'numbers', message: numbers.message, text: '১,৩০০' };
    const ignored = await server.api('POST', `/api/documents/${id}/qa/ignored`, occurrence, tokens.editor);
    expect(ignored).toMatchObject({ status: 201, body: { ...occurrence, id: expect.any(String), by: 'Editor', at: expect.any(Number) } });
    // Ignoring it again keeps the one entry.
    expect(await server.api('POST', `/api/documents/${id}/qa/ignored`, occurrence, tokens.editor)).toMatchObject({ status: 200, body: { id: ignored.body.id } });
    expect((await server.api('GET', `/api/documents/${id}/qa/ignored`, undefined, tokens.viewer)).body.ignored).toEqual([ignored.body]);
    const qa = await server.api('GET', `/api/documents/${id}/qa`, undefined, tokens.viewer);
    expect(checks(qa.body.issues)).toEqual(['whitespace:info', 'untranslated:warning']);
    expect(qa.body.ignored).toMatchObject([{ check: 'numbers', message: numbers.message }]);
    expect((await server.api('GET', `/api/documents/${id}/export?format=txt`, undefined, tokens.viewer)).headers.get('x-tandem-qa-errors')).toBe('0');
    // Reviewers may not; unignoring brings it back.
    expect((await server.api('POST', `/api/documents/${id}/qa/ignored`, occurrence, tokens.reviewer)).status).toBe(403);
    expect((await server.api('DELETE', `/api/documents/${id}/qa/ignored/${ignored.body.id}`, undefined, tokens.editor)).status).toBe(200);
    expect((await server.api('DELETE', `/api/documents/${id}/qa/ignored/${ignored.body.id}`, undefined, tokens.editor)).status).toBe(404);
    expect(checks((await server.api('GET', `/api/documents/${id}/qa`, undefined, tokens.viewer)).body.issues)).toEqual(['numbers:error', 'whitespace:info', 'untranslated:warning']);
  });

  it('SPEC 14.16 the ignore list and the profile survive a restart of the server', async () => {
    const first = await startTestServer({}, undefined);
    const dataDir = first.dataDir;
    const { id, tokens } = await first.createDocument(ARTICLE);
    const { body } = await first.api('GET', `/api/documents/${id}/qa`, undefined, tokens.editor);
    const untranslated = body.issues.find((i: { check: string }) => i.check === 'untranslated');
    await first.api('POST', `/api/documents/${id}/qa/ignored`, { segmentId: untranslated.segmentId, check: 'untranslated', message: untranslated.message, text: 'Subscribe to our newsletter' }, tokens.editor);
    await first.api('PUT', `/api/documents/${id}/qa/profile`, { checks: { whitespace: 'off' } }, tokens.editor);
    await first.close();
    const again = await startTestServer({}, dataDir);
    try {
      const qa = await again.api('GET', `/api/documents/${id}/qa`, undefined, tokens.viewer);
      expect(checks(qa.body.issues)).toEqual(['numbers:error']);
      expect(checks(qa.body.ignored)).toEqual(['untranslated:warning']);
    } finally {
      await again.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
