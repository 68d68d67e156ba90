// Mammoth's HTML of a Word document as article blocks: headings, paragraphs, quotes, lists, emphasis, links.
import { $createLinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode, type ListNode } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode, type HeadingTagType } from '@lexical/rich-text';
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  type ElementNode,
  type LexicalNode,
  type TextFormatType,
} from 'lexical';
import { elements, type XmlChild, type XmlElement } from './xml-tree.js';

const FORMATS: Record<string, TextFormatType> = {
  strong: 'bold',
  b: 'bold',
  em: 'italic',
  i: 'italic',
  u: 'underline',
  s: 'strikethrough',
  del: 'strikethrough',
  sup: 'superscript',
  sub: 'subscript',
};
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const BLOCKS = new Set(['p', 'blockquote', 'ul', 'ol', 'li', 'table', 'tr', ...HEADINGS]);

/** Inline content; block children (a paragraph in a cell or item) are separated by line breaks. */
function $inline(children: readonly XmlChild[], formats: readonly TextFormatType[] = []): LexicalNode[] {
  const nodes: LexicalNode[] = [];
  for (const child of children) {
    if (typeof child === 'string') {
      if (child === '') continue;
      const text = $createTextNode(child);
      for (const format of formats) text.toggleFormat(format);
      nodes.push(text);
      continue;
    }
    if (BLOCKS.has(child.name) && nodes.length > 0) nodes.push($createLineBreakNode());
    if (child.name === 'br') nodes.push($createLineBreakNode());
    else if (child.name === 'img') continue;
    else if (FORMATS[child.name]) nodes.push(...$inline(child.children, [...formats, FORMATS[child.name]]));
    else if (child.name === 'a' && child.attrs.href && !child.attrs.href.startsWith('#')) {
      nodes.push($createLinkNode(child.attrs.href).append(...$inline(child.children, formats)));
    } else if (child.name === 'td' || child.name === 'th') {
      // Cells of a row are separated by a tab.
      if (nodes.length > 0) nodes.push($createTextNode('\t'));
      nodes.push(...$inline(child.children, formats));
    } else nodes.push(...$inline(child.children, formats));
  }
  return nodes;
}

function $list(list: XmlElement): ListNode {
  const node = $createListNode(list.name === 'ol' ? 'number' : 'bullet');
  for (const item of elements(list, 'li')) {
    const inline = item.children.filter((child) => typeof child === 'string' || (child.name !== 'ul' && child.name !== 'ol'));
    const nested = elements(item).filter((child) => child.name === 'ul' || child.name === 'ol');
    node.append($createListItemNode().append(...$inline(inline)));
    // Lexical keeps a nested list in an item of its own.
    for (const inner of nested) node.append($createListItemNode().append($list(inner)));
  }
  return node;
}

/** One top-level HTML element as an article block; null for what has no text (an empty paragraph). */
export function $htmlBlock(element: XmlElement): LexicalNode | null {
  if (element.name === 'ul' || element.name === 'ol') return $list(element);
  const inline = $inline(element.children);
  if (inline.length === 0) return null;
  let block: ElementNode;
  if (HEADINGS.has(element.name)) block = $createHeadingNode(element.name as HeadingTagType);
  else if (element.name === 'blockquote') block = $createQuoteNode();
  else block = $createParagraphNode();
  return block.append(...inline);
}
