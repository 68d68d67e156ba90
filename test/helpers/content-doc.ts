// Content rooms for unit tests: a Y.Doc seeded from an import as the server seeds one, and edits
// made through headless Lexical as a browser would make them.
import * as Y from 'yjs';
import { openArticle, type Article } from '../../shared/headless.js';
import { parseImport } from '../../shared/import/index.js';
import { seedArticle } from '../../shared/seed.js';

export function seededContent(format: 'text' | 'markdown', target: string): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, seedArticle(parseImport({ format, target })));
  return doc;
}

/** Edits `doc` through a headless editor and applies the result to it. */
export function editContent(doc: Y.Doc, fn: (article: Article) => void): void {
  const article = openArticle(Y.encodeStateAsUpdate(doc));
  const update = article.update(() => fn(article));
  article.dispose();
  Y.applyUpdate(doc, update);
}
