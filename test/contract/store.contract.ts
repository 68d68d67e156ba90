// The suite every Store implementation passes: SQLite (test/unit/storage/sqlite.test.ts) and PostgreSQL (postgres.test.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommit } from '../../server/storage/group-commit.js';
import type { DocumentRecord, Store } from '../../server/storage/store.js';
import type { StoredVersion } from '../../server/storage/versions.js';
import { CountingStore } from './counting-store.js';
import { appendText, mergedState, replayText, textDoc } from './yjs-helpers.js';

export interface StoreHarness {
  store: Store;
  /** Closes the current store and opens the same data again. */
  reopen: () => Promise<Store>;
  /** Closes whatever is open and removes the data. */
  cleanup: () => Promise<void>;
}

function docRecord(id: string, overrides: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    id,
    title: `Title ${id}`,
    sourceLang: 'en',
    targetLang: 'bn',
    createdAt: 1000,
    updatedAt: 1000,
    segmentCount: 3,
    tokenGeneration: 0,
    ...overrides,
  };
}

const review = (id: string) => `${id}/review`;

export function storeContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`${name}: Store contract`, () => {
    let harness: StoreHarness;
    let store: Store;

    beforeEach(async () => {
      harness = await open();
      store = harness.store;
    });
    afterEach(async () => {
      await harness.cleanup();
    });

    async function reopen(): Promise<void> {
      store = await harness.reopen();
    }

    /** Creates a document whose rooms hold `content` and `notes`; returns their Y.Docs. */
    async function create(id: string, content = 'Hello', notes = 'review') {
      const c = textDoc(content);
      const r = textDoc(notes);
      await store.createDocument(docRecord(id), { [id]: c.state, [review(id)]: r.state });
      return { content: c.doc, review: r.doc };
    }

    it('Store contract: creates, gets, lists, updates and deletes documents', async () => {
      await create('doca01');
      await store.createDocument(docRecord('docb02', { createdAt: 2000, title: 'Second' }), {});
      expect(await store.getDocument('doca01')).toEqual(docRecord('doca01'));
      expect(await store.getDocument('missing1')).toBeNull();
      const ids = (await store.listDocuments()).map((d) => d.id).sort();
      expect(ids).toEqual(['doca01', 'docb02']);

      await store.updateDocument('doca01', { title: 'Renamed', segmentCount: 9, tokenGeneration: 2 });
      expect(await store.getDocument('doca01')).toEqual(
        docRecord('doca01', { title: 'Renamed', segmentCount: 9, tokenGeneration: 2 }),
      );

      await store.deleteDocument('doca01');
      expect(await store.getDocument('doca01')).toBeNull();
      expect((await store.listDocuments()).map((d) => d.id)).toEqual(['docb02']);
    });

    it('Store contract: creating a document with an existing id fails', async () => {
      await create('doca01');
      await expect(store.createDocument(docRecord('doca01'), {})).rejects.toThrow();
    });

    it('Store contract: a room never written loads empty', async () => {
      expect(await store.loadRoom('nothing1')).toEqual({
        snapshot: null,
        snapshotSeq: 0,
        updates: [],
        seq: 0,
        bytes: 0,
      });
    });

    it('Store contract: loadRoom returns the first state from createDocument, then appended updates in order', async () => {
      const docs = await create('doca01', 'Hello');
      const u1 = appendText(docs.content, ', world');
      const u2 = appendText(docs.content, '!');
      await store.append([{ docId: 'doca01', room: 'doca01', update: u1 }]);
      const [seq] = await store.append([{ docId: 'doca01', room: 'doca01', update: u2 }]);

      const log = await store.loadRoom('doca01');
      expect(replayText(log)).toBe('Hello, world!');
      expect(log.updates.slice(-2)).toEqual([u1, u2]);
      expect(log.seq).toBe(seq);
      const stored = (log.snapshot?.byteLength ?? 0) + log.updates.reduce((n, u) => n + u.byteLength, 0);
      expect(log.bytes).toBe(stored);
      expect(replayText(await store.loadRoom(review('doca01')))).toBe('review');
    });

    it('Store contract: one append call stores updates of two rooms with increasing seqs per room', async () => {
      const docs = await create('doca01', 'A', 'R');
      const entries = [
        { docId: 'doca01', room: 'doca01', update: appendText(docs.content, '1') },
        { docId: 'doca01', room: review('doca01'), update: appendText(docs.review, '1') },
        { docId: 'doca01', room: 'doca01', update: appendText(docs.content, '2') },
        { docId: 'doca01', room: review('doca01'), update: appendText(docs.review, '2') },
      ];
      const seqs = await store.append(entries);
      expect(seqs).toHaveLength(4);
      expect(seqs[2]).toBeGreaterThan(seqs[0]);
      expect(seqs[3]).toBeGreaterThan(seqs[1]);

      const content = await store.loadRoom('doca01');
      const notes = await store.loadRoom(review('doca01'));
      expect([replayText(content), replayText(notes)]).toEqual(['A12', 'R12']);
      expect([content.seq, notes.seq]).toEqual([seqs[2], seqs[3]]);
    });

    it('Store contract: append moves the document updatedAt forward', async () => {
      const docs = await create('doca01');
      const before = Date.now();
      await store.append([{ docId: 'doca01', room: 'doca01', update: appendText(docs.content, '!') }]);
      expect((await store.getDocument('doca01'))!.updatedAt).toBeGreaterThanOrEqual(before);
    });

    it('Store contract: appended updates survive reopening the store', async () => {
      const docs = await create('doca01', 'Hello');
      await store.append([{ docId: 'doca01', room: 'doca01', update: appendText(docs.content, ' again') }]);
      await reopen();
      expect(replayText(await store.loadRoom('doca01'))).toBe('Hello again');
      expect(await store.getDocument('doca01')).not.toBeNull();
    });

    it('SPEC 4.4 compaction keeps updates stored after the snapshot', async () => {
      const docs = await create('doca01', 'Hello');
      const first = (await store.loadRoom('doca01')).updates;
      const u1 = appendText(docs.content, ' one');
      const u2 = appendText(docs.content, ' two');
      const u3 = appendText(docs.content, ' three');
      const [, s2, s3] = await store.append(
        [u1, u2, u3].map((update) => ({ docId: 'doca01', room: 'doca01', update })),
      );

      await store.compact('doca01', s2, mergedState([...first, u1, u2]));
      const log = await store.loadRoom('doca01');
      expect(log.snapshot).not.toBeNull();
      expect(log.snapshotSeq).toBe(s2);
      expect(log.updates).toEqual([u3]);
      expect(log.seq).toBe(s3);
      expect(replayText(log)).toBe('Hello one two three');

      await reopen();
      const reloaded = await store.loadRoom('doca01');
      expect(replayText(reloaded)).toBe('Hello one two three');
      expect([reloaded.snapshotSeq, reloaded.seq]).toEqual([s2, s3]);
    });

    it('SPEC 17.10 loadRoomSince reads the updates after a seq, with the snapshot first once compaction merged some of them', async () => {
      const docs = await create('doca01', 'Hello');
      const first = (await store.loadRoom('doca01')).updates;
      const [u1, u2, u3] = [' one', ' two', ' three'].map((text) => appendText(docs.content, text));
      const [s1, s2, s3] = await store.append([u1, u2, u3].map((update) => ({ docId: 'doca01', room: 'doca01', update })));

      const since = await store.loadRoomSince('doca01', s1);
      expect([since.snapshot, since.updates, since.seq]).toEqual([null, [u2, u3], s3]);
      expect(await store.loadRoomSince('doca01', s3)).toMatchObject({ snapshot: null, updates: [], seq: s3 });

      await store.compact('doca01', s2, mergedState([...first, u1, u2]));
      const merged = await store.loadRoomSince('doca01', s1);
      expect(merged.snapshot).not.toBeNull();
      expect([merged.snapshotSeq, merged.updates, merged.seq]).toEqual([s2, [u3], s3]);
      expect(replayText(merged)).toBe('Hello one two three');
      expect(await store.loadRoomSince('doca01', s2)).toMatchObject({ snapshot: null, updates: [u3], seq: s3 });
    });

    it('Store contract: append after compact continues the seq numbers, also after reopening', async () => {
      const docs = await create('doca01', 'x');
      const [s1] = await store.append([{ docId: 'doca01', room: 'doca01', update: appendText(docs.content, 'y') }]);
      const log = await store.loadRoom('doca01');
      await store.compact('doca01', s1, mergedState(log.updates));

      const z = appendText(docs.content, 'z');
      const [s2] = await store.append([{ docId: 'doca01', room: 'doca01', update: z }]);
      expect(s2).toBeGreaterThan(s1);
      await store.compact('doca01', s2, mergedState([...log.updates, z]));

      await reopen();
      const [s3] = await store.append([{ docId: 'doca01', room: 'doca01', update: appendText(docs.content, 'w') }]);
      expect(s3).toBeGreaterThan(s2);
      expect(replayText(await store.loadRoom('doca01'))).toBe('xyzw');
    });

    it('Store contract: a failed append assigns no seqs, so the next append reuses them', async () => {
      await expect(
        store.append([
          { docId: 'doca01', room: 'doca01', update: new Uint8Array([1]) },
          { docId: 'doca01', room: 'doca01', update: null as unknown as Uint8Array },
        ]),
      ).rejects.toThrow();
      expect(await store.loadRoom('doca01')).toMatchObject({ seq: 0, updates: [] });
      expect(await store.append([{ docId: 'doca01', room: 'doca01', update: new Uint8Array([2]) }])).toEqual([1]);
    });

    it('Store contract: compact refuses a seq past the stored log and ignores an older snapshot', async () => {
      await store.append([1, 2, 3].map((n) => ({ docId: 'doca01', room: 'doca01', update: new Uint8Array([n]) })));
      await expect(store.compact('doca01', 4, new Uint8Array([9]))).rejects.toThrow();
      await store.compact('doca01', 2, new Uint8Array([12]));
      await store.compact('doca01', 1, new Uint8Array([11]));
      expect(await store.loadRoom('doca01')).toEqual({
        snapshot: new Uint8Array([12]),
        snapshotSeq: 2,
        updates: [new Uint8Array([3])],
        seq: 3,
        bytes: 2,
      });
    });

    it('SPEC 17.13 snapshotSeq tells up to which seq the stored snapshot covers the log, 0 before any compaction', async () => {
      await store.append([1, 2, 3].map((n) => ({ docId: 'doca01', room: 'doca01', update: new Uint8Array([n]) })));
      expect(await store.snapshotSeq('doca01')).toBe(0);
      await store.compact('doca01', 2, new Uint8Array([12]));
      expect(await store.snapshotSeq('doca01')).toBe(2);
      expect(await store.snapshotSeq('docb02')).toBe(0);
    });

    it('Store contract: deleteDocument removes both rooms, snapshots included', async () => {
      const docs = await create('doca01');
      await create('docb02', 'other');
      const [seq] = await store.append([{ docId: 'doca01', room: 'doca01', update: appendText(docs.content, '!') }]);
      await store.compact('doca01', seq, mergedState((await store.loadRoom('doca01')).updates));

      await store.deleteDocument('doca01');
      for (const room of ['doca01', review('doca01')]) {
        expect(await store.loadRoom(room)).toMatchObject({ snapshot: null, updates: [], seq: 0, bytes: 0 });
      }
      expect(replayText(await store.loadRoom('docb02'))).toBe('other');
    });

    it('Store contract: putSetting replaces a setting, getSetting reads it across reopening', async () => {
      expect(await store.getSetting('glossary')).toBeNull();
      await store.putSetting('glossary', 'one');
      await store.putSetting('glossary', 'two');
      expect(await store.getSetting('glossary')).toBe('two');
      await reopen();
      expect(await store.getSetting('glossary')).toBe('two');
    });

    it('Store contract: getOrSetSetting returns the first value forever, across reopening', async () => {
      let made = 0;
      const make = () => `key-${++made}`;
      expect(await store.getOrSetSetting('signingKey', make)).toBe('key-1');
      expect(await store.getOrSetSetting('signingKey', make)).toBe('key-1');
      expect(made).toBe(1);
      await reopen();
      expect(await store.getOrSetSetting('signingKey', make)).toBe('key-1');
      expect(await store.getOrSetSetting('other', () => 'v')).toBe('v');
    });

    /** A version of the document's rooms as they are stored now. */
    async function version(docId: string, id: string, createdAt: number, overrides: Partial<StoredVersion> = {}): Promise<StoredVersion> {
      const state = async (room: string) => mergedState(await roomUpdates(room));
      return {
        id,
        docId,
        name: `Version ${id}`,
        auto: false,
        author: 'Asha',
        createdAt,
        content: await state(docId),
        review: await state(review(docId)),
        ...overrides,
      };
    }

    async function roomUpdates(room: string): Promise<Uint8Array[]> {
      const log = await store.loadRoom(room);
      return log.snapshot ? [log.snapshot, ...log.updates] : log.updates;
    }

    it('SPEC 16.1 versions are saved whole, listed newest first without their state, survive reopening and are deleted one by one', async () => {
      const docs = await create('doca01', 'Hello');
      await create('docb02', 'other');
      const draft = await version('doca01', 'v1', 1000, { name: 'Draft', author: null });
      await store.saveVersion(draft);
      await store.append([{ docId: 'doca01', room: 'doca01', update: appendText(docs.content, ' world') }]);
      const later = await version('doca01', 'v2', 2000, { auto: true, author: null, name: 'Automatic' });
      await store.saveVersion(later);
      // Saved in the same millisecond: the later one is still listed first.
      await store.saveVersion(await version('doca01', 'v3', 2000));
      await store.saveVersion(await version('docb02', 'v1', 3000));

      const strip = ({ content: _c, review: _r, ...record }: StoredVersion) => record;
      expect(await store.listVersions('doca01')).toEqual([
        strip(await version('doca01', 'v3', 2000)),
        strip(later),
        strip(draft),
      ]);
      await reopen();
      const loaded = await store.loadVersion('doca01', 'v1');
      expect(loaded).toEqual(draft);
      expect(replayText({ snapshot: loaded!.content, snapshotSeq: 0, updates: [], seq: 0, bytes: 0 })).toBe('Hello');
      expect(replayText({ snapshot: (await store.loadVersion('doca01', 'v2'))!.content, snapshotSeq: 0, updates: [], seq: 0, bytes: 0 })).toBe('Hello world');
      expect(await store.loadVersion('doca01', 'missing')).toBeNull();
      expect(await store.loadVersion('docb02', 'v2')).toBeNull();

      await store.deleteVersions('doca01', ['v1', 'v3']);
      expect((await store.listVersions('doca01')).map((v) => v.id)).toEqual(['v2']);
      expect((await store.listVersions('docb02')).map((v) => v.id)).toEqual(['v1']);
    });

    it('SPEC 17.20 saveVersionUnlessNewer stores a version only when none of its name and kind was made at `since` or later', async () => {
      await create('doca01', 'Hello');
      const auto = (id: string, createdAt: number, overrides: Partial<StoredVersion> = {}) =>
        version('doca01', id, createdAt, { name: 'Automatic', auto: true, author: null, ...overrides });
      expect(await store.saveVersionUnlessNewer(await auto('a1', 1000), 900)).toBe(true);
      // Another one made since 1000: this one is not stored.
      expect(await store.saveVersionUnlessNewer(await auto('a2', 1010), 1000)).toBe(false);
      // Versions of another name or kind do not count.
      await store.saveVersion(await version('doca01', 'n1', 3000, { name: 'Automatic' }));
      await store.saveVersion(await auto('r1', 3000, { name: 'Reviewed' }));
      expect(await store.saveVersionUnlessNewer(await auto('a3', 3010), 1001)).toBe(true);
      expect((await store.listVersions('doca01')).map((v) => v.id).sort()).toEqual(['a1', 'a3', 'n1', 'r1']);
    });

    it('SPEC 16.1 compaction leaves versions untouched; deleting the document deletes them', async () => {
      const docs = await create('doca01', 'Hello');
      await create('docb02', 'other');
      const saved = await version('doca01', 'v1', 1000);
      await store.saveVersion(saved);
      await store.saveVersion(await version('docb02', 'v1', 1000));
      const [seq] = await store.append([{ docId: 'doca01', room: 'doca01', update: appendText(docs.content, '!') }]);
      await store.compact('doca01', seq, mergedState(await roomUpdates('doca01')));
      expect(await store.loadVersion('doca01', 'v1')).toEqual(saved);

      await store.deleteDocument('doca01');
      expect(await store.listVersions('doca01')).toEqual([]);
      expect(await store.loadVersion('doca01', 'v1')).toBeNull();
      expect(await store.listVersions('docb02')).toHaveLength(1);
    });

    it('SPEC 4.1 appends of one event-loop turn are committed in one transaction, resolving in order', async () => {
      const docs = await create('doca01', '', '');
      const counting = new CountingStore(store);
      const group = new GroupCommit(counting);
      const resolved: number[] = [];
      const appends = Array.from({ length: 20 }, (_, i) => {
        const content = i % 2 === 0;
        const update = appendText(content ? docs.content : docs.review, String.fromCharCode(97 + i));
        const room = content ? 'doca01' : review('doca01');
        return group.append({ docId: 'doca01', room, update }).then((seq) => {
          resolved.push(i);
          return seq;
        });
      });
      const seqs = await Promise.all(appends);

      expect(counting.appendCalls).toHaveLength(1);
      expect(resolved).toEqual([...resolved].sort((a, b) => a - b));
      for (let i = 2; i < seqs.length; i++) expect(seqs[i]).toBeGreaterThan(seqs[i - 2]);
      expect(replayText(await store.loadRoom('doca01'))).toBe('acegikmoqs');
      expect(group.stats).toMatchObject({ groups: 1, entries: 20 });
    });

    it('SPEC 4.1 appends arriving during a commit form the next group, never a concurrent one', async () => {
      const docs = await create('doca01', '');
      const counting = new CountingStore(store);
      const group = new GroupCommit(counting);
      let open!: () => void;
      counting.gate = new Promise((resolve) => (open = resolve));

      const entry = (text: string) => ({ docId: 'doca01', room: 'doca01', update: appendText(docs.content, text) });
      const first = [group.append(entry('a')), group.append(entry('b'))];
      await new Promise((resolve) => setImmediate(resolve));
      expect(counting.appendCalls).toHaveLength(1);
      const second = [group.append(entry('c')), group.append(entry('d'))];
      await new Promise((resolve) => setImmediate(resolve));
      expect(counting.inFlight).toBe(1);
      open();

      const seqs = await Promise.all([...first, ...second]);
      expect(counting.appendCalls.map((call) => call.length)).toEqual([2, 2]);
      expect(counting.maxInFlight).toBe(1);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(replayText(await store.loadRoom('doca01'))).toBe('abcd');
    });

    it('Store contract: a failed group rejects each of its appends, and the next group stores', async () => {
      const docs = await create('doca01', '');
      const counting = new CountingStore(store);
      const group = new GroupCommit(counting);
      counting.failNext = new Error('disk full');
      const entry = (text: string) => ({ docId: 'doca01', room: 'doca01', update: appendText(docs.content, text) });

      const settled = Promise.allSettled([group.append(entry('a')), group.append(entry('b')), group.flush()]);
      for (const result of await settled) {
        expect(result).toMatchObject({ status: 'rejected', reason: { message: 'disk full' } });
      }

      const fresh = textDoc('');
      const ok = await group.append({ docId: 'doca01', room: 'doca01', update: appendText(fresh.doc, 'c') });
      expect(ok).toBeGreaterThan(0);
      expect(group.stats).toMatchObject({ groups: 2, failedGroups: 1, entries: 1 });
    });

    it('Store contract: GroupCommit flush resolves once everything queued is stored', async () => {
      const docs = await create('doca01', '');
      const group = new GroupCommit(store);
      for (const text of ['a', 'b', 'c']) {
        void group.append({ docId: 'doca01', room: 'doca01', update: appendText(docs.content, text) });
      }
      expect(group.pending).toBe(3);
      await group.flush();
      expect(group.pending).toBe(0);
      expect(replayText(await store.loadRoom('doca01'))).toBe('abc');
      await group.flush();
    });
  });
}
