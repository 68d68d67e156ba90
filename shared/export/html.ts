// SPEC 7.3: a complete HTML document, the headline as <h1>, all text escaped.
import { $isLinkNode } from '@lexical/link';
import { $isListItemNode, $isListNode, type ListNode } from '@lexical/list';
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $isElementNode, $isLineBreakNode, $isTextNode, type LexicalNode, type TextFormatType } from 'lexical';
import { $getSegmentText } from '../article.js';
import { isRtl } from './lang.js';
import { safeHref } from './links.js';
import { $exportedSegments, type ExportReview } from './review.js';

const escapeText = (text: string) =>
  text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
const escapeAttr = (text: string) => escapeText(text).replace(/"/g, '&quot;');

/** Inner format first: the tags nest in this order around the text. */
const FORMAT_TAGS: Array<[TextFormatType, string]> = [
  ['code', 'code'],
  ['subscript', 'sub'],
  ['superscript', 'sup'],
  ['highlight', 'mark'],
  ['strikethrough', 's'],
  ['underline', 'u'],
  ['italic', 'em'],
  ['bold', 'strong'],
];

function $inline(node: LexicalNode): string {
  if ($isLineBreakNode(node)) return '<br>';
  if ($isTextNode(node)) {
    let html = escapeText(node.getTextContent());
    for (const [format, tag] of FORMAT_TAGS) if (node.hasFormat(format)) html = `<${tag}>${html}</${tag}>`;
    return html;
  }
  if ($isElementNode(node)) {
    const inner = node.getChildren().map($inline).join('');
    const href = $isLinkNode(node) ? safeHref(node.getURL()) : null;
    return href === null ? inner : `<a href="${escapeAttr(href)}">${inner}</a>`;
  }
  return escapeText(node.getTextContent());
}

function $list(list: ListNode): string {
  const items: string[] = [];
  for (const item of list.getChildren()) {
    if (!$isListItemNode(item)) continue;
    const children = item.getChildren();
    const nested = children.filter($isListNode).map($list).join('');
    const text = children.filter((child) => !$isListNode(child)).map($inline).join('');
    // Lexical keeps a nested list in an item of its own; HTML nests it in the previous item.
    if (text === '' && nested !== '' && items.length > 0) items[items.length - 1] += nested;
    else items.push(text + nested);
  }
  const tag = list.getListType() === 'number' ? 'ol' : 'ul';
  const start = tag === 'ol' && list.getStart() !== 1 ? ` start="${list.getStart()}"` : '';
  return `<${tag}${start}>${items.map((item) => `<li>${item}</li>`).join('')}</${tag}>`;
}

function $block(node: LexicalNode, headline: boolean): string {
  if ($isListNode(node)) return $list(node);
  const inner = $inline(node);
  const tag = headline ? 'h1' : $isHeadingNode(node) ? node.getTag() : $isQuoteNode(node) ? 'blockquote' : 'p';
  return `<${tag}>${inner}</${tag}>`;
}

export function $exportHtml(options: { title?: string; targetLang: string; review?: ExportReview }): string {
  const segments = $exportedSegments(options.review);
  const body = segments
    .filter((segment) => $getSegmentText(segment) !== '')
    .map((segment) =>
      segment
        .getChildren()
        .map((block, i) => $block(block, i === 0 && segment === segments[0] && !$isListNode(block)))
        .join('\n'),
    )
    .join('\n');
  const title = options.title || (segments[0] ? $getSegmentText(segments[0]).replace(/\s+/g, ' ').trim() : '');
  const lang = escapeAttr(options.targetLang);
  const dir = isRtl(options.targetLang) ? ' dir="rtl"' : '';
  return [
    '<!doctype html>',
    `<html lang="${lang}"${dir}>`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeText(title)}</title>`,
    '</head>',
    '<body>',
    '<article>',
    body,
    '</article>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
