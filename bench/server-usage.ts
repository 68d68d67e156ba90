// The usage of several servers taken together (instances of one cluster): CPU time summed, the
// largest resident set and peak.
import type { BenchServer } from './servers.js';
import type { ServerUsage } from './server-probe.js';

export async function usageOf(servers: BenchServer[]): Promise<ServerUsage> {
  const all = await Promise.all(servers.map((server) => server.usage()));
  return {
    cpuMs: all.reduce((sum, u) => sum + u.cpuMs, 0),
    rssBytes: Math.max(...all.map((u) => u.rssBytes)),
    peakRssBytes: Math.max(...all.map((u) => u.peakRssBytes)),
    heapUsedBytes: Math.max(...all.map((u) => u.heapUsedBytes)),
  };
}
