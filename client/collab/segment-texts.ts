// The content room's segments as plain text, in order, read straight from its Y.Doc and kept per
// segment: a change re-reads only the segments it touched, so a periodic reader (live QA, progress)
// costs little however long the article.
import * as Y from 'yjs';
import { CONTENT_ROOT } from '../../shared/schema.js';
import { enclosingSegment, mapSegment, segmentTypes, type SegmentTextMap } from '../../shared/review/text-map.js';

export class SegmentTexts {
  private readonly cache = new WeakMap<Y.XmlText, SegmentTextMap>();
  /** The segments in order; null once the root's own children or a segment's attributes changed. */
  private types: Y.XmlText[] | null = null;

  constructor(private readonly doc: Y.Doc) {
    const root = doc.get(CONTENT_ROOT, Y.XmlText);
    root.observeDeep((events) => {
      for (const event of events) {
        if (event.target === root) {
          this.types = null;
          continue;
        }
        const segment = enclosingSegment(event.target, root);
        if (!segment) continue;
        this.cache.delete(segment);
        if (segment === event.target && event instanceof Y.YTextEvent && event.keysChanged.size > 0) this.types = null;
      }
    });
  }

  /** Every segment, in order. */
  all(): SegmentTextMap[] {
    this.types ??= segmentTypes(this.doc);
    return this.types.map((type) => {
      let mapped = this.cache.get(type);
      if (!mapped) this.cache.set(type, (mapped = mapSegment(type)));
      return mapped;
    });
  }
}
