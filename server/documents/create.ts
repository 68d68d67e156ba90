// Turns an import request into a stored document: content seeded through headless Lexical and the
// review room's sources and statuses, both written before any client can connect (SPEC 5.3).
import { newId } from '../../shared/ids.js';
import { roomName } from '../../shared/schema.js';
import { parseDocument, type DocumentInput } from '../../shared/import/document.js';
import type { ParsedImport } from '../../shared/import/index.js';
import type { Alignment } from '../../shared/import/pairing.js';
import { ImportError } from '../../shared/import/errors.js';
import { LANGUAGE_TAG } from '../../shared/import/language.js';
import { seedArticle } from '../../shared/seed.js';
import type { DocumentRecord, Store } from '../storage/store.js';
import { seedReviewRoom } from './review-room.js';
import { threadsFromNotes } from './imported-notes.js';

export interface NewDocument extends DocumentInput {
  title?: string;
  /** Required unless the file names it (XLIFF). */
  sourceLang?: string;
  targetLang?: string;
}

/** The request's language, else the file's; either must be a language tag. */
function language(field: 'sourceLang' | 'targetLang', given: string | undefined, fromFile: string | undefined): string {
  const tag = given ?? fromFile;
  if (tag === undefined) throw new ImportError('missing_language', `${field} is required: the file names no language`);
  if (!LANGUAGE_TAG.test(tag)) throw new ImportError('bad_language', `${field} "${tag}" is not a language tag such as en or bn-BD`);
  return tag;
}

/** An alignment needs both sides: a source and a draft (SPEC 6.6). */
function alignmentOf(parsed: ParsedImport): Alignment {
  if (!parsed.alignment) throw new ImportError('bad_alignment', 'nothing to align: the import needs both a source and a draft');
  return parsed.alignment;
}

/** How the import's blocks pair (SPEC 6.6), without creating anything. */
export async function alignDocument(input: NewDocument): Promise<Alignment & { sourceLang: string; targetLang: string }> {
  const parsed = await parseDocument(input);
  return {
    sourceLang: language('sourceLang', input.sourceLang, parsed.sourceLang),
    targetLang: language('targetLang', input.targetLang, parsed.targetLang),
    ...alignmentOf(parsed),
  };
}

/** Runs on the parsed import before anything is stored (pre-translation, SPEC 18.8). */
export type PrepareImport = (parsed: ParsedImport, languages: { sourceLang: string; targetLang: string }) => Promise<void>;

export async function createDocument(store: Store, input: NewDocument, prepare?: PrepareImport): Promise<DocumentRecord> {
  const parsed = await parseDocument(input);
  if (Array.isArray(input.align)) alignmentOf(parsed);
  const now = Date.now();
  const record: DocumentRecord = {
    id: newId(12),
    title: input.title?.trim() || parsed.title || parsed.headline || 'Untitled',
    sourceLang: language('sourceLang', input.sourceLang, parsed.sourceLang),
    targetLang: language('targetLang', input.targetLang, parsed.targetLang),
    createdAt: now,
    updatedAt: now,
    segmentCount: parsed.segments.length,
    tokenGeneration: 1,
  };
  await prepare?.(parsed, record);
  const content = seedArticle(parsed);
  const review = seedReviewRoom({ ...record, segments: parsed.segments, threads: threadsFromNotes(parsed.segments, content, now) }, now);
  await store.createDocument(record, {
    [roomName(record.id, 'content')]: content,
    [roomName(record.id, 'review')]: review,
  });
  // The import is the article's first version (SPEC 16.7).
  await store.saveVersion({ id: newId(12), docId: record.id, name: 'Draft', auto: false, author: null, createdAt: now, content, review });
  return record;
}
