// The address a connection comes from, for the per-address connection rate (SPEC 3.4, 8.11): the
// nearest address in X-Forwarded-For that is not a trusted proxy's (TRUST_PROXY), as the HTTP API
// reads a request's; with no proxy trusted the header is ignored, since any client can write it.
import type { IncomingMessage } from 'node:http';
import proxyAddress from '@fastify/proxy-addr';

export type TrustedProxies = (address: string, hop: number) => boolean;

/** TRUST_PROXY's addresses and ranges (or proxy-addr's names: loopback, linklocal, uniquelocal). */
export function trustedProxies(list: readonly string[]): TrustedProxies {
  return proxyAddress.compile([...list]);
}

export function clientAddress(req: IncomingMessage, trusted: TrustedProxies): string {
  return proxyAddress(req, trusted) ?? req.socket.remoteAddress ?? '';
}
