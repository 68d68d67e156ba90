// The content room's first update, written through the headless binding (SPEC 5.3).
import { $writeSegments } from './article.js';
import { openArticle } from './headless.js';
import type { ParsedImport } from './import/index.js';

export function seedArticle(parsed: ParsedImport): Uint8Array {
  const article = openArticle();
  try {
    return article.update(() =>
      $writeSegments(parsed.segments.map((segment) => ({ id: segment.id, blocks: segment.target }))),
    );
  } finally {
    article.dispose();
  }
}
