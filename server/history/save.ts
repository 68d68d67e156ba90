// Saving a version: the live rooms' full state under a name (SPEC 16.1, 16.2).
import { newId } from '../../shared/ids.js';
import type { RoomRegistry } from '../collab/registry.js';
import type { Store } from '../storage/store.js';
import type { StoredVersion, VersionRecord } from '../storage/versions.js';
import { liveState, type ArticleState } from './states.js';

export interface VersionInput {
  name: string;
  auto: boolean;
  author: string | null;
}

/** Stores `state` (else the live rooms' state) as a new version and returns its record. */
export async function saveVersion(
  store: Store,
  rooms: RoomRegistry,
  docId: string,
  input: VersionInput,
  state?: ArticleState,
): Promise<VersionRecord> {
  const { content, review, ...record } = await versionOf(rooms, docId, input, state);
  await store.saveVersion({ ...record, content, review });
  return record;
}

/**
 * A new version of `state` (else the live rooms' state), not stored yet. Its time is taken before
 * the rooms are read, so it holds every change the server had applied by then (SPEC 17.20).
 */
export async function versionOf(rooms: RoomRegistry, docId: string, input: VersionInput, state?: ArticleState): Promise<StoredVersion> {
  const createdAt = Date.now();
  const { content, review } = state ?? (await liveState(rooms, docId));
  return { id: newId(12), docId, ...input, createdAt, content, review };
}

/** A version as the API answers it. */
export function versionView({ id, name, createdAt, author, auto }: VersionRecord) {
  return { id, name, createdAt, author, auto };
}
