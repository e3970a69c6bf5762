/** The built SPA (apps/web/dist): static files, and index.html for the client-side routes. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { jsonNotFound } from '../plugins/errors.ts';

export async function registerSpa(app: FastifyInstance, webRoot: string | undefined): Promise<boolean> {
  if (webRoot === undefined || !existsSync(join(webRoot, 'index.html'))) return false;
  await app.register(fastifyStatic, { root: webRoot, wildcard: true, index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (request.method === 'GET' && !path.startsWith('/api/') && !path.includes('.')) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return jsonNotFound(request, reply);
  });
  return true;
}
