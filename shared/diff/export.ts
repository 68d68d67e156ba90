// A comparison as a file (SPEC 16.4): HTML with insertions and deletions marked (<ins>,
// <del>), and a Word document with tracked changes (w:ins, w:del), so a desk that works in Word reads
// what changed as revisions it can accept or reject. Every segment is a paragraph, unchanged ones too.
import { DeletedTextRun, Document, InsertedTextRun, Packer, Paragraph, TextRun, type ParagraphChild } from 'docx';
import { isComplexScript, isRtl } from '../export/lang.js';
import { escapeXmlAttr, escapeXmlText } from '../export/xml.js';
import type { SegmentDiff } from './segments.js';

export interface ComparisonOptions {
  title: string;
  targetLang: string;
  /** What the two sides are, e.g. "Draft" and "current". */
  from: string;
  to: string;
  /** Who the tracked changes are by, and when (Word shows both). */
  author: string;
  date: Date;
}

const lines = (text: string) => text.split('\n');

export function comparisonHtml(segments: readonly SegmentDiff[], options: ComparisonOptions): string {
  const text = (value: string) => lines(value).map(escapeXmlText).join('<br>');
  const body = segments.map((segment) => {
    const ops = segment.ops.map(({ op, text: value }) =>
      op === 'equal' ? text(value) : op === 'insert' ? `<ins>${text(value)}</ins>` : `<del>${text(value)}</del>`,
    );
    return `<p data-segment="${escapeXmlAttr(segment.id)}"${segment.changed ? ' class="changed"' : ''}>${ops.join('')}</p>`;
  });
  const dir = isRtl(options.targetLang) ? ' dir="rtl"' : '';
  const heading = `${options.title}: ${options.from} → ${options.to}`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeXmlAttr(options.targetLang)}"${dir}>`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeXmlText(heading)}</title>`,
    '<style>ins { background: #d7f5dd; text-decoration: none; } del { background: #fbdada; }</style>',
    '</head>',
    '<body>',
    `<h1>${escapeXmlText(heading)}</h1>`,
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export function comparisonDocx(segments: readonly SegmentDiff[], options: ComparisonOptions): Promise<Uint8Array> {
  const lang = options.targetLang;
  const run = { language: isComplexScript(lang) ? { value: lang, bidirectional: lang } : { value: lang }, rightToLeft: isRtl(lang) || undefined };
  const date = options.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  let id = 0;
  const paragraphs = segments.map((segment) => {
    const children: ParagraphChild[] = [];
    for (const { op, text } of segment.ops) {
      lines(text).forEach((line, i) => {
        const part = { ...run, text: line, break: i > 0 ? 1 : undefined };
        if (op === 'equal') children.push(new TextRun(part));
        else {
          const change = { ...part, id: ++id, author: options.author, date };
          children.push(op === 'insert' ? new InsertedTextRun(change) : new DeletedTextRun(change));
        }
      });
    }
    return new Paragraph({ children, bidirectional: run.rightToLeft });
  });
  const document = new Document({
    title: `${options.title}: ${options.from} → ${options.to}`,
    styles: { default: { document: { run } } },
    sections: [{ children: paragraphs.length > 0 ? paragraphs : [new Paragraph({})] }],
  });
  return Packer.toBuffer(document);
}
