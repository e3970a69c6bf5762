/**
 * Every error leaves as JSON `{ error, message }`: 400 for bad input, 413 for bodies over the
 * limit, never a stack trace. Unexpected errors are logged in full and answered generically.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply
        .code(500)
        .send({ error: 'Internal Server Error', message: 'internal error (see server log)' });
    }
    const name =
      status === 413 ? 'Payload Too Large' : status === 415 ? 'Unsupported Media Type' : 'Bad Request';
    const code = status === 413 || status === 415 || status === 404 || status === 403 ? status : 400;
    return reply.code(code).send({ error: code === 404 ? 'Not Found' : name, message: error.message });
  });
}

export function jsonNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const path = request.url.split('?')[0] ?? '';
  return reply.code(404).send({ error: 'Not Found', message: `no route ${request.method} ${path}` });
}
