// The server's edge: incoming bytes (the wire format of shared/wire.ts, docs/PROTOCOL.md) are
// decoded here into a typed message or a ProtocolError, before anything acts on them.
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { MessageType, SyncType } from '../../shared/wire.js';

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
