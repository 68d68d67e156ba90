// Aligning a draft to its source over HTTP: the proposal (POST /api/align), an import that accepts it
// (align: "auto") or brings its own alignment, for text, Markdown, Word and XLIFF drafts.
import { readFileSync } from 'node:fs';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const erosion = { format: 'text', sourceLang: 'en', targetLang: 'bn', source: fixture('align-erosion.en.txt'), target: fixture('align-erosion.bn.txt') };
const metro = { format: 'markdown', sourceLang: 'en', targetLang: 'bn', source: fixture('align-metro.en.md'), target: fixture('align-metro.bn.md') };
const blocksOf = (text: string) => text.split(/\n\s*\n/).map((block) => block.trim()).filter(Boolean);

interface Pair {
  source: number[];
  target: number[];
  confidence?: number;
}
interface Segment {
  id: string;
  source: string | null;
  target: string;
  status: string;
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.dispose());

const documentCount = async () => (await server.api('GET', '/api/documents')).body.documents.length as number;

async function create(body: Record<string, unknown>) {
  const created = await server.api('POST', '/api/documents', body);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const { id, tokens } = created.body as { id: string; tokens: Record<string, string> };
  const doc = await server.api('GET', `/api/documents/${id}`, undefined, tokens.viewer);
  const qa = await server.api('GET', `/api/documents/${id}/qa`, undefined, tokens.viewer);
  return { id, segments: doc.body.segments as Segment[], issues: qa.body.issues as Array<{ index: number; check: string; severity: string }> };
}

async function propose(body: Record<string, unknown>) {
  const answer = await server.api('POST', '/api/align', body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body as { source: string[]; target: string[]; pairs: Pair[]; units?: Pair[]; lowConfidence: number; sourceLang: string; targetLang: string };
}

const shape = (pairs: Pair[]) => pairs.map((pair) => [pair.source, pair.target]);

async function docxOf(paragraphs: string[]): Promise<string> {
  const document = new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph(text)) }] });
  return Buffer.from(await Packer.toBuffer(document)).toString('base64');
}

describe('alignment over HTTP', () => {
  it('SPEC 6.2 different counts without align → 400 naming both counts and align: "auto"; nothing is created', async () => {
    const before = await documentCount();
    const refused = await server.api('POST', '/api/documents', erosion);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('count_mismatch');
    expect(refused.body.error.message).toMatch(/source has 14 blocks but target has 15.*align: "auto"/);
    expect(await documentCount()).toBe(before);
  });

  it('SPEC 6.6 POST /api/align answers the proposal: the blocks\' texts, the pairs and their confidence, creating nothing', async () => {
    const before = await documentCount();
    const proposal = await propose(erosion);
    expect(proposal.source).toEqual(blocksOf(erosion.source));
    expect(proposal.target).toEqual(blocksOf(erosion.target));
    expect(proposal).toMatchObject({ sourceLang: 'en', targetLang: 'bn', lowConfidence: 0.75 });
    expect(shape(proposal.pairs)).toContainEqual([[5, 6], [5]]);
    expect(shape(proposal.pairs)).toContainEqual([[7], [6, 7]]);
    expect(shape(proposal.pairs)).toContainEqual([[1], []]);
    expect(shape(proposal.pairs)).toContainEqual([[], [14]]);
    for (const pair of proposal.pairs) expect(pair.confidence).toBeGreaterThanOrEqual(0), expect(pair.confidence).toBeLessThanOrEqual(1);
    // Only a file that pairs its own blocks (XLIFF) has units.
    expect(proposal.units).toBeUndefined();
    expect(await documentCount()).toBe(before);
  });

  it('SPEC 6.6 SPEC 6.7 a text draft created with align: "auto": merged blocks share a segment, a dropped block is an empty segment, an added one a segment without source that QA flags', async () => {
    const proposal = await propose(erosion);
    const { segments, issues } = await create({ ...erosion, align: 'auto' });
    expect(segments).toHaveLength(proposal.pairs.length);
    const [en, bn] = [blocksOf(erosion.source), blocksOf(erosion.target)];
    expect(segments.map((s) => [s.source, s.target])).toEqual(
      proposal.pairs.map((pair) => [pair.source.length ? pair.source.map((i) => en[i]).join('\n') : null, pair.target.map((j) => bn[j]).join('\n')]),
    );
    const merged = segments.findIndex((s) => s.source === `${en[5]}\n${en[6]}`);
    expect(segments[merged].target).toBe(bn[5]);
    const caption = segments.findIndex((s) => s.source === en[1]);
    expect(segments[caption].target).toBe('');
    const signUp = segments.findIndex((s) => s.target === bn[14]);
    expect(segments[signUp].source).toBeNull();
    expect(issues.filter((i) => i.check === 'empty').map((i) => i.index)).toEqual([caption]);
    const unsourced = issues.filter((i) => i.check === 'unsourced');
    expect(unsourced.map((i) => [i.index, i.severity])).toEqual([
      [segments.findIndex((s) => s.target === bn[1] && s.source === null), 'warning'],
      [signUp, 'warning'],
    ]);
  });

  it('SPEC 6.6 a Markdown draft created with the alignment the dialog edited: its pairs as given, blocks kept as headings, lists and quotes', async () => {
    const proposal = await propose(metro);
    expect(shape(proposal.pairs)).toContainEqual([[10, 11], [10]]);
    // The quote's extra sentence given back to no source: [10, 11]–[10] becomes [10]–[10] and [11]–[].
    const edited = proposal.pairs.flatMap((pair) =>
      pair.source.join() === '10,11' ? [{ source: [10], target: [10] }, { source: [11], target: [] }] : [{ source: pair.source, target: pair.target }],
    );
    const { id, segments } = await create({ ...metro, align: edited });
    expect(segments).toHaveLength(edited.length);
    expect(segments.map((s) => s.source)).toEqual(edited.map((pair) => (pair.source.length ? pair.source.map((i) => proposal.source[i]).join('\n') : null)));
    const split = segments.findIndex((s) => s.source === proposal.source[9]);
    expect(segments[split].target).toBe(`${proposal.target[8]}\n${proposal.target[9]}`);
    const md = await fetch(`${server.url}/api/documents/${id}/export?format=md&token=${(await server.api('POST', `/api/documents/${id}/tokens`, { role: 'viewer' })).body.token}`);
    const exported = await md.text();
    expect(exported).toContain('## কেন এখন');
    expect(exported).toContain('> নতুন ভাড়া');
    expect(exported).toContain('- শিক্ষার্থীরা ৫০ শতাংশ ছাড় পেতে থাকবেন।');
  });

  it('SPEC 6.6 an alignment that skips, repeats or reorders a block, or leaves a pair empty → 400 bad_alignment; nothing is created', async () => {
    const before = await documentCount();
    const body = { format: 'text', sourceLang: 'en', targetLang: 'bn', source: 'One\n\nTwo', target: 'এক\n\nদুই\n\nতিন' };
    const cases: Array<[unknown, RegExp]> = [
      [[{ source: [0], target: [0] }, { source: [1], target: [1] }], /covers 2 of the target's 3 blocks/],
      [[{ source: [0], target: [0, 1] }, { source: [1], target: [1, 2] }], /target block 1 where block 2 comes next/],
      [[{ source: [1], target: [0] }, { source: [0], target: [1, 2] }], /source block 1 where block 0 comes next/],
      [[{ source: [0, 1], target: [0, 1, 2] }, { source: [], target: [] }], /pair 1 has no block/],
    ];
    for (const [align, message] of cases) {
      for (const path of ['/api/documents', '/api/align']) {
        const refused = await server.api('POST', path, { ...body, align });
        expect([path, refused.status, refused.body.error.code]).toEqual([path, 400, 'bad_alignment']);
        expect(refused.body.error.message).toMatch(message);
      }
    }
    const oneSided = await server.api('POST', '/api/align', { ...body, source: '' });
    expect([oneSided.status, oneSided.body.error.code]).toEqual([400, 'bad_alignment']);
    expect(await documentCount()).toBe(before);
    // Any sizes are fine as long as every block is there once, in order: 2–3 in one segment.
    const whole = await create({ ...body, align: [{ source: [0, 1], target: [0, 1, 2] }] });
    expect(whole.segments.map((s) => [s.source, s.target])).toEqual([['One\nTwo', 'এক\nদুই\nতিন']]);
  });

  it('SPEC 6.8 a Word draft with a plain-text source: 400 when counts differ, aligned with align: "auto"', async () => {
    const en = blocksOf(erosion.source);
    const bn = blocksOf(erosion.target);
    const body = { format: 'docx', sourceLang: 'en', targetLang: 'bn', source: erosion.source, content: await docxOf(bn) };
    const refused = await server.api('POST', '/api/documents', body);
    expect([refused.status, refused.body.error.code]).toEqual([400, 'count_mismatch']);
    const proposal = await propose(body);
    expect(proposal.target).toEqual(bn);
    expect(shape(proposal.pairs)).toContainEqual([[7], [6, 7]]);
    const { segments } = await create({ ...body, align: 'auto' });
    expect(segments.find((s) => s.source === en[7])!.target).toBe(`${bn[6]}\n${bn[7]}`);
    expect(segments.find((s) => s.source === `${en[5]}\n${en[6]}`)!.target).toBe(bn[5]);
  });

  it('SPEC 6.8 an XLIFF file keeps its units\' pairs; a unit whose target holds the next unit\'s text too takes it in, with its id, the lesser state and both notes', async () => {
    const units: Array<[string, string, string, string, string?]> = [
      ['head', 'Metro fares to rise by 20 percent', '২০ শতাংশ বাড়ছে মেট্রোর ভাড়া', 'final'],
      ['p1', 'The minimum fare goes up from Tk 20 to Tk 24.', 'সর্বনিম্ন ভাড়া ২০ টাকা থেকে বেড়ে হবে ২৪ টাকা। পুরো যাত্রার ভাড়া ১০০ থেকে ১২০ টাকা হবে।', 'translated', 'Check the fares.'],
      ['p2', 'The full journey will cost Tk 120 instead of Tk 100.', '', 'initial', 'Merged above?'],
      ['p3', 'Students keep their 50 percent discount.', 'শিক্ষার্থীরা ৫০ শতাংশ ছাড় পাবেন।', 'reviewed'],
      ['p4', 'Line-6 is being extended to Kamalapur by 2026.', 'লাইন-৬ ২০২৬ সালের মধ্যে কমলাপুর পর্যন্ত যাবে।', 'translated'],
    ];
    const xliff = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="bn"><file id="f">${units
      .map(
        ([id, source, target, state, note]) =>
          `<unit id="unit${id}">${note ? `<notes><note>${note}</note></notes>` : ''}<segment state="${state}"><source>${source}</source>${target ? `<target>${target}</target>` : ''}</segment></unit>`,
      )
      .join('')}</file></xliff>`;
    // Without align the file's units stand as they are.
    expect((await create({ format: 'xliff', content: xliff })).segments).toHaveLength(5);
    const proposal = await propose({ format: 'xliff', content: xliff });
    expect(proposal).toMatchObject({ sourceLang: 'en', targetLang: 'bn' });
    expect(shape(proposal.pairs)).toEqual([[[0], [0]], [[1, 2], [1]], [[3], [2]], [[4], [3]]]);
    // Beside the proposal, the pairs the file's units make, so the dialog can tell they differ.
    expect(shape(proposal.units!)).toEqual([[[0], [0]], [[1], [1]], [[2], []], [[3], [2]], [[4], [3]]]);
    const { id, segments } = await create({ format: 'xliff', content: xliff, align: 'auto' });
    expect(segments.map((s) => [s.id, s.source, s.status])).toEqual([
      ['unithead', units[0][1], 'approved'],
      ['unitp1', `${units[1][1]}\n${units[2][1]}`, 'draft'],
      ['unitp3', units[3][1], 'reviewed'],
      ['unitp4', units[4][1], 'translated'],
    ]);
    expect(segments[1].target).toBe(units[1][2]);
    const threads = (await server.api('GET', `/api/documents/${id}/comments`, undefined, (await server.api('POST', `/api/documents/${id}/tokens`, { role: 'viewer' })).body.token)).body.threads;
    expect(threads.map((t: { segmentId: string; comments: Array<{ text: string }> }) => [t.segmentId, t.comments[0].text])).toEqual([
      ['unitp1', 'Check the fares.'],
      ['unitp1', 'Merged above?'],
    ]);
  });
});
