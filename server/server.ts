// Assembles a Tandem server from a config: store, tokens, rooms, HTTP API and the collab socket.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import type { Logger } from 'pino';
import { CloseCode } from '../shared/schema.js';
import type { Config } from './config.js';
import { loadAdminToken } from './auth/admin-token.js';
import { createTokenIssuer, newSecret } from './auth/tokens.js';
import { RoomRegistry } from './collab/registry.js';
import { createUpgradeHandler } from './collab/upgrade.js';
import { originPolicy } from './collab/origin.js';
import { trustedProxies } from './collab/client-address.js';
import { createMetrics } from './metrics.js';
import { GroupCommit } from './storage/group-commit.js';
import { openStores } from './storage/open-store.js';
import { StoreHealth } from './storage/store-health.js';
import { installErrorHandlers } from './http/errors.js';
import { securityHeaders } from './http/security-headers.js';
import { createGuard } from './http/guard.js';
import type { ApiContext } from './http/context.js';
import { alignRoutes } from './http/align.js';
import { documentRoutes } from './http/documents.js';
import { tokenRoutes } from './http/tokens.js';
import { exportRoutes } from './http/export.js';
import { opsRoutes } from './http/ops.js';
import { clientRoutes } from './http/static.js';
import { reviewRoutes } from './http/review.js';
import { glossaryRoutes } from './http/glossary.js';
import { qaRoutes } from './http/qa.js';
import { qaSettingsRoutes } from './http/qa-settings.js';
import { historyRoutes } from './http/history.js';
import { segmentHistoryRoutes } from './http/segment-history.js';
import { watchContent } from './review/automation.js';
import { AutoVersions } from './history/auto.js';
import { SegmentChanges } from './history/changes.js';
import { MemoryWriter } from './memory/writer.js';
import { memoryRoutes } from './http/memory.js';
import { openFanout } from './fanout/open-fanout.js';

export interface RunningServer {
  url: string;
  port: number;
  adminToken: string;
  /** Stops accepting, stores and compacts every room, closes connections with 1001 (SPEC 4.7). */
  close(): Promise<void>;
}

/** How long a shutdown waits for peers to answer the closing handshake before ending their sockets. */
const CLOSE_GRACE_MS = 2000;
/**
 * How long a shutdown waits, from its start, for the HTTP requests under way to be answered before
 * ending their connections (SPEC 4.10): within a process manager's usual 10 s before it kills.
 */
export const HTTP_GRACE_MS = 5000;

export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  mkdirSync(config.DATA_DIR, { recursive: true });
  // The documents and the translation memory (SPEC 18) live in one place: PostgreSQL or tandem.db.
  let storeLost: (error: Error) => void = () => {};
  const { store, memory } = await openStores(config, logger, (error) => storeLost(error));
  // Whether writes are taken (SPEC 17.17).
  const health = new StoreHealth(store, logger);
  storeLost = (error) => health.failed(error);
  const adminToken = loadAdminToken(config.DATA_DIR, config.ADMIN_TOKEN);
  const secret = config.TOKEN_SECRET ?? (await store.getOrSetSetting('token-secret', newSecret));
  const tokens = createTokenIssuer(secret, adminToken);
  const metrics = createMetrics();
  // After the store: an update is stored before it is published (SPEC 17.8).
  const feeds = await openFanout(config, store, logger, metrics).catch(async (error) => {
    await store.close();
    throw error;
  });
  const commit = new GroupCommit(store, (group) => {
    if (group.error) health.failed(group.error);
    else metrics.storeSeconds.observe(group.ms / 1000);
  });
  const rooms = new RoomRegistry(
    {
      store,
      commit,
      logger,
      metrics,
      compactEvery: config.COMPACT_EVERY,
      maxDocumentBytes: config.MAX_DOCUMENT_BYTES,
      health,
    },
    { ms: config.ROOM_IDLE_MS, max: config.ROOM_IDLE_MAX },
    feeds,
  );
  const changes = new SegmentChanges(store, rooms, logger);
  const autoVersions = new AutoVersions(store, rooms, {
    idleMs: config.VERSION_IDLE_MS,
    everyMs: config.VERSION_EVERY_MS,
    keepAllMs: config.VERSION_KEEP_ALL_MS,
    keepHourlyMs: config.VERSION_KEEP_HOURLY_MS,
  }, logger, changes, feeds !== undefined);
  const memoryWriter = new MemoryWriter(memory, store, rooms, logger);
  changes.onWritten = (docId, segmentIds) => memoryWriter.changed(docId, segmentIds);
  const watch = watchContent(rooms, logger);
  rooms.onLoad = (room) => {
    watch(room);
    autoVersions.watch(room);
    changes.watch(room);
  };
  const collab = createUpgradeHandler({
    store,
    tokens,
    rooms,
    logger,
    metrics,
    limits: {
      maxMessageBytes: config.MAX_MESSAGE_BYTES,
      maxAwarenessBytes: config.MAX_AWARENESS_BYTES,
      messageRate: config.MESSAGE_RATE,
      messageBurst: config.MESSAGE_BURST,
      tokenMessageRate: config.TOKEN_MESSAGE_RATE,
      tokenMessageBurst: config.TOKEN_MESSAGE_BURST,
      awarenessRate: config.AWARENESS_RATE,
      maxBufferedBytes: config.MAX_BUFFERED_BYTES,
      connectionRate: config.CONNECTION_RATE,
    },
    origins: originPolicy(config.ALLOWED_ORIGINS, config.PUBLIC_URL),
    pingIntervalMs: config.PING_INTERVAL_MS,
    trustedProxies: trustedProxies(config.TRUST_PROXY),
  });

  const app = Fastify({ loggerInstance: logger as FastifyBaseLogger, bodyLimit: config.MAX_BODY_BYTES, trustProxy: config.TRUST_PROXY.length > 0 ? config.TRUST_PROXY.join(',') : false });
  installErrorHandlers(app, health);
  // A request under way when the shutdown began is answered, and its connection closed with the
  // answer (SPEC 4.10): kept alive, the HTTP server's close would wait for it through Fastify's
  // keep-alive timeout (72 s), since only connections idle at its start are closed. Requests that
  // arrive after the start are answered 503 with the connection closed by Fastify itself.
  let shuttingDown = false;
  app.addHook('onSend', async (_request, reply, payload) => {
    if (shuttingDown) reply.header('connection', 'close');
    return payload;
  });
  securityHeaders(app);
  const ctx: ApiContext = { store, tokens, rooms, guard: createGuard(tokens, store), metrics, logger, publicUrl: config.PUBLIC_URL ?? null, changes, memory, memoryWriter, fanout: feeds?.fanout, health };
  documentRoutes(app, ctx);
  alignRoutes(app, ctx);
  tokenRoutes(app, ctx);
  exportRoutes(app, ctx);
  reviewRoutes(app, ctx);
  glossaryRoutes(app, ctx);
  qaRoutes(app, ctx);
  qaSettingsRoutes(app, ctx);
  historyRoutes(app, ctx);
  segmentHistoryRoutes(app, ctx);
  memoryRoutes(app, ctx);
  opsRoutes(app, ctx);
  await clientRoutes(app);
  app.server.on('upgrade', collab.handleUpgrade);

  await app.listen({ port: config.PORT, host: config.HOST });
  const { port } = app.server.address() as AddressInfo;
  const host = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;

  let closing: Promise<void> | null = null;
  return {
    url: `http://${host}:${port}`,
    port,
    adminToken,
    close() {
      closing ??= (async () => {
        shuttingDown = true;
        const httpDeadline = Date.now() + HTTP_GRACE_MS;
        collab.close();
        const stopped = app.close();
        await autoVersions.close();
        await changes.close();
        await memoryWriter.close();
        await rooms.closeAll(CloseCode.goingAway, 'server shutting down');
        await collab.drain(CLOSE_GRACE_MS);
        await commit.flush().catch((error) => logger.error({ err: error }, 'final flush failed'));
        await httpClosed(app, stopped, httpDeadline - Date.now(), logger);
        await feeds?.fanout.close();
        health.close();
        await store.close();
        await memory.close();
      })();
      return closing;
    },
  };
}

/**
 * Waits for the HTTP server to close (every connection ended) until `ms` have passed, then ends the
 * connections still open, requests under way included, so a client that never finishes its request
 * or never lets go of its connection cannot hold up the shutdown (SPEC 4.10).
 */
async function httpClosed(app: { server: { closeAllConnections(): void } }, stopped: Promise<unknown>, ms: number, logger: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = await Promise.race([stopped.then(() => false), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), Math.max(0, ms))))]);
  clearTimeout(timer);
  if (!late) return;
  logger.warn('shutdown: HTTP requests still under way were cut off');
  app.server.closeAllConnections();
  await stopped;
}
