// Tandem's "stored" acknowledgement (docs/PROTOCOL.md): the server tells a connection that asked
// (`ack=1`) how many of the update messages it sent are stored. A client counts what it sends with
// isUpdateMessage and is "Saved" when the count acknowledged catches up.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import { MessageType } from './schema.js';

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

/** Whether a client → server message carries an update (sync step 2 or update): what gets acknowledged. */
export function isUpdateMessage(message: Uint8Array): boolean {
  return message[0] === MessageType.sync && (message[1] === messageYjsSyncStep2 || message[1] === messageYjsUpdate);
}
