// One segment as an import makes it: the source block, the draft's blocks, and what the file says.
import type { SerializedLexicalNode } from 'lexical';
import type { SegmentState } from '../schema.js';

export interface ImportedSegment {
  id: string;
  /** The source block's plain text (markup removed), or null when no source was given. */
  source: string | null;
  /** The target's blocks as serialized Lexical nodes; one empty paragraph when no target was given. */
  target: SerializedLexicalNode[];
  /** The segment's status when the file says it (XLIFF); draft otherwise. */
  state?: SegmentState;
  /** The file marks it omitted (XLIFF's translate="no"): left out of exports (SPEC 12.12). */
  omitted?: boolean;
  /** Notes the file holds for the segment (XLIFF); each becomes a comment thread on it. */
  notes?: Array<{ text: string; from?: string }>;
}
