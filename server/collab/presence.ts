// Presence (awareness) as the server lets it through: role and name stamped from the token
// (SPEC 2.4), and each awareness id owned by the connection that introduced it (SPEC 2.5).
import * as decoding from 'lib0/decoding';
import { equalityDeep } from 'lib0/function';
import type { Awareness } from 'y-protocols/awareness';
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

/** An awareness entry as a client sent it, its state parsed (and stamped, once let through). */
export interface PresenceEntry {
  clientId: number;
  clock: number;
  state: unknown;
}

function readEntries(update: Uint8Array): Array<{ clientId: number; clock: number; json: string }> {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries = [];
  for (let i = 0; i < count; i++) {
    entries.push({
      clientId: decoding.readVarUint(decoder),
      clock: decoding.readVarUint(decoder),
      json: decoding.readVarString(decoder),
    });
  }
  return entries;
}

/**
 * Reads a client's awareness update: keeps only entries for ids this connection may speak for, and
 * stamps name and role into every state it sets (any other state clears). Throws on a malformed
 * update.
 */
export function stampAwareness(update: Uint8Array, stamp: Stamp, mayUse: (clientId: number) => boolean): PresenceEntry[] {
  return readEntries(update)
    .filter((entry) => mayUse(entry.clientId))
    .map(({ clientId, clock, json }) => {
      const state: unknown = JSON.parse(json);
      const isObject = state !== null && typeof state === 'object' && !Array.isArray(state);
      if (!isObject) return { clientId, clock, state: null };
      // Just parsed, so ours to stamp in place (the same keys, in the same order, as a copy with them).
      const stamped = state as Record<string, unknown>;
      stamped.name = stamp.name;
      stamped.role = stamp.role;
      return { clientId, clock, state: stamped };
    });
}

/**
 * Applies stamped entries to the room's awareness as y-protocols' applyAwarenessUpdate applies an
 * update's (a newer clock wins, a null state at the same clock removes; the same `change` and
 * `update` events), without encoding them and parsing them again. The server's own awareness has no
 * state, so the case of a peer removing it does not arise.
 */
export function applyPresence(awareness: Awareness, entries: PresenceEntry[], origin: unknown): void {
  const now = Date.now();
  // Whether a state changed is for 'change' listeners only: the deep comparison is skipped without them.
  const compared = (awareness as unknown as { _observers: Map<string, unknown> })._observers.has('change');
  const added: number[] = [];
  const updated: number[] = [];
  const changed: number[] = [];
  const removed: number[] = [];
  for (const { clientId, clock, state } of entries) {
    const meta = awareness.meta.get(clientId);
    const previous = awareness.states.get(clientId);
    const current = meta?.clock ?? 0;
    if (!(current < clock || (current === clock && state === null && awareness.states.has(clientId)))) continue;
    if (state === null) awareness.states.delete(clientId);
    else awareness.states.set(clientId, state as Record<string, unknown>);
    awareness.meta.set(clientId, { clock, lastUpdated: now });
    if (meta === undefined && state !== null) added.push(clientId);
    else if (meta !== undefined && state === null) removed.push(clientId);
    else if (state !== null) {
      if (compared && !equalityDeep(state, previous)) changed.push(clientId);
      updated.push(clientId);
    }
  }
  if (added.length > 0 || changed.length > 0 || removed.length > 0) awareness.emit('change', [{ added, updated: changed, removed }, origin]);
  if (added.length > 0 || updated.length > 0 || removed.length > 0) awareness.emit('update', [{ added, updated, removed }, origin]);
}
