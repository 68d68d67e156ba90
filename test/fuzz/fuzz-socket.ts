// One fuzz round: an authenticated raw socket that joins its room, sends a batch of messages
// without waiting, then a heartbeat as a barrier. The server handles a connection's messages in
// order, so the heartbeat's answer means every message before it was accepted; a refusal closes
// the socket instead. Returns what became of the socket.
import { rawSocket } from '../helpers/clients.js';
import { MessageType } from '../../shared/wire.js';
import type { FuzzMessage } from './messages.js';

export type RoundOutcome = { open: true } | { open: false; code: number; reason: string };

const isHeartbeat = (message: Uint8Array) => message.length === 1 && message[0] === MessageType.heartbeat;

/** Resolves once `done()` holds, checked at every message and at the close; rejects after `ms`. */
function until(socket: ReturnType<typeof rawSocket>, done: () => boolean, what: string, ms = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!done()) return;
      clearTimeout(timer);
      socket.ws.off('message', later).off('close', later);
      resolve();
    };
    // rawSocket's own listeners record first; check once they have run.
    const later = () => queueMicrotask(check);
    const timer = setTimeout(() => {
      socket.ws.off('message', later).off('close', later);
      reject(new Error(`the server neither ${what} nor closed the socket within ${ms} ms`));
    }, ms);
    socket.ws.on('message', later).on('close', later);
    check();
  });
}

export async function fuzzRound(url: string, makeBatch: () => FuzzMessage[]): Promise<{ batch: FuzzMessage[]; outcome: RoundOutcome }> {
  const socket = rawSocket(url);
  const closed = () => socket.state.close !== null;
  await socket.opened;
  // Joined: the server's first message (its sync step 1) comes once the room is loaded, so nothing
  // below waits behind the room's loading, where heartbeats are answered ahead of their turn.
  await until(socket, () => closed() || socket.messages.length > 0, 'greeted the socket');
  const batch = makeBatch();
  if (!closed()) {
    for (const message of batch) socket.ws.send(message.bytes);
    socket.ws.send(Uint8Array.of(MessageType.heartbeat));
  }
  // The server takes any binary message starting with 101 for a heartbeat, and answers it.
  const answers = batch.filter((m) => typeof m.bytes !== 'string' && m.bytes[0] === MessageType.heartbeat).length + 1;
  await until(socket, () => closed() || socket.messages.filter(isHeartbeat).length >= answers, 'answered the closing heartbeat');
  const close = socket.state.close as { code: number; reason: string } | null;
  if (close) return { batch, outcome: { open: false, ...close } };
  socket.ws.close();
  return { batch, outcome: { open: true } };
}
