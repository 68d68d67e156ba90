// The messages a room sends its peers (shared/wire.ts's writers) as Buffers: ws sends a Buffer as it
// is, so a message broadcast to every peer is not wrapped again for each of them.
import * as wire from '../../shared/wire.js';

function asBuffer<Args extends unknown[]>(write: (...args: Args) => Uint8Array) {
  return (...args: Args): Buffer => {
    const bytes = write(...args);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  };
}

/** The varUint length of `n` in bytes (lib0's encoding: 7 bits a byte, low bits first). */
function varUintLength(n: number): number {
  let bytes = 1;
  while (n > 0x7f) {
    n = Math.floor(n / 128);
    bytes++;
  }
  return bytes;
}

/**
 * wire.writeUpdate's bytes, written straight into one Buffer: every update a room stores is sent in
 * one, so the encoder lib0 would grow and copy for it is left out (the same bytes).
 */
export function writeUpdate(update: Uint8Array): Buffer {
  let length = update.length;
  const message = Buffer.allocUnsafe(2 + varUintLength(length) + length);
  message[0] = wire.MessageType.sync;
  message[1] = wire.SyncType.update;
  let at = 2;
  while (length > 0x7f) {
    message[at++] = 0x80 | (length & 0x7f);
    length = Math.floor(length / 128);
  }
  message[at++] = length;
  message.set(update, at);
  return message;
}

export const writeSyncStep1 = asBuffer(wire.writeSyncStep1);
export const writeSyncStep2 = asBuffer(wire.writeSyncStep2);
export const writeAwareness = asBuffer(wire.writeAwareness);
