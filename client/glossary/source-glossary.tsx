// The glossary as the source column uses it: the terms to mark, the insert action and the tooltip.
// Call inside the editor's LexicalComposer.
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { GlossaryEntry } from '../../shared/qa/index.js';
import type { ReviewSession } from '../collab/review-session.js';
import { glossaryOf } from './glossary-store.js';
import { GlossaryTip } from './GlossaryTip.js';
import { insertTerm } from './insert-term.js';
import { TermIndex } from './term-index.js';

export function useTermIndex(review: ReviewSession): TermIndex {
  const store = glossaryOf(review);
  const { all } = useSyncExternalStore(store.subscribe, store.get);
  return useMemo(() => new TermIndex(all), [all]);
}

export function useInsertTerm(): (entry: GlossaryEntry, segmentId: string) => void {
  const [editor] = useLexicalComposerContext();
  return useCallback((entry, segmentId) => insertTerm(editor, entry.target, segmentId), [editor]);
}

export function TermTipHost({ review, targetLang }: { review: ReviewSession; targetLang: string }) {
  const [editor] = useLexicalComposerContext();
  const [editable, setEditable] = useState(editor.isEditable());
  useEffect(() => editor.registerEditableListener(setEditable), [editor]);
  const store = glossaryOf(review);
  const { entries } = useSyncExternalStore(store.subscribe, store.get);
  const isOwn = useCallback((entry: GlossaryEntry) => entries.includes(entry), [entries]);
  return <GlossaryTip targetLang={targetLang} canInsert={editable} isOwn={isOwn} onInsert={useInsertTerm()} />;
}
