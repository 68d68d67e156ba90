// Fan-out over Redis pub/sub (REDIS_URL): one connection publishes, one of its own subscribes (a
// subscribed connection can do nothing else). node-redis reconnects both by itself and subscribes
// the second to its channels again before it reports ready; that ready is the signal to catch up.
import { createClient } from 'redis';
import type { Logger } from 'pino';
import { FanoutUnavailable, type Fanout } from './fanout.js';

export interface RedisFanoutOptions {
  url: string;
  /** Put before every channel name, so deployments (and test runs) sharing a Redis never mix. */
  prefix: string;
  logger: Logger;
}

/** How long ping waits for PONG (readiness, /healthz). */
const PING_TIMEOUT_MS = 2000;

/** Attempts to reach Redis at start before giving up; once connected, reconnecting never stops. */
const START_ATTEMPTS = 3;

/** The URL without its password, for messages. */
export function redactedRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'REDIS_URL';
  }
}

export async function openRedisFanout({ url, prefix, logger }: RedisFanoutOptions): Promise<Fanout> {
  let connected = false;
  const reconnectStrategy = (retries: number, cause: Error) =>
    !connected && retries >= START_ATTEMPTS ? cause : Math.min(50 * 2 ** retries, 1000);
  // Named after the prefix (CLIENT LIST shows whose connections they are); a name takes no spaces.
  const name = prefix.replace(/[^\w:.-]/g, '_');
  const socket = { reconnectStrategy, connectTimeout: 5000 };
  // What cannot be published while Redis is away is dropped, not queued without bound: the others
  // catch up from the store when their subscription comes back (SPEC 17.11).
  const publisher = createClient({ url, name: `${name}pub`, socket, disableOfflineQueue: true });
  const subscriber = createClient({ url, name: `${name}sub`, socket });
  const reconnected: Array<() => void> = [];
  for (const [role, client] of [['publishing', publisher], ['subscribed', subscriber]] as const) {
    // Without an error listener node-redis would throw; a broken connection is retried on its own,
    // and said once per break, not at every attempt.
    let broken = false;
    client.on('error', (error: Error) => {
      if (connected && !broken) logger.warn({ err: error }, `fan-out: the ${role} Redis connection failed; reconnecting`);
      broken = true;
    });
    client.on('ready', () => (broken = false));
  }
  subscriber.on('ready', () => {
    if (!connected) return;
    logger.info('fan-out: the subscribed Redis connection is back; rooms catch up from the store');
    for (const handler of reconnected) handler();
  });
  try {
    await Promise.all([publisher.connect(), subscriber.connect()]);
  } catch (error) {
    // A client that gave up is closed already (and destroying it again would throw).
    for (const client of [publisher, subscriber]) if (client.isOpen) client.destroy();
    throw new FanoutUnavailable(`cannot reach Redis at ${redactedRedisUrl(url)}: ${(error as Error).message}`);
  }
  connected = true;

  return {
    async publish(room, message) {
      if (!publisher.isReady) return;
      await publisher.publish(prefix + room, Buffer.from(message.buffer, message.byteOffset, message.byteLength));
    },
    async subscribe(room, handler) {
      const listener = (message: Buffer) => handler(new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
      await subscriber.subscribe(prefix + room, listener, true);
      return async () => {
        // While Redis is unreachable the unsubscription waits for it: the room is gone either way.
        if (subscriber.isOpen) await subscriber.unsubscribe(prefix + room, listener, true).catch(() => {});
      };
    },
    onReconnect(handler) {
      reconnected.push(handler);
    },
    async ping() {
      if (!subscriber.isReady) throw new Error('the subscribed Redis connection is down');
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Redis did not answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS);
      });
      try {
        await Promise.race([publisher.ping(), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      connected = false;
      await Promise.all([publisher.close(), subscriber.close()].map((closing) => closing.catch(() => {})));
    },
  };
}
