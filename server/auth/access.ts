// Who a bearer token speaks for: the admin, or one role on one live document (SPEC 1.4–1.6).
import type { Store } from '../storage/store.js';
import type { DocumentClaims, TokenIssuer } from './tokens.js';

export type Access =
  | { kind: 'admin' }
  | { kind: 'document'; claims: DocumentClaims }
  /** Well signed and current, but for a document that no longer exists. */
  | { kind: 'gone'; docId: string };

/**
 * `lastKnown`: with the store unreachable, the token generation a document had when last read, if
 * known (a loaded room's, SPEC 17.17); without one the store's error is thrown.
 */
export async function resolveToken(
  token: string | null | undefined,
  tokens: TokenIssuer,
  store: Store,
  lastKnown?: (docId: string) => number | undefined,
): Promise<Access | null> {
  if (!token) return null;
  if (tokens.isAdmin(token)) return { kind: 'admin' };
  const claims = await tokens.verify(token);
  if (!claims) return null;
  let doc;
  try {
    doc = await store.getDocument(claims.doc);
  } catch (error) {
    const generation = lastKnown?.(claims.doc);
    if (generation === undefined) throw error;
    return generation === claims.gen ? { kind: 'document', claims } : null;
  }
  if (!doc) return { kind: 'gone', docId: claims.doc };
  return doc.tokenGeneration === claims.gen ? { kind: 'document', claims } : null;
}
