// The article's editor, lent to parts of the page outside it (the QA panel's respelling, the memory
// panel's insertions) once it exists; editors only.
import type { LexicalEditor } from 'lexical';

export class EditorSlot {
  private current: LexicalEditor | null = null;

  attach(editor: LexicalEditor): () => void {
    this.current = editor;
    return () => {
      if (this.current === editor) this.current = null;
    };
  }

  /** The editor, while it is there and editable. */
  editable(): LexicalEditor | null {
    return this.current?.isEditable() ? this.current : null;
  }
}
