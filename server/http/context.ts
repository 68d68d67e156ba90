// What every route module receives.
import type { Logger } from 'pino';
import type { TokenIssuer } from '../auth/tokens.js';
import type { RoomRegistry } from '../collab/registry.js';
import type { Store } from '../storage/store.js';
import type { Metrics } from '../metrics.js';
import type { SegmentChanges } from '../history/changes.js';
import type { MemoryStore } from '../memory/memory-store.js';
import type { MemoryWriter } from '../memory/writer.js';
import type { Guard } from './guard.js';
import type { Fanout } from '../fanout/fanout.js';
import type { StoreHealth } from '../storage/store-health.js';

export interface ApiContext {
  store: Store;
  tokens: TokenIssuer;
  rooms: RoomRegistry;
  guard: Guard;
  metrics: Metrics;
  logger: Logger;
  /** Base of absolute links, e.g. http://127.0.0.1:8080; null to take it from the request. */
  publicUrl: string | null;
  /** Who last changed each segment (SPEC 16.9). */
  changes: SegmentChanges;
  /** The translation memory, and what writes it from confirmed segments (SPEC 18). */
  memory: MemoryStore;
  memoryWriter: MemoryWriter;
  /** With REDIS_URL: the fan-out between instances (SPEC 17.8), whose readiness /healthz reports. */
  fanout?: Fanout;
  /** Whether the store answers and takes writes (SPEC 17.6, 17.17). */
  health: StoreHealth;
}
