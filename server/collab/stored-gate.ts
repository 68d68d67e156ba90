// Holds back what peers may see until the updates it depends on are stored (SPEC 4.1).
// Updates are numbered as they are applied; a task queued now runs, in order, once every update
// applied so far is stored.
export class StoredGate {
  private applied = 0;
  private stored = 0;
  private readonly queue: Array<{ after: number; run: () => void }> = [];

  /** Numbers the update just applied. */
  applyOne(): number {
    return ++this.applied;
  }

  markStored(n: number): void {
    this.stored = Math.max(this.stored, n);
    while (this.queue.length > 0 && this.queue[0].after <= this.stored) this.queue.shift()!.run();
  }

  whenStored(run: () => void): void {
    if (this.queue.length === 0 && this.applied <= this.stored) run();
    else this.queue.push({ after: this.applied, run });
  }

  /** Resolves once everything applied so far is stored. */
  settled(): Promise<void> {
    return new Promise((resolve) => this.whenStored(resolve));
  }
}
