// The import formats by name, apart from their parsers, so what validates a request loads no parser.
export const IMPORT_FORMATS = ['text', 'txt', 'markdown', 'md'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const DOCUMENT_FORMATS = [...IMPORT_FORMATS, 'xliff', 'docx'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** Formats whose file names its languages, so the request may leave them out. */
export const SELF_DESCRIBING_FORMATS: readonly string[] = ['xliff'];
