// Checkpoints of the SQLite write-ahead log, made on a thread of their own. SQLite's automatic
// checkpoint runs inside the commit that crosses its threshold (1,000 pages): that commit copies the
// log into the database file and syncs both (synchronous=NORMAL syncs at checkpoints), a pause of a
// few ms on the event loop every thousand or so small commits, which every peer waiting for an
// update then waits through. Here the store's connection never checkpoints (wal_autocheckpoint=0);
// a second connection on a worker thread runs a PASSIVE checkpoint every CHECKPOINT_MS, which copies
// what is committed while commits go on and never blocks them. Commits are as durable as before:
// each is in the log when it returns, and a checkpoint only moves committed pages into the file.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export const CHECKPOINT_MS = 500;

// CommonJS, evaluated as the worker's code (a file would need TypeScript's loader under the tests).
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or closing: the next tick tries again, and the store's connection checkpoints as it closes.
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export class Checkpoints {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;

  /** `failed`: the worker stopped on an error; the store then lets SQLite checkpoint in its commits again. */
  constructor(path: string, failed: (error: unknown) => void, intervalMs = CHECKPOINT_MS) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER, { eval: true, workerData: { path, driver, intervalMs } });
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.on('error', failed);
    this.worker.unref();
  }

  /** Stops the checkpoints and closes the worker's connection (before the store's closes). */
  async stop(): Promise<void> {
    // Held until it has exited: unreferenced, the process could end before the store's connection closes.
    this.worker.ref();
    this.worker.postMessage('stop');
    await this.exited;
  }
}
