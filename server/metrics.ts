// Prometheus metrics, one registry per server instance (tests run several in one process), served
// together with Node's default process metrics (CPU, memory, event loop lag, handles), which belong
// to the process and are collected once for it.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

let processRegistry: Registry | undefined;

function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export function createMetrics() {
  const registry = new Registry();
  const latencyBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];
  return {
    connections: new Gauge({ name: 'tandem_connections', help: 'Open WebSocket connections', registers: [registry] }),
    rooms: new Gauge({ name: 'tandem_rooms', help: 'Rooms loaded in memory', registers: [registry] }),
    roomLoads: new Counter({ name: 'tandem_room_loads_total', help: 'Rooms loaded from the store', registers: [registry] }),
    updates: new Counter({
      name: 'tandem_updates_total',
      help: 'Document updates applied (rate() gives updates per second)',
      labelNames: ['room'],
      registers: [registry],
    }),
    storeSeconds: new Histogram({
      name: 'tandem_store_group_seconds',
      help: 'Time to store one group of updates',
      buckets: latencyBuckets,
      registers: [registry],
    }),
    broadcastSeconds: new Histogram({
      name: 'tandem_broadcast_seconds',
      help: 'Time from applying an update to sending it to peers (includes storing it)',
      buckets: latencyBuckets,
      registers: [registry],
    }),
    closes: new Counter({
      name: 'tandem_connection_closes_total',
      help: 'Connections closed by the server, by close code',
      labelNames: ['code'],
      registers: [registry],
    }),
    fanoutUpdates: new Counter({
      name: 'tandem_fanout_updates_total',
      help: 'Updates other instances stored, received over the fan-out (REDIS_URL)',
      registers: [registry],
    }),
    fanoutCatchUps: new Counter({
      name: 'tandem_fanout_catchups_total',
      help: 'Rooms that read the store for what the fan-out did not bring: a gap in the seqs, Redis back after a break, or an HTTP request (read)',
      labelNames: ['reason'],
      registers: [registry],
    }),
    fanoutUp: new Gauge({
      name: 'tandem_fanout_up',
      help: 'With REDIS_URL: 1 while both Redis connections are up and answer, 0 while one is down or silent',
      registers: [registry],
    }),
    /** What /metrics serves: this server's metrics and the process's. */
    served: Registry.merge([processMetrics(), registry]),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
