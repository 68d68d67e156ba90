// The content room's segments as plain text, in order, read straight from its Y.Doc and kept per
// segment: a change re-reads only the segments it touched, so a periodic reader (live QA, progress)
// costs little however long the article.
import * as Y from 'yjs';
import { CONTENT_ROOT } from '../../shared/schema.js';
import { enclosingSegment, mapSegment, segmentTypes, type SegmentTextMap } from '../../shared/review/text-map.js';

export class SegmentTexts {
  private readonly cache = new WeakMap<Y.XmlText, SegmentTextMap>();

  constructor(private readonly doc: Y.Doc) {
    const root = doc.get(CONTENT_ROOT, Y.XmlText);
    root.observeDeep((events) => {
      for (const event of events) {
        const segment = event.target === root ? null : enclosingSegment(event.target, root);
        if (segment) this.cache.delete(segment);
      }
    });
  }

  /** Every segment, in order. */
  all(): SegmentTextMap[] {
    return segmentTypes(this.doc).map((type) => {
      let mapped = this.cache.get(type);
      if (!mapped) this.cache.set(type, (mapped = mapSegment(type)));
      return mapped;
    });
  }
}
