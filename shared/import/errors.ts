// Why an import was refused; the server answers 400 with the code and message.
export type ImportErrorCode =
  | 'bad_format'
  | 'empty'
  | 'count_mismatch'
  | 'bad_xliff'
  | 'bad_docx'
  | 'missing_language'
  | 'bad_language';

export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
  }
}
