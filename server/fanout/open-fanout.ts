// Whether this instance fans out (SPEC 17.8): with REDIS_URL, over Redis; without it, not at all
// (one instance, nothing to tell anyone).
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Store } from '../storage/store.js';
import type { Metrics } from '../metrics.js';
import { Feeds } from './feeds.js';

export async function openFanout(config: Config, store: Store, logger: Logger, metrics: Metrics): Promise<Feeds | undefined> {
  if (!config.REDIS_URL) return undefined;
  // Loaded here, so the embedded default never loads the Redis client.
  const { openRedisFanout } = await import('./redis.js');
  const fanout = await openRedisFanout({
    url: config.REDIS_URL,
    prefix: config.REDIS_PREFIX,
    logger,
    timeoutMs: config.REDIS_TIMEOUT_MS,
    onHealth: (up) => metrics.fanoutUp.set(up ? 1 : 0),
  });
  metrics.fanoutUp.set(1);
  logger.info('fan-out: Redis');
  return new Feeds(fanout, store, logger, metrics);
}
