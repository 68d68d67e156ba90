// A room: one Y.Doc with its awareness and connections. Updates are applied (validating them),
// stored in groups, and only then sent to anyone (SPEC 4.1).
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import type { Logger } from 'pino';
import { CloseCode, STORE_UNREACHABLE_REASON, type RoomKind } from '../../shared/schema.js';
import type { GroupCommit } from '../storage/group-commit.js';
import { StoreUnavailable, type RoomLog, type Store } from '../storage/store.js';
import type { StoreHealth } from '../storage/store-health.js';
import type { Metrics } from '../metrics.js';
import { StoredGate } from './stored-gate.js';
import { FROM_OTHER_INSTANCE, PresenceRelay } from './presence-relay.js';
import type { RoomFeed } from '../fanout/room-feed.js';
import { ProtocolError } from './protocol.js';
import { writeAwareness, writeSyncStep1, writeSyncStep2, writeUpdate } from './outgoing.js';

/** Who a change came from: a peer's connection, the server itself (HTTP API), or the store. */
export type Origin = RoomPeer | 'server' | 'load';

/** What a room needs of a connection. */
export interface RoomPeer {
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

export interface RoomDeps {
  store: Store;
  commit: GroupCommit;
  logger: Logger;
  metrics: Metrics;
  compactEvery: number;
  maxDocumentBytes: number;
  /** Whether the store takes writes (SPEC 17.17). */
  health: StoreHealth;
}

export class DocumentTooLarge extends Error {}

export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  readonly peers = new Set<RoomPeer>();
  private readonly gate = new StoredGate();
  private storedSeq: number;
  private bytes: number;
  /** Up to this seq the store's snapshot is known to cover the log (SPEC 17.13). */
  private compactedSeq: number;
  private compaction: Promise<void> | null = null;
  private failed = false;
  private rejectFailure!: (error: unknown) => void;
  /** Rejects when storage failed, so nobody waits forever for a write that will never be stored. */
  private readonly failure = new Promise<never>((_, reject) => (this.rejectFailure = reject));
  /** Awareness id → the peer that introduced it; only that peer may change it (SPEC 2.5). */
  private readonly presenceOwners = new Map<number, RoomPeer>();
  private readonly presence: PresenceRelay;
  /** With fan-out (SPEC 17.8): the room's link to the other instances. */
  private feed: RoomFeed | null = null;
  /**
   * The handshake's sync step 1 and the answer to a joiner that has nothing (the whole document), as
   * sent: encoded once and the same bytes for every joiner until the next change.
   */
  private joining: { step1?: Uint8Array; whole?: Uint8Array } = {};
  /** The peer update being applied, and its transaction once it changed the doc (see `apply`). */
  private incoming: { tr: Y.Transaction | null } | null = null;

  /** With fan-out, `feed` is subscribed already: what others publish while the store is read is kept (SPEC 17.9). */
  static async load(name: string, docId: string, kind: RoomKind, deps: RoomDeps, feed?: RoomFeed): Promise<Room> {
    const log = await deps.store.loadRoom(name);
    const room = new Room(name, docId, kind, deps, log, feed);
    feed?.attach(room, log.seq);
    return room;
  }

  private constructor(
    readonly name: string,
    readonly docId: string,
    readonly kind: RoomKind,
    private readonly deps: RoomDeps,
    { snapshot, snapshotSeq, updates, seq, bytes }: RoomLog,
    feed?: RoomFeed,
  ) {
    this.failure.catch(() => {});
    this.feed = feed ?? null;
    this.storedSeq = seq;
    this.bytes = bytes;
    this.compactedSeq = snapshotSeq;
    this.doc.transact(() => {
      if (snapshot) Y.applyUpdate(this.doc, snapshot);
      for (const update of updates) Y.applyUpdate(this.doc, update);
    }, 'load' satisfies Origin);
    this.awareness.setLocalState(null);
    // A peer's update that applies whole is stored and sent as it came: Yjs encoding each change
    // again (its 'update' event) costs more than applying it, and grows with the text it merges into.
    // The server's own changes are encoded by Yjs: an 'update' listener is there only for them.
    this.doc.on('beforeTransaction', (tr: Y.Transaction) => {
      if (!isPeer(tr.origin) && tr.origin !== 'load') this.doc.on('update', this.encoded);
    });
    this.doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (!isPeer(tr.origin) || !changed(tr)) return;
      if (this.incoming) this.incoming.tr = tr;
      else this.changed(whatApplied(tr), tr.origin as Origin);
    });
    this.presence = new PresenceRelay(
      this.awareness,
      (message) => {
        for (const peer of this.peers) peer.send(message);
      },
      (update) => this.feed?.presence(update),
    );
    // A log left long (by a crash before its compaction) is compacted once the first answers are out.
    if (this.logLength >= deps.compactEvery) setImmediate(() => void this.compact(deps.compactEvery));
  }

  /** Adds a peer and opens the sync: the server's state vector, then the peers' presence. */
  join(peer: RoomPeer): void {
    this.peers.add(peer);
    this.deps.metrics.connections.inc();
    this.gate.whenStored(() => {
      peer.send((this.joining.step1 ??= writeSyncStep1(Y.encodeStateVector(this.doc))));
      const present = [...this.awareness.getStates().keys()];
      if (present.length > 0) peer.send(writeAwareness(encodeAwarenessUpdate(this.awareness, present)));
    });
  }

  leave(peer: RoomPeer): void {
    if (!this.peers.delete(peer)) return;
    this.deps.metrics.connections.dec();
    const gone = [...this.presenceOwners].filter(([, owner]) => owner === peer).map(([id]) => id);
    for (const id of gone) this.presenceOwners.delete(id);
    if (gone.length > 0) removeAwarenessStates(this.awareness, gone, 'server');
  }

  mayPresent(peer: RoomPeer, clientId: number): boolean {
    const owner = this.presenceOwners.get(clientId);
    return owner === undefined || owner === peer;
  }

  claimPresence(peer: RoomPeer, clientIds: number[]): void {
    for (const id of clientIds) this.presenceOwners.set(id, peer);
  }

  /** Answers a peer's sync step 1 with what it lacks, once that is stored. */
  answerSync(peer: RoomPeer, stateVector: Uint8Array): void {
    const answer = isEmptyStateVector(stateVector)
      ? (this.joining.whole ??= writeSyncStep2(Y.encodeStateAsUpdate(this.doc)))
      : writeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector));
    this.gate.whenStored(() => peer.send(answer));
  }

  /**
   * Applies an update; throws DocumentTooLarge before applying one the room has no room for, and a
   * ProtocolError for one that refers to structs the room does not have (SPEC 3.9): Yjs would keep
   * such structs pending, unseen, sent along with every sync and snapshot, for as long as the room
   * lives. What of it did apply is kept (and stored) like any update; the rest is dropped.
   */
  apply(update: Uint8Array, origin: Origin): void {
    if (this.bytes + update.length > this.deps.maxDocumentBytes) throw new DocumentTooLarge();
    // The server's own edits are refused, changing nothing, while the store is unreachable (SPEC 17.17).
    if (!isPeer(origin) && !this.writable) throw new StoreUnavailable('the store is unreachable: nothing was changed');
    const { store } = this.doc;
    const before = { structs: store.pendingStructs, ds: store.pendingDs };
    const incoming: { tr: Y.Transaction | null } = { tr: null };
    this.incoming = incoming;
    let whole = false;
    try {
      Y.applyUpdate(this.doc, update, origin);
      whole = (store.pendingStructs ?? before.structs) === before.structs && (store.pendingDs ?? before.ds) === before.ds;
    } finally {
      this.incoming = null;
      // Dropped before encoding what applied: Yjs adds pending structs to every encoding of the doc.
      if (!whole) {
        store.pendingStructs = before.structs;
        store.pendingDs = before.ds;
      }
      // Stored and sent as it came when all of it applied; otherwise what of it did.
      if (incoming.tr) this.changed(whole ? update : whatApplied(incoming.tr), origin);
    }
    if (!whole) throw new ProtocolError('update refers to content the server does not have');
  }

  /** Whether writes are taken: with the store unreachable they are refused before they apply (SPEC 17.17). */
  get writable(): boolean {
    return this.deps.health.writable && !this.failed;
  }

  /**
   * Changes the doc as the server; resolves once the change is stored (and sent to peers). Throws
   * StoreUnavailable, changing nothing, while the store is unreachable (SPEC 17.17).
   */
  write(change: (doc: Y.Doc) => void): Promise<void> {
    if (!this.writable) return Promise.reject(new StoreUnavailable('the store is unreachable: nothing was changed'));
    this.doc.transact(() => change(this.doc), 'server' satisfies Origin);
    return this.settled();
  }

  /**
   * Applies updates another instance stored (SPEC 17.8) and sends them to this room's peers; they
   * are the store's already, so they are neither stored again nor seen by the observers of changes.
   */
  applyStored(updates: Uint8Array[]): void {
    if (this.doc.isDestroyed) return;
    const before = updates.length > 1 ? Y.encodeStateVector(this.doc) : null;
    this.doc.transact(() => {
      for (const update of updates) Y.applyUpdate(this.doc, update);
    }, 'load' satisfies Origin);
    this.joining = {};
    for (const update of updates) this.bytes += update.length;
    const message = writeUpdate(before ? Y.encodeStateAsUpdate(this.doc, before) : updates[0]);
    for (const peer of this.peers) peer.send(message);
  }

  /**
   * With fan-out, reads what other instances stored that this room has not applied yet (SPEC 17.18):
   * what the HTTP API reads or changes includes every write another instance acknowledged before.
   */
  catchUp(): Promise<void> {
    return this.feed?.catchUp('read') ?? Promise.resolve();
  }

  /** Presence another instance's peers set (SPEC 17.12): relayed to this room's peers, not back. */
  applyPresence(update: Uint8Array): void {
    if (!this.doc.isDestroyed) applyAwarenessUpdate(this.awareness, update, FROM_OTHER_INSTANCE);
  }

  /** The presence of this instance's own peers (SPEC 17.12), for an instance that asks. */
  ownPresence(): Uint8Array | null {
    const ids = [...this.presenceOwners.keys()].filter((id) => this.awareness.getStates().has(id));
    return ids.length > 0 ? encodeAwarenessUpdate(this.awareness, ids) : null;
  }

  /** Runs `task` once everything applied so far is stored. */
  afterStored(task: () => void): void {
    this.gate.whenStored(task);
  }

  /** Resolves once everything applied so far is stored. */
  settled(): Promise<void> {
    return Promise.race([this.gate.settled(), this.failure]);
  }

  /** Yjs's encoding of a change the server made. */
  private readonly encoded = (update: Uint8Array, origin: Origin): void => {
    this.doc.off('update', this.encoded);
    if (!isPeer(origin)) this.changed(update, origin);
  };

  private changed(update: Uint8Array, origin: Origin): void {
    this.joining = {};
    this.persist(update, origin);
  }

  private persist(update: Uint8Array, origin: Origin): void {
    if (origin === 'load' || this.failed) return;
    const n = this.gate.applyOne();
    const received = performance.now();
    let stored = 0;
    this.bytes += update.length;
    this.count();
    this.deps.commit.enqueue(
      { docId: this.docId, room: this.name, update },
      (seq) => {
        stored = seq;
        this.storedSeq = Math.max(this.storedSeq, seq);
        this.gate.markStored(n);
        // The seq counts every instance's appends to the shared log (SPEC 17.13).
        if (this.logLength >= this.deps.compactEvery) void this.compact(this.deps.compactEvery);
      },
      (error) => this.fail(error),
    );
    const message = writeUpdate(update);
    this.gate.whenStored(() => {
      for (const peer of this.peers) if (peer !== origin) peer.send(message);
      this.presence.flushIfDue();
      // Published once stored, with its seq, as peers here are sent it (SPEC 17.8).
      this.feed?.stored(stored, update);
      this.deps.metrics.broadcastSeconds.observe((performance.now() - received) / 1000);
    });
  }

  /** Updates applied this turn, counted in the metrics once at its end (a labelled counter hashes its labels each time). */
  private uncounted = 0;

  private count(): void {
    if (this.uncounted++ > 0) return;
    queueMicrotask(() => {
      this.deps.metrics.updates.inc({ room: this.kind }, this.uncounted);
      this.uncounted = 0;
    });
  }

  /**
   * Updates in the room's log after the snapshot, as far as this room knows: with fan-out the seqs
   * count every instance's appends (SPEC 17.13).
   */
  private get logLength(): number {
    return Math.max(this.storedSeq, this.feed?.coveredSeq ?? 0) - this.compactedSeq;
  }

  /**
   * Merges the stored log into one snapshot, in the background (SPEC 4.4), when it holds at least
   * `atLeast` updates (on its count: COMPACT_EVERY; as the room unloads and at shutdown: any).
   */
  compact(atLeast = 1): Promise<void> {
    if (this.compaction || this.logLength < Math.max(atLeast, 1) || this.failed || this.doc.isDestroyed) return this.compaction ?? Promise.resolve();
    const run = async () => {
      try {
        // A group stored while a snapshot is written can bring the log past COMPACT_EVERY again, with
        // no later update to notice: compacting on until it does not keeps the log (and a cold load) short.
        let threshold = atLeast;
        while ((await this.compactOnce(threshold)) && this.logLength >= this.deps.compactEvery && !this.failed && !this.doc.isDestroyed) {
          threshold = this.deps.compactEvery;
        }
      } finally {
        this.compaction = null;
      }
    };
    this.compaction = run();
    return this.compaction;
  }

  /** One snapshot of the doc replacing the log stored so far; false when it failed or had nothing to do. */
  private async compactOnce(atLeast: number): Promise<boolean> {
    try {
      // Another instance may have compacted meanwhile: then the log may be short already (SPEC 17.13).
      if (this.feed) {
        this.compactedSeq = Math.max(this.compactedSeq, await this.deps.store.snapshotSeq(this.name));
        if (this.logLength < Math.max(atLeast, 1) || this.doc.isDestroyed) return false;
      }
      // With fan-out, only up to where every instance's updates are in this doc (SPEC 17.13).
      const uptoSeq = this.feed ? this.feed.coveredSeq : this.storedSeq;
      if (uptoSeq <= this.compactedSeq) return false;
      const bytesBefore = this.bytes;
      const snapshot = Y.encodeStateAsUpdate(this.doc);
      await this.deps.store.compact(this.name, uptoSeq, snapshot);
      // Updates applied since the snapshot was taken stay in the log (or are in flight).
      this.compactedSeq = Math.max(this.compactedSeq, uptoSeq);
      this.bytes = snapshot.length + (this.bytes - bytesBefore);
      return true;
    } catch (error) {
      this.deps.logger.error({ err: error, room: this.name }, 'compaction failed');
      return false;
    }
  }

  /**
   * Storing failed: the doc holds what the store lacks, so everyone is dropped (1011, to reconnect)
   * and the room is loaded afresh from the store by the next to join (SPEC 17.17).
   */
  private fail(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.rejectFailure(error);
    this.deps.logger.error({ err: error, room: this.name }, 'storing an update failed; closing the room');
    this.closeAll(CloseCode.serverError, STORE_UNREACHABLE_REASON);
    void this.feed?.close();
    this.onFail?.();
  }

  /** Set by the registry: forget this room after a failure. */
  onFail?: () => void;

  closeAll(code: CloseCode, reason: string): void {
    for (const peer of [...this.peers]) peer.close(code, reason);
  }

  destroy(): void {
    void this.feed?.close();
    this.presence.stop();
    this.awareness.destroy();
    this.doc.destroy();
  }
}

/** A state vector naming no client: a joiner that has nothing yet. */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0;
}

/** A peer's connection (the origin of its updates), not the server or the store. */
function isPeer(origin: unknown): boolean {
  return typeof origin === 'object' && origin !== null;
}

/**
 * Whether a transaction changed the document (what Yjs checks before emitting an update). Listen to
 * 'afterTransaction' with it rather than to 'update': while a doc has 'update' listeners, Yjs encodes
 * every change again for them.
 */
export function changed(tr: Y.Transaction): boolean {
  if (tr.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of tr.afterState) if (tr.beforeState.get(client) !== clock) return true;
  return false;
}

/** The structs a transaction added (and, beyond what it deleted, the doc's other deletions). */
function whatApplied(tr: Y.Transaction): Uint8Array {
  return Y.encodeStateAsUpdate(tr.doc, Y.encodeStateVector(tr.beforeState));
}
