// The wire format: y-websocket's messages plus Tandem's `stored` acknowledgement and heartbeat
// (docs/PROTOCOL.md).
// Incoming bytes are decoded here, at the edge, into a typed message or a ProtocolError.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import { MessageType } from '../../shared/schema.js';

const SyncType = { step1: messageYjsSyncStep1, step2: messageYjsSyncStep2, update: messageYjsUpdate } as const;

export type ClientMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'update'; update: Uint8Array; decoded: ReturnType<typeof Y.decodeUpdate> }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' }
  | { type: 'auth' }
  | { type: 'heartbeat' };

export class ProtocolError extends Error {}

export function readClientMessage(data: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.sync: {
        const syncType = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (syncType === SyncType.step1) {
          Y.decodeStateVector(payload);
          return { type: 'sync-step1', stateVector: payload };
        }
        if (syncType === SyncType.step2 || syncType === SyncType.update) {
          return { type: 'update', update: payload, decoded: Y.decodeUpdate(payload) };
        }
        throw new ProtocolError(`unknown sync message ${syncType}`);
      }
      case MessageType.awareness:
        return { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
      case MessageType.queryAwareness:
        return { type: 'query-awareness' };
      case MessageType.auth:
        return { type: 'auth' };
      case MessageType.heartbeat:
        return { type: 'heartbeat' };
      default:
        throw new ProtocolError(`unknown message type ${type}`);
    }
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError(`undecodable message: ${(error as Error).message}`);
  }
}

/** A message: its type, an optional sync type, then one length-prefixed payload. */
function message(type: number, syncType: number | null, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  if (syncType !== null) encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  // A Buffer, so the transport takes the same bytes for every peer without wrapping them each time.
  const bytes = encoding.toUint8Array(encoder);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export const writeSyncStep1 = (stateVector: Uint8Array) => message(MessageType.sync, SyncType.step1, stateVector);
export const writeSyncStep2 = (update: Uint8Array) => message(MessageType.sync, SyncType.step2, update);
export const writeUpdate = (update: Uint8Array) => message(MessageType.sync, SyncType.update, update);
export const writeAwareness = (update: Uint8Array) => message(MessageType.awareness, null, update);
