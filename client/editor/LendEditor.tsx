// Lends the article's editor to a slot that parts of the page outside the editor act through.
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { EditorSlot } from '../sheet/editor-slot.js';

export function LendEditor({ slot }: { slot: EditorSlot }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => slot.attach(editor), [editor, slot]);
  return null;
}
