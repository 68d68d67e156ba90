// Whether an incoming update would change a document: the test that separates a write from the
// empty (or already known) update every client sends while syncing.
import * as Y from 'yjs';

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

export function isWrite(decoded: DecodedUpdate, doc: Y.Doc): boolean {
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    if (struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client)) return true;
  }
  if (decoded.ds.clients.size === 0) return false;
  // Deleting what is already deleted changes nothing; anything else does. The store's delete set
  // has its deleted runs sorted and merged, so each deleted range must lie inside one of them.
  const deleted = Y.createDeleteSetFromStructStore(doc.store);
  for (const [client, ranges] of decoded.ds.clients) {
    const runs = deleted.clients.get(client) ?? [];
    for (const range of ranges) {
      const inside = runs.some((run) => run.clock <= range.clock && range.clock + range.len <= run.clock + run.len);
      if (!inside) return true;
    }
  }
  return false;
}
