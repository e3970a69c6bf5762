/**
 * Every error leaves as JSON `{ error, message }`: 400 for bad input, 413 for bodies over the
 * limit, never a stack trace. Unexpected errors are logged in full and answered generically.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SECURITY_HEADERS } from './security.ts';

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

/**
 * Fastify's `frameworkErrors` option: errors it raises before any hook runs (a malformed URL
 * escape, a path parameter over the length limit) would otherwise be written raw, without the
 * security headers. Pass it to the Fastify constructor.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const code = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
  void reply
    .code(code)
    .header('content-type', 'application/json; charset=utf-8')
    .send({ error: code === 414 ? 'URI Too Long' : 'Bad Request', message: 'the request URL is not valid' });
}
