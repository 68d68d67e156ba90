// The persistence interface. SQLite (embedded, default) and PostgreSQL (storage/postgres/) implement it.
// Every implementation passes the contract suite in test/contract/store.contract.ts.

export interface DocumentRecord {
  id: string;
  title: string;
  sourceLang: string;
  targetLang: string;
  createdAt: number;
  updatedAt: number;
  segmentCount: number;
  /** Tokens carry the generation they were minted in; bumping it revokes them all. */
  tokenGeneration: number;
}

export type DocumentPatch = Partial<Pick<DocumentRecord, 'title' | 'updatedAt' | 'segmentCount' | 'tokenGeneration'>>;

import type { VersionStore } from './versions.js';

export interface RoomLog {
  /** The merged state up to `snapshotSeq`, or null when the room was never compacted. */
  snapshot: Uint8Array | null;
  snapshotSeq: number;
  /** Updates stored after the snapshot, oldest first. */
  updates: Uint8Array[];
  /** Sequence number of the last stored update (0 when none). */
  seq: number;
  /** Bytes of the snapshot plus the updates: what the room occupies in the store. */
  bytes: number;
}

export interface AppendEntry {
  docId: string;
  /** Room name as in shared/schema.ts roomName(): `<doc>` or `<doc>/review`. */
  room: string;
  update: Uint8Array;
}

/** Versions (versions.ts) are stored beside the log, read without loading a room. */
export interface Store extends VersionStore {
  /** Creates a document with its rooms' first state, atomically. */
  createDocument(doc: DocumentRecord, rooms: Record<string, Uint8Array>): Promise<void>;
  getDocument(id: string): Promise<DocumentRecord | null>;
  listDocuments(): Promise<DocumentRecord[]>;
  updateDocument(id: string, patch: DocumentPatch): Promise<void>;
  /** Removes the document, everything stored for its rooms and its versions. */
  deleteDocument(id: string): Promise<void>;

  /**
   * Stores updates durably in one transaction and returns each one's sequence number (per room,
   * increasing). Also moves the documents' updatedAt forward.
   */
  append(entries: AppendEntry[]): Promise<number[]>;
  loadRoom(room: string): Promise<RoomLog>;
  /**
   * What the room's log holds after `seq`, read as of one moment (an instance catching up, SPEC
   * 17.10): the updates stored after it, preceded by the snapshot when compaction merged some of
   * them into it (else `snapshot` is null); `seq` is the last sequence number read (`seq` itself
   * when nothing is newer).
   */
  loadRoomSince(room: string, seq: number): Promise<RoomLog>;
  /** Replaces the room's log up to and including `uptoSeq` by `snapshot`; later updates stay. */
  compact(room: string, uptoSeq: number, snapshot: Uint8Array): Promise<void>;
  /** The sequence number the room's stored snapshot covers, 0 when never compacted (SPEC 17.13). */
  snapshotSeq(room: string): Promise<number>;

  /** Small instance-wide values (the token signing key). Returns the stored value if one exists. */
  getOrSetSetting(key: string, create: () => string): Promise<string>;
  getSetting(key: string): Promise<string | null>;
  /** Replaces a setting (the workspace glossary). */
  putSetting(key: string, value: string): Promise<void>;

  /** Resolves when the store answers a trivial read, rejects when it does not (readiness, /healthz). */
  ping(): Promise<void>;

  close(): Promise<void>;
}

/** The store cannot be opened or reached (a database server down, a wrong DATABASE_URL). */
export class StoreUnavailable extends Error {}

/** The store did not answer a ping in time: slow, or cut off without a word (not taken for unreachable). */
export class PingTimeout extends Error {}
