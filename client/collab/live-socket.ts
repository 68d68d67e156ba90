// A WebSocket class that notices when the server stopped answering (SPEC 10.23). Browsers answer the
// server's pings without telling the page, so the socket asks itself: with nothing received for
// HEARTBEAT_MS it sends a heartbeat (shared/wire.ts), which the server answers at once. Once a
// request — a heartbeat, or an update on a socket whose updates are acknowledged (ack-socket.ts) —
// has had nothing at all received after it for LOST_AFTER_MS, the connection is lost: the socket
// closes and tells its provider so at once, with a code y-websocket reconnects after (its own
// watchdog would wait half a minute). Silence alone is never judged: a background tab runs timers
// once a minute. The browser's `offline` event is a hint to ask at once.
import { isUpdateMessage, writeHeartbeat } from '../../shared/wire.js';

const CHECK_MS = 500;
const HEARTBEAT_MS = 2000;
const LOST_AFTER_MS = 4000;
/** A server that accepts the connection but never completes the handshake is given up too. */
const CONNECT_TIMEOUT_MS = 8000;
/** What the provider hears: an abnormal closure, after which it reconnects with its backoff. */
const LOST = { code: 1006, reason: 'connection lost' } as const;

type Payload = Parameters<WebSocket['send']>[0];

/** `updatesAcknowledged`: the server answers each update message this socket sends (`ack=1`, an editor's). */
export function liveSocketClass(Base: typeof WebSocket, updatesAcknowledged: boolean): typeof WebSocket {
  return class LiveSocket extends Base {
    private readonly createdAt = performance.now();
    private lastReceived = 0;
    private lastHeartbeat = 0;
    /** When the first request since the last message received went out; null while none waits. */
    private waitingSince: number | null = null;
    private readonly timer = setInterval(() => this.check(), CHECK_MS);

    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      const received = () => {
        this.lastReceived = performance.now();
        this.waitingSince = null;
      };
      this.addEventListener('open', received);
      this.addEventListener('message', received);
      this.addEventListener('close', this.stop);
      window.addEventListener('offline', this.heartbeat);
    }

    override send(data: Payload): void {
      if (updatesAcknowledged && this.waitingSince === null && data instanceof Uint8Array && isUpdateMessage(data)) {
        this.waitingSince = performance.now();
      }
      super.send(data);
    }

    private check(): void {
      const now = performance.now();
      if (this.readyState === Base.CONNECTING) {
        if (now - this.createdAt > CONNECT_TIMEOUT_MS) this.lose();
      } else if (this.readyState === Base.OPEN) {
        if (this.waitingSince !== null && now - this.waitingSince > LOST_AFTER_MS) this.lose();
        else if (now - Math.max(this.lastReceived, this.lastHeartbeat) >= HEARTBEAT_MS) this.heartbeat();
      }
    }

    private readonly heartbeat = (): void => {
      if (this.readyState !== Base.OPEN) return;
      this.lastHeartbeat = performance.now();
      this.waitingSince ??= this.lastHeartbeat;
      super.send(writeHeartbeat());
    };

    private lose(): void {
      this.stop();
      this.close();
      this.dispatchEvent(new CloseEvent('close', LOST));
    }

    private readonly stop = (): void => {
      clearInterval(this.timer);
      window.removeEventListener('offline', this.heartbeat);
    };
  };
}
