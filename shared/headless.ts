// A headless Lexical editor bound to a Y.Doc with the standard (V1) Yjs binding.
import { createHeadlessEditor } from '@lexical/headless';
import {
  createBinding,
  syncLexicalUpdateToYjs,
  syncYjsChangesToLexical,
  type Binding,
  type Provider,
} from '@lexical/yjs';
import { SKIP_COLLAB_TAG, type LexicalEditor } from 'lexical';
import * as Y from 'yjs';
import { ARTICLE_NAMESPACE, ARTICLE_NODES, ARTICLE_THEME } from './nodes/index.js';
import { CONTENT_ROOT } from './schema.js';

/** Origins of the transactions a headless article makes besides the binding's own. */
export const HeadlessOrigin = { load: 'headless:load', remote: 'headless:remote' } as const;
export type HeadlessOrigin = (typeof HeadlessOrigin)[keyof typeof HeadlessOrigin];

export interface Article {
  editor: LexicalEditor;
  doc: Y.Doc;
  /** The origin of the transactions the editor's own changes make. */
  binding: Binding;
  /** Runs fn inside editor.read after flushing pending work. */
  read<T>(fn: () => T): T;
  /** Runs fn as a discrete update; returns the Yjs update it produced (an empty update if nothing changed). */
  update(fn: () => void): Uint8Array;
  /** Applies an update from elsewhere and lets it reach the editor. */
  apply(update: Uint8Array, origin?: unknown): void;
  dispose(): void;
}

/** Only what the binding touches: no awareness state means no cursor sync. */
function silentProvider(): Provider {
  const noop = () => {};
  return {
    awareness: {
      getLocalState: () => null,
      getStates: () => new Map(),
      on: noop,
      off: noop,
      setLocalState: noop,
      setLocalStateField: noop,
    },
    connect: noop,
    disconnect: noop,
    on: noop,
    off: noop,
  } as Provider;
}

export function openArticle(state?: Uint8Array): Article {
  const editor = createHeadlessEditor({
    namespace: ARTICLE_NAMESPACE,
    nodes: [...ARTICLE_NODES],
    theme: ARTICLE_THEME,
    onError: (error) => {
      throw error;
    },
  });
  // The binding must see the doc empty; the stored state arrives afterwards as a remote change.
  const doc = new Y.Doc();
  const provider = silentProvider();
  const binding: Binding = createBinding(editor, provider, CONTENT_ROOT, doc, new Map([[CONTENT_ROOT, doc]]));
  const sharedRoot = binding.root.getSharedType();

  const onYjs = (events: Y.YEvent<any>[], transaction: Y.Transaction) => {
    if (transaction.origin === binding) return;
    syncYjsChangesToLexical(binding, provider, events as Y.YEvent<Y.Text>[], false, () => {});
  };
  sharedRoot.observeDeep(onYjs);
  const stopListening = editor.registerUpdateListener((p) => {
    if (p.tags.has(SKIP_COLLAB_TAG)) return;
    syncLexicalUpdateToYjs(
      binding,
      provider,
      p.prevEditorState,
      p.editorState,
      p.dirtyElements,
      p.dirtyLeaves,
      p.normalizedNodes,
      p.tags,
    );
  });

  const flush = () => editor.read(() => {});
  const apply = (update: Uint8Array, origin: unknown = HeadlessOrigin.remote) => {
    Y.applyUpdate(doc, update, origin);
    flush();
  };
  if (state) apply(state, HeadlessOrigin.load);

  return {
    editor,
    doc,
    binding,
    apply,
    read: <T>(fn: () => T): T => {
      flush();
      return editor.read(fn);
    },
    update(fn) {
      // A pending remote change batched with this update could keep it from reaching Yjs.
      flush();
      const produced: Uint8Array[] = [];
      const collect = (u: Uint8Array) => produced.push(u);
      doc.on('update', collect);
      try {
        editor.update(fn, { discrete: true });
        flush();
      } finally {
        doc.off('update', collect);
      }
      return produced.length === 0 ? Y.encodeStateAsUpdate(new Y.Doc()) : Y.mergeUpdates(produced);
    },
    dispose() {
      sharedRoot.unobserveDeep(onYjs);
      stopListening();
      doc.destroy();
    },
  };
}
