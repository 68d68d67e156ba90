// Exports a content room's state (and what the review room knows of it) as a file (SPEC 7, SPEC 12).
import { openArticle } from '../headless.js';
import { EXPORT_FORMATS, type ExportFormat } from '../schema.js';
import { $buildDocx, packDocx } from './docx.js';
import { $exportHtml } from './html.js';
import { writeJson } from './json.js';
import { $exportMarkdown } from './md.js';
import { $segmentRows, openThreads, type ExportReview } from './review.js';
import { $exportText } from './txt.js';
import { writeXliff } from './xliff.js';

export type { ExportReview, ExportThread, SegmentRow } from './review.js';

export interface ExportOptions {
  /** The document id, for the json export. */
  id?: string;
  title?: string;
  sourceLang?: string;
  targetLang: string;
  /** Sources, statuses, threads and omitted segments: json and xliff show the first three, every
   *  format leaves the omitted out (xliff marks them); without it segments have no source and are drafts. */
  review?: ExportReview;
}

export interface ExportResult<Body = string> {
  body: Body;
  contentType: string;
  /** The file name's extension. */
  extension: string;
}

/** Formats written as text, synchronously. */
export type TextExportFormat = Exclude<ExportFormat, 'docx'>;

const CONTENT_TYPES: Record<ExportFormat, string> = {
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xliff: 'application/xliff+xml',
  json: 'application/json',
};

const EXTENSIONS: Record<ExportFormat, string> = { txt: 'txt', md: 'md', html: 'html', docx: 'docx', xliff: 'xlf', json: 'json' };

export function isExportFormat(format: string): format is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(format);
}

function $write(format: TextExportFormat, options: ExportOptions): string {
  switch (format) {
    case 'txt':
      return $exportText(options.review);
    case 'md':
      return $exportMarkdown(options.review);
    case 'html':
      return $exportHtml(options);
    case 'json':
      return writeJson($segmentRows(options.review).filter((row) => !row.omitted), options);
    case 'xliff':
      return writeXliff($segmentRows(options.review), openThreads(options.review), {
        ...options,
        sourceLang: options.sourceLang ?? 'und',
      });
  }
}

/** Every format but docx, whose packing is asynchronous: use exportFile for it. */
export function exportArticle(state: Uint8Array, format: TextExportFormat, options: ExportOptions): ExportResult {
  if (!isExportFormat(format) || (format as ExportFormat) === 'docx') throw new RangeError(`unknown text export format "${String(format)}"`);
  const article = openArticle(state);
  try {
    const body = article.read(() => $write(format, options));
    return { body, contentType: CONTENT_TYPES[format], extension: EXTENSIONS[format] };
  } finally {
    article.dispose();
  }
}

/** Any format; docx comes back as bytes, the others as text. */
export async function exportFile(state: Uint8Array, format: ExportFormat, options: ExportOptions): Promise<ExportResult<string | Uint8Array>> {
  if (format !== 'docx') return exportArticle(state, format, options);
  const article = openArticle(state);
  let document;
  try {
    document = article.read(() => $buildDocx(options));
  } finally {
    article.dispose();
  }
  return { body: await packDocx(document), contentType: CONTENT_TYPES.docx, extension: EXTENSIONS.docx };
}
