// Which browser pages may open a collab socket (SPEC 3.7). Browsers send an Origin header with
// every WebSocket upgrade and let no page forge it; other clients (y-websocket in Node, the CLI)
// send none and are let through, since their token is what they are checked by.
import type { IncomingMessage } from 'node:http';

export interface OriginPolicy {
  /** `*` in ALLOWED_ORIGINS: any page may connect. */
  any: boolean;
  origins: Set<string>;
}

/** The server's own origin (its Host, or PUBLIC_URL's) is always allowed; `allowed` adds others. */
export function originPolicy(allowed: readonly string[], publicUrl: string | undefined): OriginPolicy {
  const origins = new Set(allowed.filter((origin) => origin !== '*'));
  if (publicUrl) origins.add(new URL(publicUrl).origin);
  return { any: allowed.includes('*'), origins };
}

export function originAllowed(req: IncomingMessage, policy: OriginPolicy): boolean {
  const origin = req.headers.origin;
  if (origin === undefined || policy.any || policy.origins.has(origin)) return true;
  try {
    // Same origin: the page was served by this host, whichever name it was reached by.
    return new URL(origin).host === req.headers.host?.toLowerCase();
  } catch {
    return false; // "null" (a sandboxed frame, a file) or garbage
  }
}
