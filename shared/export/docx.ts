// SPEC 12.1: a Word document in the target language: the headline as Title, headings, paragraphs,
// lists, quotes, bold, italic and links, read through the headless editor as the HTML export is.
import { $isLinkNode } from '@lexical/link';
import { $isListItemNode, $isListNode, type ListNode } from '@lexical/list';
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import { $isElementNode, $isLineBreakNode, $isTextNode, type LexicalNode } from 'lexical';
import { $getSegmentText } from '../article.js';
import { isComplexScript, isRtl } from './lang.js';
import { safeHref } from './links.js';
import { $exportedSegments, type ExportReview } from './review.js';

export interface DocxOptions {
  title?: string;
  targetLang: string;
  /** Its omitted segments are left out. */
  review?: ExportReview;
}

const HEADINGS = {
  h1: HeadingLevel.HEADING_1,
  h2: HeadingLevel.HEADING_2,
  h3: HeadingLevel.HEADING_3,
  h4: HeadingLevel.HEADING_4,
  h5: HeadingLevel.HEADING_5,
  h6: HeadingLevel.HEADING_6,
} as const;

const NUMBERED = 'numbered';

interface Context {
  language: { value: string; bidirectional?: string };
  rtl: boolean;
  /** Each numbered list is its own instance, so it counts from 1. */
  nextList: number;
}

function $runs(node: LexicalNode, ctx: Context, link = false): ParagraphChild[] {
  const base = { language: ctx.language, rightToLeft: ctx.rtl || undefined, style: link ? 'Hyperlink' : undefined };
  if ($isLineBreakNode(node)) return [new TextRun({ ...base, break: 1 })];
  if ($isTextNode(node)) {
    return [
      new TextRun({
        ...base,
        text: node.getTextContent(),
        bold: node.hasFormat('bold') || undefined,
        italics: node.hasFormat('italic') || undefined,
        underline: node.hasFormat('underline') ? {} : undefined,
        strike: node.hasFormat('strikethrough') || undefined,
        subScript: node.hasFormat('subscript') || undefined,
        superScript: node.hasFormat('superscript') || undefined,
      }),
    ];
  }
  if ($isElementNode(node)) {
    const href = $isLinkNode(node) ? safeHref(node.getURL()) : null;
    const inner = node.getChildren().flatMap((child) => $runs(child, ctx, link || href !== null));
    return href === null ? inner : [new ExternalHyperlink({ link: href, children: inner })];
  }
  return [new TextRun({ ...base, text: node.getTextContent() })];
}

function $list(list: ListNode, ctx: Context, level: number): Paragraph[] {
  const instance = list.getListType() === 'number' ? ctx.nextList++ : 0;
  return list.getChildren().flatMap((item) => {
    if (!$isListItemNode(item)) return [];
    const children = item.getChildren();
    const nested = children.filter($isListNode).flatMap((inner) => $list(inner, ctx, level + 1));
    const inline = children.filter((child) => !$isListNode(child));
    if (inline.length === 0) return nested;
    const marker: IParagraphOptions =
      list.getListType() === 'number' ? { numbering: { reference: NUMBERED, level, instance } } : { bullet: { level } };
    return [paragraph(ctx, { ...marker, children: inline.flatMap((child) => $runs(child, ctx)) }), ...nested];
  });
}

const paragraph = (ctx: Context, options: IParagraphOptions) => new Paragraph({ bidirectional: ctx.rtl || undefined, ...options });

function $block(node: LexicalNode, ctx: Context, headline: boolean): Paragraph[] {
  if ($isListNode(node)) return $list(node, ctx, 0);
  const children = $runs(node, ctx);
  if (headline) return [paragraph(ctx, { heading: HeadingLevel.TITLE, children })];
  if ($isHeadingNode(node)) return [paragraph(ctx, { heading: HEADINGS[node.getTag()], children })];
  if ($isQuoteNode(node)) return [paragraph(ctx, { style: 'Quote', children })];
  return [paragraph(ctx, { children })];
}

/** Builds the document; call inside an editor's read. */
export function $buildDocx(options: DocxOptions): Document {
  const lang = options.targetLang;
  const ctx: Context = {
    language: isComplexScript(lang) ? { value: lang, bidirectional: lang } : { value: lang },
    rtl: isRtl(lang),
    nextList: 1,
  };
  const segments = $exportedSegments(options.review);
  const paragraphs = segments
    .filter((segment) => $getSegmentText(segment) !== '')
    .flatMap((segment) =>
      segment
        .getChildren()
        .flatMap((block, i) => $block(block, ctx, i === 0 && segment === segments[0] && !$isListNode(block))),
    );
  const title = options.title || (segments[0] ? $getSegmentText(segments[0]).replace(/\s+/g, ' ').trim() : '');
  return new Document({
    title,
    creator: 'Tandem',
    styles: {
      default: { document: { run: { language: ctx.language, rightToLeft: ctx.rtl || undefined } } },
      paragraphStyles: [
        { id: 'Quote', name: 'Quote', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { italics: true }, paragraph: { indent: { left: 720 } } },
      ],
    },
    numbering: {
      config: [
        {
          reference: NUMBERED,
          levels: Array.from({ length: 9 }, (_, level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [{ children: paragraphs.length > 0 ? paragraphs : [new Paragraph({})] }],
  });
}

/** A Node Buffer, which is a Uint8Array. */
export function packDocx(document: Document): Promise<Uint8Array> {
  return Packer.toBuffer(document);
}
