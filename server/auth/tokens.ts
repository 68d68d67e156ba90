// Document tokens: HS256 JWTs naming one document, a role and the token generation they belong to.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { ROLES, type Role } from '../../shared/schema.js';

export interface DocumentClaims {
  doc: string;
  role: Role;
  gen: number;
  /** Who holds the token: everyone sharing one link is one author; a personal token is its own. */
  sub: string;
  name?: string;
  /** Expiry, seconds since the epoch. */
  exp?: number;
}

export interface TokenIssuer {
  /** Signs claims; a new `sub` is made unless given. */
  sign(claims: Omit<DocumentClaims, 'sub'> & { sub?: string }, expiresIn?: string | number | Date): Promise<string>;
  /** The claims of a well-signed, unexpired token; null otherwise. Revocation is checked by the caller. */
  verify(token: string): Promise<DocumentClaims | null>;
  isAdmin(token: string): boolean;
}

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Verified tokens kept for a minute (revocation is checked apart), and a verification under way
 * shared by whoever asks meanwhile: a reconnect storm, its joins arriving at once, verifies once.
 */
const VERIFIED_CACHE_SIZE = 2000;
const VERIFIED_CACHE_MS = 60_000;

export function createTokenIssuer(secret: string, adminToken: string): TokenIssuer {
  const key = new TextEncoder().encode(secret);
  const admin = Buffer.from(adminToken);
  const verified = new Map<string, { claims: DocumentClaims; until: number }>();
  const verifying = new Map<string, Promise<DocumentClaims | null>>();
  return {
    async sign(claims, expiresIn) {
      const jwt = new SignJWT({ ...claims, sub: claims.sub ?? randomBytes(9).toString('base64url') })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuedAt();
      if (expiresIn !== undefined) jwt.setExpirationTime(typeof expiresIn === 'number' ? `${expiresIn}s` : expiresIn);
      return jwt.sign(key);
    },
    async verify(token) {
      const cached = verified.get(token);
      if (cached && cached.until > Date.now()) return cached.claims;
      verified.delete(token);
      let pending = verifying.get(token);
      if (!pending) {
        pending = verifyToken(token).then((claims) => {
          verifying.delete(token);
          if (claims) {
            if (verified.size >= VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value!);
            verified.set(token, { claims, until: Math.min(Date.now() + VERIFIED_CACHE_MS, (claims.exp ?? Infinity) * 1000) });
          }
          return claims;
        });
        verifying.set(token, pending);
      }
      return pending;
    },
    isAdmin(token) {
      const given = Buffer.from(token);
      return given.length === admin.length && timingSafeEqual(given, admin);
    },
  };

  async function verifyToken(token: string): Promise<DocumentClaims | null> {
    try {
      const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'] });
      const { doc, role, gen, name, sub, exp } = payload;
      if (typeof doc !== 'string' || !ROLES.includes(role as Role) || typeof gen !== 'number' || typeof sub !== 'string') return null;
      return { doc, role: role as Role, gen, sub, ...(typeof name === 'string' ? { name } : {}), ...(exp ? { exp } : {}) };
    } catch {
      return null;
    }
  }
}
