// The protocol fuzzer's messages: valid y-websocket and Tandem messages, the same mutated, and
// random bytes, each with what the server must do with it on a connection of a given role and room
// (docs/PROTOCOL.md): accept it, or close with one of the codes named. Everything comes from one
// seeded generator, so a failing run can be repeated from its seed.
import * as Y from 'yjs';
import * as prng from 'lib0/prng';
import * as encoding from 'lib0/encoding';
import { CloseCode, mayWrite, type Role, type RoomKind } from '../../shared/schema.js';
import { MessageType, SyncType, writeMessage } from '../../shared/wire.js';

export type Expectation = { kind: 'accept' } | { kind: 'refuse'; codes: readonly number[] } | { kind: 'any' };

export interface FuzzMessage {
  /** What was made, for the failure report: `valid:update`, `mutated:flip`, … */
  name: string;
  bytes: Uint8Array | string;
  expect: Expectation;
}

export interface FuzzLimits {
  maxMessageBytes: number;
  maxAwarenessBytes: number;
  /** The transport's own cap (ws maxPayload), above which ws closes with 1009. */
  maxPayload: number;
}

const accept: Expectation = { kind: 'accept' };
const any: Expectation = { kind: 'any' };
const refuse = (...codes: number[]): Expectation => ({ kind: 'refuse', codes });
const malformed = refuse(CloseCode.badMessage);

/** An awareness update of hand-made entries, so its states can be anything, JSON or not. */
function awarenessUpdate(entries: Array<{ clientId: number; clock: number; state: string }>, count = entries.length): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, count);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}

const HOSTILE_TEXT = ['<script>alert(1)</script>', '"]]>&amp;', '\u0000\uffff', '\ud800', 'শিরোনাম', '🙂‍↔️', '\u202e'];

const usedClientIds = new Set<number>();

/**
 * One fuzz connection's source of messages. Valid writes come from a document of its own, so they
 * never depend on anything the server lacks; mutations are made from throwaway documents, so a
 * mutated update never breaks the chain of valid ones.
 */
export class MessageMaker {
  private readonly doc = new Y.Doc();
  private readonly sentUpdates: Uint8Array[] = [];
  private clock = 0;
  private readonly writes: boolean;

  constructor(
    private readonly gen: prng.PRNG,
    readonly role: Role,
    readonly room: RoomKind,
    private readonly limits: FuzzLimits,
    /** Awareness ids of other clients in the room, whose presence this one may not set. */
    private readonly othersIds: () => number[],
  ) {
    this.doc.clientID = this.clientId();
    this.writes = mayWrite(role, room);
  }

  /** A client id no other document of this run has had: an update of a reused one could be one the
   *  server already holds, which changes nothing and is no write (tens of thousands of sockets in a
   *  long run drew the same 32-bit id twice). */
  private clientId(): number {
    let id: number;
    do id = prng.uint32(this.gen, 1, 2 ** 32 - 1);
    while (usedClientIds.has(id));
    usedClientIds.add(id);
    return id;
  }

  private text(): string {
    return prng.bool(this.gen) ? prng.word(this.gen, 1, 12) : prng.oneOf(this.gen, HOSTILE_TEXT) + prng.utf16String(this.gen, 8);
  }

  /** A change to one of a few top-level types, as a stock client would make it. */
  private change(doc: Y.Doc): void {
    const name = `fuzz${prng.uint32(this.gen, 0, 3)}`;
    switch (prng.uint32(this.gen, 0, 3)) {
      case 0: {
        const text = doc.getText(name);
        if (text.length > 0 && prng.bool(this.gen)) {
          const at = prng.uint32(this.gen, 0, text.length - 1);
          text.delete(at, prng.uint32(this.gen, 1, text.length - at));
        } else text.insert(prng.uint32(this.gen, 0, text.length), this.text(), prng.bool(this.gen) ? { bold: true } : undefined);
        return;
      }
      case 1:
        doc.getMap(`${name}m`).set(this.text(), prng.oneOf(this.gen, [this.text(), 42, null, true, { nested: [1, 'two'] }]));
        return;
      case 2:
        doc.getArray(`${name}a`).push([prng.uint8Array(this.gen, prng.uint32(this.gen, 0, 32)), new Y.Map()]);
        return;
      default: {
        const element = new Y.XmlElement('p');
        element.setAttribute('class', this.text());
        doc.getXmlFragment(`${name}x`).insert(0, [element]);
      }
    }
  }

  /** The next change of this connection's own document, as an update. */
  private nextUpdate(): Uint8Array {
    const before = Y.encodeStateVector(this.doc);
    this.change(this.doc);
    const update = Y.encodeStateAsUpdate(this.doc, before);
    this.sentUpdates.push(update);
    return update;
  }

  /** A self-contained update from a throwaway document: the raw material of mutations. */
  private looseUpdate(): Uint8Array {
    const doc = new Y.Doc();
    doc.clientID = this.clientId();
    for (let i = prng.uint32(this.gen, 1, 3); i > 0; i--) this.change(doc);
    return Y.encodeStateAsUpdate(doc);
  }

  /** An update the server has never seen: accepted from a writer, closed with 4403 from anyone else. */
  private get write(): Expectation {
    return this.writes ? accept : refuse(CloseCode.forbidden);
  }

  /** An update the server cannot apply whole: from anyone else it is a write attempt first. */
  private get unappliable(): Expectation {
    return this.writes ? malformed : refuse(CloseCode.forbidden);
  }

  private presence(clientId: number, state: unknown): Uint8Array {
    return writeMessage(MessageType.awareness, null, awarenessUpdate([{ clientId, clock: ++this.clock, state: JSON.stringify(state) }]));
  }

  private readonly valid: Array<[weight: number, make: () => FuzzMessage]> = [
    [3, () => ({ name: 'valid:sync-step1', bytes: writeMessage(MessageType.sync, SyncType.step1, Y.encodeStateVector(this.doc)), expect: accept })],
    [1, () => ({ name: 'valid:sync-step1-empty', bytes: writeMessage(MessageType.sync, SyncType.step1, Y.encodeStateVector(new Y.Doc())), expect: accept })],
    [6, () => ({ name: 'valid:update', bytes: writeMessage(MessageType.sync, SyncType.update, this.nextUpdate()), expect: this.write })],
    [2, () => ({ name: 'valid:sync-step2', bytes: writeMessage(MessageType.sync, SyncType.step2, this.nextUpdate()), expect: this.write })],
    [2, () => ({ name: 'valid:empty-update', bytes: writeMessage(MessageType.sync, SyncType.update, Y.encodeStateAsUpdate(new Y.Doc())), expect: accept })],
    [
      1,
      () => {
        // What the server already holds is no write, whoever sends it again (SPEC 2.2).
        const known = this.sentUpdates.length > 0 && this.writes ? prng.oneOf(this.gen, this.sentUpdates) : Y.encodeStateAsUpdate(new Y.Doc());
        return { name: 'valid:known-update', bytes: writeMessage(MessageType.sync, SyncType.update, known), expect: accept };
      },
    ],
    [4, () => ({ name: 'valid:awareness', bytes: this.presence(this.doc.clientID, { cursor: this.text(), user: { color: '#123456' } }), expect: accept })],
    [1, () => ({ name: 'valid:awareness-removal', bytes: this.presence(this.doc.clientID, null), expect: accept })],
    [1, () => ({ name: 'valid:awareness-not-an-object', bytes: this.presence(this.doc.clientID, prng.oneOf(this.gen, [1, 'x', [1, 2], true])), expect: accept })],
    [
      1,
      () => {
        // Another client's presence is filtered out (SPEC 2.5), not refused.
        const others = this.othersIds();
        const id = others.length > 0 ? prng.oneOf(this.gen, others) : this.clientId();
        return { name: 'valid:awareness-of-another', bytes: this.presence(id, { forged: true }), expect: accept };
      },
    ],
    [1, () => ({ name: 'valid:query-awareness', bytes: Uint8Array.of(MessageType.queryAwareness), expect: accept })],
    [1, () => ({ name: 'valid:auth', bytes: Uint8Array.of(MessageType.auth), expect: accept })],
    [1, () => ({ name: 'valid:heartbeat', bytes: Uint8Array.of(MessageType.heartbeat), expect: accept })],
  ];

  private readonly invalid: Array<[weight: number, make: () => FuzzMessage]> = [
    [2, () => this.mutated('flip', (bytes) => this.flip(bytes), any)],
    [
      2,
      () => {
        // Any cut of a message ending in a length-prefixed payload leaves fewer bytes than declared.
        const whole = writeMessage(MessageType.sync, prng.uint32(this.gen, 0, 2), this.looseUpdate());
        return { name: 'mutated:truncated', bytes: whole.slice(0, prng.uint32(this.gen, 0, whole.length - 1)), expect: malformed };
      },
    ],
    [
      2,
      () => {
        // The payload cut short but its length prefix consistent: the update itself is truncated.
        // lib0 reads a missing byte as 0 at places, so some cuts still decode into another update.
        const update = this.looseUpdate();
        const cut = update.slice(0, prng.uint32(this.gen, 0, update.length - 1));
        return { name: 'mutated:truncated-update', bytes: writeMessage(MessageType.sync, SyncType.update, cut), expect: any };
      },
    ],
    [
      1,
      () => {
        // A declared length a little past the end, as lib0 once read from the underlying buffer.
        const payload = this.looseUpdate();
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MessageType.sync);
        encoding.writeVarUint(encoder, SyncType.update);
        encoding.writeVarUint(encoder, payload.length + prng.uint32(this.gen, 1, 64));
        encoding.writeUint8Array(encoder, payload);
        return { name: 'mutated:length-past-end', bytes: encoding.toUint8Array(encoder), expect: malformed };
      },
    ],
    [
      1,
      () => {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, prng.oneOf(this.gen, [MessageType.sync, MessageType.awareness]));
        if (prng.bool(this.gen)) encoding.writeVarUint(encoder, SyncType.update);
        encoding.writeVarUint(encoder, prng.oneOf(this.gen, [2 ** 31, 2 ** 32 + 7, Number.MAX_SAFE_INTEGER]));
        encoding.writeUint8Array(encoder, prng.uint8Array(this.gen, prng.uint32(this.gen, 0, 16)));
        return { name: 'mutated:huge-length', bytes: encoding.toUint8Array(encoder), expect: malformed };
      },
    ],
    [
      1,
      () => {
        // A varint that never ends, or one longer than 53 bits.
        const never = new Uint8Array(prng.uint32(this.gen, 1, 12)).fill(0x80);
        const tooLong = Uint8Array.of(...new Array(10).fill(0xff), 0x01);
        const prefix = prng.oneOf(this.gen, [[], [MessageType.sync], [MessageType.sync, SyncType.update], [MessageType.awareness]]);
        return { name: 'mutated:bad-varint', bytes: Uint8Array.of(...prefix, ...prng.oneOf(this.gen, [never, tooLong])), expect: malformed };
      },
    ],
    [
      1,
      () => {
        const type = prng.oneOf(this.gen, [4, 5, 99, MessageType.stored, 102, 127, 128, 300, 2 ** 20]);
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, type);
        encoding.writeUint8Array(encoder, prng.uint8Array(this.gen, prng.uint32(this.gen, 0, 8)));
        return { name: `mutated:unknown-type-${type}`, bytes: encoding.toUint8Array(encoder), expect: malformed };
      },
    ],
    [1, () => ({ name: 'mutated:unknown-sync-type', bytes: writeMessage(MessageType.sync, prng.uint32(this.gen, 3, 200), this.looseUpdate()), expect: malformed })],
    [
      1,
      () => {
        // Structs whose left neighbour and earlier clocks the server never saw (SPEC 3.9).
        const doc = new Y.Doc();
        doc.clientID = this.clientId();
        doc.getText('gap').insert(0, 'first');
        const before = Y.encodeStateVector(doc);
        doc.getText('gap').insert(5, 'second');
        const later = Y.encodeStateAsUpdate(doc, before);
        return { name: 'inconsistent:missing-structs', bytes: writeMessage(MessageType.sync, SyncType.update, later), expect: this.unappliable };
      },
    ],
    [
      1,
      () => {
        // A deletion of items the server never saw.
        const author = new Y.Doc();
        author.clientID = this.clientId();
        author.getText('gone').insert(0, 'never sent');
        const deleter = new Y.Doc();
        deleter.clientID = this.clientId();
        Y.applyUpdate(deleter, Y.encodeStateAsUpdate(author));
        deleter.getText('gone').delete(0, 5);
        const onlyTheDeletion = Y.encodeStateAsUpdate(deleter, Y.encodeStateVector(author));
        return { name: 'inconsistent:unknown-deletion', bytes: writeMessage(MessageType.sync, SyncType.update, onlyTheDeletion), expect: this.unappliable };
      },
    ],
    [1, () => ({ name: 'mutated:v2-update', bytes: writeMessage(MessageType.sync, SyncType.update, Y.encodeStateAsUpdateV2(this.looseDoc())), expect: any })],
    [
      2,
      () => {
        const state = prng.oneOf(this.gen, ['{"cursor":', 'undefined', "{'a':1}", '\u0000', '{"a":1}}', '']);
        const bytes = writeMessage(MessageType.awareness, null, awarenessUpdate([{ clientId: this.doc.clientID, clock: ++this.clock, state }]));
        return { name: 'garbage:awareness-json', bytes, expect: malformed };
      },
    ],
    [
      1,
      () => {
        const entries = [{ clientId: this.doc.clientID, clock: ++this.clock, state: '{}' }];
        return { name: 'garbage:awareness-count', bytes: writeMessage(MessageType.awareness, null, awarenessUpdate(entries, prng.uint32(this.gen, 2, 1000))), expect: malformed };
      },
    ],
    [
      1,
      () => {
        const depth = prng.uint32(this.gen, 100, 2500);
        const state = '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
        return { name: 'garbage:awareness-deep', bytes: writeMessage(MessageType.awareness, null, awarenessUpdate([{ clientId: this.doc.clientID, clock: ++this.clock, state }])), expect: any };
      },
    ],
    [
      1,
      () => {
        const state = JSON.stringify({ blob: 'x'.repeat(this.limits.maxAwarenessBytes) });
        const bytes = writeMessage(MessageType.awareness, null, awarenessUpdate([{ clientId: this.doc.clientID, clock: ++this.clock, state }]));
        return { name: 'oversized:awareness', bytes, expect: refuse(CloseCode.tooLarge) };
      },
    ],
    [
      0.3,
      () => {
        const size = this.limits.maxMessageBytes + prng.uint32(this.gen, 1, 1024);
        return { name: 'oversized:message', bytes: writeMessage(MessageType.sync, SyncType.update, new Uint8Array(size)), expect: refuse(CloseCode.tooLarge) };
      },
    ],
    [
      0.2,
      () => ({ name: 'oversized:frame', bytes: new Uint8Array(this.limits.maxPayload + prng.uint32(this.gen, 1, 1024)), expect: refuse(CloseCode.tooBigForTransport) }),
    ],
    [1, () => ({ name: 'garbage:text-frame', bytes: this.text() || 'x', expect: malformed })],
    [0.5, () => ({ name: 'garbage:empty-frame', bytes: new Uint8Array(0), expect: malformed })],
    [2, () => ({ name: 'garbage:random', bytes: prng.uint8Array(this.gen, prng.uint32(this.gen, 1, 96)), expect: any })],
    [
      2,
      () => {
        // Random bytes behind a known type and sync type, so decoding goes deep.
        const prefix = prng.oneOf(this.gen, [[0, 0], [0, 1], [0, 2], [1]]);
        return { name: 'garbage:random-payload', bytes: Uint8Array.of(...prefix, ...prng.uint8Array(this.gen, prng.uint32(this.gen, 0, 96))), expect: any };
      },
    ],
  ];

  private looseDoc(): Y.Doc {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, this.looseUpdate());
    return doc;
  }

  private flip(bytes: Uint8Array): Uint8Array {
    const copy = bytes.slice();
    for (let i = prng.uint32(this.gen, 1, 3); i > 0; i--) copy[prng.uint32(this.gen, 0, copy.length - 1)] ^= 1 << prng.uint32(this.gen, 0, 7);
    return copy;
  }

  private mutated(how: string, mutate: (bytes: Uint8Array) => Uint8Array, expect: Expectation): FuzzMessage {
    const base = prng.oneOf(this.gen, [
      () => writeMessage(MessageType.sync, SyncType.update, this.looseUpdate()),
      () => writeMessage(MessageType.sync, SyncType.step1, Y.encodeStateVector(this.looseDoc())),
      () => writeMessage(MessageType.awareness, null, awarenessUpdate([{ clientId: this.clientId(), clock: 1, state: '{"a":"b"}' }])),
    ])();
    return { name: `mutated:${how}`, bytes: mutate(base), expect };
  }

  private pick(table: Array<[number, () => FuzzMessage]>): FuzzMessage {
    const total = table.reduce((sum, [weight]) => sum + weight, 0);
    let at = prng.real53(this.gen) * total;
    for (const [weight, make] of table) {
      if ((at -= weight) < 0) return make();
    }
    return table[table.length - 1][1]();
  }

  /** A valid message for this connection (which may still be a forbidden write). */
  nextValid(): FuzzMessage {
    return this.pick(this.valid);
  }

  /** This connection's own presence, changed. */
  nextPresence(): FuzzMessage {
    return { name: 'valid:awareness', bytes: this.presence(this.doc.clientID, { cursor: this.text() }), expect: accept };
  }

  /** A mutated, inconsistent, oversized or random message. */
  nextInvalid(): FuzzMessage {
    return this.pick(this.invalid);
  }
}

/**
 * What a connection must have come to after a batch, sent in order without waiting: open, when
 * every message could be accepted, or closed with the codes the first refusable messages allow.
 */
export function expectedOutcome(batch: readonly FuzzMessage[], anyCodes: readonly number[]): { mayStayOpen: boolean; codes: Set<number> } {
  const codes = new Set<number>();
  for (const message of batch) {
    if (message.expect.kind === 'any') for (const code of anyCodes) codes.add(code);
    if (message.expect.kind === 'refuse') {
      for (const code of message.expect.codes) codes.add(code);
      return { mayStayOpen: false, codes };
    }
  }
  return { mayStayOpen: true, codes };
}
