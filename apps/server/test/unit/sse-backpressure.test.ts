/**
 * A real socket that stops reading: the server stops queueing deltas for it once its buffer is
 * over the limit, and sends it one fresh snapshot when it reads again.
 */
import { describe, expect, it } from 'vitest';
import { waitFor } from '../harness/kube-client.ts';
import { useHubServer } from '../harness/sse-server.ts';

const LIMIT = 256 * 1024;
const server = useHubServer({ epoch: 'bp', coalesceMs: 10_000, clientMaxBufferedBytes: LIMIT });
const { hub } = server;

describe('SSE backpressure on a real socket', () => {
  it('never queues more than the limit for a stalled client and resyncs it with a snapshot', async () => {
    const stalled = await server.openStream();
    await waitFor('initial snapshot', () => stalled.received().includes('event: snapshot'));
    stalled.socket.pause(); // stop reading: the kernel buffers fill, then Node's
    await server.fillUntilResync(2000);
    expect(hub.stats.resyncs).toBe(1);
    const big = 'x'.repeat(8 * 1024);
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

    server.objects = [{ cluster: 'c', object: { kind: 'Service', metadata: { name: 'final' } } }];
    stalled.socket.resume();
    await waitFor('resync snapshot', () => stalled.received().split('event: snapshot').length === 3);
    const last = stalled.received().split('event: snapshot').at(-1) ?? '';
    expect(last).toContain('"final"');
    expect(stalled.received()).not.toContain('"late199"');
    expect(hub.currentSeq).toBeGreaterThan(resyncSeq);
    stalled.socket.destroy();
  });
});
