// What the header tells about the connection: connected or not, synced, saved (every update this
// socket sent is stored, by the server's acknowledgement: ack-socket.ts), local changes waiting, the
// server unable to save (store-retry.ts), or closed for good.
import { isFinalClose } from '../../shared/schema.js';
import { Listeners } from '../app/store.js';

export interface SyncSnapshot {
  status: 'connecting' | 'connected' | 'disconnected';
  synced: boolean;
  /** Updates this socket sent wait for the server's stored acknowledgement. */
  waiting: boolean;
  /** Local changes made since the last moment everything was saved. */
  pending: boolean;
  /** Local changes are being kept in this browser (IndexedDB) while they wait. */
  keptLocally: boolean;
  everSynced: boolean;
  /** The server refused this page's changes because it cannot save right now, and has not acknowledged one since (SPEC 10.30). */
  cannotSave: boolean;
  closed: { code: number; reason: string } | null;
}

export type SaveState = 'connecting' | 'saving' | 'saved' | 'offline-kept' | 'offline' | 'cannot-save' | 'closed';

export function saveState(s: SyncSnapshot): SaveState {
  if (s.closed) return 'closed';
  // Connected or between tries alike: nothing it sends is saved until the server acknowledges a write.
  if (s.cannotSave) return 'cannot-save';
  if (s.status !== 'connected') return s.pending ? 'offline-kept' : s.everSynced ? 'offline' : 'connecting';
  if (!s.synced) return s.everSynced ? 'saving' : 'connecting';
  return s.waiting ? 'saving' : 'saved';
}

export class SyncState {
  private snapshot: SyncSnapshot = {
    status: 'connecting',
    synced: false,
    waiting: false,
    pending: false,
    keptLocally: false,
    everSynced: false,
    cannotSave: false,
    closed: null,
  };
  private readonly listeners = new Listeners();

  readonly subscribe = this.listeners.subscribe;

  readonly get = (): SyncSnapshot => this.snapshot;

  update(change: Partial<SyncSnapshot>): void {
    const next = { ...this.snapshot, ...change };
    if (next.synced) next.everSynced = true;
    if (next.pending && saveState(next) === 'saved') next.pending = false;
    if (Object.keys(next).every((key) => next[key as keyof SyncSnapshot] === this.snapshot[key as keyof SyncSnapshot])) return;
    this.snapshot = next;
    this.listeners.notify();
  }

  close(code: number, reason: string): void {
    if (isFinalClose(code)) this.update({ closed: { code, reason }, status: 'disconnected', synced: false });
  }
}
