// Document tokens: HS256 JWTs naming one document, a role and the token generation they belong to.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { ROLES, type Role } from '../../shared/schema.js';

export interface DocumentClaims {
  doc: string;
  role: Role;
  gen: number;
  name?: string;
}

export type Principal = { kind: 'admin' } | ({ kind: 'document' } & DocumentClaims);

export interface TokenIssuer {
  sign(claims: DocumentClaims, expiresIn?: string | number): Promise<string>;
  /** The claims of a well-signed, unexpired token; null otherwise. Revocation is checked by the caller. */
  verify(token: string): Promise<DocumentClaims | null>;
  isAdmin(token: string): boolean;
}

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function createTokenIssuer(secret: string, adminToken: string): TokenIssuer {
  const key = new TextEncoder().encode(secret);
  const admin = Buffer.from(adminToken);
  return {
    async sign(claims, expiresIn) {
      const jwt = new SignJWT({ ...claims }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt();
      if (expiresIn !== undefined) jwt.setExpirationTime(typeof expiresIn === 'number' ? `${expiresIn}s` : expiresIn);
      return jwt.sign(key);
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'] });
        const { doc, role, gen, name } = payload;
        if (typeof doc !== 'string' || !ROLES.includes(role as Role) || typeof gen !== 'number') return null;
        return { doc, role: role as Role, gen, ...(typeof name === 'string' ? { name } : {}) };
      } catch {
        return null;
      }
    },
    isAdmin(token) {
      const given = Buffer.from(token);
      return given.length === admin.length && timingSafeEqual(given, admin);
    },
  };
}
