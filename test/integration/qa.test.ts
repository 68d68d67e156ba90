import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.dispose());

describe('QA API', () => {
  it('SPEC 14.1 any role reads the QA issues, computed with the document and workspace glossaries', async () => {
    const { id, tokens } = await server.createDocument({
      source: 'Salesforce workers\n\nThe letter has 1,200 signatures.\n\nSubscribe to our newsletter',
      target: 'সেলসফর্স কর্মীরা\n\nচিঠিতে ১,৩০০টি স্বাক্ষর আছে।\n\nSubscribe to our newsletter',
    });
    await server.api('PUT', '/api/glossary', { entries: [{ source: 'Salesforce', target: 'সেলসফোর্স', forbidden: ['সেলসফর্স'] }] });
    const { status, body } = await server.api('GET', `/api/documents/${id}/qa`, undefined, tokens.viewer);
    expect(status).toBe(200);
    const found = body.issues.map((i: any) => [i.index, i.check, i.severity]);
    expect(found).toContainEqual([0, 'glossary', 'error']);
    expect(found).toContainEqual([1, 'numbers', 'error']);
    expect(found).toContainEqual([2, 'untranslated', 'warning']);
    const glossaryIssue = body.issues.find((i: any) => i.check === 'glossary');
    expect(glossaryIssue.segmentId).toEqual(expect.any(String));
    expect(glossaryIssue.start).toBe(0);
    expect((await server.api('GET', `/api/documents/${id}/qa`, undefined, 'bad')).status).toBe(401);
    // SPEC 12.4: every export announces the QA errors left.
    const errors = body.issues.filter((i: any) => i.severity === 'error').length;
    expect(errors).toBeGreaterThanOrEqual(2);
    for (const format of ['txt', 'docx', 'xliff']) {
      const exported = await server.api('GET', `/api/documents/${id}/export?format=${format}`, undefined, tokens.viewer);
      expect(exported.headers.get('x-tandem-qa-errors')).toBe(String(errors));
    }
    await server.api('PUT', '/api/glossary', { entries: [] });
  });
});
