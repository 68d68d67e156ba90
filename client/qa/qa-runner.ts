// Runs QA in a Web Worker, one request at a time; on the main thread only where workers fail.
import type { QaInput, QaIssue } from '../../shared/qa/index.js';

type Answer = { id: number; issues?: QaIssue[]; error?: string };

export class QaRunner {
  private worker: Worker | null = null;
  private failed = false;
  private seq = 0;
  private readonly waiting = new Map<number, (answer: Answer) => void>();

  async run(input: QaInput): Promise<QaIssue[]> {
    const worker = this.start();
    if (!worker) return (await import('../../shared/qa/index.js')).runQa(input);
    const id = ++this.seq;
    const answer = await new Promise<Answer>((resolve) => {
      this.waiting.set(id, resolve);
      worker.postMessage({ id, input });
    });
    if (answer.error !== undefined) throw new Error(answer.error);
    return answer.issues ?? [];
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private start(): Worker | null {
    if (this.worker || this.failed) return this.worker;
    try {
      const worker = new Worker(new URL('./qa-worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (event: MessageEvent<Answer>) => {
        this.waiting.get(event.data.id)?.(event.data);
        this.waiting.delete(event.data.id);
      };
      // A worker that cannot start: finish what waits with the main thread's answer from now on.
      worker.onerror = (event) => {
        event.preventDefault();
        this.failed = true;
        this.worker = null;
        worker.terminate();
        for (const [id, resolve] of this.waiting) resolve({ id, error: 'the QA worker stopped' });
        this.waiting.clear();
      };
      this.worker = worker;
    } catch {
      this.failed = true;
    }
    return this.worker;
  }
}
