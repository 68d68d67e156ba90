// The WebSocket that y-websocket's provider opens (its `WebSocketPolyfill`): it counts the update
// messages this socket sent and reads the server's stored acknowledgements (message type 100,
// shared/wire.ts), so "Saved" reflects what the server stored, not a guess. Counts live on
// the socket: a new socket starts from zero, as the server's count does.
// It tells whether updates wait for their acknowledgement: at once when they start to, and that
// they no longer do at most every ACKS_TOLD_MS. While someone types, each keystroke is sent and
// acknowledged; telling every one would be work in every frame for a state that does not change
// ("Saved" waits for a pause anyway, SPEC 10.3).
import { isUpdateMessage, readStoredAck } from '../../shared/wire.js';

const ACKS_TOLD_MS = 250;

type Payload = Parameters<WebSocket['send']>[0];

/** An empty sync step 2 (an update with no structs and an empty delete set): "I have nothing". */
const EMPTY_STEP2 = new Uint8Array([0, 1, 2, 0, 0]);

function bytesOf(data: Payload): Uint8Array | null {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return null;
}

/**
 * A WebSocket class for one provider. `onWaiting` hears whether updates this socket sent wait for
 * the server's acknowledgement. A read-only socket never sends content: its sync step 2 is always
 * empty and it sends no updates, so a page whose local copy drifted (e.g. by a local
 * normalisation) can never be taken for a writer.
 */
export function ackSocketClass(onWaiting: (socket: WebSocket, waiting: boolean) => void, readOnly: boolean): typeof WebSocket {
  return class AckSocket extends WebSocket {
    private sent = 0;
    private acked = 0;
    /** What `onWaiting` last heard. */
    private told = false;
    private tellTimer = 0;

    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      // Registered before the provider sets `onmessage`, so it runs first.
      this.addEventListener('message', (event: MessageEvent) => {
        if (!(event.data instanceof ArrayBuffer)) return;
        const acked = readStoredAck(new Uint8Array(event.data));
        if (acked === null) return;
        this.acked = acked;
        this.tellTimer ||= window.setTimeout(() => ((this.tellTimer = 0), this.tell()), ACKS_TOLD_MS);
      });
    }

    private tell(): void {
      const waiting = this.acked < this.sent;
      if (waiting === this.told) return;
      this.told = waiting;
      onWaiting(this, waiting);
    }

    override send(data: Payload): void {
      let bytes = bytesOf(data);
      if (bytes && readOnly && isUpdateMessage(bytes)) {
        if (bytes[1] !== 1) return; // an update: a read-only page has none to give
        bytes = EMPTY_STEP2;
        data = bytes;
      }
      if (bytes && isUpdateMessage(bytes)) {
        this.sent++;
        this.tell();
      }
      super.send(data);
    }
  };
}
