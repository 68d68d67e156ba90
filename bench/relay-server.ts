// The floor: a WebSocket server that relays y-websocket messages between the sockets of one room
// without Yjs. It answers every join with an empty sync step 2 (so a stock client counts itself
// synced: the handshake only), forwards updates and presence to the room's other sockets as they
// came, and drops the rest (sync steps, which a relay cannot answer). Nothing is stored or checked.
// Run: npm run build:bench && node dist/bench/relay-server.js
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

const SYNC = 0;
const AWARENESS = 1;
const UPDATE = 2;
/** sync, step 2, an empty update (no structs, no deletions). */
const EMPTY_SYNC_STEP2 = Uint8Array.of(SYNC, 1, 2, 0, 0);

const rooms = new Map<string, Set<WebSocket>>();
const wss = new WebSocketServer({ noServer: true });
const server = http.createServer((_request, response) => response.end('okay'));

server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => {
    const name = new URL(request.url ?? '/', 'http://relay').pathname;
    let room = rooms.get(name);
    if (!room) rooms.set(name, (room = new Set()));
    const peers = room;
    peers.add(ws);
    ws.send(EMPTY_SYNC_STEP2);
    ws.on('message', (data: Buffer) => {
      const relayed = data[0] === AWARENESS || (data[0] === SYNC && data[1] === UPDATE);
      if (!relayed) return;
      for (const peer of peers) if (peer !== ws) peer.send(data);
    });
    ws.on('close', () => {
      peers.delete(ws);
      if (peers.size === 0 && rooms.get(name) === peers) rooms.delete(name);
    });
  });
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`listening http://127.0.0.1:${port}\n`);
});
process.once('SIGTERM', () => process.exit(0));
process.once('SIGINT', () => process.exit(0));
