// Other live editors for the "three typists" scenario: headless Lexical editors in this process,
// each bound with Lexical's own Yjs binding to a stock y-websocket provider (so they also publish
// their caret through awareness, as a browser would), typing Bengali into their own segment at
// about five keystrokes a second.
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { createHeadlessEditor } from '@lexical/headless';
import { createBinding, initLocalState, syncLexicalUpdateToYjs, syncYjsChangesToLexical, type Provider } from '@lexical/yjs';
import { $getRoot, SKIP_COLLAB_TAG } from 'lexical';
import { $isSegmentNode, ARTICLE_NAMESPACE, ARTICLE_NODES, ARTICLE_THEME } from '../../shared/nodes/index.js';
import { $selectRange } from '../../shared/ranges.js';
import { CONTENT_ROOT } from '../../shared/schema.js';
import { withTimeout } from '../wait.js';

/** Typed code point by code point, as a Bengali keyboard layout inserts them. */
const PHRASE = [...' নতুন তথ্য পাওয়া গেছে,'];

export interface Typist {
  typed(): number;
  start(): void;
  stop(): void;
  destroy(): void;
}

export interface TypistOptions {
  wsUrl: string;
  docId: string;
  token: string;
  name: string;
  color: string;
  segment: number;
  intervalMs: number;
  seed: number;
  /** Called with a description of anything unexpected (a close, an error, a failed keystroke). */
  onProblem(what: string): void;
}

export async function connectTypist(o: TypistOptions): Promise<Typist> {
  const editor = createHeadlessEditor({ namespace: ARTICLE_NAMESPACE, nodes: [...ARTICLE_NODES], theme: ARTICLE_THEME, onError: (e) => o.onProblem(e.message) });
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(o.wsUrl, o.docId, doc, {
    connect: false,
    params: { token: o.token, name: o.name },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const lexicalProvider = provider as unknown as Provider;
  // Bound to the still empty doc; the room's state arrives afterwards as a remote change.
  const binding = createBinding(editor, lexicalProvider, CONTENT_ROOT, doc, new Map([[CONTENT_ROOT, doc]]));
  const shared = binding.root.getSharedType();
  const onYjs = (events: Y.YEvent<any>[], transaction: Y.Transaction) => {
    if (transaction.origin !== binding) syncYjsChangesToLexical(binding, lexicalProvider, events as Y.YEvent<Y.Text>[], false, () => {});
  };
  shared.observeDeep(onYjs);
  const stopListening = editor.registerUpdateListener((p) => {
    if (p.tags.has(SKIP_COLLAB_TAG)) return;
    syncLexicalUpdateToYjs(binding, lexicalProvider, p.prevEditorState, p.editorState, p.dirtyElements, p.dirtyLeaves, p.normalizedNodes, p.tags);
  });
  let closing = false;
  provider.on('connection-close', (event) => !closing && o.onProblem(`${o.name}: connection closed ${event?.code ?? ''}`));
  initLocalState(lexicalProvider, o.name, o.color, true, {});
  const synced = new Promise<void>((resolve) => provider.on('sync', (s: boolean) => s && resolve()));
  provider.connect();
  await withTimeout(synced, 30_000, `${o.name} sync`);

  editor.read(() => {});
  let offset = editor.read(() => {
    const segment = $getRoot().getChildAtIndex(o.segment);
    if (!$isSegmentNode(segment)) throw new Error(`${o.name}: no segment ${o.segment}`);
    const text = segment.getTextContent();
    return text.indexOf(' ', Math.floor(text.length / 2));
  });
  let seed = o.seed;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  let typed = 0;
  let timer: NodeJS.Timeout | null = null;
  const type = () => {
    const char = PHRASE[typed % PHRASE.length];
    editor.read(() => {}); // flush pending remote changes first (see DESIGN.md, Known pitfalls)
    editor.update(
      () => {
        const segment = $getRoot().getChildAtIndex(o.segment);
        const selection = $isSegmentNode(segment) ? $selectRange(segment, offset, offset) : null;
        if (!selection) throw new Error(`${o.name}: no caret at ${offset}`);
        selection.insertText(char);
      },
      { discrete: true },
    );
    offset += char.length;
    typed++;
  };
  const tick = () => {
    try {
      type();
    } catch (error) {
      o.onProblem(error instanceof Error ? error.message : String(error));
      return;
    }
    timer = setTimeout(tick, o.intervalMs * (0.7 + 0.6 * random()));
  };
  const stop = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  return {
    typed: () => typed,
    start: () => {
      if (!timer) timer = setTimeout(tick, o.intervalMs * random());
    },
    stop,
    destroy() {
      stop();
      closing = true;
      shared.unobserveDeep(onYjs);
      stopListening();
      provider.destroy();
      doc.destroy();
    },
  };
}
