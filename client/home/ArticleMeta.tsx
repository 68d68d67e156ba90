// The line under an article's title that tells it from others of the same title: languages, size,
// when it was created (and last changed), and the start of its id.
import { languageName } from '../app/languages.js';
import { plural } from '../app/plural.js';
import { dateOf, timeAgo } from '../app/time.js';
import type { ArticleRow } from './useArticles.js';

/** Enough of an id to tell articles apart: "#kx2pz3". */
export function shortId(id: string): string {
  return `#${id.slice(0, 6)}`;
}

export function ArticleMeta({ article }: { article: ArticleRow }) {
  const items = [
    <span key="langs" title={`${languageName(article.sourceLang)} → ${languageName(article.targetLang)}`}>
      {article.sourceLang.toUpperCase()} → {article.targetLang.toUpperCase()}
    </span>,
    <span key="size">{plural(article.segmentCount, 'segment')}</span>,
    <span key="created" title={new Date(article.createdAt).toLocaleString()}>
      Created {dateOf(article.createdAt)}
    </span>,
    <span key="updated">Updated {timeAgo(article.updatedAt)}</span>,
    <span key="id" className="article-id" title={`Article ${article.id}`}>
      {shortId(article.id)}
    </span>,
  ];
  return (
    <div className="article-meta">
      {items.map((item, i) => [i > 0 && <span key={`dot${i}`} aria-hidden="true">·</span>, item])}
    </div>
  );
}
