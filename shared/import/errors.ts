// Why an import was refused; the server answers 400 with the code and message.
export type ImportErrorCode =
  | 'bad_format'
  | 'empty'
  | 'count_mismatch'
  /** An explicit alignment that does not cover every block once, in order (SPEC 6.6). */
  | 'bad_alignment'
  | 'bad_xliff'
  | 'bad_docx'
  /** A translation memory file that is not TMX (SPEC 18.7). */
  | 'bad_tmx'
  | 'missing_language'
  | 'bad_language'
  /** A Word draft that unpacks to more than the import allows (answered 413). */
  | 'too_large';

export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Source and target align block for block unless an alignment is asked for (SPEC 6.2, 6.6). */
export function countMismatch(source: number, target: number): ImportError {
  return new ImportError(
    'count_mismatch',
    `source has ${source} block${source === 1 ? '' : 's'} but target has ${target}: send align: "auto" to align them by their text`,
  );
}
