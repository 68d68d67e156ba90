// The wire format both sides write and read (docs/PROTOCOL.md): y-websocket's messages, whose sync
// types come from y-protocols, plus Tandem's `stored` acknowledgement and heartbeat. The server
// decodes what it receives at its edge (server/collab/protocol.ts).
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';

/** Message types of the y-websocket protocol, plus Tandem's own. */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /** Server → client, only when the connection asked with `ack=1`: how many of its update messages are stored. */
  stored: 100,
  /** Both ways, empty: a client asks whether the server still answers; the server answers at once. */
  heartbeat: 101,
} as const;

/** What follows MessageType.sync: y-protocols' numbers. */
export const SyncType = { step1: messageYjsSyncStep1, step2: messageYjsSyncStep2, update: messageYjsUpdate } as const;

/** A message: its type, an optional sync type, then one length-prefixed payload. */
export function writeMessage(type: number, syncType: number | null, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  if (syncType !== null) encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export const writeSyncStep1 = (stateVector: Uint8Array) => writeMessage(MessageType.sync, SyncType.step1, stateVector);
export const writeSyncStep2 = (update: Uint8Array) => writeMessage(MessageType.sync, SyncType.step2, update);
export const writeUpdate = (update: Uint8Array) => writeMessage(MessageType.sync, SyncType.update, update);
export const writeAwareness = (update: Uint8Array) => writeMessage(MessageType.awareness, null, update);

/** Whether a client → server message carries an update (sync step 2 or update): what gets acknowledged. */
export function isUpdateMessage(message: Uint8Array): boolean {
  return message[0] === MessageType.sync && (message[1] === SyncType.step2 || message[1] === SyncType.update);
}

/** The `stored` acknowledgement: how many of the connection's update messages are stored. */
export function writeStoredAck(count: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.stored);
  encoding.writeVarUint(encoder, count);
  return encoding.toUint8Array(encoder);
}

/** The acknowledged count, or null when the message is not an acknowledgement. */
export function readStoredAck(message: Uint8Array): number | null {
  if (message[0] !== MessageType.stored) return null;
  const decoder = decoding.createDecoder(message);
  decoding.readVarUint(decoder);
  return decoding.readVarUint(decoder);
}

// Browsers answer the server's WebSocket pings without telling the page, so the heartbeat is how a
// page learns it is still heard: the client sends the type alone, the server sends it back at once.
export function writeHeartbeat(): Uint8Array {
  return Uint8Array.of(MessageType.heartbeat);
}

/** Whether a message is a heartbeat: its type alone decides (101 is a one-byte varUint). */
export function isHeartbeat(message: Uint8Array): boolean {
  return message[0] === MessageType.heartbeat;
}
