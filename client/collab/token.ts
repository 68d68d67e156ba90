// Reads a role link's token (a JWT) for display only: the server checks it on every request.
import { decodeJwt } from 'jose';
import { ROLES, type Role } from '../../shared/schema.js';

export interface TokenClaims {
  doc: string | null;
  role: Role | null;
  name: string | null;
  exp: number | null;
  /** The token holder's id: equals `authorId` on what this holder writes. */
  sub: string | null;
}

export function readClaims(token: string | null): TokenClaims {
  const empty: TokenClaims = { doc: null, role: null, name: null, exp: null, sub: null };
  if (!token) return empty;
  try {
    const claims = decodeJwt(token);
    return {
      doc: typeof claims.doc === 'string' ? claims.doc : null,
      role: ROLES.includes(claims.role as Role) ? (claims.role as Role) : null,
      name: typeof claims.name === 'string' ? claims.name : null,
      exp: typeof claims.exp === 'number' ? claims.exp : null,
      sub: typeof claims.sub === 'string' ? claims.sub : null,
    };
  } catch {
    return empty;
  }
}
