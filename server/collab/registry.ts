// Loaded rooms: each loads once however many ask at once (SPEC 4.5) and unloads after an idle grace
// period once nobody holds it and all its writes are stored, sooner when too many are idle (SPEC 4.6).
import { roomName, type CloseCode, type RoomKind } from '../../shared/schema.js';
import { Room, type RoomDeps } from './room.js';
import type { Feeds } from '../fanout/feeds.js';

interface Entry {
  room: Promise<Room>;
  holders: number;
  timer?: NodeJS.Timeout;
  /** Set while the room is being unloaded; a new holder waits for it, then loads afresh. */
  unloading?: Promise<void>;
  /** The token generation of the room's document as last read from the store (SPEC 17.17). */
  generation?: number;
}

export interface IdleRooms {
  /** Milliseconds a room nobody holds stays loaded. */
  ms: number;
  /** Rooms nobody holds kept loaded at most: past it the longest idle unloads at once. */
  max: number;
}

export class RoomRegistry {
  private readonly entries = new Map<string, Entry>();
  /** The rooms nobody holds, longest idle first. */
  private readonly idle = new Map<string, Entry>();
  /** Called with every room once it is loaded, before anyone uses it. */
  onLoad: (room: Room) => void = () => {};

  constructor(
    private readonly deps: RoomDeps,
    private readonly idleRooms: IdleRooms,
    /** With REDIS_URL: rooms subscribe to their channel while loaded (SPEC 17.9). */
    private readonly feeds?: Feeds,
  ) {
    // Another instance revoked or deleted a document: its connections here close the same way (SPEC 17.16).
    if (feeds) {
      feeds.closeOrdered = (name, { code, reason, gone }) => {
        const closing = gone ? this.removeRoom(name, code as CloseCode, reason) : this.closeRoom(name, code as CloseCode, reason);
        closing.catch((error) => this.deps.logger.error({ err: error, room: name }, 'closing a room on order of another instance failed'));
      };
    }
  }

  /** Loads (or finds) a room and holds it until `release`. */
  async acquire(docId: string, kind: RoomKind): Promise<Room> {
    const name = roomName(docId, kind);
    let entry = this.entries.get(name);
    while (entry?.unloading) {
      await entry.unloading;
      entry = this.entries.get(name);
    }
    if (!entry) {
      entry = {
        room: this.load(name, docId, kind).then((room) => {
          this.onLoad(room);
          return room;
        }),
        holders: 0,
      };
      this.deps.metrics.roomLoads.inc();
      this.entries.set(name, entry);
      const loaded = entry;
      entry.room.then(
        (room) => {
          this.deps.metrics.rooms.inc();
          room.onFail = () => this.forget(name, loaded);
        },
        () => this.forget(name, loaded),
      );
    }
    entry.holders++;
    clearTimeout(entry.timer);
    this.idle.delete(name);
    return entry.room;
  }

  /** Subscribes to the room's channel first, then reads the store: nothing published meanwhile is missed (SPEC 17.9). */
  private async load(name: string, docId: string, kind: RoomKind): Promise<Room> {
    const feed = await this.feeds?.subscribe(name);
    try {
      return await Room.load(name, docId, kind, this.deps, feed);
    } catch (error) {
      await feed?.close();
      throw error;
    }
  }

  release(room: Room): void {
    const entry = this.entries.get(room.name);
    if (!entry || --entry.holders > 0) return;
    entry.timer = setTimeout(() => void this.unload(room.name, entry), this.idleRooms.ms);
    entry.timer.unref();
    this.idle.set(room.name, entry);
    // A client opening article after article must not keep thousands of rooms in memory for the grace period.
    if (this.idle.size > this.idleRooms.max) {
      const [name, oldest] = this.idle.entries().next().value!;
      this.idle.delete(name);
      clearTimeout(oldest.timer);
      void this.unload(name, oldest);
    }
  }

  /**
   * Holds a room for the duration of `fn`, which sees every update stored before it was called: with
   * fan-out, those of other instances too (read from the store if Redis has not brought them, SPEC 17.18).
   */
  async with<T>(docId: string, kind: RoomKind, fn: (room: Room) => T | Promise<T>): Promise<T> {
    const room = await this.acquire(docId, kind);
    try {
      await room.catchUp();
      return await fn(room);
    } finally {
      this.release(room);
    }
  }

  /** The loaded room, if any, without holding it. */
  async loaded(docId: string, kind: RoomKind): Promise<Room | undefined> {
    const entry = this.entries.get(roomName(docId, kind));
    return entry && !entry.unloading ? entry.room.catch(() => undefined) : undefined;
  }

  /** A token for this loaded room was checked against the store, whose document had this generation. */
  tokensChecked(room: Room, generation: number): void {
    const entry = this.entries.get(room.name);
    if (entry && !entry.unloading) entry.generation = generation;
  }

  /**
   * The generation a loaded room's document had when last read (none once revoked or unloaded): with
   * the store unreachable, tokens for a loaded room are checked against it (SPEC 17.17).
   */
  knownGeneration(docId: string, kind: RoomKind): number | undefined {
    const entry = this.entries.get(roomName(docId, kind));
    return entry && !entry.unloading ? entry.generation : undefined;
  }

  /** Closes every connection to a document's rooms (revocation), on every instance. */
  async closeDocument(docId: string, code: CloseCode, reason: string): Promise<void> {
    for (const name of roomNames(docId)) await this.closeRoom(name, code, reason);
    await this.orderClose(docId, code, reason, false);
  }

  /** Closes a deleted document's rooms with `code` and forgets them without storing anything more, on every instance. */
  async removeDocument(docId: string, code: CloseCode, reason: string): Promise<void> {
    for (const name of roomNames(docId)) await this.removeRoom(name, code, reason);
    await this.orderClose(docId, code, reason, true);
  }

  /** With fan-out, the other instances close their connections too (SPEC 17.16). */
  private async orderClose(docId: string, code: CloseCode, reason: string, gone: boolean): Promise<void> {
    if (!this.feeds) return;
    for (const name of roomNames(docId)) {
      // Redis away: the order is lost, but the others refuse the old tokens (or the deleted document) at reconnect.
      await this.feeds.orderClose(name, code, reason, gone).catch((error) => {
        this.deps.logger.warn({ err: error, room: name }, 'fan-out: publishing a close order failed');
      });
    }
  }

  private async closeRoom(name: string, code: CloseCode, reason: string): Promise<void> {
    const entry = this.entries.get(name);
    if (!entry || entry.unloading) return;
    entry.generation = undefined;
    (await entry.room.catch(() => undefined))?.closeAll(code, reason);
  }

  private async removeRoom(name: string, code: CloseCode, reason: string): Promise<void> {
    const entry = this.entries.get(name);
    if (!entry) return;
    this.forget(name, entry);
    const room = await entry.room.catch(() => null);
    room?.closeAll(code, reason);
    await room?.settled();
    room?.destroy();
  }

  private async unload(name: string, entry: Entry): Promise<void> {
    if (entry.holders > 0 || this.entries.get(name) !== entry) return;
    const room = await entry.room;
    let finish!: () => void;
    entry.unloading = new Promise((resolve) => (finish = resolve));
    try {
      await room.settled();
      await room.compact();
    } catch (error) {
      this.deps.logger.error({ err: error, room: name }, 'unloading failed');
    } finally {
      this.forget(name, entry);
      room.destroy();
      finish();
    }
  }

  private forget(name: string, entry: Entry): void {
    if (this.entries.get(name) !== entry) return;
    this.entries.delete(name);
    this.idle.delete(name);
    clearTimeout(entry.timer);
    entry.room.then(() => this.deps.metrics.rooms.dec(), () => {});
  }

  /** Stores and compacts every room, then unloads them all (shutdown). */
  async closeAll(code: CloseCode, reason: string): Promise<void> {
    await Promise.all(
      [...this.entries].map(async ([name, entry]) => {
        const room = await entry.room.catch(() => null);
        if (!room) return;
        room.closeAll(code, reason);
        await room.settled();
        await room.compact();
        this.forget(name, entry);
        room.destroy();
      }),
    );
  }
}

const roomNames = (docId: string) => [roomName(docId, 'content'), roomName(docId, 'review')];
