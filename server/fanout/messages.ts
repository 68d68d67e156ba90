// What instances tell each other on a room's channel: an update already stored (with its room
// sequence number), a batch of presence changes, or a question for everyone's presence (an instance
// that just loaded the room); each names the instance that sent it.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export type FanoutMessage =
  | { kind: 'update'; instance: string; seq: number; update: Uint8Array }
  | { kind: 'presence'; instance: string; update: Uint8Array }
  | { kind: 'query'; instance: string };

const KIND = { update: 0, presence: 1, query: 2 } as const;

export function encodeFanout(message: FanoutMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, KIND[message.kind]);
  encoding.writeVarString(encoder, message.instance);
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
  throw new Error(`unknown fan-out message kind ${kind}`);
}
