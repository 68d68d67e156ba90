// The article's segment ids in order, read from the content room. Follows only the root's own
// changes (segments added, removed or moved), never the typing inside a segment.
import * as Y from 'yjs';
import { CONTENT_ROOT } from '../../shared/schema.js';
import { segmentIdOf, segmentTypes } from '../../shared/review/text-map.js';
import { ValueStore } from '../app/store.js';

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

export function segmentOrder(doc: Y.Doc, onScreen: (run: () => void) => void): ValueStore<readonly string[]> {
  const read = () => segmentTypes(doc).map((type) => segmentIdOf(type)!);
  const store = new ValueStore<readonly string[]>([], sameList);
  // Only the margin reads it, and the margin has nothing to show before the article is on screen:
  // the first read, which walks every segment, waits for that.
  onScreen(() => {
    store.set(read());
    doc.get(CONTENT_ROOT, Y.XmlText).observe(() => store.set(read()));
  });
  return store;
}
