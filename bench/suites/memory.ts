// Memory: what an idle connection and a loaded article cost, and articles opened and closed in
// turn by the ten thousand, with the server's memory expected to stay flat.
import { settle } from '../wait.js';
import { row, type Row } from '../report.js';
import { attempt, config, order, perServer, wanted, withServer } from '../rounds.js';
import { log } from '../harness.js';
import { runMemory, type MemoryResult } from '../scenarios/memory.js';
import { runChurn, type ChurnResult } from '../scenarios/churn.js';
import { articleText } from '../scenarios/room-load.js';
import { prepareManyArticles } from '../many-articles.js';
import { of } from './core.js';

async function memory() {
  const results = perServer<MemoryResult>();
  const { articles, connections } = config.memory;
  log(`8. memory: ${articles} loaded ${config.words.toLocaleString('en-US')}-word articles, then ${connections} idle sockets on one (a fresh server per round)`);
  const prepared = await prepareManyArticles(articles + 1, articleText(config.words));
  log(`  prepared; article state ${(prepared.state.length / 1024).toFixed(0)} KiB`);
  for (let round = 0; round < config.freshRounds; round++) {
    for (const kind of order(round)) {
      await withServer(kind, async (server) => {
        await settle(500);
        const result = await attempt('memory', server, round, (ctx) => {
          const rooms = prepared.refs.map((ref, i) =>
            kind === 'tandem' ? { ref } : { ref: { room: `article-${i}`, params: {} }, seed: kind === 'reference' ? prepared.state : undefined },
          );
          return runMemory(ctx, rooms, connections);
        });
        if (!result) return;
        results[kind].push(result);
        log(
          `  round ${round + 1} ${kind.padEnd(9)} per loaded article ${result.perArticleKiB.toFixed(0)} KiB RSS (${result.perArticleHeapKiB.toFixed(0)} KiB heap), ` +
            `per idle connection ${result.perConnectionKiB.toFixed(1)} KiB RSS (${result.perConnectionHeapKiB.toFixed(1)} KiB heap)`,
        );
      }, kind === 'tandem' ? { dataDir: prepared.dataDir } : {});
    }
  }
  return results;
}

async function churn(smallArticle: Uint8Array) {
  const results = perServer<ChurnResult>();
  const count = config.churnArticles;
  log(`9. churn: ${count.toLocaleString('en-US')} small articles opened and closed in turn, RSS after the first twentieth and at the end (a fresh server per round)`);
  const many = await prepareManyArticles(count);
  for (let round = 0; round < config.churnRounds; round++) {
    for (const kind of order(round)) {
      await withServer(kind, async (server) => {
        await settle(500);
        const result = await attempt('churn', server, round, (ctx) =>
          runChurn(ctx, count, (i) => (kind === 'tandem' ? { ref: many.refs[i] } : { ref: { room: `churn-${i}`, params: {} }, seed: kind === 'reference' ? smallArticle : undefined })),
        );
        if (!result) return;
        results[kind].push(result);
        log(`  round ${round + 1} ${kind.padEnd(9)} ${result.seconds.toFixed(1)} s, RSS ${result.startMiB.toFixed(0)} -> ${result.endMiB.toFixed(0)} MiB, heap used ${result.startHeapMiB.toFixed(1)} -> ${result.endHeapMiB.toFixed(1)} MiB`);
      }, kind === 'tandem' ? { dataDir: many.dataDir } : {});
    }
  }
  return results;
}

export async function memorySuite(smallArticle: Uint8Array): Promise<{ rows: Row[]; rounds: object }> {
  const me = wanted('memory') ? await memory() : perServer<MemoryResult>();
  const ch = wanted('churn') ? await churn(smallArticle) : perServer<ChurnResult>();
  const memoryName = `8. memory (${config.words}-word articles)`;
  const churnName = `9. churn (${config.churnArticles} articles)`;
  const rows = [
    row(memoryName, 'per loaded article', 'KiB', of(me, (r) => r.perArticleKiB)),
    row(memoryName, 'per idle connection', 'KiB', of(me, (r) => r.perConnectionKiB)),
    row(memoryName, 'heap per loaded article', 'KiB', of(me, (r) => r.perArticleHeapKiB)),
    row(memoryName, 'heap per idle connection', 'KiB', of(me, (r) => r.perConnectionHeapKiB)),
    row(churnName, 'RSS after the first twentieth', 'MiB', of(ch, (r) => r.startMiB)),
    row(churnName, 'RSS at the end', 'MiB', of(ch, (r) => r.endMiB)),
    row(churnName, 'heap used after the first twentieth', 'MiB', of(ch, (r) => r.startHeapMiB)),
    row(churnName, 'heap used at the end', 'MiB', of(ch, (r) => r.endHeapMiB)),
    row(churnName, 'time', 's', of(ch, (r) => r.seconds)),
  ];
  return { rows, rounds: { memory: me, churn: ch } };
}
