// Turns an import request into a stored document: content seeded through headless Lexical and the
// review room's sources and statuses, both written before any client can connect (SPEC 5.3).
import { newId } from '../../shared/ids.js';
import { roomName } from '../../shared/schema.js';
import { parseImport, type ImportInput } from '../../shared/import/index.js';
import { seedArticle } from '../../shared/seed.js';
import type { DocumentRecord, Store } from '../storage/store.js';
import { seedReviewRoom } from './review-room.js';

export interface NewDocument extends ImportInput {
  title?: string;
  sourceLang: string;
  targetLang: string;
}

export async function createDocument(store: Store, input: NewDocument): Promise<DocumentRecord> {
  const parsed = parseImport(input);
  const now = Date.now();
  const record: DocumentRecord = {
    id: newId(12),
    title: input.title?.trim() || parsed.headline || 'Untitled',
    sourceLang: input.sourceLang,
    targetLang: input.targetLang,
    createdAt: now,
    updatedAt: now,
    segmentCount: parsed.segments.length,
    tokenGeneration: 1,
  };
  const review = seedReviewRoom({ ...record, segments: parsed.segments }, now);
  await store.createDocument(record, {
    [roomName(record.id, 'content')]: seedArticle(parsed),
    [roomName(record.id, 'review')]: review,
  });
  return record;
}
