// Health and metrics for operators (SPEC 8.4). /healthz is a readiness answer a load balancer can
// use: 200 while the store (and Redis, with REDIS_URL) answers, 503 while one does not (SPEC 17.6, 17.14).
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from './context.js';
import { ApiError } from './errors.js';

export function opsRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/healthz', async (request) => {
    try {
      await ctx.health.ping();
    } catch (error) {
      request.log.warn({ err: error }, 'healthz: the store does not answer');
      throw new ApiError(503, 'store_unavailable', 'the store does not answer');
    }
    try {
      await ctx.fanout?.ping();
    } catch (error) {
      request.log.warn({ err: error }, 'healthz: Redis does not answer');
      throw new ApiError(503, 'fanout_unavailable', 'Redis (the fan-out between instances) does not answer');
    }
    return { ok: true };
  });
  app.get('/metrics', async (_request, reply) => {
    reply.header('content-type', ctx.metrics.served.contentType);
    return ctx.metrics.served.metrics();
  });
}
