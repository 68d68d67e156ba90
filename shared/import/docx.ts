// SPEC 12.9: a Word draft (base64 in `content`); each top-level block is one segment.
import mammoth from 'mammoth';
import { newId } from '../ids.js';
import { buildSegments } from './blocks.js';
import { $htmlBlock } from './docx-html.js';
import { checkUnpackedSize } from './docx-size.js';
import { ImportError } from './errors.js';
import type { ImportInput, ParsedImport } from './index.js';
import { pairedSegments } from './pairing.js';
import { splitTextBlocks } from './text.js';
import { elements, parseXml } from './xml-tree.js';

/** Word's Title and Quote styles, which mammoth leaves as plain paragraphs by default. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh", "p[style-name='Quote'] => blockquote:fresh"];

async function toHtml(content: string): Promise<string> {
  const buffer = Buffer.from(content, 'base64');
  if (buffer.length === 0) throw new ImportError('empty', 'nothing to import: content is empty');
  checkUnpackedSize(buffer);
  try {
    return (await mammoth.convertToHtml({ buffer }, { styleMap: STYLE_MAP, externalFileAccess: false })).value;
  } catch (error) {
    throw new ImportError('bad_docx', `not a Word document (.docx): ${(error as Error).message}`);
  }
}

/** `source`, when given, is plain text aligned with the document's blocks as in a text import (SPEC 6.2, 6.5). */
export async function parseDocxImport(
  content: string | null | undefined,
  source?: string | null,
  pairing: Pick<ImportInput, 'align' | 'sourceLang' | 'targetLang'> = {},
): Promise<ParsedImport> {
  if (content == null || content.trim() === '') throw new ImportError('empty', 'nothing to import: content is empty');
  const html = parseXml(`<body>${await toHtml(content)}</body>`, 'bad_docx');
  const target = buildSegments(() =>
    elements(html).flatMap((element) => {
      const block = $htmlBlock(element);
      return block === null ? [] : [[block]];
    }),
  );
  if (target.blocks.length === 0) throw new ImportError('empty', 'nothing to import: the document has no text');
  const sources = source == null || source.trim() === '' ? null : splitTextBlocks(source);
  const { align, ...languages } = pairing;
  return {
    ...(sources
      ? pairedSegments(sources, target, languages, align)
      : { segments: target.blocks.map((blocks) => ({ id: newId(), source: null, target: blocks })) }),
    headline: target.texts[0].replace(/\s+/g, ' ').trim(),
  };
}
