// The messages a room sends its peers (shared/wire.ts's writers) as Buffers: ws sends a Buffer as it
// is, so a message broadcast to every peer is not wrapped again for each of them.
import * as wire from '../../shared/wire.js';

function asBuffer<Args extends unknown[]>(write: (...args: Args) => Uint8Array) {
  return (...args: Args): Buffer => {
    const bytes = write(...args);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  };
}

export const writeSyncStep1 = asBuffer(wire.writeSyncStep1);
export const writeSyncStep2 = asBuffer(wire.writeSyncStep2);
export const writeUpdate = asBuffer(wire.writeUpdate);
export const writeAwareness = asBuffer(wire.writeAwareness);
