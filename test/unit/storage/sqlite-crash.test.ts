import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { openSqliteStore } from '../../../server/storage/sqlite.js';
import { replayText } from '../../contract/yjs-helpers.js';
import { tempDir } from './temp-store.js';

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const ACKS_BEFORE_KILL = 200;

it('SPEC 4.2 every acknowledged append survives kill -9', async () => {
  const dir = await tempDir();
  const docId = 'crash01';
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, docId], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const acks: { seq: number; marker: number }[] = [];
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
      child.on('exit', (code, signal) => resolve(signal ?? code)),
    );

    let buffered = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop()!;
        for (const line of lines) {
          const [seq, marker] = line.split(' ').map(Number);
          acks.push({ seq, marker });
        }
        if (acks.length >= ACKS_BEFORE_KILL) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      void exited.then((how) => reject(new Error(`child exited early (${how}): ${stderr}`)));
    });
    expect(await exited).toBe('SIGKILL');

    const store = openSqliteStore({ dir });
    try {
      const log = await store.loadRoom(docId);
      const maxAck = Math.max(...acks.map((a) => a.seq));
      expect(log.seq).toBeGreaterThanOrEqual(maxAck);
      const stored = new Set(replayText(log).split(',').filter(Boolean).map(Number));
      const lost = acks.filter((a) => !stored.has(a.marker));
      expect(lost).toEqual([]);
    } finally {
      await store.close();
    }
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  }
}, 10_000);
