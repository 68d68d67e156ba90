// The floor: Lexical's CollaborationPlugin bound to the same content room through a stock
// y-websocket provider, with the article's nodes and theme, and nothing else. The query string
// names the Tandem server's /collab URL, the document and an editor token.
import '@fontsource/noto-sans-bengali/400.css';
import { createRoot } from 'react-dom/client';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext';
import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import type { Provider } from '@lexical/yjs';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { ARTICLE_NAMESPACE, ARTICLE_NODES, ARTICLE_THEME } from '../../../shared/nodes/index.js';

const query = new URLSearchParams(location.search);
const collabUrl = query.get('ws') ?? '';
const docId = query.get('doc') ?? '';
const token = query.get('token') ?? '';

const initialConfig: InitialConfigType = {
  namespace: ARTICLE_NAMESPACE,
  nodes: [...ARTICLE_NODES],
  theme: ARTICLE_THEME,
  editorState: null,
  onError: (error: Error) => console.error(error),
};

// Module level, so its identity is stable.
function providerFactory(id: string, yjsDocMap: Map<string, Y.Doc>): Provider {
  const doc = new Y.Doc();
  yjsDocMap.set(id, doc);
  return new WebsocketProvider(collabUrl, id, doc, { connect: false, params: { token } }) as unknown as Provider;
}

createRoot(document.getElementById('root')!).render(
  <LexicalComposer initialConfig={initialConfig}>
    <LexicalCollaboration>
      <RichTextPlugin contentEditable={<ContentEditable className="editor-root" lang="bn" />} ErrorBoundary={LexicalErrorBoundary} />
      <CollaborationPlugin id={docId} providerFactory={providerFactory} shouldBootstrap={false} />
    </LexicalCollaboration>
  </LexicalComposer>,
);
