/**
 * Attack tests for GET /api/events (SECURITY.md "Resource bounds"): a client that stops reading
 * is cut off once its socket made no progress for the stall timeout (it used to keep ~4.3 MB and
 * its connection for ever), the number of open streams is capped (503 with a JSON message past
 * the cap), and /metrics reports both.
 */
import { describe, expect, it } from 'vitest';
import { StreamHub, type SseClient } from '../../src/stream/hub.ts';
import { waitFor } from '../harness/kube-client.ts';
import { useHubServer } from '../harness/sse-server.ts';

const LIMIT = 256 * 1024;
const MAX_CLIENTS = 3;
const server = useHubServer(
  { epoch: 'atk', coalesceMs: 10_000, clientMaxBufferedBytes: LIMIT, stallTimeoutMs: 1000 },
  { events: { maxClients: MAX_CLIENTS } },
);
const { hub } = server;
const openStream = server.openStream;

async function metrics(): Promise<string> {
  return (
    await server
      .app()
      .inject({ method: 'GET', url: '/metrics', headers: { host: `127.0.0.1:${server.port()}` } })
  ).body;
}

describe('SSE slow and excess clients', () => {
  it('cuts off a client that stopped reading, and reports it in /metrics', async () => {
    const stalled = await openStream();
    await waitFor('initial snapshot', () => stalled.received().includes('event: snapshot'));
    stalled.socket.pause(); // stop reading: the kernel buffers fill, then Node's
    await server.fillUntilResync(4000);
    expect(hub.stats.resyncs).toBe(1);
    // Before the cut-off existed the server held this client and its buffer for ever.
    await waitFor(
      'stalled client cut off',
      () => hub.stats.stalledCut === 1 && hub.clientCount === 0,
      20_000,
    );
    stalled.socket.resume();
    await waitFor('socket closed by the server', () => stalled.closed(), 20_000);
    expect(await metrics()).toMatch(/^gatescope_stream_stalled_cut_total 1$/m);
  }, 60_000);

  it('refuses streams past the cap with 503 and a JSON message, and reports it', async () => {
    const streams = await Promise.all(Array.from({ length: MAX_CLIENTS }, () => openStream()));
    for (const s of streams) await waitFor('snapshot', () => s.received().includes('event: snapshot'));
    const extra = await openStream();
    await waitFor('answer', () => extra.received().includes('\r\n\r\n{'));
    expect(extra.received()).toMatch(/^HTTP\/1\.1 503/);
    expect(extra.received()).toMatch(/retry-after: 10/i);
    const body = JSON.parse(extra.received().slice(extra.received().indexOf('\r\n\r\n') + 4)) as {
      message: string;
    };
    expect(body.message).toMatch(/3 event streams are open/);
    const text = await metrics();
    expect(text).toMatch(/^gatescope_stream_rejected_total 1$/m);
    expect(text).toMatch(/^gatescope_stream_max_clients 3$/m);
    // A closed stream frees its place.
    streams[0]?.socket.destroy();
    await waitFor('a place is free', () => hub.clientCount === MAX_CLIENTS - 1);
    const again = await openStream();
    await waitFor('snapshot again', () => again.received().includes('event: snapshot'));
    for (const s of [...streams, extra, again]) s.socket.destroy();
  }, 60_000);
});

describe('stall detection (unit)', () => {
  function client(state: { buffered: number; sent: number }): SseClient & { cut: boolean } {
    const c = {
      cut: false,
      write: () => true,
      get bufferedBytes() {
        return state.buffered;
      },
      get sentBytes() {
        return state.sent;
      },
      onDrain: () => {},
      end: () => {},
      destroy: () => {
        c.cut = true;
      },
    };
    return c;
  }

  it('keeps a slow reader that makes progress and cuts one that makes none', () => {
    const h = new StreamHub(
      { source: () => ({ mode: 'live', contexts: [] }), kinds: () => [], objectsJson: () => [] },
      { epoch: 'u', stallTimeoutMs: 1000 },
    );
    const slow = { buffered: 5_000_000, sent: 0 };
    const dead = { buffered: 5_000_000, sent: 0 };
    const a = client(slow);
    const b = client(dead);
    h.subscribe(a);
    h.subscribe(b);
    for (let t = 0; t <= 3000; t += 250) {
      slow.sent += 1000; // reads a little every check
      h.cutStalled(1_000_000 + t);
    }
    expect(a.cut).toBe(false);
    expect(b.cut).toBe(true);
    expect(h.clientCount).toBe(1);
    h.close();
  });
});
