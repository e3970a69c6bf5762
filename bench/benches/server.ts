/**
 * The server, run as users run it (`gatescope serve --context`), against a fake apiserver:
 * ingest of a replayed watch stream (events/s end to end: apiserver watch → store → coalesced
 * SSE delta at a client; then the server's RSS), and fan-out of live changes to N SSE clients
 * (latency from the watch event leaving the apiserver to the client having parsed it). Between the
 * two, one Prometheus-style scrape of /metrics after a change (the server analyses the objects
 * then): its RSS afterwards and how long the event loop stalled meanwhile (informational).
 */
import type { GeneratedCluster } from '../generator/index.ts';
import { createPrng, watchStream } from '../generator/index.ts';
import { huge } from '../generator/presets.ts';
import { FakeApiServer, kubeconfigFor } from '../lib/fake-apiserver.ts';
import type { ServerProcess } from '../lib/server-process.ts';
import { processMemoryMb, serverUnavailable, startServer } from '../lib/server-process.ts';
import type { SseConnection } from '../lib/sse-client.ts';
import { connectSse } from '../lib/sse-client.ts';
import { percentile } from '../lib/stats.ts';
import type { Bench, BenchContext, BenchReport } from '../lib/types.ts';
import { ReportBuilder } from '../lib/types.ts';

const MARK = 'bench.gatescope.dev/mark';
type Raw = Record<string, unknown>;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function marked(object: Raw, mark: string): Raw {
  const metadata = (object['metadata'] ?? {}) as Raw;
  const annotations = { ...((metadata['annotations'] ?? {}) as Record<string, string>), [MARK]: mark };
  return { ...object, metadata: { ...metadata, annotations } };
}

/** Marks carried by the changes of one SSE `delta` event. */
function marksOf(data: string): string[] {
  const payload = JSON.parse(data) as {
    changes?: { object?: { metadata?: { annotations?: Record<string, string> } } }[];
  };
  const marks: string[] = [];
  for (const change of payload.changes ?? []) {
    const mark = change.object?.metadata?.annotations?.[MARK];
    if (mark !== undefined) marks.push(mark);
  }
  return marks;
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) return false;
    await sleep(10);
  }
  return true;
}

async function ingest(
  r: ReportBuilder,
  ctx: BenchContext,
  fake: FakeApiServer,
  server: ServerProcess,
  cluster: GeneratedCluster,
  preset: string,
): Promise<void> {
  const events = watchStream(cluster, ctx.quick ? 20 : 2000, 11);
  const last = events.length;
  let done = false;
  let resyncs = -1;
  let deltas = 0;
  const sse = connectSse(server.url, (e) => {
    if (e.event === 'snapshot') resyncs++;
    if (e.event === 'delta') deltas++;
    if ((e.event === 'delta' || e.event === 'snapshot') && marksOf(e.data).includes('end')) done = true;
  });
  await sse.opened;
  const route = cluster.objects.find((o) => o['kind'] === 'HTTPRoute') as Raw;
  const start = performance.now();
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as (typeof events)[number];
    fake.emit(e.type, e.object);
    if (i % 200 === 199) await new Promise((resolve) => setImmediate(resolve));
  }
  fake.emit('MODIFIED', marked(route, 'end'));
  const arrived = await until(() => done, 120_000);
  const seconds = (performance.now() - start) / 1000;
  sse.close();
  r.check(
    `ingest: last event reached an SSE client (${preset})`,
    arrived,
    arrived
      ? `${last + 1} events in ${seconds.toFixed(2)} s`
      : `not within 120 s (client got ${deltas} deltas and ${resyncs} resync snapshots)`,
  );
  if (!arrived) return;
  if (resyncs > 0)
    r.note(`ingest (${preset}): the server resynced the slow SSE client ${resyncs} time(s) with a snapshot`);
  r.figure({
    name: 'server ingest (watch → SSE)',
    value: (last + 1) / seconds,
    unit: 'events/s',
    better: 'higher',
    preset,
  });
  const memory = processMemoryMb(server.pid);
  r.figure({
    name: 'server RSS after ingest',
    value: memory.rss,
    unit: 'MB',
    target: 150,
    better: 'lower',
    preset,
  });
  r.figure({ name: 'server peak RSS', value: memory.peak, unit: 'MB', better: 'lower', preset });
}

/**
 * GET /metrics after one change (so the server analyses the current objects, as a scrape every
 * 30 s does under churn), while /api/healthz is polled back to back: the slowest healthz answer
 * is how long the event loop could not serve anything else (SSE deltas included).
 */
async function scrape(
  r: ReportBuilder,
  fake: FakeApiServer,
  server: ServerProcess,
  cluster: GeneratedCluster,
  preset: string,
): Promise<void> {
  const route = cluster.objects.find((o) => o['kind'] === 'HTTPRoute') as Raw;
  fake.emit('MODIFIED', marked(route, 'before-scrape'));
  await sleep(1000);
  const before = processMemoryMb(server.pid).rss;
  let scraping = true;
  const probes: number[] = [];
  const probing = (async (): Promise<void> => {
    while (scraping) {
      const sent = performance.now();
      await fetch(`${server.url}/api/healthz`).then((res) => res.text());
      probes.push(performance.now() - sent);
    }
  })();
  const start = performance.now();
  const res = await fetch(`${server.url}/metrics`);
  const body = await res.text();
  const elapsed = performance.now() - start;
  scraping = false;
  await probing;
  const after = processMemoryMb(server.pid);
  const analysed = res.ok && /^gatescope_routes\{accepted="true"\} \d+$/m.test(body);
  r.check(
    `GET /metrics after a change answers with the analysis (${preset})`,
    analysed,
    analysed ? `${body.length} bytes` : `HTTP ${res.status}: ${body.slice(0, 200)}`,
  );
  r.note(
    `/metrics scrape (${preset}): RSS ${before.toFixed(0)} MB before, ${after.rss.toFixed(0)} MB right after ` +
      `(process peak so far ${after.peak.toFixed(0)} MB)`,
  );
  r.figure({
    name: 'server RSS after a /metrics scrape',
    value: after.rss,
    unit: 'MB',
    better: 'lower',
    preset,
  });
  r.figure({ name: 'GET /metrics after a change', value: elapsed, unit: 'ms', better: 'lower', preset });
  r.figure({
    name: 'event-loop stall during /metrics (slowest /api/healthz)',
    value: Math.max(0, ...probes),
    unit: 'ms',
    better: 'lower',
    preset,
  });
}

async function fanOut(
  r: ReportBuilder,
  ctx: BenchContext,
  fake: FakeApiServer,
  server: ServerProcess,
  cluster: GeneratedCluster,
  preset: string,
): Promise<void> {
  const clients = ctx.quick ? 3 : 50;
  const changes = ctx.quick ? 5 : 100;
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const seen = new Array<number>(clients).fill(0);
  const snapshots = new Array<boolean>(clients).fill(false);
  // One snapshot alone (median of 3, once ingest has settled): the server's cost to build and send it.
  await sleep(2000);
  const gets: number[] = [];
  let size = 0;
  for (let i = 0; i < 3; i++) {
    const getStart = performance.now();
    size = (await fetch(`${server.url}/api/snapshot`).then((res) => res.text())).length;
    gets.push(performance.now() - getStart);
  }
  r.figure({
    name: `GET /api/snapshot (${(size / 1e6).toFixed(1)} MB)`,
    value: percentile(gets, 50),
    unit: 'ms',
    better: 'lower',
    preset,
  });
  const connectStart = performance.now();
  const connections: SseConnection[] = [];
  for (let c = 0; c < clients; c++) {
    connections.push(
      connectSse(server.url, (e) => {
        if (e.event === 'snapshot') snapshots[c] = true;
        if (e.event !== 'delta') return;
        const now = performance.now();
        for (const mark of marksOf(e.data)) {
          const sent = sentAt.get(mark);
          if (sent === undefined) continue;
          latencies.push(now - sent);
          seen[c] = (seen[c] ?? 0) + 1;
        }
      }),
    );
  }
  await Promise.all(connections.map((c) => c.opened));
  const gotSnapshots = await until(() => snapshots.every(Boolean), 180_000);
  r.check(
    `fan-out: every client got its first snapshot (${preset})`,
    gotSnapshots,
    `${snapshots.filter(Boolean).length}/${clients}`,
  );
  r.figure({
    name: `${clients} clients connected and got their snapshot`,
    value: performance.now() - connectStart,
    unit: 'ms',
    better: 'lower',
    preset,
  });
  const routes = cluster.objects.filter((o) => o['kind'] === 'HTTPRoute');
  const prng = createPrng(5);
  for (let k = 0; k < changes; k++) {
    const mark = `change-${k}`;
    sentAt.set(mark, performance.now());
    fake.emit('MODIFIED', marked(prng.pick(routes), mark));
    await sleep(20);
  }
  await until(() => seen.every((n) => n >= changes), 15_000);
  r.figure({
    name: `server RSS with ${clients} SSE clients`,
    value: processMemoryMb(server.pid).rss,
    unit: 'MB',
    better: 'lower',
    preset,
  });
  for (const c of connections) c.close();
  const delivered = seen.reduce((a, b) => a + b, 0);
  r.check(
    `fan-out: every change reached every client (${preset})`,
    delivered === clients * changes,
    `${delivered}/${clients * changes} deliveries to ${clients} clients`,
  );
  r.figure({
    name: `watch event → SSE client p50 (${clients} clients)`,
    value: percentile(latencies, 50),
    unit: 'ms',
    better: 'lower',
    preset,
  });
  r.figure({
    name: `watch event → SSE client p95 (${clients} clients)`,
    value: percentile(latencies, 95),
    unit: 'ms',
    target: 250,
    better: 'lower',
    preset,
  });
}

export const serverBench: Bench = {
  name: 'server',
  title: 'Server ingest and SSE fan-out',
  async run(ctx: BenchContext): Promise<BenchReport> {
    const r = new ReportBuilder();
    const why = serverUnavailable(ctx.root);
    if (why !== null) {
      r.missing(`gatescope serve: ${why}`);
      return r.build();
    }
    // DESIGN.md's memory target: 10k routes + 10k Services (here also 10k namespaces).
    const cluster = ctx.quick ? huge(5, 2) : huge(10_000, 1);
    const preset = ctx.quick ? 'huge:tiny' : '10k-routes-10k-services';
    const fake = new FakeApiServer();
    const apiserver = await fake.listen();
    let server: ServerProcess | undefined;
    try {
      server = await startServer(ctx.root, ['--context', 'bench'], kubeconfigFor(apiserver));
      const watching = await until(() => fake.watcherCount() >= 8, 30_000);
      r.check(
        'server opened its watches',
        watching,
        `${fake.watcherCount()} watches open on the fake apiserver`,
      );
      // Before any object: what the process costs by itself (runtime, modules, buffers).
      await sleep(1000);
      const idle = processMemoryMb(server.pid).rss;
      r.figure({
        name: 'server RSS idle (no objects yet)',
        value: idle,
        unit: 'MB',
        better: 'lower',
        preset,
      });
      await ingest(r, ctx, fake, server, cluster, preset);
      await scrape(r, fake, server, cluster, preset);
      await fanOut(r, ctx, fake, server, cluster, preset);
    } finally {
      await server?.stop();
      await fake.close();
    }
    return r.build();
  },
};
