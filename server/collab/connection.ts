// One authenticated WebSocket in one room: decodes what it sends, enforces role and limits, and
// closes it with a named code when it misbehaves. Nothing it sends can hurt the room or its peers.
import type { WebSocket } from 'ws';
import type { Logger } from 'pino';
import { encodeAwarenessUpdate } from 'y-protocols/awareness';
import { CloseCode, STORE_UNREACHABLE_REASON, mayWrite } from '../../shared/schema.js';
import type { Metrics } from '../metrics.js';
import { DocumentTooLarge, type Room, type RoomPeer } from './room.js';
import { writeHeartbeat, writeStoredAck } from '../../shared/wire.js';
import { ProtocolError, readClientMessage, type ClientMessage } from './protocol.js';
import { writeAwareness } from './outgoing.js';
import { applyPresence, stampAwareness, type Stamp } from './presence.js';
import { TokenBucket } from './rate-limit.js';
import { isWrite } from './writes.js';

export interface ConnectionLimits {
  maxMessageBytes: number;
  maxAwarenessBytes: number;
  messageRate: number;
  /** Messages a connection may send at once, beyond which `messageRate` holds (SPEC 3.4). */
  messageBurst: number;
  awarenessRate: number;
  /** A peer that has not drained this much of what it was sent is too slow to keep. */
  maxBufferedBytes: number;
}

/** The socket under the WebSocket, held back (corked) while a turn's messages are written. */
export interface Corkable {
  cork(): void;
  uncork(): void;
}

export class Connection implements RoomPeer {
  private readonly awarenessUpdates: TokenBucket;
  private corked = false;
  private updatesReceived = 0;
  private updatesStored = 0;
  private ackScheduled = false;
  private closed = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly room: Room,
    readonly who: Stamp & { docId: string },
    private readonly wantsAck: boolean,
    private readonly limits: ConnectionLimits,
    private readonly logger: Logger,
    private readonly metrics: Metrics,
    /** The socket's message rate, counted from its first message (upgrade.ts answers early heartbeats). */
    private readonly messages = new TokenBucket(limits.messageRate, limits.messageBurst),
    /** Takes one message from the budget of every connection opened with this one's token. */
    private readonly tokenMessage: () => boolean = () => true,
    private readonly socket: Corkable | null = null,
  ) {
    this.awarenessUpdates = new TokenBucket(limits.awarenessRate);
  }

  send(message: Uint8Array): void {
    if (this.closed) return;
    if (this.ws.bufferedAmount > this.limits.maxBufferedBytes) return this.close(CloseCode.overloaded, 'too slow to keep up');
    // Everything sent to this peer in one turn (a stored group's broadcasts, its presence) leaves in
    // one write: one system call per peer and turn, not one per message.
    if (this.socket && !this.corked) {
      this.corked = true;
      this.socket.cork();
      queueMicrotask(() => {
        this.corked = false;
        this.socket!.uncork();
      });
    }
    this.ws.send(message);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.metrics.closes.inc({ code: String(code) });
    this.ws.close(code, reason);
    this.detach();
  }

  /** The socket went away: leave the room (which takes this connection's presence with it). */
  detach(): void {
    this.closed = true;
    this.room.leave(this);
  }

  handle(data: Uint8Array): void {
    if (this.closed) return;
    if (data.length > this.limits.maxMessageBytes) return this.close(CloseCode.tooLarge, 'message too large');
    if (!this.messages.take()) return this.close(CloseCode.overloaded, 'too many messages');
    if (!this.tokenMessage()) return this.close(CloseCode.overloaded, 'too many messages on this link');
    let message: ClientMessage;
    try {
      message = readClientMessage(data);
    } catch (error) {
      return this.refuse(error);
    }
    try {
      this.dispatch(message);
    } catch (error) {
      this.refuse(error);
    }
  }

  private dispatch(message: ClientMessage): void {
    switch (message.type) {
      case 'sync-step1':
        return this.room.answerSync(this, message.stateVector);
      case 'update':
        return this.receiveUpdate(message.update, message.decoded);
      case 'awareness':
        return this.receiveAwareness(message.update);
      case 'query-awareness': {
        const ids = [...this.room.awareness.getStates().keys()];
        if (ids.length > 0) this.send(writeAwareness(encodeAwarenessUpdate(this.room.awareness, ids)));
        return;
      }
      case 'auth':
        return; // Authentication happens at the upgrade; y-websocket's auth message is ignored.
      case 'heartbeat':
        return this.send(writeHeartbeat());
    }
  }

  private receiveUpdate(update: Uint8Array, decoded: Parameters<typeof isWrite>[0]): void {
    const count = ++this.updatesReceived;
    if (!mayWrite(this.who.role, this.room.kind) && isWrite(decoded, this.room.doc)) {
      const why = this.room.kind === 'review' ? 'the review room is written by the server only' : `a ${this.who.role} may not edit`;
      return this.close(CloseCode.forbidden, why);
    }
    // Refused before it applies: never stored, acknowledged or sent to anyone (SPEC 17.17).
    if (!this.room.writable && isWrite(decoded, this.room.doc)) return this.close(CloseCode.serverError, STORE_UNREACHABLE_REASON);
    this.room.apply(update, this);
    if (this.wantsAck) this.room.afterStored(() => this.acknowledge(count));
  }

  /** Tells the client how many of its updates are stored, once per turn at most (SPEC 3.5). */
  private acknowledge(count: number): void {
    this.updatesStored = count;
    if (this.ackScheduled) return;
    this.ackScheduled = true;
    queueMicrotask(() => {
      this.ackScheduled = false;
      this.send(writeStoredAck(this.updatesStored));
    });
  }

  private receiveAwareness(update: Uint8Array): void {
    if (update.length > this.limits.maxAwarenessBytes) return this.close(CloseCode.tooLarge, 'presence too large');
    if (!this.awarenessUpdates.take()) return; // Presence is best effort: drop what comes too fast.
    // Parsed once: stamped and applied as objects, never encoded and decoded again.
    const stamped = stampAwareness(update, this.who, (id) => this.room.mayPresent(this, id));
    this.room.claimPresence(this, stamped.map((entry) => entry.clientId));
    applyPresence(this.room.awareness, stamped, this);
  }

  private refuse(error: unknown): void {
    if (error instanceof DocumentTooLarge) return this.close(CloseCode.tooLarge, 'document too large');
    const reason = error instanceof ProtocolError ? error.message : 'malformed message';
    this.logger.warn({ room: this.room.name, reason, err: error instanceof ProtocolError ? undefined : error }, 'closing a connection that sent a malformed message');
    this.close(CloseCode.badMessage, reason.slice(0, 120));
  }
}
