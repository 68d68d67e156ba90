// Small behaviours of the editor: follow its segments, keep segments whole, keep typed text in order
// inside grapheme clusters, stop editing when the connection is closed for good.
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { SyncState } from '../collab/sync-state.js';
import { registerSegmentGuard } from './segment-guard.js';
import { registerClusterTyping } from './cluster-typing.js';
import type { SegmentList } from './segment-list.js';

export function EditorPlugins({ segments, state, editable }: { segments: SegmentList; state: SyncState; editable: boolean }) {
  const [editor] = useLexicalComposerContext();

  useEffect(() => segments.attach(editor), [editor, segments]);
  useEffect(() => (editable ? registerSegmentGuard(editor) : undefined), [editor, editable]);
  useEffect(() => (editable ? registerClusterTyping(editor) : undefined), [editor, editable]);

  useEffect(() => {
    if (!editable) return;
    const follow = () => {
      if (state.get().closed && editor.isEditable()) editor.setEditable(false);
    };
    follow();
    return state.subscribe(follow);
  }, [editor, editable, state]);

  return null;
}
