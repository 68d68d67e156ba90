// Headers on every HTTP answer (SPEC 8.9): tokens travel in links, so no page hands its address
// to another site; the page runs only the bundle it was served with and is never framed. No
// Cross-Origin-Opener-Policy: it makes Chromium open the page in a new process, ~150 ms more to
// the first paint, and the desk opens other sites' links with noopener anyway.
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** A Host header fit to be written into a policy: a name or address and a port, nothing else. */
const PLAIN_HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/**
 * The built client needs its own scripts (the QA worker too), stylesheets (constructed ones for
 * highlights are CSSOM, which style-src does not restrict), fonts and icon, and its own host's
 * sockets, named as ws:/wss: too since older browsers do not count them as 'self'.
 */
export function contentSecurityPolicy(request: FastifyRequest): string {
  const host = request.headers.host ?? '';
  const sockets = PLAIN_HOST.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "font-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self'${sockets}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.headers({
      'content-security-policy': contentSecurityPolicy(request),
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    });
  });
}
