// Tandem's heartbeat (docs/PROTOCOL.md): the one-byte message type 101, sent by a client that wants
// to know the server still answers, and sent back by the server at once. Browsers answer the
// server's WebSocket pings without telling the page, so this is how a page learns it is still heard.
import { MessageType } from './schema.js';

export function writeHeartbeat(): Uint8Array {
  return Uint8Array.of(MessageType.heartbeat);
}

/** Whether a message is a heartbeat: its type alone decides (101 is a one-byte varUint). */
export function isHeartbeat(message: Uint8Array): boolean {
  return message[0] === MessageType.heartbeat;
}
