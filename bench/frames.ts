// WebSocket frames as a client sends them (RFC 6455: FIN, binary, masked), built before a measurement:
// a writer that has every message framed and masked ahead writes them to its socket in one go, so the
// load generator spends nothing per message on framing while the server is timed.
import { randomBytes } from 'node:crypto';

/** One client frame carrying `payload` (binary, final, masked with a fresh key). */
function clientFrame(payload: Uint8Array): Buffer {
  const length = payload.length;
  const header = length < 126 ? 2 : length < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + 4 + length);
  frame[0] = 0x82;
  if (length < 126) frame[1] = 0x80 | length;
  else if (length < 65536) {
    frame[1] = 0x80 | 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 0x80 | 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  const mask = randomBytes(4);
  mask.copy(frame, header);
  const start = header + 4;
  for (let i = 0; i < length; i++) frame[start + i] = payload[i] ^ mask[i & 3];
  return frame;
}

/** `messages` as one buffer of client frames, in order. */
export function clientFrames(messages: Uint8Array[]): Buffer {
  return Buffer.concat(messages.map(clientFrame));
}
