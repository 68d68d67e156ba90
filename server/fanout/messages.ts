// What instances tell each other on a room's channel: an update already stored (with its room
// sequence number), a batch of presence changes, a question for everyone's presence (an instance
// that just loaded the room), or an order to close the room's connections with a close code (its
// tokens revoked, or its document deleted: `gone`), or how far the store holds the room's log (an
// instance whose Redis connection was away says so once back, SPEC 17.21: what it stored meanwhile
// was published to nobody); each names the instance that sent it.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export type FanoutMessage =
  | { kind: 'update'; instance: string; seq: number; update: Uint8Array }
  | { kind: 'presence'; instance: string; update: Uint8Array }
  | { kind: 'query'; instance: string }
  | { kind: 'close'; instance: string; code: number; reason: string; gone: boolean }
  | { kind: 'stored'; instance: string; seq: number };

const KIND = { update: 0, presence: 1, query: 2, close: 3, stored: 4 } as const;

export function encodeFanout(message: FanoutMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, KIND[message.kind]);
  encoding.writeVarString(encoder, message.instance);
  if (message.kind === 'close') {
    encoding.writeVarUint(encoder, message.code);
    encoding.writeVarString(encoder, message.reason);
    encoding.writeUint8(encoder, message.gone ? 1 : 0);
    return encoding.toUint8Array(encoder);
  }
  if (message.kind === 'stored') {
    encoding.writeVarUint(encoder, message.seq);
    return encoding.toUint8Array(encoder);
  }
  if (message.kind === 'update') encoding.writeVarUint(encoder, message.seq);
  if (message.kind !== 'query') encoding.writeVarUint8Array(encoder, message.update);
  return encoding.toUint8Array(encoder);
}

/** Decodes a message; throws on one that is not a fan-out message. */
export function decodeFanout(bytes: Uint8Array): FanoutMessage {
  const decoder = decoding.createDecoder(bytes);
  const kind = decoding.readVarUint(decoder);
  const instance = decoding.readVarString(decoder);
  if (kind === KIND.update) {
    const seq = decoding.readVarUint(decoder);
    return { kind: 'update', instance, seq, update: decoding.readVarUint8Array(decoder) };
  }
  if (kind === KIND.presence) return { kind: 'presence', instance, update: decoding.readVarUint8Array(decoder) };
  if (kind === KIND.query) return { kind: 'query', instance };
  if (kind === KIND.stored) return { kind: 'stored', instance, seq: decoding.readVarUint(decoder) };
  if (kind === KIND.close) {
    const code = decoding.readVarUint(decoder);
    const reason = decoding.readVarString(decoder);
    return { kind: 'close', instance, code, reason, gone: decoding.readUint8(decoder) === 1 };
  }
  throw new Error(`unknown fan-out message kind ${kind}`);
}
