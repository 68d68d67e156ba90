// Scenario 4, room load: rooms each holding the same ~10,000-word article, then one new stock client
// per room. "Cold" is the first client of a room the server has not loaded since it was stored
// (Tandem reads it from SQLite and applies it); "loaded" is a second client right after. The
// reference keeps every room in memory (it has no persistence), so both its numbers are warm ones.
// Each client gives two times from its creation: until the server's sync step 2 arrived (the
// server's part) and until the provider reported `sync` (after applying the article, client work).
import * as Y from 'yjs';
import { connectClient, readState, seedRoom, type ClientContext } from '../clients.js';
import type { RoomRef } from '../servers.js';
import { settle, withTimeout } from '../wait.js';

export interface PreparedRooms {
  ctx: ClientContext;
  rooms: RoomRef[];
  /** Size of the article's Yjs state, which a synced client must hold (about). */
  stateBytes: number;
}

export interface SyncTimes {
  /** Until the server's sync step 2 arrived. */
  answerMs: number;
  /** Until the provider synced (it applied the state). */
  syncedMs: number;
}

export interface RoomLoadSample {
  cold: SyncTimes;
  loaded: SyncTimes;
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
 * template that a client reads to learn the article's Yjs state (for the reference's rooms).
 */
export async function prepareTandemRooms(ctx: ClientContext, count: number, text: string): Promise<PreparedRooms & { state: Uint8Array }> {
  const state = await readState(ctx, await ctx.server.createRoom(text));
  const rooms: RoomRef[] = [];
  for (let i = 0; i < count; i++) rooms.push(await ctx.server.createRoom(text));
  return { ctx, rooms, stateBytes: state.length, state };
}

/** Reference: `count` rooms holding `state`, written by a raw socket. */
export async function prepareReferenceRooms(ctx: ClientContext, count: number, state: Uint8Array): Promise<PreparedRooms> {
  const rooms: RoomRef[] = [];
  for (let i = 0; i < count; i++) {
    const ref = await ctx.server.createRoom();
    await seedRoom(ctx, ref, state);
    rooms.push(ref);
  }
  return { ctx, rooms, stateBytes: state.length };
}

/** One new stock client's sync on the room: until the server answered, and until it synced. */
export async function timeSync(ctx: ClientContext, ref: RoomRef, stateBytes: number, what: string): Promise<SyncTimes> {
  const failed = ctx.problems.watch();
  const started = performance.now();
  const client = connectClient(ctx, ref);
  try {
    await withTimeout(Promise.race([client.synced, failed]), 30_000, `${ctx.scenario}: ${what} sync`);
    const syncedMs = performance.now() - started;
    const answeredAt = client.answeredAt();
    if (answeredAt === null) throw new Error(`${ctx.scenario}: ${what} client synced without a sync step 2`);
    const got = Y.encodeStateAsUpdate(client.doc).length;
    if (got < stateBytes * 0.9) throw new Error(`${ctx.scenario}: ${what} client got ${got} bytes of state, expected about ${stateBytes}`);
    return { answerMs: answeredAt - started, syncedMs };
  } finally {
    client.destroy();
  }
}

/** One client's first sync on the room, then a second client's (the room now loaded). */
export async function measureRoom({ ctx, stateBytes }: PreparedRooms, ref: RoomRef): Promise<RoomLoadSample> {
  const cold = await timeSync(ctx, ref, stateBytes, 'cold');
  await settle(50);
  const loaded = await timeSync(ctx, ref, stateBytes, 'loaded');
  return { cold, loaded };
}
