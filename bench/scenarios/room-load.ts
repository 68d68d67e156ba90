// Scenario 4, room load: rooms each holding the same ~10,000-word article, then one new client per
// room. "Cold" is the first client of a room the server has not loaded since it was stored (Tandem
// reads it from SQLite and applies it); "warm" is a second client right after, with the room loaded.
// The reference keeps every room in memory (it has no persistence), so both of its numbers are warm.
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { connectClient, rawSocket, type ClientContext } from '../clients.js';
import type { RoomRef } from '../servers.js';
import { settle, withTimeout } from '../wait.js';

export interface PreparedRooms {
  ctx: ClientContext;
  rooms: RoomRef[];
  /** Size of the article's Yjs state, which a synced client must hold (about). */
  stateBytes: number;
}

export interface RoomLoadSample {
  coldMs: number;
  warmMs: number;
}

/** A deterministic ~`words`-word text: a headline and paragraphs of 100 words, blank-line separated. */
export function articleText(words: number): string {
  const vocabulary = ['the', 'desk', 'river', 'minister', 'said', 'on', 'monday', 'that', 'flood', 'water', 'rose', 'across', 'northern', 'districts', 'while', 'farmers', 'waited', 'for', 'relief', 'and', 'news', 'of', 'roads', 'reopened', 'late', 'evening', 'officials', 'confirmed', 'schools', 'would'];
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const paragraphs: string[] = ['Floods across the north: what we know'];
  for (let written = 0; written < words; written += 100) {
    const paragraph = Array.from({ length: 100 }, () => vocabulary[next() % vocabulary.length]);
    paragraphs.push(paragraph.join(' ') + '.');
  }
  return paragraphs.join('\n\n');
}

/**
 * Tandem: `count` documents imported from `text` through the API (stored, never loaded) plus one
 * template that a client reads to learn the article's Yjs state. Reference: `count` rooms seeded with
 * that same state by a raw socket.
 */
export async function prepareTandemRooms(ctx: ClientContext, count: number, text: string): Promise<PreparedRooms & { state: Uint8Array }> {
  const failed = ctx.problems.watch();
  const template = await ctx.server.createRoom(text);
  const reader = connectClient(ctx, template);
  let state: Uint8Array;
  try {
    await withTimeout(Promise.race([reader.synced, failed]), 30_000, 'room load: reading the template');
    state = Y.encodeStateAsUpdate(reader.doc);
  } finally {
    reader.destroy();
  }
  const rooms: RoomRef[] = [];
  for (let i = 0; i < count; i++) rooms.push(await ctx.server.createRoom(text));
  return { ctx, rooms, stateBytes: state.length, state };
}

export async function prepareReferenceRooms(ctx: ClientContext, count: number, state: Uint8Array): Promise<PreparedRooms> {
  const failed = ctx.problems.watch();
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0); // sync
  encoding.writeVarUint(encoder, 2); // update
  encoding.writeVarUint8Array(encoder, state);
  const message = encoding.toUint8Array(encoder);
  const rooms: RoomRef[] = [];
  for (let i = 0; i < count; i++) {
    const ref = await ctx.server.createRoom();
    const seeder = rawSocket(ctx, ref);
    await withTimeout(Promise.race([seeder.ready, failed]), 10_000, 'room load: seeding the reference');
    seeder.ws.send(message);
    seeder.close();
    rooms.push(ref);
  }
  return { ctx, rooms, stateBytes: state.length };
}

/** Time to first sync of one client on the room, then of a second client (the room now loaded). */
export async function measureRoom({ ctx, stateBytes }: PreparedRooms, ref: RoomRef): Promise<RoomLoadSample> {
  const failed = ctx.problems.watch();
  const timeSync = async (what: string) => {
    const started = performance.now();
    const client = connectClient(ctx, ref);
    try {
      await withTimeout(Promise.race([client.synced, failed]), 30_000, `room load: ${what} sync`);
      const ms = performance.now() - started;
      const got = Y.encodeStateAsUpdate(client.doc).length;
      if (got < stateBytes * 0.9) throw new Error(`room load: ${what} client got ${got} bytes of state, expected about ${stateBytes}`);
      return ms;
    } finally {
      client.destroy();
    }
  };
  const coldMs = await timeSync('cold');
  await settle(50);
  const warmMs = await timeSync('warm');
  return { coldMs, warmMs };
}
