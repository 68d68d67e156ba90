// Clients of the load generator: stock y-websocket providers (and a raw socket for pre-encoded
// updates). Any close the bench did not ask for is recorded as a problem and fails the run:
// nothing here reconnects or retries.
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import * as encoding from 'lib0/encoding';
import type { BenchServer, RoomRef, ServerKind } from './servers.js';
import { withTimeout } from './wait.js';

export interface Problem {
  server: ServerKind;
  scenario: string;
  what: string;
}

/** Collects unexpected closes and errors; `failed` rejects at the first one. */
export class Problems {
  readonly list: Problem[] = [];
  private rejectRun: ((error: Error) => void) | null = null;

  /** A promise that rejects when the next problem is recorded (use in Promise.race). */
  watch(): Promise<never> {
    const failed = new Promise<never>((_, reject) => (this.rejectRun = reject));
    failed.catch(() => {}); // Observed by whoever races it; never an unhandled rejection.
    return failed;
  }

  record(problem: Problem): void {
    if (this.list.length < 200) this.list.push(problem);
    this.rejectRun?.(new Error(`${problem.server}: ${problem.what}`));
    this.rejectRun = null;
  }
}

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves at the provider's first `sync` (it received and applied the server's sync step 2). */
  synced: Promise<void>;
  /** When the server's sync step 2 arrived (performance.now), before the provider applied it. */
  answeredAt(): number | null;
  destroy(): void;
}

export interface ClientContext {
  server: BenchServer;
  scenario: string;
  problems: Problems;
}

export function connectClient({ server, scenario, problems }: ClientContext, ref: RoomRef): Client {
  const doc = new Y.Doc();
  let answeredAt: number | null = null;
  // The provider's socket, with a listener registered before the provider's own: it notes when the
  // first sync step 2 (message [0 sync, 1 step 2, ...]) arrives, before the client spends time on it.
  class TimedWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols);
      this.on('message', (data: ArrayBuffer | Buffer) => {
        const bytes = data instanceof ArrayBuffer ? new Uint8Array(data, 0, Math.min(2, data.byteLength)) : data;
        if (answeredAt === null && bytes[0] === 0 && bytes[1] === 1) answeredAt = performance.now();
      });
    }
  }
  const provider = new WebsocketProvider(server.wsUrl, ref.room, doc, {
    params: ref.params,
    WebSocketPolyfill: TimedWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    shouldReconnect: () => false,
  });
  let closing = false;
  provider.on('connection-close', (event) => {
    if (closing) return;
    const code = event ? `${event.code} ${String(event.reason)}`.trim() : 'no close event';
    problems.record({ server: server.kind, scenario, what: `connection to room ${ref.room} closed: ${code}` });
  });
  provider.on('connection-error', () => {
    if (!closing) problems.record({ server: server.kind, scenario, what: `connection error in room ${ref.room}` });
  });
  const synced = new Promise<void>((resolve) => {
    const onSync = (state: boolean) => {
      if (!state) return;
      provider.off('sync', onSync);
      resolve();
    };
    provider.on('sync', onSync);
  });
  return {
    doc,
    provider,
    synced,
    answeredAt: () => answeredAt,
    destroy() {
      closing = true;
      provider.destroy();
      doc.destroy();
    },
  };
}

/** The URL WebsocketProvider would open for `ref`. */
export function roomUrl(server: BenchServer, ref: RoomRef): string {
  const query = new URLSearchParams(ref.params).toString();
  return `${server.wsUrl}/${ref.room}${query ? `?${query}` : ''}`;
}

/**
 * A raw socket to a room; `ready` resolves at the server's first message (its sync step 1), which
 * both servers send once the room is loaded and the connection is part of it.
 */
export function rawSocket({ server, scenario, problems }: ClientContext, ref: RoomRef) {
  const ws = new WebSocket(roomUrl(server, ref));
  let closing = false;
  ws.on('error', () => {});
  ws.on('close', (code, reason) => {
    if (!closing) problems.record({ server: server.kind, scenario, what: `raw socket in room ${ref.room} closed: ${code} ${reason.toString()}`.trim() });
  });
  const ready = new Promise<void>((resolve) => ws.once('message', () => resolve()));
  return {
    ws,
    ready,
    close() {
      closing = true;
      ws.close();
    },
  };
}

/** A y-websocket update message (sync, update) carrying `update`. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0); // sync
  encoding.writeVarUint(encoder, 2); // update
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The room's whole Yjs state, as a stock client that synced sees it. */
export async function readState(ctx: ClientContext, ref: RoomRef): Promise<Uint8Array> {
  const failed = ctx.problems.watch();
  const reader = connectClient(ctx, ref);
  try {
    await withTimeout(Promise.race([reader.synced, failed]), 30_000, `${ctx.scenario}: reading room ${ref.room}`);
    return Y.encodeStateAsUpdate(reader.doc);
  } finally {
    reader.destroy();
  }
}

/** Writes `state` into a room through a raw socket (the reference applies it as it arrives). */
export async function seedRoom(ctx: ClientContext, ref: RoomRef, state: Uint8Array): Promise<void> {
  const failed = ctx.problems.watch();
  const seeder = rawSocket(ctx, ref);
  await withTimeout(Promise.race([seeder.ready, failed]), 10_000, `${ctx.scenario}: seeding room ${ref.room}`);
  seeder.ws.send(updateMessage(state));
  seeder.close();
}

/** A y-websocket presence message: one awareness entry, `state` at `clock` for `clientId`. */
export function presenceMessage(clientId: number, clock: number, state: object): Uint8Array {
  const entry = encoding.createEncoder();
  encoding.writeVarUint(entry, 1);
  encoding.writeVarUint(entry, clientId);
  encoding.writeVarUint(entry, clock);
  encoding.writeVarString(entry, JSON.stringify(state));
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1); // awareness
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(entry));
  return encoding.toUint8Array(encoder);
}

/** sync step 1 with an empty state vector: "send me the whole document". */
const WHOLE_DOCUMENT_PLEASE = Uint8Array.of(0, 0, 1, 0);

/**
 * A raw socket that has the room's whole document: it asks with sync step 1 (after writing `seed`,
 * if given, as the room's first content) and resolves at the server's sync step 2.
 */
export async function syncedSocket(ctx: ClientContext, ref: RoomRef, seed?: Uint8Array) {
  const socket = rawSocket(ctx, ref);
  const failed = ctx.problems.watch();
  const answered = new Promise<void>((resolve) => {
    socket.ws.on('message', (data: Buffer) => {
      if (data[0] === 0 && data[1] === 1) resolve();
    });
  });
  await withTimeout(Promise.race([socket.ready, failed]), 30_000, `${ctx.scenario}: opening room ${ref.room}`);
  if (seed) socket.ws.send(updateMessage(seed));
  socket.ws.send(WHOLE_DOCUMENT_PLEASE);
  await withTimeout(Promise.race([answered, failed]), 30_000, `${ctx.scenario}: syncing room ${ref.room}`);
  return socket;
}
