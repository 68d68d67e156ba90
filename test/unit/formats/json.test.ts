import { describe, expect, it } from 'vitest';
import { exportArticle, exportFile } from '../../../shared/export/index.js';
import { review, seed } from './seed.js';

describe('json export', () => {
  it('SPEC 12.3 the article with its segments as GET /api/documents/:id shows them', async () => {
    const { state, ids, sources } = seed('text', 'শিরোনাম\n\nএক\nদুই', 'Headline\n\nOne\ntwo');
    const file = exportArticle(state, 'json', {
      id: 'doc123',
      title: 'Libraries <&>',
      sourceLang: 'en',
      targetLang: 'bn',
      review: review(sources, { [ids[1]]: 'reviewed' }),
    });
    expect(file).toMatchObject({ contentType: 'application/json', extension: 'json' });
    expect(JSON.parse(file.body)).toEqual({
      id: 'doc123',
      title: 'Libraries <&>',
      sourceLang: 'en',
      targetLang: 'bn',
      segments: [
        { id: ids[0], index: 0, source: 'Headline', target: 'শিরোনাম', status: 'draft' },
        { id: ids[1], index: 1, source: 'One\ntwo', target: 'এক\nদুই', status: 'reviewed' },
      ],
    });
    expect((await exportFile(state, 'json', { targetLang: 'bn' })).body).toBe(exportArticle(state, 'json', { targetLang: 'bn' }).body);
    expect(JSON.parse(exportArticle(state, 'json', { targetLang: 'bn' }).body)).toMatchObject({ title: 'শিরোনাম', sourceLang: null });
  });
});
