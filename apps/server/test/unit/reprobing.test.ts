import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SourceInfo, WireObject } from '@gatescope/core/wire';
import { buildServer } from '../../src/server.ts';
import { DemoSource } from '../../src/source/demo.ts';
import { ReprobingSource, type LiveProbe } from '../../src/source/reprobing.ts';
import type { DataSource } from '../../src/source/types.ts';
import { StreamHub, type SseClient } from '../../src/stream/hub.ts';

const LIVE_OBJECT: WireObject = {
  cluster: 'kind',
  object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'live-only' } },
};

/** A stand-in for LiveSource: what the wrapper needs is its mode, hub and stop. */
function fakeLive(): DataSource & { stopped: boolean } {
  const info = (): SourceInfo => ({ mode: 'live', contexts: [{ name: 'kind', reachable: true }] });
  const live = {
    stopped: false,
    hub: new StreamHub(
      {
        source: info,
        kinds: () => [],
        objectsJson: () => [{ cluster: LIVE_OBJECT.cluster, objectJson: JSON.stringify(LIVE_OBJECT.object) }],
      },
      { epoch: 'live' },
    ),
    info,
    kinds: () => [],
    objects: () => [LIVE_OBJECT],
    readiness: () => ({ ready: true, waiting: [] }),
    metrics: () => ({ watchRelists: 0, discoveryFailures: 0 }),
    stop: () => {
      live.stopped = true;
      live.hub.close();
    },
  };
  return live;
}

function recordingClient(): SseClient & { ended: boolean } {
  const client = {
    ended: false,
    bufferedBytes: 0,
    write: () => true,
    onDrain: () => undefined,
    end: () => {
      client.ended = true;
    },
  };
  return client;
}

const sources: DataSource[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const source of sources.splice(0)) source.stop();
});

async function reprobing(probe: LiveProbe, intervalMs = 60_000): Promise<ReprobingSource> {
  const demo = await DemoSource.load('/nonexistent/demo.yaml', 'no cluster yet', [], () => undefined);
  const source = new ReprobingSource(demo, { probe, intervalMs, log: () => undefined });
  sources.push(source);
  return source;
}

describe('demo mode that re-probes for a cluster', () => {
  it('stays demo while nothing is reachable, including when the probe throws', async () => {
    const probe = vi
      .fn<LiveProbe>()
      .mockResolvedValueOnce(undefined)
      .mockRejectedValueOnce(new Error('boom'));
    const source = await reprobing(probe);
    const hub = source.hub;
    expect(await source.reprobe()).toBe(false);
    expect(await source.reprobe()).toBe(false);
    expect(source.info().mode).toBe('demo');
    expect(source.hub).toBe(hub);
  });

  it('switches to live: new hub and objects, demo streams ended so browsers reconnect', async () => {
    const live = fakeLive();
    const probe = vi.fn<LiveProbe>().mockResolvedValue(live);
    const source = await reprobing(probe);
    const demoClient = recordingClient();
    source.hub.subscribe(demoClient);
    expect(await source.reprobe()).toBe(true);
    expect(source.info().mode).toBe('live');
    expect(source.hub).toBe(live.hub);
    expect(source.objects()).toEqual([LIVE_OBJECT]);
    expect(demoClient.ended).toBe(true);
    // Live is final: no more probes.
    expect(await source.reprobe()).toBe(true);
    expect(probe).toHaveBeenCalledTimes(1);
  });

  it('shares one probe between concurrent calls (never two live sources)', async () => {
    let resolve: (value: DataSource) => void = () => undefined;
    const probe = vi.fn<LiveProbe>(() => new Promise<DataSource>((r) => (resolve = r)));
    const source = await reprobing(probe);
    const first = source.reprobe();
    const second = source.reprobe();
    resolve(fakeLive());
    expect(await Promise.all([first, second])).toEqual([true, true]);
    expect(probe).toHaveBeenCalledTimes(1);
  });

  it('stops a live source that arrives after stop()', async () => {
    const live = fakeLive();
    let resolve: (value: DataSource) => void = () => undefined;
    const source = await reprobing(() => new Promise<DataSource>((r) => (resolve = r)));
    const pending = source.reprobe();
    source.stop();
    resolve(live);
    expect(await pending).toBe(false);
    expect(live.stopped).toBe(true);
    expect(source.info().mode).toBe('demo');
  });

  it('probes on its interval until live, then stops probing', async () => {
    vi.useFakeTimers();
    const probe = vi.fn<LiveProbe>().mockResolvedValueOnce(undefined).mockResolvedValue(fakeLive());
    const source = await reprobing(probe, 1000);
    await vi.advanceTimersByTimeAsync(999);
    expect(probe).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(probe).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(probe).toHaveBeenCalledTimes(2);
    expect(source.info().mode).toBe('live');
    await vi.advanceTimersByTimeAsync(5000);
    expect(probe).toHaveBeenCalledTimes(2);
  });

  it('serves the live snapshot over HTTP after the switch', async () => {
    const source = await reprobing(async () => fakeLive());
    const app = await buildServer({ source });
    try {
      const before = await app.inject({ url: '/api/snapshot', headers: { host: '127.0.0.1' } });
      expect(before.json()).toMatchObject({ source: { mode: 'demo' } });
      await source.reprobe();
      const after = await app.inject({ url: '/api/snapshot', headers: { host: '127.0.0.1' } });
      expect(after.json()).toMatchObject({ epoch: 'live', source: { mode: 'live' }, objects: [LIVE_OBJECT] });
    } finally {
      await app.close();
    }
  });
});
