import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KindStatus, WatchChange, WireObject } from '@gatescope/core/wire';
import { StreamHub, type HubOptions, type SseClient } from '../../src/stream/hub.ts';
import { serializeSnapshot } from '../../src/stream/snapshot-cache.ts';
import { parseEventId } from '../../src/stream/sse.ts';

interface Frame {
  id?: string;
  event: string;
  data: { seq?: number; changes?: WatchChange[]; objects?: WireObject[]; kinds?: KindStatus[] };
}

/** A client whose socket buffer the test controls. */
class FakeClient implements SseClient {
  frames: Frame[] = [];
  /** Every chunk exactly as written (to compare bytes and identity across clients). */
  chunks: (string | Uint8Array)[] = [];
  bufferedBytes = 0;
  ended = false;
  private drain: (() => void) | undefined;

  write(raw: string | Uint8Array): boolean {
    this.chunks.push(raw);
    const chunk = typeof raw === 'string' ? raw : new TextDecoder().decode(raw);
    for (const block of chunk.split('\n\n').filter((b) => b !== '')) {
      const frame: Frame = { event: '', data: {} };
      for (const line of block.split('\n')) {
        if (line.startsWith('id: ')) frame.id = line.slice(4);
        if (line.startsWith('event: ')) frame.event = line.slice(7);
        if (line.startsWith('data: ')) frame.data = JSON.parse(line.slice(6)) as Frame['data'];
      }
      this.frames.push(frame);
    }
    return true;
  }
  onDrain(callback: () => void): void {
    this.drain = callback;
  }
  end(): void {
    this.ended = true;
  }
  drainNow(): void {
    this.bufferedBytes = 0;
    const callback = this.drain;
    this.drain = undefined;
    callback?.();
  }
  events(name: string): Frame[] {
    return this.frames.filter((f) => f.event === name);
  }
}

function change(name: string, type: WatchChange['type'] = 'ADDED'): WatchChange {
  return {
    type,
    cluster: 'c',
    object: { apiVersion: 'v1', kind: 'Service', metadata: { namespace: 'ns', name } },
  };
}

let objects: WireObject[];
let kinds: KindStatus[];
let hub: StreamHub;
let serializer: ReturnType<typeof vi.fn<NonNullable<HubOptions['serializeSnapshot']>>>;
let objectCalls: number;
let sourceReason: string | undefined;

beforeEach(() => {
  vi.useFakeTimers();
  objects = [];
  kinds = [];
  objectCalls = 0;
  sourceReason = undefined;
  serializer = vi.fn(serializeSnapshot);
  hub = new StreamHub(
    {
      source: () => ({
        mode: 'live',
        contexts: [],
        ...(sourceReason === undefined ? {} : { reason: sourceReason }),
      }),
      kinds: () => kinds,
      objectsJson: () => {
        objectCalls++;
        return objects.map((o) => ({ cluster: o.cluster, objectJson: JSON.stringify(o.object) }));
      },
    },
    {
      epoch: 'E1',
      coalesceMs: 150,
      heartbeatMs: 20_000,
      ringEntries: 4,
      clientMaxBufferedBytes: 1000,
      serializeSnapshot: serializer,
    },
  );
});
afterEach(() => {
  hub.close();
  vi.useRealTimers();
});

describe('StreamHub', () => {
  it('sends a snapshot first, with id epoch:seq', () => {
    objects = [{ cluster: 'c', object: { kind: 'Service' } }];
    const client = new FakeClient();
    expect(hub.subscribe(client)).toBe('snapshot');
    expect(client.frames).toHaveLength(1);
    expect(client.frames[0]).toMatchObject({ event: 'snapshot', id: 'E1:0', data: { seq: 0, objects } });
  });

  it('coalesces changes within the window into one delta, in order', () => {
    const client = new FakeClient();
    hub.subscribe(client);
    hub.push(change('a'));
    vi.advanceTimersByTime(100);
    hub.push(change('a', 'MODIFIED'));
    hub.push(change('b'));
    expect(client.events('delta')).toHaveLength(0);
    vi.advanceTimersByTime(50);
    const deltas = client.events('delta');
    expect(deltas).toHaveLength(1);
    expect(deltas[0]?.id).toBe('E1:1');
    expect(
      deltas[0]?.data.changes?.map(
        (c) => `${c.type} ${String((c.object['metadata'] as { name: string }).name)}`,
      ),
    ).toEqual(['ADDED a', 'MODIFIED a', 'ADDED b']);
    hub.push(change('c'));
    vi.advanceTimersByTime(150);
    expect(client.events('delta').map((d) => d.id)).toEqual(['E1:1', 'E1:2']);
  });

  it('sends status events when a kind state changes', () => {
    const client = new FakeClient();
    hub.subscribe(client);
    kinds = [
      {
        cluster: 'c',
        group: '',
        version: 'v1',
        kind: 'Service',
        resource: 'services',
        state: 'forbidden',
        count: 0,
        restarts: 0,
      },
    ];
    hub.statusChanged();
    vi.advanceTimersByTime(150);
    expect(client.events('status')[0]?.data.kinds).toEqual(kinds);
  });

  it('flushes pending changes before a snapshot so the snapshot is the state at its seq', () => {
    hub.push(change('a'));
    const snapshot = hub.snapshotParts();
    expect(snapshot.seq).toBe(1);
    const client = new FakeClient();
    hub.subscribe(client);
    vi.advanceTimersByTime(1000);
    expect(client.events('delta')).toHaveLength(0);
  });

  it('resumes from Last-Event-ID out of the ring buffer without a snapshot', () => {
    for (const name of ['a', 'b', 'c']) {
      hub.push(change(name));
      vi.advanceTimersByTime(150);
    }
    const client = new FakeClient();
    expect(hub.subscribe(client, 'E1:1')).toBe('resumed');
    expect(client.frames.map((f) => f.id)).toEqual(['E1:2', 'E1:3']);
    const upToDate = new FakeClient();
    expect(hub.subscribe(upToDate, 'E1:3')).toBe('resumed');
    expect(upToDate.frames).toEqual([]);
  });

  it('falls back to a snapshot for another epoch, a future seq or an id the ring no longer has', () => {
    for (let i = 0; i < 6; i++) {
      hub.push(change(`o${i}`));
      vi.advanceTimersByTime(150);
    }
    for (const id of ['E0:3', 'E1:99', 'E1:0', 'garbage']) {
      const client = new FakeClient();
      expect(hub.subscribe(client, id), id).toBe('snapshot');
      expect(client.frames[0]?.event).toBe('snapshot');
    }
    const recent = new FakeClient();
    expect(hub.subscribe(recent, 'E1:3')).toBe('resumed');
  });

  it('stops writing to a slow client and resyncs it with a snapshot once it drains', () => {
    const slow = new FakeClient();
    const fast = new FakeClient();
    hub.subscribe(slow);
    hub.subscribe(fast);
    slow.bufferedBytes = 5000; // over the 1000-byte limit: the socket is not keeping up
    for (let i = 0; i < 50; i++) {
      hub.push(change(`o${i}`));
      vi.advanceTimersByTime(150);
    }
    // Heartbeats are not queued for it either (within the stall timeout: it is not cut off yet).
    vi.advanceTimersByTime(25_000);
    expect(slow.frames.map((f) => f.event)).toEqual(['snapshot']);
    expect(fast.events('delta')).toHaveLength(50);
    expect(hub.stats.resyncs).toBe(1);

    objects = [{ cluster: 'c', object: { kind: 'Service', metadata: { name: 'latest' } } }];
    slow.drainNow();
    const resync = slow.frames.at(-1);
    expect(resync).toMatchObject({ event: 'snapshot', id: 'E1:50', data: { objects } });
    hub.push(change('after'));
    vi.advanceTimersByTime(150);
    expect(slow.frames.at(-1)).toMatchObject({ event: 'delta', id: 'E1:51' });
  });

  it('serializes the snapshot once per seq and gives every client the same bytes', () => {
    objects = [{ cluster: 'c', object: { kind: 'Service', metadata: { name: 'ü-utf8' } } }];
    const clients = Array.from({ length: 5 }, () => new FakeClient());
    for (const client of clients) hub.subscribe(client);
    expect(serializer).toHaveBeenCalledTimes(1);
    expect(objectCalls).toBe(1); // the store is walked (and sorted) once, not per client
    const first = clients[0]?.chunks[0];
    expect(first).toBeInstanceOf(Uint8Array);
    for (const client of clients) {
      expect(client.chunks).toHaveLength(1);
      expect(client.chunks[0]).toBe(first); // the very same buffer, not a copy
      expect(client.frames[0]).toMatchObject({ event: 'snapshot', id: 'E1:0', data: { objects } });
    }
  });

  it('serializes again once seq moves, and when source or kinds change at the same seq', () => {
    hub.subscribe(new FakeClient());
    hub.push(change('a'));
    objects = [{ cluster: 'c', object: { kind: 'Service', metadata: { name: 'a' } } }];
    const afterDelta = new FakeClient();
    hub.subscribe(afterDelta); // flushes the pending change: seq 1
    expect(serializer).toHaveBeenCalledTimes(2);
    expect(afterDelta.frames[0]).toMatchObject({ event: 'snapshot', id: 'E1:1', data: { objects } });

    sourceReason = 'context unreachable';
    const afterSource = new FakeClient();
    hub.subscribe(afterSource);
    expect(serializer).toHaveBeenCalledTimes(3);
    expect(afterSource.frames[0]?.id).toBe('E1:1');
    expect(new TextDecoder().decode(afterSource.chunks[0] as Uint8Array)).toContain('context unreachable');

    hub.subscribe(new FakeClient());
    expect(serializer).toHaveBeenCalledTimes(3);
  });

  it('drops the shared snapshot frame when the last client leaves, and 5 s after its last use', () => {
    const a = new FakeClient();
    const b = new FakeClient();
    hub.subscribe(a);
    hub.subscribe(b);
    expect(hub.holdsSnapshotFrame).toBe(true);
    hub.unsubscribe(a);
    expect(hub.holdsSnapshotFrame).toBe(true); // b is still connected
    hub.unsubscribe(b);
    expect(hub.holdsSnapshotFrame).toBe(false);

    const c = new FakeClient();
    hub.subscribe(c);
    expect(serializer).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(4000);
    hub.subscribe(new FakeClient()); // still bursting: served from the cache, held 5 s more
    expect(serializer).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(4999);
    expect(hub.holdsSnapshotFrame).toBe(true);
    vi.advanceTimersByTime(1);
    expect(hub.holdsSnapshotFrame).toBe(false);
    hub.subscribe(new FakeClient()); // same seq, built again: correct, only slower
    expect(serializer).toHaveBeenCalledTimes(3);
  });

  it('writes each delta as one shared buffer to every client', () => {
    const a = new FakeClient();
    const b = new FakeClient();
    hub.subscribe(a);
    hub.subscribe(b);
    hub.push(change('x'));
    vi.advanceTimersByTime(150);
    const delta = a.chunks.at(-1);
    expect(delta).toBeInstanceOf(Uint8Array);
    expect(b.chunks.at(-1)).toBe(delta);
    expect(a.events('delta')[0]?.id).toBe('E1:1');
  });

  it('sends heartbeats without ids', () => {
    const client = new FakeClient();
    hub.subscribe(client);
    vi.advanceTimersByTime(20_000);
    const beat = client.events('heartbeat');
    expect(beat).toHaveLength(1);
    expect(beat[0]?.id).toBeUndefined();
  });

  it('ends every client on close', () => {
    const client = new FakeClient();
    hub.subscribe(client);
    hub.close();
    expect(client.ended).toBe(true);
  });
});

describe('parseEventId', () => {
  it('parses epoch:seq and rejects anything else', () => {
    expect(parseEventId('abc:12')).toEqual({ epoch: 'abc', seq: 12 });
    for (const bad of [undefined, '', '12', ':3', 'a:-1', 'a:1.5', 'a:x'])
      expect(parseEventId(bad), String(bad)).toBeUndefined();
  });
});
