// Glossary entries as stored: a document's in its review room, the workspace's in the store.
import * as Y from 'yjs';
import { z } from 'zod';
import { ReviewRoom } from '../../shared/schema.js';
import type { Store } from '../storage/store.js';

const term = z.string().trim().min(1).max(500);
const entry = z.object({
  source: term,
  target: term,
  forbidden: z.array(term).max(50).optional(),
  note: z.string().max(2000).optional(),
  caseSensitive: z.boolean().optional(),
});
export const glossaryBody = z.object({ entries: z.array(entry).max(10_000) });
export type GlossaryEntries = z.output<typeof glossaryBody>['entries'];

export const WORKSPACE_GLOSSARY_KEY = 'workspace-glossary';

export function documentGlossary(doc: Y.Doc): GlossaryEntries {
  return (doc.getMap(ReviewRoom.glossary).get('entries') as GlossaryEntries | undefined) ?? [];
}

export async function workspaceGlossary(store: Store): Promise<GlossaryEntries> {
  const stored = await store.getSetting(WORKSPACE_GLOSSARY_KEY);
  return stored ? (JSON.parse(stored) as GlossaryEntries) : [];
}
