/**
 * GET /api/events: the SSE stream (snapshot, deltas, status, heartbeats). The reply is hijacked,
 * so the security headers Fastify would add are written here too. At most `maxClients` streams
 * are open at once (each may hold up to the hub's per-client buffer limit): past that a client
 * gets 503 with a JSON message and Retry-After, and EventSource retries later.
 */
import type { FastifyInstance } from 'fastify';
import type { ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from '../plugins/security.ts';
import type { SseClient } from '../stream/hub.ts';
import type { DataSource } from '../source/types.ts';

/**
 * Default cap on open streams: with the hub's ~4 MB per-client buffer limit, 32 stalled clients
 * hold at most ~140 MB, which the Deployment's 512 Mi limit absorbs beside the server's own ~130 MB.
 */
export const MAX_STREAM_CLIENTS = 32;

export interface EventRouteOptions {
  readonly maxClients?: number;
}

/** What /metrics reports about the streams beside the hub's own counters. */
export interface EventStats {
  readonly maxClients: number;
  /** Streams refused because `maxClients` were open. */
  rejected: number;
}

function clientOf(res: ServerResponse): SseClient {
  return {
    write: (chunk) => res.write(chunk),
    get bufferedBytes() {
      return res.writableLength;
    },
    get sentBytes() {
      return res.socket?.bytesWritten ?? 0;
    },
    onDrain: (callback) => res.once('drain', callback),
    end: () => res.end(),
    destroy: () => res.destroy(),
  };
}

export function registerEventRoutes(
  app: FastifyInstance,
  source: DataSource,
  options: EventRouteOptions = {},
): EventStats {
  const stats: EventStats = { maxClients: options.maxClients ?? MAX_STREAM_CLIENTS, rejected: 0 };
  const open = new Set<ServerResponse>();
  // Streams never end on their own: end them so that app.close() does not wait forever.
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
  });
  app.get('/api/events', (request, reply) => {
    if (open.size >= stats.maxClients) {
      stats.rejected++;
      return reply
        .code(503)
        .header('retry-after', '10')
        .send({
          error: 'Service Unavailable',
          message: `${open.size} event streams are open, the most this server accepts; retry later or close other tabs`,
        });
    }
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
    return reply;
  });
  return stats;
}
