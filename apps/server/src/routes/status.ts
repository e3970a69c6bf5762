/** GET /api/healthz, /api/readyz and /api/snapshot (DESIGN.md server HTTP API). */
import type { FastifyInstance } from 'fastify';
import type { DataSource } from '../source/types.ts';

export function registerStatusRoutes(app: FastifyInstance, source: DataSource): void {
  app.get('/api/healthz', async () => ({ ok: true }));

  // Ready after the first full sync of every kind the server can see (forbidden/absent count as settled).
  app.get('/api/readyz', async (_request, reply) => {
    const readiness = source.readiness();
    return reply.code(readiness.ready ? 200 : 503).send({
      ready: readiness.ready,
      waiting: readiness.waiting,
      source: source.info(),
      kinds: source.kinds(),
    });
  });

  app.get('/api/snapshot', async (_request, reply) => {
    // Bytes assembled from the store's JSON text (stream/wire-json.ts), sent as they are.
    return reply
      .header('cache-control', 'no-store')
      .type('application/json; charset=utf-8')
      .send(source.hub.snapshotJson());
  });
}
