// Presence (awareness) as the server lets it through: role and name stamped from the token
// (SPEC 2.4), and each awareness id owned by the connection that introduced it (SPEC 2.5).
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Role } from '../../shared/schema.js';

export const MAX_NAME_LENGTH = 64;

/** A display name fit to show: no control or formatting characters, collapsed spaces, capped. */
export function cleanName(raw: string | undefined | null): string {
  const cleaned = (raw ?? '')
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return Array.from(cleaned).slice(0, MAX_NAME_LENGTH).join('').trim();
}

export interface Stamp {
  name: string;
  role: Role;
}

interface Entry {
  clientId: number;
  clock: number;
  state: string;
}

function readEntries(update: Uint8Array): Entry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    entries.push({
      clientId: decoding.readVarUint(decoder),
      clock: decoding.readVarUint(decoder),
      state: decoding.readVarString(decoder),
    });
  }
  return entries;
}

/**
 * Rewrites a client's awareness update: keeps only entries for ids this connection may speak for,
 * and stamps name and role into every state it sets. Throws on a malformed update.
 */
export function stampAwareness(update: Uint8Array, stamp: Stamp, mayUse: (clientId: number) => boolean) {
  const kept = readEntries(update).filter((entry) => mayUse(entry.clientId));
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const entry of kept) {
    const state: unknown = JSON.parse(entry.state);
    const stamped =
      state !== null && typeof state === 'object' && !Array.isArray(state)
        ? JSON.stringify({ ...state, name: stamp.name, role: stamp.role })
        : 'null';
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, stamped);
  }
  return { update: encoding.toUint8Array(encoder), clientIds: kept.map((e) => e.clientId) };
}
