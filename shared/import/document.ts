// Every import format behind one call: text and Markdown (SPEC 6), XLIFF (SPEC 12.5), docx (SPEC 12.9).
import { parseImport, type ImportInput, type ParsedImport } from './index.js';
import { ImportError } from './errors.js';
import { parseXliffImport } from './xliff.js';
import { realignUnits } from './xliff-pairing.js';
import { DOCUMENT_FORMATS } from './formats.js';

export { DOCUMENT_FORMATS, SELF_DESCRIBING_FORMATS, type DocumentFormat } from './formats.js';

export interface DocumentInput extends ImportInput {
  /** The whole file, for formats that are one file: XLIFF text, or a .docx in base64. */
  content?: string | null;
}

export async function parseDocument(input: DocumentInput): Promise<ParsedImport> {
  if (input.format === 'xliff') {
    const parsed = parseXliffImport(input.content);
    if (!input.align) return parsed;
    return realignUnits(parsed, input.align, { sourceLang: input.sourceLang ?? parsed.sourceLang, targetLang: input.targetLang ?? parsed.targetLang });
  }
  if (input.format === 'docx') {
    // Loaded only when needed: mammoth is large and Node-only.
    const { parseDocxImport } = await import('./docx.js');
    return parseDocxImport(input.content, input.source, input);
  }
  if (!(DOCUMENT_FORMATS as readonly string[]).includes(input.format)) {
    throw new ImportError('bad_format', `unknown import format "${input.format}" (use ${DOCUMENT_FORMATS.join(', ')})`);
  }
  return parseImport(input);
}
