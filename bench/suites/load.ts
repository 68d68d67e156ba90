// Load as the desk meets it: fan-out to many rooms of typists, a storm of joins on an article with a
// long history, and the cold load of an article with a very long one after a restart.
import { seedRoom } from '../clients.js';
import { settle } from '../wait.js';
import { row, type Row } from '../report.js';
import { attempt, config, ms, order, perServer, problems, wanted, withServer } from '../rounds.js';
import { log } from '../harness.js';
import { runFanout, type FanoutResult } from '../scenarios/fanout.js';
import { runStorm, type StormResult } from '../scenarios/storm.js';
import { timeSync, type SyncTimes } from '../scenarios/room-load.js';
import { prepareTypedArticle } from '../typed-article.js';
import type { ServerKind } from '../servers.js';
import { of } from './core.js';

async function fanout(article: Uint8Array) {
  const results = perServer<FanoutResult>();
  const f = config.fanout;
  log(`5. fan-out: ${f.rooms} rooms × ${f.clients} sockets, ${f.typists} typists each typing every ${f.intervalMs} ms (${f.durationMs / 1000} s measured; a fresh server process per round)`);
  for (let round = 0; round < config.freshRounds; round++) {
    for (const kind of order(round)) {
      await withServer(kind, async (server) => {
        await settle(500);
        const result = await attempt('fan-out', server, round, (ctx) => runFanout(ctx, f, article));
        if (!result) return;
        results[kind].push(result);
        log(`  round ${round + 1} ${kind.padEnd(9)} p50 ${ms(result.p50Ms)}, p99 ${ms(result.p99Ms)}, CPU ${result.serverCpuMsPer1000.toFixed(1)} ms per 1,000 deliveries (${result.deliveries}), peak RSS ${result.peakRssMiB.toFixed(0)} MiB`);
      });
    }
  }
  return results;
}

async function historyStorm() {
  const { keystrokes, clients } = config.historyStorm;
  const results = { stock: perServer<StormResult>(), raw: perServer<StormResult>() };
  log(`6. storm on a long history: ${clients} clients join an article typed ${keystrokes.toLocaleString('en-US')} keystrokes, until all synced (a fresh server per round and kind of client)`);
  const typed = await prepareTypedArticle(problems, keystrokes);
  log(`  prepared; article state ${(typed.state.length / 1024).toFixed(0)} KiB`);
  for (let round = 0; round < config.freshRounds; round++) {
    for (const kind of order(round)) {
      // Stock clients (synced once each has applied the state) and raw ones (once each has received it).
      for (const clientKind of round % 2 === 0 ? (['stock', 'raw'] as const) : (['raw', 'stock'] as const)) {
        const options = kind === 'tandem' ? { dataDir: typed.dataDir } : {};
        await withServer(kind, async (server) => {
          await settle(1000);
          const result = await attempt('history storm', server, round, async (ctx) => {
            if (kind === 'tandem') return runStorm(ctx, clients, typed.ref, clientKind);
            const ref = await server.createRoom();
            if (kind === 'reference') await seedRoom(ctx, ref, typed.state);
            return runStorm(ctx, clients, ref, clientKind);
          });
          if (!result) return;
          results[clientKind][kind].push(result);
          const size = result.stateBytes !== undefined ? `, ${(result.stateBytes / 1024).toFixed(0)} KiB each` : '';
          log(`  round ${round + 1} ${kind.padEnd(9)} ${clientKind.padEnd(5)} clients: all synced in ${result.seconds.toFixed(2)} s, server CPU ${result.serverCpuMs.toFixed(0)} ms${size}`);
        }, options);
      }
    }
  }
  return results;
}

async function coldLoad() {
  const results = perServer<SyncTimes>();
  const kinds: ServerKind[] = ['tandem', 'reference'];
  log(`7. cold load: an article typed ${config.coldLoadKeystrokes.toLocaleString('en-US')} keystrokes, its server killed and started again; one client's first full sync`);
  const typed = await prepareTypedArticle(problems, config.coldLoadKeystrokes);
  log(`  prepared; article state ${(typed.state.length / 1024).toFixed(0)} KiB`);
  for (let round = 0; round < config.freshRounds; round++) {
    for (const kind of order(round, kinds)) {
      await withServer(kind, async (server) => {
        await settle(500);
        const result = await attempt('cold load', server, round, async (ctx) => {
          if (kind === 'tandem') return timeSync(ctx, typed.ref, typed.state.length, 'cold');
          const ref = await server.createRoom();
          await seedRoom(ctx, ref, typed.state);
          await settle(200);
          return timeSync(ctx, ref, typed.state.length, 'first');
        });
        if (!result) return;
        results[kind].push(result);
        log(`  round ${round + 1} ${kind.padEnd(9)} answered ${ms(result.answerMs)}, synced ${ms(result.syncedMs)}`);
      }, kind === 'tandem' ? { dataDir: typed.dataDir } : {});
    }
  }
  return results;
}

export async function loadSuite(article: Uint8Array): Promise<{ rows: Row[]; rounds: object }> {
  const fo = wanted('fanout') ? await fanout(article) : perServer<FanoutResult>();
  const hs = wanted('history-storm') ? await historyStorm() : { stock: perServer<StormResult>(), raw: perServer<StormResult>() };
  const cl = wanted('cold-load') ? await coldLoad() : perServer<SyncTimes>();
  const f = config.fanout;
  const fanoutName = `5. fan-out (${f.rooms}×${f.clients}, ${f.typists} typists)`;
  const stormName = `6. storm on history (${config.historyStorm.clients} clients, ${config.historyStorm.keystrokes} updates)`;
  const coldName = `7. cold load (${config.coldLoadKeystrokes} updates; reference in memory)`;
  const rows = [
    row(fanoutName, 'p50 latency', 'ms', of(fo, (r) => r.p50Ms)),
    row(fanoutName, 'p99 latency', 'ms', of(fo, (r) => r.p99Ms)),
    row(fanoutName, 'server CPU per 1,000 deliveries', 'ms', of(fo, (r) => r.serverCpuMsPer1000)),
    row(fanoutName, 'peak RSS', 'MiB', of(fo, (r) => r.peakRssMiB)),
    row(stormName, 'time until all synced (stock clients, state applied)', 's', of(hs.stock, (r) => r.seconds)),
    row(stormName, 'server CPU during storm (stock clients)', 'ms', of(hs.stock, (r) => r.serverCpuMs)),
    row(stormName, 'time until all received the state (raw clients)', 's', of(hs.raw, (r) => r.seconds)),
    row(stormName, 'server CPU during storm (raw clients)', 'ms', of(hs.raw, (r) => r.serverCpuMs)),
    row(coldName, 'server answered', 'ms', of(cl, (r) => r.answerMs)),
    row(coldName, 'first full sync', 'ms', of(cl, (r) => r.syncedMs)),
  ];
  return { rows, rounds: { fanout: fo, historyStorm: hs, coldLoad: cl } };
}
