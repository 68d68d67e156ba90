// API errors: every failure answers `{error: {code, message}}` with its HTTP status (SPEC 8.1).
import type { FastifyError, FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import { ApiError, badRequest } from '../../shared/api-error.js';
import { StoreUnavailable } from '../storage/store.js';
import type { StoreHealth } from '../storage/store-health.js';

export { ApiError, badRequest, conflict, forbidden, notFound, unauthorized } from '../../shared/api-error.js';

/** Parses a value with a zod schema, turning failures into a 400 naming the first problem. */
export function parseBody<T>(schema: { parse(value: unknown): T }, value: unknown): T {
  try {
    return schema.parse(value);
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    const issue = error.issues[0];
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw badRequest(`${where}${issue.message}`);
  }
}

/** `health`: a request that failed while the store does not answer is a 503, not a 500 (SPEC 17.17). */
export function installErrorHandlers(app: FastifyInstance, health?: Pick<StoreHealth, 'ping'>): void {
  app.setErrorHandler(async (error: FastifyError | ApiError, request, reply) => {
    if (error instanceof ApiError) {
      return reply.status(error.status).send({ error: { code: error.code, message: error.message } });
    }
    const status = error.statusCode ?? 500;
    if (status === 413) {
      const message = `request body too large: at most ${app.initialConfig.bodyLimit} bytes (MAX_BODY_BYTES)`;
      return reply.status(413).send({ error: { code: 'too_large', message } });
    }
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ error: { code: 'bad_request', message: error.message } });
    }
    if (error instanceof StoreUnavailable || (health && !(await health.ping().then(() => true, () => false)))) {
      request.log.warn({ err: error }, 'request failed: the store is unreachable');
      return reply.status(503).send({ error: { code: 'store_unavailable', message: 'the store is unreachable; try again shortly' } });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send({ error: { code: 'internal', message: 'internal server error' } });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ error: { code: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` } });
  });
}
