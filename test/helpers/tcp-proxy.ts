// A TCP proxy a test can cut and restore: a server pointed at its database through it sees the
// database become unreachable (every connection ends, new ones are refused) and come back (SPEC 17.17).
import { connect, createServer, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  /** `url` with its host and port replaced by the proxy's. */
  via(url: string): string;
  /** Ends every connection through the proxy; new ones are ended as soon as they open. */
  cut(): void;
  restore(): void;
  /** Holds back what the server sends through the proxy, connections staying open (a slow link). */
  hold(): void;
  /** Delivers what was held back, in order, and stops holding. */
  release(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(host: string, port: number): Promise<TcpProxy> {
  let open = true;
  let held: Array<[Socket, Buffer]> | null = null;
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  };
  const server = createServer((client) => {
    track(client);
    if (!open) return void client.destroy();
    const upstream = connect(port, host);
    track(upstream);
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => (held ? held.push([client, chunk]) : client.write(chunk)));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxyPort = (server.address() as { port: number }).port;
  const endAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  return {
    port: proxyPort,
    via(url) {
      const parsed = new URL(url);
      parsed.hostname = '127.0.0.1';
      parsed.port = String(proxyPort);
      return parsed.toString();
    },
    cut() {
      open = false;
      endAll();
    },
    restore() {
      open = true;
    },
    hold() {
      held ??= [];
    },
    release() {
      const delivered = held ?? [];
      held = null;
      for (const [client, chunk] of delivered) if (!client.destroyed) client.write(chunk);
    },
    close() {
      endAll();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
