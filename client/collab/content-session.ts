// The content room of one article: its Y.Doc, the y-websocket provider (stored acknowledgements,
// read-only sockets for non-editors, a lost connection noticed within seconds) and, for editors,
// the browser's own copy (y-indexeddb) so that edits made offline survive until they reach the
// server.
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { CloseCode, roomName, type Role } from '../../shared/schema.js';
import { MessageType } from '../../shared/wire.js';
import { ackSocketClass } from './ack-socket.js';
import { heldSocketClass } from './held-socket.js';
import { liveSocketClass } from './live-socket.js';
import { collabUrl, RETRY } from './endpoint.js';
import { LocalCopy } from './local-copy.js';
import { SegmentTexts } from './segment-texts.js';
import { StoreRetry } from './store-retry.js';
import { SyncState } from './sync-state.js';
import { afterNextPaint } from '../app/after-paint.js';

/** A provider whose socket may open before the Lexical binding exists (`openEarly`): what arrives
 *  waits until the binding calls `connect()`, and so do the other tabs of this browser. The binding
 *  must see every change (it is bound to an empty doc). */
class ContentProvider extends WebsocketProvider {
  releaseMessages: () => void = () => {};
  private early = false;
  private bound = false;
  private shown = false;
  private readonly whenShown: Array<() => void> = [];

  openEarly(): void {
    this.early = true;
    super.connect();
  }

  override connectBc(): void {
    if (!this.early) super.connectBc();
  }

  /** Runs `run` once the article is on screen (the frame after the first sync), or once a connection
   *  fails after the editor is bound (not for good): for work that need not delay the first paint. */
  readonly onScreen = (run: () => void): void => {
    if (this.shown) run();
    else this.whenShown.push(run);
  };

  private readonly show = (): void => {
    if (this.shown) return;
    this.shown = true;
    for (const run of this.whenShown.splice(0)) run();
  };

  override connect(): void {
    if (!this.bound) {
      this.bound = true;
      this.on('sync', (synced: boolean) => synced && !this.shown && afterNextPaint(this.show));
      this.on('connection-close', (event) => (!event || this.shouldReconnect(event, this)) && this.show());
      // The socket opened early may have failed already (y-websocket then waits to retry without one).
      if (this.early && this.ws === null && this.shouldConnect) this.show();
    }
    const wasEarly = this.early;
    this.early = false;
    this.releaseMessages();
    super.connect();
    // The browser's other tabs are joined once the article is on screen too (~6 ms to set up).
    if (wasEarly) this.onScreen(() => this.connectBc());
  }
}

export interface ContentSession {
  docId: string;
  role: Role;
  doc: Y.Doc;
  provider: WebsocketProvider;
  state: SyncState;
  /** The segments' plain text, kept per segment. */
  texts: SegmentTexts;
  /** Runs `run` once the article is on screen, or once a connection fails after the editor is bound. */
  onScreen(run: () => void): void;
}

export function localCopyName(docId: string): string {
  return `tandem:${docId}`;
}

export function createContentSession(docId: string, token: string, role: Role, name: string): ContentSession {
  const doc = new Y.Doc();
  const state = new SyncState();
  const readOnly = role !== 'editor';
  let persistence: LocalCopy | null = null;
  let storeRetry: StoreRetry | null = null;
  const sockets = heldSocketClass(
    liveSocketClass(
      ackSocketClass((ws, waiting) => {
        if (provider.ws !== ws) return;
        state.update({ waiting });
        // Everything this socket sent is stored: the server saves again (SPEC 10.30).
        if (!waiting) storeRetry?.acknowledged();
      }, readOnly),
      // Updates are awaited on an editor's socket only: a read-only one holds them back (ack-socket.ts).
      !readOnly,
    ),
  );
  const provider = new ContentProvider(collabUrl(), roomName(docId, 'content'), doc, {
    connect: false,
    params: { token, name, ack: '1' },
    WebSocketPolyfill: sockets.Socket,
    ...RETRY,
  });
  provider.releaseMessages = sockets.release;
  // The stored acknowledgement and the heartbeat are read by the socket; the provider only needs to
  // know they are no error.
  provider.messageHandlers[MessageType.stored] = () => {};
  provider.messageHandlers[MessageType.heartbeat] = () => {};
  if (!readOnly) {
    // The server cannot save: say so, and try again less and less often until it can (SPEC 10.30).
    storeRetry = new StoreRetry(provider, (cannotSave) => {
      state.update({ cannotSave });
      if (cannotSave) persistence?.flush();
    });
    // Its first act is to store the whole article: no work for the way to the first paint.
    provider.onScreen(() => {
      // While the server cannot save, each change goes to the browser's copy at once, as offline.
      persistence = new LocalCopy(localCopyName(docId), doc, () => provider.wsconnected && !state.get().cannotSave);
      state.update({ keptLocally: true });
    });
  }
  provider.on('status', ({ status }) => {
    if (status !== 'connected') persistence?.flush();
    state.update(status === 'connected' ? { status, synced: provider.synced } : { status, synced: false, waiting: false });
  });
  provider.on('sync', (synced: boolean) => state.update({ synced }));
  provider.on('closed', ({ code, reason }) => {
    state.close(code, reason);
    // The server refused this page's changes or the article is gone: the local copy is of no use.
    if (code === CloseCode.forbidden || code === CloseCode.notFound) void persistence?.clearData();
  });
  doc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider && origin !== persistence) state.update({ pending: true });
  });
  // The handshake and the server's loading of the room overlap the page's first render.
  provider.openEarly();
  return { docId, role, doc, provider, state, texts: new SegmentTexts(doc), onScreen: provider.onScreen };
}
