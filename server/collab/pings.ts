// Pings every open socket each interval (a WebSocket ping, which browsers and ws answer by
// themselves). A socket that has not answered the previous ping when the next one is due is ended:
// its connection detaches and its room unloads as after any close (SPEC 3.6). One timer for all.
import type { WebSocket } from 'ws';

export interface Pings {
  stop(): void;
}

export function pingSockets(sockets: ReadonlySet<WebSocket>, intervalMs: number, onSilent: () => void): Pings {
  if (intervalMs <= 0) return { stop() {} };
  const unanswered = new WeakSet<WebSocket>();
  const timer = setInterval(() => {
    for (const ws of sockets) {
      if (ws.readyState !== ws.OPEN) continue;
      if (unanswered.has(ws)) {
        onSilent();
        ws.terminate();
        continue;
      }
      unanswered.add(ws);
      ws.once('pong', () => unanswered.delete(ws));
      ws.ping();
    }
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
