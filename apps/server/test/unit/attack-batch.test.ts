/**
 * Attack tests for POST /api/simulate and /api/analyze (SECURITY.md "Resource bounds"): one call
 * must never take the server down or block its event loop. Bounds answer 413/422/503 with a JSON
 * message; the work runs in a worker with a time budget and its own heap limit, so
 * /api/healthz answers on a real socket while a bomb runs. The CLI applies the same bounds
 * unless given --no-limits. Durations here are generous bounds, not measurements
 * (tools/attack/measure.ts measures).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSimulate } from '../../src/cli/simulate.ts';
import { runAnalyze } from '../../src/cli/analyze.ts';
import type { CliIO } from '../../src/cli/inputs.ts';
import type { ServerOptions } from '../../src/server.ts';
import { startDemoApp, type DemoApp } from '../harness/demo-app.ts';
import { DEFAULT_LIMITS } from '../../src/batch/limits.ts';
import { hostnameBombYaml, manyObjectsYaml, missRequests, SMALL_YAML } from '../attack/bombs.ts';

interface Running extends DemoApp {
  readonly base: string;
}

const started: Running[] = [];

async function start(batch: ServerOptions['batch'] = {}): Promise<Running> {
  const demo = await startDemoApp({ batch });
  await demo.app.listen({ host: '127.0.0.1', port: 0 });
  const running = { ...demo, base: `http://127.0.0.1:${(demo.app.server.address() as AddressInfo).port}` };
  started.push(running);
  return running;
}

afterAll(async () => {
  for (const r of started) await r.close();
});

async function post(
  server: Running,
  path: string,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown>; bytes: number }> {
  const res = await fetch(`${server.base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: JSON.parse(text) as Record<string, unknown>, bytes: text.length };
}

/** The worst /api/healthz latency seen while `call` runs (one probe at a time, every 50 ms). */
async function healthzWhile<T>(server: Running, call: Promise<T>): Promise<{ result: T; worstMs: number }> {
  let done = false;
  let worstMs = 0;
  const probing = (async () => {
    while (!done) {
      const t0 = performance.now();
      const res = await fetch(`${server.base}/api/healthz`);
      await res.text();
      worstMs = Math.max(worstMs, performance.now() - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const result = await call;
  done = true;
  await probing;
  return { result, worstMs };
}

// 40 routes × 1000 hostnames: ~640 KB of explanation per request before the bound.
const BOMB = hostnameBombYaml(40, 1000);

describe('simulate and analyze bounds (HTTP)', () => {
  let server: Running;
  beforeAll(async () => {
    server = await start({ runner: { timeoutMs: 120_000 } });
    // Starts the worker (from the TypeScript sources that takes seconds on a loaded machine).
    expect(
      (await post(server, '/api/simulate', { yaml: SMALL_YAML, request: missRequests(1)[0] })).status,
    ).toBe(200);
  }, 120_000);

  it('bounds each explanation (a route with 1000 hostnames no longer yields 640 KB per request)', async () => {
    const res = await post(server, '/api/simulate', { yaml: BOMB, requests: missRequests(3) });
    expect(res.status).toBe(200);
    const results = res.json['results'] as { explanation: string[] }[];
    expect(results).toHaveLength(3);
    for (const r of results) {
      const chars = r.explanation.reduce((n, line) => n + line.length, 0);
      expect(chars).toBeLessThanOrEqual(DEFAULT_LIMITS.maxExplanationChars + 200);
      expect(r.explanation.join('\n')).toMatch(/characters omitted/);
    }
  }, 120_000);

  it('answers 413 past the request bound, with the bound in the message', async () => {
    const res = await post(server, '/api/simulate', { yaml: SMALL_YAML, requests: missRequests(1001) });
    expect(res.status).toBe(413);
    expect(res.json['message']).toMatch(/1001 requests; at most 1000/);
  }, 120_000);

  it('answers 413 past the object bound before analysing', async () => {
    const res = await post(server, '/api/analyze', { yaml: manyObjectsYaml(DEFAULT_LIMITS.maxObjects) });
    expect(res.status).toBe(413);
    expect(res.json['message']).toMatch(/objects; at most 5000 per call/);
  }, 120_000);

  it('keeps /api/healthz answering while a simulate bomb runs', async () => {
    const { result, worstMs } = await healthzWhile(
      server,
      post(server, '/api/simulate', { yaml: BOMB, requests: missRequests(100) }),
    );
    expect(result.status).toBe(200);
    // On the event loop this call blocked /api/healthz for its whole duration (tens of seconds).
    expect(worstMs).toBeLessThan(1500);
  }, 180_000);
});

describe('time and memory budgets of the batch worker', () => {
  it('answers 422 when a call overruns its time budget, and the next call works', async () => {
    const server = await start({ runner: { timeoutMs: 1500 } });
    // A first small call starts the worker outside the budget under test.
    await post(server, '/api/simulate', { yaml: SMALL_YAML, request: missRequests(1)[0] });
    const res = await post(server, '/api/simulate', { yaml: BOMB, requests: missRequests(1000) });
    expect(res.status).toBe(422);
    expect(res.json['message']).toMatch(/time budget of 1\.5 s/);
    const metrics = await (await fetch(`${server.base}/metrics`)).text();
    expect(metrics).toMatch(/^gatescope_batch_timeouts_total 1$/m);
    const next = await post(server, '/api/simulate', { yaml: SMALL_YAML, request: missRequests(1)[0] });
    expect(next.status).toBe(200);
  }, 180_000);

  it('answers 413 when a call reaches the worker heap limit, and the server lives on', async () => {
    const server = await start({
      runner: { heapMb: 64, timeoutMs: 120_000 },
      // No object bound: 60,000 parsed, normalized and analysed objects cannot fit in 64 MB.
      limits: { maxObjects: Infinity, maxOutputBytes: Infinity },
    });
    const res = await post(server, '/api/analyze', { yaml: manyObjectsYaml(60_000) });
    expect(res.status).toBe(413);
    expect(res.json['message']).toMatch(/64 MB memory bound/);
    const metrics = await (await fetch(`${server.base}/metrics`)).text();
    expect(metrics).toMatch(/^gatescope_batch_out_of_memory_total 1$/m);
    const health = await fetch(`${server.base}/api/healthz`);
    expect(health.status).toBe(200);
  }, 180_000);
});

describe('the CLI applies the same bounds, lifted by --no-limits', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gatescope-attack-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'small.yaml'), SMALL_YAML);
  writeFileSync(
    join(dir, 'many.jsonl'),
    missRequests(1001)
      .map((r) => JSON.stringify(r))
      .join('\n'),
  );
  writeFileSync(join(dir, 'objects.yaml'), manyObjectsYaml(DEFAULT_LIMITS.maxObjects));

  function fakeIO(): CliIO & { out: string; err: string } {
    const io = {
      out: '',
      err: '',
      stdout: (t: string) => void (io.out += t),
      stderr: (t: string) => void (io.err += t),
      readStdin: async () => '',
      cwd: dir,
    };
    return io;
  }

  it('simulate: exit 2 past 1000 requests; --no-limits answers them all', async () => {
    const io = fakeIO();
    expect(await runSimulate(['-f', 'small.yaml', '--requests', 'many.jsonl'], io)).toBe(2);
    expect(io.err).toMatch(/1001 requests; at most 1000/);
    const free = fakeIO();
    expect(await runSimulate(['-f', 'small.yaml', '--requests', 'many.jsonl', '--no-limits'], free)).toBe(0);
    expect(free.out.trim().split('\n')).toHaveLength(1001);
  }, 60_000);

  it('analyze: exit 2 past the object bound, with --no-limits in the message', async () => {
    const io = fakeIO();
    expect(await runAnalyze(['-f', 'objects.yaml'], io, 'test')).toBe(2);
    expect(io.err).toMatch(/at most 5000 per call .*--no-limits/);
  }, 60_000);
});
