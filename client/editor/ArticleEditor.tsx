// The article body: the translation in a live Lexical editor bound to the content room, with the
// source column beside it and remote cursors over it.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext';
import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ClickableLinkPlugin } from '@lexical/react/LexicalClickableLinkPlugin';
import type { Provider } from '@lexical/yjs';
import type { Doc } from 'yjs';
import { ARTICLE_NAMESPACE, ARTICLE_NODES, ARTICLE_THEME } from '../../shared/nodes/index.js';
import type { ContentSession } from '../collab/content-session.js';
import { showsSources, type ReviewSession } from '../collab/review-session.js';
import { Aligner } from './aligner.js';
import { SegmentList } from './segment-list.js';
import { SourceLayer } from './SourceLayer.js';
import { Toolbar } from './Toolbar.js';
import { SheetHead } from './SheetHead.js';
import { useStore } from '../app/store.js';
import { EditorPlugins } from './EditorPlugins.js';
import { CoEditing } from './CoEditing.js';
import { FindBar, FindShortcut, findBar } from './FindShortcut.js';
import { isSafeUrl } from './links.js';
import { useAfterLoad } from './after-load.js';
import { usePreloadAfterPaint } from '../app/lazy-part.js';
import { RemoteCursors } from './remote-cursors.js';
import { ReviewLayer } from '../review/ReviewLayer.js';
import { ArticleTools, SheetTools } from '../review/SheetTools.js';
import type { EditorSlot } from '../sheet/editor-slot.js';
import { LendEditor } from './LendEditor.js';

const THEME = {
  ...ARTICLE_THEME,
  collaboration: { cursor: 'collab-caret', cursorName: 'collab-name', selection: 'collab-selection', selectionBg: 'collab-selection-bg' },
};

interface Props {
  content: ContentSession;
  review: ReviewSession;
  name: string;
  color: string;
  /** Where the editor is lent to the side panels (QA's respelling, the memory's insertions). */
  slot: EditorSlot;
}

export function ArticleEditor({ content, review, name, color, slot }: Props) {
  const facts = useStore(review);
  const targetLang = facts.targetLang;
  const editable = content.role === 'editor';
  const cursorsRef = useRef<HTMLDivElement | null>(null);
  const segments = useMemo(() => new SegmentList(), []);
  const aligner = useMemo(() => new Aligner('.editor-root'), []);
  useEffect(() => () => aligner.destroy(), [aligner]);
  const remoteCursors = useMemo(() => new RemoteCursors(), []);
  useEffect(() => remoteCursors.follow(aligner), [remoteCursors, aligner]);

  useAfterLoad(content, review, segments, aligner);
  usePreloadAfterPaint(content.onScreen, findBar);

  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: ARTICLE_NAMESPACE,
      nodes: [...ARTICLE_NODES],
      theme: THEME,
      editable,
      editorState: null, // the content comes from the room; clients never bootstrap
      onError: (error: Error) => console.error(error),
    }),
    [editable],
  );

  const providerFactory = useCallback(
    (id: string, yjsDocMap: Map<string, Doc>) => {
      yjsDocMap.set(id, content.doc);
      return content.provider as unknown as Provider;
    },
    [content],
  );

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <LexicalCollaboration>
        <SheetHead
          sourceLang={facts.sourceLang}
          targetLang={targetLang}
          hasSource={showsSources(facts)}
          tools={<SheetTools>{editable ? <Toolbar /> : null}</SheetTools>}
          articleTools={<ArticleTools />}
        />
        {editable && <FindBar />}
        {editable && <FindShortcut />}
        <div className={editable ? 'sheet' : 'sheet read-only'}>
          <SourceLayer segments={segments} review={review} aligner={aligner} />
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="editor-root"
                id="translation"
                tabIndex={editable ? undefined : 0}
                aria-label={editable ? 'Translation' : 'Translation (read only)'}
                lang={targetLang || undefined}
                spellCheck={editable}
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
          <div className="cursors" ref={cursorsRef} aria-hidden="true" />
          <ReviewLayer />
        </div>
        <CollaborationPlugin
          id={content.docId}
          providerFactory={providerFactory}
          shouldBootstrap={false}
          username={name}
          cursorColor={color}
          cursorsContainerRef={cursorsRef}
          syncCursorPositionsFn={remoteCursors.sync}
        />
        <EditorPlugins segments={segments} state={content.state} editable={editable} />
        {editable && <CoEditing content={content} />}
        {editable && <LendEditor slot={slot} />}
        {editable && <ListPlugin />}
        <LinkPlugin validateUrl={isSafeUrl} attributes={{ rel: 'noopener noreferrer', target: '_blank' }} />
        <ClickableLinkPlugin newTab disabled={editable} />
      </LexicalCollaboration>
    </LexicalComposer>
  );
}
