// Versions: an article's full state (both rooms) kept under a name, beside the room log (SPEC 16).
// Compaction never touches them; deleting the document deletes them. Read without loading a room.

export interface VersionRecord {
  id: string;
  docId: string;
  name: string;
  /** Saved by the server (after a burst of editing, before a restore), not named by an editor. */
  auto: boolean;
  /** The name of whoever saved it; null for the server's own. */
  author: string | null;
  createdAt: number;
}

export interface StoredVersion extends VersionRecord {
  /** Y.encodeStateAsUpdate of the content room and of the review room. */
  content: Uint8Array;
  review: Uint8Array;
}

export interface VersionStore {
  saveVersion(version: StoredVersion): Promise<void>;
  /**
   * Stores `version` unless the document has a version of its name and kind made at `since` or
   * later, checked and stored atomically, also against other instances (SPEC 17.20). Whether it stored it.
   */
  saveVersionUnlessNewer(version: StoredVersion, since: number): Promise<boolean>;
  /** A document's versions without their state, newest first. */
  listVersions(docId: string): Promise<VersionRecord[]>;
  loadVersion(docId: string, id: string): Promise<StoredVersion | null>;
  deleteVersions(docId: string, ids: string[]): Promise<void>;
}

/** A store whose version methods are those of the back end's own VersionStore, kept apart. */
export abstract class WithVersions implements VersionStore {
  protected abstract readonly versions: VersionStore;

  saveVersion(version: StoredVersion): Promise<void> {
    return this.versions.saveVersion(version);
  }

  saveVersionUnlessNewer(version: StoredVersion, since: number): Promise<boolean> {
    return this.versions.saveVersionUnlessNewer(version, since);
  }

  listVersions(docId: string): Promise<VersionRecord[]> {
    return this.versions.listVersions(docId);
  }

  loadVersion(docId: string, id: string): Promise<StoredVersion | null> {
    return this.versions.loadVersion(docId, id);
  }

  deleteVersions(docId: string, ids: string[]): Promise<void> {
    return this.versions.deleteVersions(docId, ids);
  }
}
