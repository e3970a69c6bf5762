/**
 * GET /api/events: the SSE stream (snapshot, deltas, status, heartbeats). The reply is hijacked,
 * so the security headers Fastify would add are written here too.
 */
import type { FastifyInstance } from 'fastify';
import type { ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from '../plugins/security.ts';
import type { SseClient } from '../stream/hub.ts';
import type { DataSource } from '../source/types.ts';

function clientOf(res: ServerResponse): SseClient {
  return {
    write: (chunk) => res.write(chunk),
    get bufferedBytes() {
      return res.writableLength;
    },
    onDrain: (callback) => res.once('drain', callback),
    end: () => res.end(),
  };
}

export function registerEventRoutes(app: FastifyInstance, source: DataSource): void {
  const open = new Set<ServerResponse>();
  // Streams never end on their own: end them so that app.close() does not wait forever.
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
  });
  app.get('/api/events', (request, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    // EventSource reconnects after this many ms when the connection drops.
    res.write('retry: 2000\n\n');
    const client = clientOf(res);
    const lastEventId = request.headers['last-event-id'];
    // The hub of this stream: a demo source that turns live swaps its hub, not its streams.
    const hub = source.hub;
    hub.subscribe(client, typeof lastEventId === 'string' ? lastEventId : undefined);
    open.add(res);
    res.on('close', () => {
      open.delete(res);
      hub.unsubscribe(client);
    });
  });
}
