// What /metrics tells an operator besides Tandem's own counters (SPEC 8.4).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

let servers: TestServer[];
beforeAll(async () => {
  servers = [await startTestServer(), await startTestServer()];
});
afterAll(() => Promise.all(servers.map((server) => server.dispose())));

describe('metrics', () => {
  it("SPEC 8.4 /metrics serves Node's default process metrics beside Tandem's, on every server of the process", async () => {
    for (const server of servers) {
      const metrics = await fetch(`${server.url}/metrics`).then((r) => r.text());
      for (const name of ['tandem_connections', 'process_cpu_seconds_total', 'process_resident_memory_bytes', 'nodejs_heap_size_used_bytes', 'nodejs_eventloop_lag_seconds']) {
        expect(metrics).toContain(`# TYPE ${name} `);
      }
    }
  });
});
