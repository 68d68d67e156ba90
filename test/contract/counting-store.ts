// A Store wrapper that counts append calls and can hold them open, to observe grouping.
import type { AppendEntry, DocumentPatch, DocumentRecord, RoomLog, Store } from '../../server/storage/store.js';
import type { StoredVersion, VersionRecord } from '../../server/storage/versions.js';

export class CountingStore implements Store {
  appendCalls: AppendEntry[][] = [];
  inFlight = 0;
  maxInFlight = 0;
  /** When set, append waits for it before reaching the inner store. */
  gate: Promise<void> | null = null;
  /** When set, the next append throws this instead of storing. */
  failNext: Error | null = null;

  constructor(readonly inner: Store) {}

  async append(entries: AppendEntry[]): Promise<number[]> {
    this.appendCalls.push(entries);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.gate) await this.gate;
      const failure = this.failNext;
      if (failure) {
        this.failNext = null;
        throw failure;
      }
      return await this.inner.append(entries);
    } finally {
      this.inFlight--;
    }
  }

  createDocument(doc: DocumentRecord, rooms: Record<string, Uint8Array>): Promise<void> {
    return this.inner.createDocument(doc, rooms);
  }
  getDocument(id: string): Promise<DocumentRecord | null> {
    return this.inner.getDocument(id);
  }
  listDocuments(): Promise<DocumentRecord[]> {
    return this.inner.listDocuments();
  }
  updateDocument(id: string, patch: DocumentPatch): Promise<void> {
    return this.inner.updateDocument(id, patch);
  }
  deleteDocument(id: string): Promise<void> {
    return this.inner.deleteDocument(id);
  }
  loadRoom(room: string): Promise<RoomLog> {
    return this.inner.loadRoom(room);
  }

  loadRoomSince(room: string, seq: number): Promise<RoomLog> {
    return this.inner.loadRoomSince(room, seq);
  }
  compact(room: string, uptoSeq: number, snapshot: Uint8Array): Promise<void> {
    return this.inner.compact(room, uptoSeq, snapshot);
  }
  snapshotSeq(room: string): Promise<number> {
    return this.inner.snapshotSeq(room);
  }
  getOrSetSetting(key: string, create: () => string): Promise<string> {
    return this.inner.getOrSetSetting(key, create);
  }
  getSetting(key: string): Promise<string | null> {
    return this.inner.getSetting(key);
  }
  putSetting(key: string, value: string): Promise<void> {
    return this.inner.putSetting(key, value);
  }
  saveVersion(version: StoredVersion): Promise<void> {
    return this.inner.saveVersion(version);
  }
  saveVersionUnlessNewer(version: StoredVersion, since: number): Promise<boolean> {
    return this.inner.saveVersionUnlessNewer(version, since);
  }
  listVersions(docId: string): Promise<VersionRecord[]> {
    return this.inner.listVersions(docId);
  }
  loadVersion(docId: string, id: string): Promise<StoredVersion | null> {
    return this.inner.loadVersion(docId, id);
  }
  deleteVersions(docId: string, ids: string[]): Promise<void> {
    return this.inner.deleteVersions(docId, ids);
  }
  ping(): Promise<void> {
    return this.inner.ping();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}
