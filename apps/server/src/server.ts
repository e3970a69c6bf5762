/** A Fastify instance running the Gatescope app, with the request limits of DESIGN.md. */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { gatescopeApp, type AppOptions } from './app.ts';
import { frameworkErrors } from './plugins/errors.ts';

/** Request bodies (analyze/simulate manifests) above this are refused with 413. */
export const BODY_LIMIT_BYTES = 8 * 1024 * 1024;

export interface ServerOptions extends AppOptions {
  readonly logger?: FastifyServerOptions['logger'];
  readonly bodyLimit?: number;
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? BODY_LIMIT_BYTES,
    // Behind `kubectl port-forward` or in a pod: no proxy headers are trusted.
    trustProxy: false,
    // Errors raised before the hooks (malformed URL) still get the security headers.
    frameworkErrors,
  });
  await app.register(gatescopeApp, options);
  return app;
}
