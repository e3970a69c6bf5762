/**
 * A real server around a bare StreamHub, for the SSE tests that need a real socket (a client
 * that stops reading, connection caps): the hub's objects are the test's to set, streams are raw
 * sockets whose reads the test can pause.
 */
import { afterAll, beforeAll } from 'vitest';
import { connect, type AddressInfo, type Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { WireObject } from '@gatescope/core/wire';
import { buildServer, type ServerOptions } from '../../src/server.ts';
import { StreamHub, type HubOptions } from '../../src/stream/hub.ts';
import type { DataSource } from '../../src/source/types.ts';

export interface RawStream {
  readonly socket: Socket;
  received(): string;
  closed(): boolean;
}

export interface HubServer {
  readonly hub: StreamHub;
  /** What the hub serves as its snapshot; replace freely. */
  objects: WireObject[];
  app(): FastifyInstance;
  port(): number;
  /** GET /api/events on a raw socket. */
  openStream(): Promise<RawStream>;
  /** Pushes 8 KB deltas until the hub resyncs a client that stopped reading (or `max` pushes). */
  fillUntilResync(max: number): Promise<void>;
}

/** One hub server for the calling test file, listening on a free loopback port. */
export function useHubServer(
  hubOptions: HubOptions,
  serverOptions: Omit<ServerOptions, 'source'> = {},
): HubServer {
  let app: FastifyInstance | undefined;
  let port = 0;
  const server: HubServer = {
    objects: [],
    hub: new StreamHub(
      {
        source: () => ({ mode: 'live', contexts: [] }),
        kinds: () => [],
        objectsJson: () =>
          server.objects.map((o) => ({ cluster: o.cluster, objectJson: JSON.stringify(o.object) })),
      },
      hubOptions,
    ),
    app: () => {
      if (app === undefined) throw new Error('the hub server is used before beforeAll ran');
      return app;
    },
    port: () => port,
    openStream: () => openStream(port),
    fillUntilResync: async (max) => {
      const pad = 'x'.repeat(8 * 1024);
      for (let i = 0; i < max && server.hub.stats.resyncs === 0; i++) {
        server.hub.push({
          type: 'ADDED',
          cluster: 'c',
          object: { kind: 'Service', metadata: { name: `s${i}` }, pad },
        });
        server.hub.flush();
        await new Promise((r) => setImmediate(r));
      }
    },
  };
  const source: DataSource = {
    hub: server.hub,
    info: () => ({ mode: 'live', contexts: [] }),
    kinds: () => [],
    objects: () => server.objects,
    readiness: () => ({ ready: true, waiting: [] }),
    metrics: () => ({ watchRelists: 0, discoveryFailures: 0 }),
    stop: () => server.hub.close(),
  };
  beforeAll(async () => {
    app = await buildServer({ ...serverOptions, source });
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.hub.close();
    await app?.close();
  });
  return server;
}

function openStream(port: number): Promise<RawStream> {
  return new Promise((resolve) => {
    let text = '';
    let closed = false;
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.write(
        `GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept: text/event-stream\r\n\r\n`,
      );
      resolve({ socket, received: () => text, closed: () => closed });
    });
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', () => {});
    socket.on('close', () => (closed = true));
  });
}
