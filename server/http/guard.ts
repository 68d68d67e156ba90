// Role checks for HTTP routes, done before any body validation (SPEC 8.2).
import type { FastifyRequest } from 'fastify';
import { ROLES, type Role } from '../../shared/schema.js';
import { resolveToken, type Access } from '../auth/access.js';
import type { DocumentClaims, TokenIssuer } from '../auth/tokens.js';
import type { Store } from '../storage/store.js';
import { forbidden, notFound, unauthorized } from './errors.js';

export interface Caller {
  /** null for the admin. */
  role: Role | null;
  /** The token's claims; null for the admin. */
  claims: DocumentClaims | null;
}

function bearer(request: FastifyRequest, allowQuery: boolean): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const query = (request.query as Record<string, unknown> | undefined)?.token;
  return allowQuery && typeof query === 'string' ? query : null;
}

export function createGuard(tokens: TokenIssuer, store: Store) {
  async function access(request: FastifyRequest, allowQuery = false): Promise<Access> {
    const found = await resolveToken(bearer(request, allowQuery), tokens, store);
    if (!found) throw unauthorized();
    return found;
  }

  return {
    async admin(request: FastifyRequest): Promise<void> {
      const found = await access(request);
      if (found.kind !== 'admin') throw forbidden('this needs the admin token');
    },

    /** A caller of document `docId` with at least role `least`; the admin passes for reading, or where it may act. */
    async document(request: FastifyRequest, docId: string, least: Role, opts: { allowQuery?: boolean; adminActs?: boolean } = {}): Promise<Caller> {
      const found = await access(request, opts.allowQuery);
      if (found.kind === 'admin') {
        if (least !== 'viewer' && !opts.adminActs) throw forbidden('the admin token cannot act on an article; use a role link');
        if (!(await store.getDocument(docId))) throw notFound();
        return { role: null, claims: null };
      }
      if (found.kind === 'gone') throw found.docId === docId ? notFound() : unauthorized();
      if (found.claims.doc !== docId) throw unauthorized('this token is for another document');
      if (ROLES.indexOf(found.claims.role) < ROLES.indexOf(least)) throw forbidden(`a ${found.claims.role} may not do this`);
      return { role: found.claims.role, claims: found.claims };
    },
  };
}

export type Guard = ReturnType<typeof createGuard>;
