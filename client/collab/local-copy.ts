// The editor's copy of the article in this browser (y-indexeddb), so that edits made offline survive
// a closed tab. While the server is connected it stores every update itself, so the copy takes them
// together, at most every BATCH_MS (and at once when the page is hidden or the connection drops):
// one IndexedDB transaction per keystroke costs as much as a tenth of the keystroke. Offline, each
// update is written as it comes.
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';

const BATCH_MS = 1000;

export class LocalCopy extends IndexeddbPersistence {
  private batch: Uint8Array[] = [];
  private timer = 0;
  private readonly write: (update: Uint8Array, origin: unknown) => void;

  constructor(name: string, doc: Y.Doc, private readonly online: () => boolean) {
    super(name, doc);
    this.write = this._storeUpdate;
    doc.off('update', this.write);
    this._storeUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      this.batch.push(update);
      if (!this.online()) this.flush();
      else if (!this.timer) this.timer = window.setTimeout(this.flush, BATCH_MS);
    };
    doc.on('update', this._storeUpdate);
    window.addEventListener('pagehide', this.flush);
  }

  /** Writes what waits now. */
  readonly flush = (): void => {
    clearTimeout(this.timer);
    this.timer = 0;
    if (this.batch.length === 0) return;
    const update = this.batch.length === 1 ? this.batch[0] : Y.mergeUpdates(this.batch);
    this.batch = [];
    this.write(update, null);
  };

  override destroy(): Promise<void> {
    this.flush();
    window.removeEventListener('pagehide', this.flush);
    return super.destroy();
  }
}
