// Lends the article's editor to the QA panel's "make them all X", which sits outside the editor.
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { SpellingFixer } from './spelling-fix.js';

export function SpellingFixPlugin({ fixer }: { fixer: SpellingFixer }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => fixer.attach(editor), [editor, fixer]);
  return null;
}
