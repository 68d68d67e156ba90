// What every editor of an article registers, on the server and in the browser.
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { EditorThemeClasses, Klass, LexicalNode } from 'lexical';
import { SEGMENT_CLASS, SegmentNode } from './segment.js';

export * from './segment.js';

export const ARTICLE_NAMESPACE = 'tandem-article';

export const ARTICLE_NODES: ReadonlyArray<Klass<LexicalNode>> = [
  SegmentNode,
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
];

export const ARTICLE_THEME: EditorThemeClasses = {
  segment: SEGMENT_CLASS,
  paragraph: 'article-p',
  quote: 'article-quote',
  heading: { h1: 'article-h1', h2: 'article-h2', h3: 'article-h3', h4: 'article-h4' },
  list: {
    ul: 'article-ul',
    ol: 'article-ol',
    listitem: 'article-li',
    nested: { listitem: 'article-li-nested' },
  },
  link: 'article-link',
  text: { bold: 'article-bold', italic: 'article-italic', underline: 'article-underline' },
};
