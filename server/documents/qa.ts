// QA of a whole document as the server sees it now: its segments, with the document's glossary
// merged over the workspace's (SPEC 14), and its QA profile and ignored issues applied (SPEC 14.15,
// 14.16).
import { runQa } from '../../shared/qa/index.js';
import { applyProfile, type ProfiledIssues } from '../../shared/qa/profile.js';
import { ignoredIssuesOf, qaProfileOf } from '../../shared/review/qa-settings.js';
import type { RoomRegistry } from '../collab/registry.js';
import type { DocumentRecord, Store } from '../storage/store.js';
import { documentGlossary, workspaceGlossary } from './glossary.js';
import { readSegments } from './read.js';

/** The issues that count, and those whose occurrence was ignored; omitted segments are not checked. */
export async function documentQa(rooms: RoomRegistry, store: Store, record: DocumentRecord): Promise<ProfiledIssues> {
  const segments = (await readSegments(rooms, record.id)).filter((segment) => !segment.omitted);
  const settings = await rooms.with(record.id, 'review', (room) => ({
    glossary: documentGlossary(room.doc),
    profile: qaProfileOf(room.doc),
    ignored: [...ignoredIssuesOf(room.doc).values()],
  }));
  const issues = runQa({
    sourceLang: record.sourceLang,
    targetLang: record.targetLang,
    segments,
    glossary: [...settings.glossary, ...(await workspaceGlossary(store))],
  });
  return applyProfile(issues, new Map(segments.map((s) => [s.id, s.target])), settings.profile, settings.ignored);
}
