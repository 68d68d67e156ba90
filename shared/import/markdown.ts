// SPEC 6.4: Markdown import; each top-level block becomes one segment.
import { $generateNodesFromMarkdownString } from '@lexical/markdown';
import type { LexicalNode } from 'lexical';
import { ARTICLE_TRANSFORMERS } from '../markdown.js';

/** The top-level blocks (headings, paragraphs, lists, quotes) of a Markdown text. */
export function $parseMarkdownBlocks(input: string): LexicalNode[] {
  const markdown = input.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  // Adjacent lines stay in one block, joined by a line break, as in a text import.
  return $generateNodesFromMarkdownString(markdown, ARTICLE_TRANSFORMERS, false, false);
}
