// Fan-out over Redis pub/sub (REDIS_URL): one connection publishes, one of its own subscribes (a
// subscribed connection can do nothing else). node-redis reconnects a broken connection by itself
// and subscribes it again to what it had before it reports ready. A Redis gone silent (the
// connection open, no answer) breaks nothing node-redis sees, so this file watches for it (SPEC
// 17.21): every `timeoutMs` each connection is pinged, and one whose ping, subscription or
// handshake goes unanswered that long is dropped and made anew. The channels subscribed are kept
// here, not only in node-redis, so a room subscribes without waiting for a Redis that does not
// answer: its channel is subscribed as soon as a connection is ready, and then every loaded room
// catches up from the store (the `onReconnect` signal).
import { createClient } from 'redis';
import type { Logger } from 'pino';
import { FanoutUnavailable, type Fanout } from './fanout.js';

export interface RedisFanoutOptions {
  url: string;
  /** Put before every channel name, so deployments (and test runs) sharing a Redis never mix. */
  prefix: string;
  logger: Logger;
  /** A command (a ping, a subscription, the handshake) unanswered this long: Redis is silent (REDIS_TIMEOUT_MS). */
  timeoutMs: number;
  /** Told whether both connections are up and answering, each time that changes. */
  onHealth?: (up: boolean) => void;
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

class Unanswered extends Error {}

/** `promise`, or a rejection with Unanswered once `ms` have passed. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Unanswered(`Redis did not answer ${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

type Client = ReturnType<typeof createClient>;
type Role = 'publishing' | 'subscribed';

export async function openRedisFanout({ url, prefix, logger, timeoutMs, onHealth = () => {} }: RedisFanoutOptions): Promise<Fanout> {
  let connected = false;
  let closed = false;
  const reconnectStrategy = (retries: number, cause: Error) =>
    !connected && retries >= START_ATTEMPTS ? cause : Math.min(50 * 2 ** retries, 1000);
  // Named after the prefix (CLIENT LIST shows whose connections they are); a name takes no spaces.
  const name = prefix.replace(/[^\w:.-]/g, '_');
  const socket = { reconnectStrategy, connectTimeout: Math.min(5000, timeoutMs) };
  /** Each subscribed channel's handlers; what Redis is asked to subscribe follows it. */
  const handlers = new Map<string, Set<(message: Uint8Array) => void>>();
  const reconnected: Array<() => void> = [];
  const dispatch = (message: Buffer, channel: Buffer | string) => {
    const bytes = new Uint8Array(message.buffer, message.byteOffset, message.byteLength);
    for (const handler of handlers.get(channel.toString()) ?? []) handler(bytes);
  };

  /** When each connection's socket connected and has not been ready since (a handshake under way). */
  const handshaking = new Map<Client, number>();
  /** Pings sent by the watch and not yet answered, by connection: when each went out. */
  const pinging = new Map<Client, number>();
  let up = true;
  /** A ping unanswered this long (or a handshake under way) counts against health at once, before the connection is made anew. */
  const answering = (client: Client, now: number) => {
    const since = pinging.get(client) ?? handshaking.get(client);
    return client.isReady && (since === undefined || now - since < Math.min(PING_TIMEOUT_MS, timeoutMs));
  };
  const tellHealth = () => {
    if (!connected || closed) return;
    const now = Date.now();
    const healthy = answering(publisher, now) && answering(subscriber, now);
    if (healthy !== up) onHealth((up = healthy));
  };
  const current = (client: Client) => client === publisher || client === subscriber;
  /** Roles whose connection was made anew for silence and has not been ready since: said once per outage. */
  const unanswered = new Set<Role>();

  const make = (role: Role): Client => {
    // What cannot be published while Redis is away is dropped, not queued without bound: the others
    // catch up from the store when their subscription comes back (SPEC 17.11).
    const client = createClient({ url, name: `${name}${role === 'publishing' ? 'pub' : 'sub'}`, socket, disableOfflineQueue: role === 'publishing' });
    // Without an error listener node-redis would throw; a broken connection is retried on its own,
    // and said once per break, not at every attempt.
    let broken = false;
    client.on('error', (error: Error) => {
      handshaking.delete(client);
      if (!current(client)) return;
      if (connected && !broken && !closed) logger.warn({ err: error }, `fan-out: the ${role} Redis connection failed; reconnecting`);
      broken = true;
      tellHealth();
    });
    client.on('connect', () => handshaking.set(client, Date.now()));
    client.on('ready', () => {
      broken = false;
      unanswered.delete(role);
      handshaking.delete(client);
      tellHealth();
      if (role === 'subscribed' && connected) void subscribedAgain(client);
      // What this instance published while it was away reached nobody: the rooms say how far the store holds them.
      else if (connected && subscriber.isReady) for (const handler of reconnected) handler();
    });
    return client;
  };
  let publisher = make('publishing');
  let subscriber = make('subscribed');

  /**
   * The subscribed connection is ready after a break: subscribe what it lacks and drop what no room
   * holds any more, then every room catches up. node-redis subscribes a reconnected connection to
   * every channel it still has, those of rooms that unloaded while Redis was away included (their
   * unsubscription skipped, or lost with the broken connection).
   */
  const subscribedAgain = async (client: Client) => {
    if (!(await subscribeOn(client, [...handlers.keys()]))) return;
    const unloaded = [...client.getPubSubListeners('CHANNELS').keys()].filter((channel) => !handlers.has(channel));
    if (unloaded.length > 0) unsubscribeOn(client, unloaded);
    logger.info('fan-out: the subscribed Redis connection is back; rooms catch up from the store');
    for (const handler of reconnected) handler();
  };

  /**
   * Asks Redis to subscribe `client` to `channels` (those it has already cost nothing): true once it
   * did, false when the connection is not ready (its `ready` subscribes them) or did not answer in
   * time (it is made anew, whose `ready` does).
   */
  const subscribeOn = async (client: Client, channels: string[]): Promise<boolean> => {
    if (!client.isReady || client !== subscriber) return false;
    if (channels.length === 0) return true;
    try {
      await within(client.subscribe(channels, dispatch, true), timeoutMs, 'a subscription');
      return client === subscriber;
    } catch (error) {
      if (error instanceof Unanswered && client === subscriber) silent('subscribed', error);
      else if (client === subscriber && !closed) logger.warn({ err: error }, 'fan-out: subscribing failed');
      return false;
    }
  };

  /** Not awaited: an unload never waits for Redis. One that does not get through (Redis away) is made
   *  good when the connection is back (subscribedAgain). */
  const unsubscribeOn = (client: Client, channels: string[]) => {
    if (client.isReady) void within(client.unsubscribe(channels, dispatch, true), timeoutMs, 'an unsubscription').catch(() => {});
  };

  /** A connection did not answer in time: drop it and make it anew (its requests waiting fail). */
  const silent = (role: Role, error: Error) => {
    if (closed) return;
    if (!unanswered.has(role)) logger.warn({ err: error }, `fan-out: the ${role} Redis connection does not answer; connecting again`);
    unanswered.add(role);
    const old = role === 'publishing' ? publisher : subscriber;
    const fresh = make(role);
    if (role === 'publishing') publisher = fresh;
    else subscriber = fresh;
    pinging.delete(old);
    handshaking.delete(old);
    if (old.isOpen) old.destroy();
    tellHealth();
    fresh.connect().catch((failed: Error) => !closed && logger.warn({ err: failed }, `fan-out: the ${role} Redis connection could not be made`));
  };

  try {
    await within(Promise.all([publisher.connect(), subscriber.connect()]), Math.max(timeoutMs, 5000 * START_ATTEMPTS), 'at start');
  } catch (error) {
    // A client that gave up is closed already (and destroying it again would throw).
    for (const client of [publisher, subscriber]) if (client.isOpen) client.destroy();
    throw new FanoutUnavailable(`cannot reach Redis at ${redactedRedisUrl(url)}: ${(error as Error).message}`);
  }
  connected = true;

  // The watch: each connection answers a ping within timeoutMs, and a handshake completes within it.
  const watch = setInterval(() => {
    const now = Date.now();
    for (const [role, client] of [['publishing', publisher], ['subscribed', subscriber]] as const) {
      const since = handshaking.get(client) ?? pinging.get(client);
      if (since !== undefined) {
        if (now - since >= timeoutMs) silent(role, new Unanswered(`Redis did not answer within ${timeoutMs} ms`));
        continue;
      }
      if (!client.isReady) continue;
      pinging.set(client, now);
      client.ping().then(
        () => {
          if (pinging.get(client) === now) pinging.delete(client);
          tellHealth();
        },
        // A broken connection says so itself (its 'error'); one replaced meanwhile is gone.
        () => pinging.delete(client),
      );
    }
    tellHealth();
  }, Math.max(100, Math.floor(timeoutMs / 2)));
  watch.unref();

  return {
    async publish(room, message) {
      const client = publisher;
      if (!client.isReady || closed) return;
      try {
        await within(client.publish(prefix + room, Buffer.from(message.buffer, message.byteOffset, message.byteLength)), timeoutMs, 'a publication');
      } catch (error) {
        // Lost: the others catch up from the store (SPEC 17.10). A connection that stopped
        // answering or broke says so once, not at every message.
        if (error instanceof Unanswered) {
          if (client === publisher) silent('publishing', error);
          return;
        }
        if (client === publisher && client.isReady) throw error;
      }
    },
    async subscribe(room, handler) {
      const channel = prefix + room;
      let own = handlers.get(channel);
      if (!own) handlers.set(channel, (own = new Set()));
      own.add(handler);
      // Waits at most timeoutMs: a room loads whether or not Redis answers (SPEC 17.21).
      if (own.size === 1) await subscribeOn(subscriber, [channel]);
      const mine = own;
      return async () => {
        mine.delete(handler);
        if (mine.size > 0 || handlers.get(channel) !== mine) return;
        handlers.delete(channel);
        // A message arriving meanwhile finds no handler.
        unsubscribeOn(subscriber, [channel]);
      };
    },
    onReconnect(handler) {
      reconnected.push(handler);
    },
    async ping() {
      if (!subscriber.isReady) throw new Error('the subscribed Redis connection is down');
      if (!answering(subscriber, Date.now())) throw new Error('the subscribed Redis connection does not answer');
      await within(publisher.ping(), PING_TIMEOUT_MS, 'a ping');
    },
    async close() {
      closed = true;
      connected = false;
      clearInterval(watch);
      await Promise.all(
        [publisher, subscriber].map(async (client) => {
          // A Redis gone silent would keep close() waiting for its answers.
          if (client.isOpen) await within(client.close(), timeoutMs, 'at close').catch(() => client.isOpen && client.destroy());
        }),
      );
    },
  };
}
