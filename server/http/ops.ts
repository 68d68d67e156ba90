// Health and metrics for operators (SPEC 8.4).
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from './context.js';

export function opsRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/healthz', async () => ({ ok: true }));
  app.get('/metrics', async (_request, reply) => {
    reply.header('content-type', ctx.metrics.served.contentType);
    return ctx.metrics.served.metrics();
  });
}
