/** One glossary entry: the agreed translation of a source term, and variants editors must not use. */
export interface GlossaryEntry {
  source: string;
  target: string;
  forbidden?: string[];
  note?: string;
  /** Latin terms match case-insensitively unless this is true. */
  caseSensitive?: boolean;
}
