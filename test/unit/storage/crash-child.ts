// Child process for sqlite-crash.test.ts: appends through GroupCommit until killed, printing
// `<seq> <n>` for each acknowledged append, where the update inserted the marker `<n>,`.
import { GroupCommit } from '../../../server/storage/group-commit.js';
import { openSqliteStore } from '../../../server/storage/sqlite.js';
import { appendText, textDoc } from '../../contract/yjs-helpers.js';

const [dir, docId] = process.argv.slice(2);
const store = openSqliteStore({ dir });
const { doc, state } = textDoc('');
await store.createDocument(
  { id: docId, title: 'crash', sourceLang: 'en', targetLang: 'bn', createdAt: 0, updatedAt: 0, segmentCount: 0, tokenGeneration: 0 },
  { [docId]: state },
);
const group = new GroupCommit(store);

// Several appends per turn so groups hold more than one entry; runs until SIGKILL.
for (let n = 0; ; ) {
  const turn: Promise<void>[] = [];
  for (let i = 0; i < 5; i++, n++) {
    const marker = n;
    const update = appendText(doc, `${marker},`);
    turn.push(group.append({ docId, room: docId, update }).then((seq) => void process.stdout.write(`${seq} ${marker}\n`)));
  }
  await Promise.all(turn);
}
