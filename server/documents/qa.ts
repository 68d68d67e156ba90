// QA of a whole document as the server sees it now: its segments, with the document's glossary
// merged over the workspace's (SPEC 14).
import { runQa, type QaIssue } from '../../shared/qa/index.js';
import type { RoomRegistry } from '../collab/registry.js';
import type { DocumentRecord, Store } from '../storage/store.js';
import { documentGlossary, workspaceGlossary } from './glossary.js';
import { readSegments } from './read.js';

export async function documentQa(rooms: RoomRegistry, store: Store, record: DocumentRecord): Promise<QaIssue[]> {
  const segments = await readSegments(rooms, record.id);
  const own = await rooms.with(record.id, 'review', (room) => documentGlossary(room.doc));
  return runQa({
    sourceLang: record.sourceLang,
    targetLang: record.targetLang,
    segments,
    glossary: [...own, ...(await workspaceGlossary(store))],
  });
}
