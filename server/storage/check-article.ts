// Whether a document's two rooms still form an article (SPEC 5.1, 5.4): the content room's Lexical
// root holds only segments, each with its own id, and the review room knows exactly those segments.
import * as Y from 'yjs';
import { CONTENT_ROOT, ReviewRoom } from '../../shared/schema.js';
import { segmentIdOf } from '../../shared/review/text-map.js';

export interface ArticleFacts {
  /** The documents row's segment count. */
  segmentCount: number;
}

export function checkArticle(content: Y.Doc, review: Y.Doc, facts: ArticleFacts): string[] {
  const problems: string[] = [];
  const ids: string[] = [];
  const children = content.get(CONTENT_ROOT, Y.XmlText).toDelta() as Array<{ insert: unknown }>;
  children.forEach(({ insert }, index) => {
    const id = insert instanceof Y.XmlText ? segmentIdOf(insert) : null;
    if (id) ids.push(id);
    else problems.push(`content: top-level child ${index + 1} is ${describe(insert)}, not a segment with an id`);
  });
  if (children.length === 0) problems.push('content: the article has no segments');
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) problems.push(`content: segment ${id} appears more than once`);
    seen.add(id);
  }
  if (ids.length !== facts.segmentCount) {
    problems.push(`content: ${ids.length} segments, the document record says ${facts.segmentCount}`);
  }

  const statuses = review.getMap(ReviewRoom.status);
  const sources = review.getMap(ReviewRoom.source);
  for (const id of seen) if (!statuses.has(id)) problems.push(`review: segment ${id} has no status`);
  for (const id of statuses.keys()) if (!seen.has(id)) problems.push(`review: status of ${id}, which is no segment`);
  for (const id of sources.keys()) if (!seen.has(id)) problems.push(`review: source of ${id}, which is no segment`);
  for (const id of review.getMap(ReviewRoom.omitted).keys()) if (!seen.has(id)) problems.push(`review: omitted flag of ${id}, which is no segment`);
  return problems;
}

function describe(insert: unknown): string {
  if (typeof insert === 'string') return 'text';
  if (insert instanceof Y.XmlText) return `a ${String(insert.getAttribute('__type') ?? 'typeless')} node`;
  return 'an embedded value';
}
