// The article's segment ids in order, read from the content room. Follows only the root's own
// changes (segments added, removed or moved), never the typing inside a segment.
import * as Y from 'yjs';
import { CONTENT_ROOT } from '../../shared/schema.js';
import { segmentIdOf, segmentTypes } from '../../shared/review/text-map.js';
import { ValueStore } from './value-store.js';

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

export function segmentOrder(doc: Y.Doc): ValueStore<readonly string[]> {
  const read = () => segmentTypes(doc).map((type) => segmentIdOf(type)!);
  const store = new ValueStore<readonly string[]>(read(), sameList);
  doc.get(CONTENT_ROOT, Y.XmlText).observe(() => store.set(read()));
  return store;
}
