// Real clients in Node: the stock y-websocket provider, and raw sockets for what it would never send.
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';

// In Node each provider listens for the process's exit; tests that hold a dozen clients at once
// would pass Node's default of 10 listeners and print a leak warning for nothing.
process.setMaxListeners(Math.max(process.getMaxListeners(), 64));

export interface ProviderOptions {
  token: string;
  name?: string;
  doc?: Y.Doc;
  connect?: boolean;
}

/** A stock WebsocketProvider; `closes` records every close event it sees. */
export function connectProvider(wsUrl: string, room: string, { token, name, doc = new Y.Doc(), connect = true }: ProviderOptions) {
  const params: Record<string, string> = { token };
  if (name) params.name = name;
  const provider = new WebsocketProvider(wsUrl, room, doc, {
    params,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    connect,
    disableBc: true,
  });
  const closes: Array<{ code: number; reason: string }> = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: String(event.reason) });
  });
  return { provider, doc, closes, destroy: () => { provider.destroy(); doc.destroy(); } };
}

/** A raw socket: resolves once open (or closed); records messages and the close. */
export function rawSocket(url: string, options?: WebSocket.ClientOptions) {
  const ws = new WebSocket(url, options);
  const messages: Uint8Array[] = [];
  const state = { open: false, close: null as null | { code: number; reason: string } };
  ws.on('message', (data: Buffer) => messages.push(new Uint8Array(data)));
  ws.on('close', (code, reason) => (state.close = { code, reason: reason.toString() }));
  ws.on('error', () => {});
  const opened = new Promise<void>((resolve) => {
    ws.on('open', () => {
      state.open = true;
      resolve();
    });
    ws.on('close', () => resolve());
  });
  return { ws, messages, state, opened };
}
