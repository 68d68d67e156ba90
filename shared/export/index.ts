// Exports a content room's state as txt, md or html (SPEC 7).
import { openArticle } from '../headless.js';
import { EXPORT_FORMATS, type ExportFormat } from '../schema.js';
import { $exportHtml } from './html.js';
import { $exportMarkdown } from './md.js';
import { $exportText } from './txt.js';

export interface ExportOptions {
  title?: string;
  targetLang: string;
}

export interface ExportResult {
  body: string;
  contentType: string;
  extension: ExportFormat;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

export function isExportFormat(format: string): format is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(format);
}

export function exportArticle(state: Uint8Array, format: ExportFormat, options: ExportOptions): ExportResult {
  if (!isExportFormat(format)) throw new RangeError(`unknown export format "${String(format)}"`);
  const article = openArticle(state);
  try {
    const body = article.read(() =>
      format === 'txt' ? $exportText() : format === 'md' ? $exportMarkdown() : $exportHtml(options),
    );
    return { body, contentType: CONTENT_TYPES[format], extension: format };
  } finally {
    article.dispose();
  }
}
