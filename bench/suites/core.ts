// The first four scenarios: editor-to-peer latency, throughput of one writer, a connection storm on
// a small article, and room loads of a 10,000-word article.
import { readState, seedRoom } from '../clients.js';
import { median, p95 } from '../stats.js';
import { settle, sleep } from '../wait.js';
import { row, type Row } from '../report.js';
import { attempt, config, KINDS, ms, order, perServer, problems, wanted, withServer, withServers, type PerServer } from '../rounds.js';
import { log } from '../harness.js';
import { runLatency, type LatencyResult } from '../scenarios/latency.js';
import { runThroughput, type ThroughputResult } from '../scenarios/throughput.js';
import { runStorm, type StormResult } from '../scenarios/storm.js';
import { articleText, measureRoom, prepareReferenceRooms, prepareTandemRooms, type RoomLoadSample } from '../scenarios/room-load.js';
import type { BenchServer, ServerKind } from '../servers.js';

/** A statistic of each server's results (null where a server has none). */
export function of<T>(results: PerServer<T>, pick: (r: T) => number, stat: (v: number[]) => number = median) {
  const value = (kind: ServerKind) => (results[kind].length > 0 ? stat(results[kind].map(pick)) : null);
  return { tandem: value('tandem'), reference: value('reference'), relay: value('relay') };
}

async function latencyAndThroughput() {
  const latency = perServer<LatencyResult>();
  const throughput = perServer<ThroughputResult>();
  let smallArticle: Uint8Array | undefined;
  await withServers(KINDS, async (started) => {
    const servers = started as Record<ServerKind, BenchServer>;
    // The Yjs state of a new Tandem document (the storm seeds the reference's room with it).
    smallArticle = await attempt('setup', servers.tandem, 0, async (ctx) => readState(ctx, await ctx.server.createRoom()));
    if (!wanted('latency') && !wanted('throughput')) return;
    log('warming up the servers (not measured)');
    for (const kind of KINDS) {
      await attempt('warm-up', servers[kind], 0, (ctx) => runLatency(ctx, { ...config.latency, durationMs: 500 }));
      await attempt('warm-up', servers[kind], 0, (ctx) => runThroughput(ctx, 1000));
    }
    if (wanted('latency')) {
      log(`1. latency: 1 writer + ${config.latency.readers} readers, an insert every ${config.latency.intervalMs} ms for ${config.latency.durationMs / 1000} s`);
      for (let round = 0; round < config.rounds; round++) {
        for (const kind of order(round)) {
          await settle(300);
          const result = await attempt('latency', servers[kind], round, (ctx) => runLatency(ctx, config.latency));
          if (!result) continue;
          latency[kind].push(result);
          log(`  round ${round + 1} ${kind.padEnd(9)} median ${ms(result.medianMs)}, p95 ${ms(result.p95Ms)} (${result.sent} inserts, ${result.samples} deliveries)`);
        }
      }
    }
    if (wanted('throughput')) {
      log(`2. throughput: ${config.throughputUpdates} small updates sent back to back, until a reader has them all (${config.throughputRounds} rounds)`);
      for (let round = 0; round < config.throughputRounds; round++) {
        for (const kind of order(round)) {
          await settle(300);
          const result = await attempt('throughput', servers[kind], round, (ctx) => runThroughput(ctx, config.throughputUpdates));
          if (!result) continue;
          throughput[kind].push(result);
          log(`  round ${round + 1} ${kind.padEnd(9)} ${Math.round(result.updatesPerSecond)} updates/s (${result.seconds.toFixed(2)} s, server CPU ${result.serverCpuUsPerUpdate.toFixed(1)} µs/update)`);
        }
      }
    }
  });
  return { latency, throughput, smallArticle };
}

async function storm(smallArticle: Uint8Array | undefined) {
  const results = perServer<StormResult>();
  log(`3. connection storm: ${config.stormClients} clients open at once on one room of a small article (a fresh server process per round)`);
  for (let round = 0; round < config.freshRounds; round++) {
    for (const kind of order(round)) {
      await withServer(kind, async (server) => {
        await settle(1000);
        const result = await attempt('storm', server, round, async (ctx) => {
          const ref = await server.createRoom();
          if (kind === 'reference' && smallArticle) await seedRoom(ctx, ref, smallArticle);
          return runStorm(ctx, config.stormClients, ref);
        });
        if (!result) return;
        results[kind].push(result);
        log(`  round ${round + 1} ${kind.padEnd(9)} all synced in ${result.seconds.toFixed(2)} s, RSS ${result.rssBeforeMiB.toFixed(0)} -> ${result.rssAfterMiB.toFixed(0)} MiB, server CPU ${result.serverCpuMs.toFixed(0)} ms`);
      });
    }
  }
  return results;
}

async function roomLoad() {
  const results = perServer<RoomLoadSample>();
  const kinds: ServerKind[] = ['tandem', 'reference'];
  log(`4. room load: ${config.rooms} rooms (+${config.warmupRooms} not counted) holding a ${config.words.toLocaleString('en-US')}-word article; one new client per room, then a second`);
  await withServers(kinds, async (started) => {
    const servers = started as Record<'tandem' | 'reference', BenchServer>;
    const text = articleText(config.words);
    const began = performance.now();
    const count = config.warmupRooms + config.rooms;
    const tandem = await prepareTandemRooms({ server: servers.tandem, scenario: 'room load', problems }, count, text);
    const reference = await prepareReferenceRooms({ server: servers.reference, scenario: 'room load', problems }, count, tandem.state);
    log(`  prepared in ${((performance.now() - began) / 1000).toFixed(1)} s; article state ${(tandem.stateBytes / 1024).toFixed(0)} KiB`);
    // Let Tandem unload the template room it loaded to learn the state (ROOM_IDLE_MS, 5 s by default).
    await sleep(6000);
    const prepared = { tandem, reference };
    for (let i = 0; i < count; i++) {
      for (const kind of order(i, kinds) as Array<'tandem' | 'reference'>) {
        await settle(100);
        const sample = await attempt('room load', servers[kind], i, () => measureRoom(prepared[kind], prepared[kind].rooms[i]));
        if (sample && i >= config.warmupRooms) results[kind].push(sample);
      }
    }
    for (const kind of kinds) {
      const m = (pick: (s: RoomLoadSample) => number) => ms(median(results[kind].map(pick)));
      log(
        `  ${kind.padEnd(9)} cold: answer ${m((s) => s.cold.answerMs)}, synced ${m((s) => s.cold.syncedMs)}; ` +
          `loaded: answer ${m((s) => s.loaded.answerMs)}, synced ${m((s) => s.loaded.syncedMs)} (medians)`,
      );
    }
  });
  return results;
}

export async function coreSuite(): Promise<{ rows: Row[]; rounds: object; smallArticle?: Uint8Array }> {
  const lt = await latencyAndThroughput();
  const st = wanted('storm') ? await storm(lt.smallArticle) : perServer<StormResult>();
  const rl = wanted('room-load') ? await roomLoad() : perServer<RoomLoadSample>();
  const latencyName = `1. latency (${config.latency.readers} readers)`;
  const throughputName = `2. throughput (${config.throughputUpdates} updates)`;
  const stormName = `3. storm (${config.stormClients} clients)`;
  const roomName = `4. room load (${config.rooms} rooms)`;
  const rows = [
    row(latencyName, 'median', 'ms', of(lt.latency, (r) => r.medianMs)),
    row(latencyName, 'p95', 'ms', of(lt.latency, (r) => r.p95Ms)),
    row(throughputName, 'rate', 'updates/s', of(lt.throughput, (r) => r.updatesPerSecond), true),
    row(throughputName, 'server CPU per update', 'µs', of(lt.throughput, (r) => r.serverCpuUsPerUpdate)),
    row(stormName, 'time until all synced', 's', of(st, (r) => r.seconds)),
    row(stormName, 'server CPU during storm', 'ms', of(st, (r) => r.serverCpuMs)),
    row(stormName, 'server RSS after', 'MiB', of(st, (r) => r.rssAfterMiB)),
    row(stormName, 'server RSS growth', 'MiB', of(st, (r) => r.rssAfterMiB - r.rssBeforeMiB)),
    row(roomName, 'cold room: server answered, median', 'ms', of(rl, (r) => r.cold.answerMs)),
    row(roomName, 'cold room: server answered, p95', 'ms', of(rl, (r) => r.cold.answerMs, p95)),
    row(roomName, 'cold room: client synced, median', 'ms', of(rl, (r) => r.cold.syncedMs)),
    row(roomName, 'loaded room: server answered, median', 'ms', of(rl, (r) => r.loaded.answerMs)),
    row(roomName, 'loaded room: client synced, median', 'ms', of(rl, (r) => r.loaded.syncedMs)),
  ];
  return { rows, rounds: { latency: lt.latency, throughput: lt.throughput, storm: st, roomLoad: rl }, smallArticle: lt.smallArticle };
}
