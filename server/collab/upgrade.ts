// Turns an HTTP upgrade on /collab/<room> into a connection: authenticate before the room loads
// (SPEC 1.4), listen before the first await and replay what arrived meanwhile (SPEC 4.5), answering
// heartbeats at once even then; every socket is pinged (SPEC 3.6).
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from 'pino';
import { CloseCode, parseRoomName } from '../../shared/schema.js';
import { isHeartbeat, writeHeartbeat } from '../../shared/wire.js';
import { resolveToken } from '../auth/access.js';
import type { TokenIssuer } from '../auth/tokens.js';
import type { Store } from '../storage/store.js';
import type { Metrics } from '../metrics.js';
import { Connection, type ConnectionLimits } from './connection.js';
import { cleanName } from './presence.js';
import { clientAddress, type TrustedProxies } from './client-address.js';
import { ConnectionGate } from './connection-gate.js';
import { originAllowed, type OriginPolicy } from './origin.js';
import { pingSockets } from './pings.js';
import { KeyedLimiter, TokenBucket } from './rate-limit.js';
import type { RoomRegistry } from './registry.js';
import type { Room } from './room.js';

export const COLLAB_PREFIX = '/collab/';

export interface UpgradeDeps {
  store: Store;
  tokens: TokenIssuer;
  rooms: RoomRegistry;
  logger: Logger;
  metrics: Metrics;
  limits: ConnectionLimits & { connectionRate: number; tokenMessageRate: number; tokenMessageBurst: number };
  /** Browser origins whose pages may connect (SPEC 3.7). */
  origins: OriginPolicy;
  /** Milliseconds between pings to every socket; 0 turns them off. */
  pingIntervalMs: number;
  /** Proxies in front whose X-Forwarded-For is believed (TRUST_PROXY). */
  trustedProxies: TrustedProxies;
}

export function createUpgradeHandler(deps: UpgradeDeps) {
  // The transport's own cap sits above ours, so an oversized message normally meets 4413 first.
  const wss = new WebSocketServer({ noServer: true, maxPayload: deps.limits.maxMessageBytes * 2 + 1024 });
  const gate = new ConnectionGate(deps.limits.connectionRate);
  const perToken = new KeyedLimiter(deps.limits.tokenMessageRate, deps.limits.tokenMessageBurst);
  const sockets = new Set<WebSocket>();
  const pings = pingSockets(sockets, deps.pingIntervalMs, () => deps.metrics.closes.inc({ code: '1006' }));

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(COLLAB_PREFIX)) return void socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      const release = gate.enter(clientAddress(req, deps.trustedProxies));
      if (!release) return ws.close(CloseCode.overloaded, 'too many connections, retry later');
      ws.on('close', release);
      if (!originAllowed(req, deps.origins)) {
        deps.logger.warn({ origin: req.headers.origin }, 'refused a socket from a page of another origin');
        return ws.close(CloseCode.originNotAllowed, 'origin not allowed');
      }
      void accept(ws, url, socket);
    });
  }

  async function accept(ws: WebSocket, url: URL, socket: Duplex): Promise<void> {
    const early: Uint8Array[] = [];
    let earlyBytes = 0;
    let connection: Connection | null = null;
    let room: Room | null = null;
    let gone = false;
    const messages = new TokenBucket(deps.limits.messageRate, deps.limits.messageBurst);
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      const bytes = isBinary ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(0);
      if (connection) return connection.handle(bytes);
      // A client waiting for a room to load must still hear that the server is there.
      if (isHeartbeat(bytes)) return messages.take() ? ws.send(writeHeartbeat()) : ws.close(CloseCode.overloaded, 'too many messages');
      earlyBytes += bytes.length;
      if (earlyBytes > deps.limits.maxMessageBytes) return ws.close(CloseCode.tooLarge, 'message too large');
      early.push(bytes);
    });
    ws.on('close', () => {
      gone = true;
      connection?.detach();
      if (room) deps.rooms.release(room);
    });
    ws.on('error', (error) => deps.logger.debug({ err: error }, 'socket error'));

    const target = parseRoomName(safeDecode(url.pathname.slice(COLLAB_PREFIX.length)));
    if (!target) return ws.close(CloseCode.notFound, 'no such document');
    const token = url.searchParams.get('token') ?? '';
    let access;
    try {
      // With the store unreachable, a loaded room's tokens are checked as last read (SPEC 17.17).
      access = await resolveToken(token, deps.tokens, deps.store, (docId) => deps.rooms.knownGeneration(docId, target.kind));
    } catch (error) {
      deps.logger.error({ err: error }, 'authentication failed');
      return ws.close(CloseCode.serverError, 'server error');
    }
    if (gone) return;
    if (access?.kind === 'gone' && access.docId === target.docId) return ws.close(CloseCode.notFound, 'no such document');
    if (access?.kind !== 'document' || access.claims.doc !== target.docId) {
      return ws.close(CloseCode.unauthorized, 'missing, invalid or revoked token');
    }
    const { claims } = access;
    try {
      room = await deps.rooms.acquire(target.docId, target.kind);
    } catch (error) {
      deps.logger.error({ err: error, doc: target.docId }, 'loading a room failed');
      return ws.close(CloseCode.serverError, 'server error');
    }
    if (gone) return deps.rooms.release(room);
    deps.rooms.tokensChecked(room, claims.gen);
    const name = cleanName(claims.name ?? url.searchParams.get('name')) || 'Anonymous';
    connection = new Connection(
      ws,
      room,
      { docId: target.docId, role: claims.role, name },
      url.searchParams.get('ack') === '1',
      deps.limits,
      deps.logger,
      deps.metrics,
      messages,
      () => perToken.take(token),
      socket,
    );
    room.join(connection);
    for (const bytes of early) connection.handle(bytes);
    early.length = 0;
  }

  /** Stops accepting and pinging; open sockets are closed by the rooms. */
  function close(): void {
    pings.stop();
    for (const ws of sockets) if (ws.readyState === ws.CONNECTING) ws.terminate();
    wss.close();
  }

  /**
   * Waits up to `graceMs` for the sockets being closed to finish their closing handshake, then ends
   * the rest: a peer that never answers would otherwise hold up the shutdown for ws's 30 s.
   */
  async function drain(graceMs: number): Promise<void> {
    const open = [...sockets];
    if (open.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(open.map((ws) => new Promise((resolve) => ws.once('close', resolve)))),
      new Promise((resolve) => (timer = setTimeout(resolve, graceMs))),
    ]);
    clearTimeout(timer);
    for (const ws of open) if (sockets.has(ws)) ws.terminate();
  }

  return { handleUpgrade, close, drain, sockets };
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return '';
  }
}
