/**
 * A real socket that stops reading: the server stops queueing deltas for it once its buffer is
 * over the limit, and sends it one fresh snapshot when it reads again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { WireObject } from '@gatescope/core/wire';
import { buildServer } from '../../src/server.ts';
import { StreamHub } from '../../src/stream/hub.ts';
import type { DataSource } from '../../src/source/types.ts';
import { waitFor } from '../harness/kube-client.ts';

const LIMIT = 256 * 1024;
let objects: WireObject[] = [];
const hub = new StreamHub(
  {
    source: () => ({ mode: 'live', contexts: [] }),
    kinds: () => [],
    objectsJson: () => objects.map((o) => ({ cluster: o.cluster, objectJson: JSON.stringify(o.object) })),
  },
  { epoch: 'bp', coalesceMs: 10_000, clientMaxBufferedBytes: LIMIT },
);
const source: DataSource = {
  hub,
  info: () => ({ mode: 'live', contexts: [] }),
  kinds: () => [],
  objects: () => objects,
  readiness: () => ({ ready: true, waiting: [] }),
  metrics: () => ({ watchRelists: 0, discoveryFailures: 0 }),
  stop: () => hub.close(),
};

let app: FastifyInstance;
let port: number;

beforeAll(async () => {
  app = await buildServer({ source });
  await app.listen({ host: '127.0.0.1', port: 0 });
  port = (app.server.address() as AddressInfo).port;
});
afterAll(async () => {
  hub.close();
  await app.close();
});

function openStream(): Promise<{ socket: Socket; received: () => string }> {
  return new Promise((resolve) => {
    let text = '';
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.write(
        `GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept: text/event-stream\r\n\r\n`,
      );
      resolve({ socket, received: () => text });
    });
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
  });
}

describe('SSE backpressure on a real socket', () => {
  it('never queues more than the limit for a stalled client and resyncs it with a snapshot', async () => {
    const stalled = await openStream();
    await waitFor('initial snapshot', () => stalled.received().includes('event: snapshot'));
    stalled.socket.pause(); // stop reading: the kernel buffers fill, then Node's

    const big = 'x'.repeat(8 * 1024);
    for (let i = 0; i < 2000 && hub.stats.resyncs === 0; i++) {
      hub.push({
        type: 'ADDED',
        cluster: 'c',
        object: { kind: 'Service', metadata: { name: `s${i}` }, pad: big },
      });
      hub.flush();
      await new Promise((r) => setImmediate(r));
    }
    expect(hub.stats.resyncs).toBe(1);
    const resyncSeq = hub.currentSeq;
    // Deltas after the cut are not queued for the stalled client.
    for (let i = 0; i < 200; i++) {
      hub.push({
        type: 'ADDED',
        cluster: 'c',
        object: { kind: 'Service', metadata: { name: `late${i}` }, pad: big },
      });
      hub.flush();
    }
    // What the server holds for it stays at the limit plus the one frame that crossed it.
    expect(hub.maxClientBufferedBytes()).toBeLessThanOrEqual(LIMIT + big.length + 1024);

    objects = [{ cluster: 'c', object: { kind: 'Service', metadata: { name: 'final' } } }];
    stalled.socket.resume();
    await waitFor('resync snapshot', () => stalled.received().split('event: snapshot').length === 3);
    const last = stalled.received().split('event: snapshot').at(-1) ?? '';
    expect(last).toContain('"final"');
    expect(stalled.received()).not.toContain('"late199"');
    expect(hub.currentSeq).toBeGreaterThan(resyncSeq);
    stalled.socket.destroy();
  });
});
