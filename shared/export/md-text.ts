// Text as Markdown text (SPEC 7.5). Lexical's export escapes only * _ ` ~ and \ in text; whatever
// else a Markdown reader takes for syntax is escaped here: [ (links, images, references), < (HTML,
// autolinks), & before an entity, # (headings), and a block marker where a line starts (> - + = |
// or 1. and 1)). A link whose target is no safe one (javascript:, data:) is written as its text.
import { $isLinkNode } from '@lexical/link';
import type { TextMatchTransformer } from '@lexical/markdown';
import { $isLineBreakNode, $isTextNode, type TextNode } from 'lexical';
import { safeHref } from './links.js';

/** Whether a text node begins a line of its block (in Markdown, where block syntax is read). */
function $startsLine(node: TextNode): boolean {
  const before = node.getPreviousSibling();
  return before === null ? !$isLinkNode(node.getParent()) : $isLineBreakNode(before);
}

function escapeText(text: string, startsLine: boolean, backslash: string): string {
  let escaped = text.replace(/[[<#]/g, (char) => backslash + char).replace(/&(?=#?[a-z0-9]+;)/gi, backslash + '&');
  if (startsLine) escaped = escaped.replace(/^(\s*)([>+=|-])/, `$1${backslash}$2`).replace(/^(\s*\d+)([.)])/, `$1${backslash}$2`);
  return escaped;
}

/**
 * A transformer that runs before Lexical's own for text and links. Lexical doubles every backslash
 * of the text it is handed, so the escapes are written as `backslash`, a character the article does
 * not hold, for the caller to turn into backslashes once the whole export is done.
 */
export function markdownText(backslash: string): TextMatchTransformer {
  return {
    type: 'text-match',
    dependencies: [],
    regExp: /(?!)/,
    export: (node, exportChildren, exportFormat) => {
      if ($isLinkNode(node)) return safeHref(node.getURL()) === null ? exportChildren(node) : null;
      if (!$isTextNode(node) || node.hasFormat('code')) return null;
      return exportFormat(node, escapeText(node.getTextContent(), $startsLine(node), backslash));
    },
  };
}

/** A character the text does not hold, to stand for a backslash while Lexical writes the Markdown. */
export function unusedCharacter(text: string): string {
  for (let code = 0xe000; ; code++) {
    const char = String.fromCharCode(code);
    if (!text.includes(char)) return char;
  }
}
