// SPEC 12.2: XLIFF 2.0, one unit per segment (the headline too), open threads as notes; an omitted
// segment's unit is marked translate="no" (SPEC 12.12).
import type { ExportThread, SegmentRow } from './review.js';
import { escapeXmlAttr, escapeXmlText, XML_INVALID } from './xml.js';
import { toXliff2State } from './xliff-states.js';

export interface XliffOptions {
  title?: string;
  sourceLang: string;
  targetLang: string;
}

/** Text content; characters XML cannot hold become XLIFF's <cp/>. */
const content = (text: string) =>
  escapeXmlText(text).replace(XML_INVALID, (c) => `<cp hex="${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}"/>`);
const attr = (text: string) => escapeXmlAttr(text.replace(XML_INVALID, ''));

function noteText(thread: ExportThread): string {
  const comments = thread.comments.map((comment) => `${comment.author}: ${comment.text}`).join('\n');
  return thread.quote.exact === '' ? comments : `“${thread.quote.exact}”\n${comments}`;
}

function unit(row: SegmentRow, threads: readonly ExportThread[]): string[] {
  const notes = threads.map(
    (thread) => `        <note id="${attr(thread.id)}" category="comment">${content(noteText(thread))}</note>`,
  );
  return [
    `    <unit id="${attr(row.id)}"${row.omitted ? ' translate="no"' : ''}>`,
    ...(notes.length > 0 ? ['      <notes>', ...notes, '      </notes>'] : []),
    `      <segment state="${toXliff2State(row.status)}">`,
    `        <source xml:space="preserve">${content(row.source ?? '')}</source>`,
    `        <target xml:space="preserve">${content(row.target)}</target>`,
    '      </segment>',
    '    </unit>',
  ];
}

export function writeXliff(rows: readonly SegmentRow[], threads: ReadonlyMap<string, ExportThread[]>, options: XliffOptions): string {
  const title = options.title ? [`    <notes><note category="title">${content(options.title)}</note></notes>`] : [];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="${attr(options.sourceLang)}" trgLang="${attr(options.targetLang)}">`,
    '  <file id="f1">',
    ...title,
    ...rows.flatMap((row) => unit(row, threads.get(row.id) ?? [])),
    '  </file>',
    '</xliff>',
    '',
  ].join('\n');
}
