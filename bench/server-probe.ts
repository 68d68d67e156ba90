// Loaded into every server under test (node --import): answers the bench over the IPC channel with
// the process's own CPU time and memory, so every kind of server is measured the same way.
interface UsageRequest {
  type: 'usage';
  id: number;
  /** Collect garbage first (the servers run with --expose-gc), for memory per thing. */
  gc?: boolean;
}

export interface ServerUsage {
  /** process.cpuUsage(), user + system, in ms. */
  cpuMs: number;
  rssBytes: number;
  /** The largest resident set the process has had (getrusage's maxrss). */
  peakRssBytes: number;
  heapUsedBytes: number;
}

if (process.send) {
  process.channel?.unref();
  process.on('message', (request: UsageRequest) => {
    if (request?.type !== 'usage') return;
    if (request.gc) (globalThis as { gc?: () => void }).gc?.();
    const cpu = process.cpuUsage();
    const usage: ServerUsage = {
      cpuMs: (cpu.user + cpu.system) / 1000,
      rssBytes: process.memoryUsage.rss(),
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      heapUsedBytes: process.memoryUsage().heapUsed,
    };
    process.send!({ type: 'usage', id: request.id, usage });
  });
}
