// Links that open an article in the browser with one role.
import type { FastifyRequest } from 'fastify';
import { ROLES, type Role } from '../../shared/schema.js';
import type { ApiContext } from './context.js';

export function baseUrl(ctx: ApiContext, request: FastifyRequest): string {
  return ctx.publicUrl?.replace(/\/+$/, '') ?? `${request.protocol}://${request.host}`;
}

export function articleLink(base: string, docId: string, token: string): string {
  return `${base}/d/${docId}?token=${encodeURIComponent(token)}`;
}

/** A fresh token and link for every role. */
export async function roleLinks(ctx: ApiContext, base: string, docId: string, gen: number) {
  const tokens = {} as Record<Role, string>;
  const links = {} as Record<Role, string>;
  for (const role of ROLES) {
    tokens[role] = await ctx.tokens.sign({ doc: docId, role, gen });
    links[role] = articleLink(base, docId, tokens[role]);
  }
  return { tokens, links };
}
