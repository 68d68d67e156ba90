// Sends a room's presence changes to its peers, gathered and sent at most every PRESENCE_RELAY_MS.
// Each stock y-websocket client answers every presence message it receives with one of its own
// (it rebroadcasts on any awareness change, remote ones included), so relaying each change as it
// came would let a few peers that move their carets fast (or a flood of presence) push everyone
// else past the message rate (SPEC 3.4). Gathered, a client answers at most once per interval.
import { encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness';
import { writeAwareness } from './outgoing.js';

export const PRESENCE_RELAY_MS = 20;

/** The origin of presence applied from another instance's batch (SPEC 17.12), never published again. */
export const FROM_OTHER_INSTANCE = 'fanout';

export class PresenceRelay {
  private readonly changed = new Set<number>();
  /** Those of `changed` that this instance's peers changed: only they go to other instances. */
  private readonly changedHere = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  /** When the last batch went out (performance.now). */
  private flushedAt = -Infinity;

  constructor(
    private readonly awareness: Awareness,
    private readonly send: (message: Uint8Array) => void,
    /** With fan-out (SPEC 17.12): the same batch for the other instances, as an awareness update. */
    private readonly publish?: (update: Uint8Array) => void,
  ) {
    awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      for (const ids of [added, updated, removed]) {
        for (const id of ids) {
          this.changed.add(id);
          if (origin !== FROM_OTHER_INSTANCE) this.changedHere.add(id);
        }
      }
      this.timer ??= setTimeout(() => this.flush(), PRESENCE_RELAY_MS);
    });
  }

  /**
   * Sends what is gathered now, not at its timer, if the last batch left at least PRESENCE_RELAY_MS
   * ago: the room calls it as it sends a stored update to its peers, so a caret move that came with a
   * keystroke leaves in the same write to each peer as the keystroke, at the same most-once-per-interval rate.
   */
  flushIfDue(): void {
    if (this.timer && performance.now() - this.flushedAt >= PRESENCE_RELAY_MS) {
      clearTimeout(this.timer);
      this.flush();
    }
  }

  private flush(): void {
    this.timer = null;
    this.flushedAt = performance.now();
    // Every id an update named has its clock in meta, removed ones too.
    const ids = [...this.changed].filter((id) => this.awareness.meta.has(id));
    const here = [...this.changedHere].filter((id) => this.awareness.meta.has(id));
    this.changed.clear();
    this.changedHere.clear();
    if (ids.length > 0) this.send(writeAwareness(encodeAwarenessUpdate(this.awareness, ids)));
    if (here.length > 0) this.publish?.(encodeAwarenessUpdate(this.awareness, here));
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
