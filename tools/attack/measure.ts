/**
 * Measures the resource bounds of SECURITY.md ("Resource bounds", "Regular expressions"): for
 * each bomb, the worst /api/healthz latency while it runs and the server's peak RSS (main thread
 * and workers: one process), on 127.0.0.1 only, with bounded loops.
 *
 *   nice -n -15 node apps/server/bin/run-ts.mjs tools/attack/measure.ts [--json]
 *
 * (`nice` as root: on a machine shared with other jobs the probes otherwise measure the wait for
 * a CPU more than the server; the baseline row shows what is left of that.)
 *
 * The HTTP bombs run against the bundled server (`npm start`'s build) started like the Deployment
 * (NODE_OPTIONS=--max-old-space-size=320, --no-cluster). The SSE bomb needs deltas, which a demo
 * server never has, so it runs an in-process server with a hub this script feeds (8 KB deltas as
 * fast as the loop allows), 40 clients that never read against the cap of 32.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { BUNDLE, buildBundle } from '../../apps/server/bin/bundle.mjs';
import { buildServer } from '../../apps/server/src/server.ts';
import { StreamHub } from '../../apps/server/src/stream/hub.ts';
import type { DataSource } from '../../apps/server/src/source/types.ts';
import {
  hostnameBombYaml,
  manyObjectsYaml,
  missRequests,
  regexBombYaml,
} from '../../apps/server/test/attack/bombs.ts';
import { teamsOfSize, toYamlStream } from '../../bench/generator/index.ts';

interface Row {
  readonly bomb: string;
  readonly body: string;
  readonly answer: string;
  readonly seconds: number;
  readonly worstHealthzMs: number;
  readonly peakRssMb: number;
}

const rows: Row[] = [];

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** Runs `call` while probing /api/healthz (one at a time, every 50 ms) and sampling RSS. */
async function measure<T>(
  base: string,
  pid: number,
  call: () => Promise<T>,
): Promise<{ result: T; worstMs: number; peakMb: number; seconds: number }> {
  let done = false;
  let worstMs = 0;
  let peakMb = rssMb(pid);
  const sampler = setInterval(() => (peakMb = Math.max(peakMb, rssMb(pid))), 20);
  const probing = (async () => {
    while (!done) {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/healthz`);
      await res.text();
      worstMs = Math.max(worstMs, performance.now() - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const t0 = performance.now();
  const result = await call();
  const seconds = (performance.now() - t0) / 1000;
  done = true;
  await probing;
  clearInterval(sampler);
  return { result, worstMs, peakMb: Math.max(peakMb, rssMb(pid)), seconds };
}

/**
 * The bomb call, from a separate process (curl): the probes measure the server, not this
 * script's own event loop busy sending 8 MB or reading a 15 MB answer.
 */
async function post(base: string, path: string, body: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'gatescope-measure-'));
  try {
    writeFileSync(join(dir, 'body.json'), body);
    const curl = spawn('curl', [
      '-s',
      '-o',
      join(dir, 'answer.json'),
      '-w',
      '%{http_code}',
      '-H',
      'content-type: application/json',
      '--data-binary',
      `@${join(dir, 'body.json')}`,
      `${base}${path}`,
    ]);
    let status = '';
    curl.stdout.on('data', (chunk: Buffer) => (status += chunk.toString()));
    await new Promise((resolve) => curl.once('exit', resolve));
    const text = readFileSync(join(dir, 'answer.json'), 'utf8');
    const message = status === '200' ? '' : `: ${(JSON.parse(text) as { message?: string }).message ?? ''}`;
    return `${status} (${(text.length / 1024).toFixed(0)} KB)${message}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function startBundledServer(): Promise<{ child: ChildProcess; base: string }> {
  await buildBundle();
  const child = spawn(
    process.execPath,
    [BUNDLE, 'serve', '--no-cluster', '--host', '127.0.0.1', '--port', '0'],
    {
      env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=320' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const base = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const found = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
      if (found) resolve(found[0]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited ${String(code)}: ${output}`)));
  });
  return { child, base };
}

async function httpBombs(): Promise<void> {
  const { child, base } = await startBundledServer();
  const pid = child.pid as number;
  // Baseline: the same probes with no bomb. On a shared, loaded machine the probes wait for a
  // CPU too; the bombs' rows are to be read against this one.
  const baseline = await measure(base, pid, () => new Promise((r) => setTimeout(r, 10_000)));
  rows.push({
    bomb: 'no bomb (baseline, 10 s of probes)',
    body: '-',
    answer: '-',
    seconds: baseline.seconds,
    worstHealthzMs: baseline.worstMs,
    peakRssMb: baseline.peakMb,
  });
  const bombs: { name: string; path: string; body: () => string }[] = [
    {
      name: 'simulate bomb: 40 routes × 1000 hostnames, 1000 requests',
      path: '/api/simulate',
      body: () => JSON.stringify({ yaml: hostnameBombYaml(40, 1000), requests: missRequests(1000) }),
    },
    {
      name: 'simulate bomb: 100 routes × 2000 hostnames, 1000 requests',
      path: '/api/simulate',
      body: () => JSON.stringify({ yaml: hostnameBombYaml(100, 2000), requests: missRequests(1000) }),
    },
    {
      name: 'analyze bomb: generated cluster, 3400 routes (~5000 objects)',
      path: '/api/analyze',
      body: () => JSON.stringify({ yaml: toYamlStream(teamsOfSize(3400).objects) }),
    },
    {
      name: 'analyze bomb: generated cluster, 7000 routes (over the object bound)',
      path: '/api/analyze',
      body: () => JSON.stringify({ yaml: toYamlStream(teamsOfSize(7000).objects) }),
    },
    {
      name: 'analyze bomb: 5000 Services (over the object bound)',
      path: '/api/analyze',
      body: () => JSON.stringify({ yaml: manyObjectsYaml(5000) }),
    },
    {
      name: 'regex bomb: 200 routes (?:a|aa){1000}, 1000 requests, 8000-char paths',
      path: '/api/simulate',
      body: () =>
        JSON.stringify({
          yaml: regexBombYaml(200),
          requests: Array.from({ length: 1000 }, () => ({
            gateway: 'web/gw',
            host: 'rx.example.com',
            path: `/${'a'.repeat(7999)}`,
          })),
        }),
    },
    {
      name: 'regex at the bound: 200 routes (?:a|aa){124} (~500 instructions), 1000 requests, 8000-char paths',
      path: '/api/simulate',
      body: () =>
        JSON.stringify({
          yaml: regexBombYaml(200).replaceAll('{1000}', '{124}'),
          requests: Array.from({ length: 1000 }, () => ({
            gateway: 'web/gw',
            host: 'rx.example.com',
            path: `/${'a'.repeat(7999)}`,
          })),
        }),
    },
  ];
  try {
    for (const bomb of bombs) {
      const body = bomb.body();
      const { result, worstMs, peakMb, seconds } = await measure(base, pid, () =>
        post(base, bomb.path, body),
      );
      rows.push({
        bomb: bomb.name,
        body: `${(body.length / 1024).toFixed(0)} KB`,
        answer: result,
        seconds,
        worstHealthzMs: worstMs,
        peakRssMb: peakMb,
      });
      console.error(
        `${bomb.name}: ${result}, ${seconds.toFixed(1)} s, healthz ≤ ${worstMs.toFixed(0)} ms, peak RSS ${peakMb.toFixed(0)} MB`,
      );
      // Let the idle worker end and the heap settle between bombs.
      await new Promise((r) => setTimeout(r, 6000));
    }
  } finally {
    child.kill('SIGTERM');
  }
}

async function sseBomb(): Promise<void> {
  const hub = new StreamHub(
    { source: () => ({ mode: 'live', contexts: [] }), kinds: () => [], objectsJson: () => [] },
    { epoch: 'measure', coalesceMs: 100 },
  );
  const source: DataSource = {
    hub,
    info: () => ({ mode: 'live', contexts: [] }),
    kinds: () => [],
    objects: () => [],
    readiness: () => ({ ready: true, waiting: [] }),
    metrics: () => ({ watchRelists: 0, discoveryFailures: 0 }),
    stop: () => hub.close(),
  };
  const app = await buildServer({ source });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;
  const sockets: Socket[] = [];
  let refused = 0;
  const pad = 'x'.repeat(8 * 1024);
  const { worstMs, peakMb, seconds } = await measure(base, process.pid, async () => {
    for (let i = 0; i < 40; i++) {
      const socket = connect({ host: '127.0.0.1', port }, () =>
        socket.write(`GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`),
      );
      socket.on('error', () => {});
      socket.once('data', (chunk) => {
        if (chunk.toString().startsWith('HTTP/1.1 503')) refused++;
        socket.pause(); // never read again
      });
      sockets.push(socket);
    }
    // 45 s of deltas: past the 30 s stall cut-off. Bounded loop.
    const end = Date.now() + 45_000;
    for (let i = 0; Date.now() < end; i++) {
      hub.push({
        type: 'ADDED',
        cluster: 'c',
        object: { kind: 'Service', metadata: { name: `s${i}` }, pad },
      });
      if (i % 50 === 0) await new Promise((r) => setTimeout(r, 10));
    }
  });
  rows.push({
    bomb: `SSE: 40 clients that never read (cap 32: ${refused} refused), 45 s of 8 KB deltas; ${hub.stats.stalledCut} cut off as stalled`,
    body: '-',
    answer: `${hub.clientCount} clients left`,
    seconds,
    worstHealthzMs: worstMs,
    peakRssMb: peakMb,
  });
  for (const s of sockets) s.destroy();
  hub.close();
  await app.close();
}

await httpBombs();
await sseBomb();
if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2));
else {
  console.log('| Bomb | Body | Answer | Seconds | Worst /api/healthz | Peak RSS |');
  console.log('| --- | --- | --- | ---: | ---: | ---: |');
  // A pipe inside a cell (the regex bombs' `(?:a|aa)`) would split the Markdown row.
  const cell = (text: string): string => text.replaceAll('|', '\\|');
  for (const r of rows) {
    console.log(
      `| ${cell(r.bomb)} | ${r.body} | ${cell(r.answer)} | ${r.seconds.toFixed(1)} | ${r.worstHealthzMs.toFixed(0)} ms | ${r.peakRssMb.toFixed(0)} MB |`,
    );
  }
}
