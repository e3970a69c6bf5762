/**
 * The /metrics analysis health computed in a worker thread (analysis/health-in-worker.ts): same
 * numbers as the in-thread pipeline, the input moved (not copied) to the worker, and failures of
 * the worker — bad input, missing entry, no answer — reported as failures, never thrown past
 * /metrics, which still answers with its object-count and sync families.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WireObject } from '@gatescope/core/wire';
import { CachedHealth } from '../../src/analysis/cached-health.ts';
import { healthInWorker } from '../../src/analysis/health-in-worker.ts';
import { healthInputBytes, readHealthInput } from '../../src/analysis/health-input.ts';
import { analyzeLive, healthOf } from '../../src/analysis/live-analysis.ts';
import { renderMetrics } from '../../src/routes/metrics.ts';
import { DemoSource } from '../../src/source/demo.ts';
import { syncedSecrets } from './kind-status.ts';

const GW = 'gateway.networking.k8s.io/v1';
const FIXTURE = [
  {
    apiVersion: GW,
    kind: 'GatewayClass',
    metadata: { name: 'shared' },
    spec: { controllerName: 'example.com/gw' },
  },
  {
    apiVersion: GW,
    kind: 'Gateway',
    metadata: { name: 'edge', namespace: 'infra' },
    spec: {
      gatewayClassName: 'shared',
      listeners: [
        { name: 'http', port: 80, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'All' } } },
      ],
    },
  },
  route('shop', 'edge'),
  route('blog', 'edge'),
  route('lost', 'nowhere'),
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'apps' },
    spec: { ports: [{ port: 80 }] },
  },
];

function route(name: string, gateway: string): Record<string, unknown> {
  return {
    apiVersion: GW,
    kind: 'HTTPRoute',
    metadata: { name, namespace: 'apps' },
    spec: {
      parentRefs: [{ name: gateway, namespace: 'infra' }],
      rules: [{ backendRefs: [{ name: 'web', port: 80 }] }],
    },
  };
}

const objects: WireObject[] = FIXTURE.map((object) => ({ cluster: 'c1', object }));

function fixtureBytes(): Buffer {
  return healthInputBytes(
    [],
    objects.map((o) => ({ cluster: o.cluster, objectJson: JSON.stringify(o.object) })),
  );
}

let dir: string;
let hangingWorker: URL;
let demo: DemoSource;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gatescope-health-worker-'));
  writeFileSync(join(dir, 'hangs.mjs'), 'setInterval(() => {}, 1000);\n');
  hangingWorker = pathToFileURL(join(dir, 'hangs.mjs'));
  writeFileSync(join(dir, 'fixture.yaml'), FIXTURE.map((o) => JSON.stringify(o)).join('\n---\n'));
  demo = await DemoSource.load(join(dir, 'fixture.yaml'), 'test', [], () => undefined);
});
afterAll(() => {
  demo.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('health input bytes', () => {
  it('give back the kinds and the objects with their clusters, in order', () => {
    const kinds = [syncedSecrets('a')];
    const items = [
      { cluster: 'a', objectJson: '{"kind":"Service","metadata":{"name":"line\\nbreak ✓"}}' },
      { cluster: 'a', objectJson: '{"kind":"Namespace"}' },
      { cluster: 'b "quoted"', objectJson: '{"kind":"Gateway"}' },
    ];
    expect(readHealthInput(healthInputBytes(kinds, items))).toEqual({
      kinds,
      objects: items.map((item) => ({
        cluster: item.cluster,
        object: JSON.parse(item.objectJson) as unknown,
      })),
    });
    expect(readHealthInput(healthInputBytes([], []))).toEqual({ kinds: [], objects: [] });
  });
});

describe('healthInWorker', () => {
  it('gives the in-thread pipeline’s health, computed from bytes moved to the worker', async () => {
    const bytes = fixtureBytes();
    expect(bytes.byteLength).toBeGreaterThan(0);
    const health = await healthInWorker(bytes);
    // Transferred, not copied: the worker owns the bytes now.
    expect(bytes.byteLength).toBe(0);
    expect(health).toEqual(healthOf(analyzeLive(objects, [])));
    expect(health.routes).toEqual({ accepted: 2, notAccepted: 1 });
    expect(health.gateways).toEqual({ programmed: 1, notProgrammed: 0 });
    // No kind is reported synced here, so the absent parent is only "not in the input" (info).
    expect(health.diagnostics.get('GS340-RouteParentNotInInput')?.count).toBe(1);
  });

  it('leaves a small Buffer from the shared pool usable (copies it instead of detaching the pool)', async () => {
    const small = Buffer.from('[]');
    const neighbour = Buffer.from('still here');
    expect(small.buffer).toBe(neighbour.buffer); // both slices of the pool
    const health = await healthInWorker(small);
    expect(health.routes).toEqual({ accepted: 0, notAccepted: 0 });
    expect(small.toString()).toBe('[]');
    expect(neighbour.toString()).toBe('still here');
  });

  it('rejects with the worker’s reason when the input is malformed', async () => {
    await expect(healthInWorker(Buffer.from('not json'))).rejects.toThrow(/JSON/);
    await expect(healthInWorker(Buffer.from('[]\n{"kind":"Service"}'))).rejects.toThrow(/before any cluster/);
  });

  it('rejects when the worker entry does not exist', async () => {
    const missing = pathToFileURL(join(dir, 'missing.mjs'));
    await expect(healthInWorker(fixtureBytes(), { workerUrl: missing })).rejects.toThrow();
  });

  it('ends the worker at once when its signal aborts (server shutdown)', async () => {
    const stop = new AbortController();
    const running = healthInWorker(fixtureBytes(), {
      workerUrl: hangingWorker,
      timeoutMs: 60_000,
      signal: stop.signal,
    });
    setTimeout(() => stop.abort(), 50);
    await expect(running).rejects.toThrow(/stopped/);
  });

  it('ends a worker that never answers and rejects', async () => {
    await expect(
      healthInWorker(fixtureBytes(), { workerUrl: hangingWorker, timeoutMs: 300 }),
    ).rejects.toThrow(/no answer within 300 ms/);
  });
});

describe('/metrics through the worker', () => {
  it('reports the fixture’s routes and gateways', async () => {
    const text = await renderMetrics(demo, new CachedHealth());
    expect(text).toMatch(/^gatescope_routes\{accepted="true"\} 2$/m);
    expect(text).toMatch(/^gatescope_routes\{accepted="false"\} 1$/m);
    expect(text).toMatch(/^gatescope_gateways\{programmed="true"\} 1$/m);
    expect(text).toMatch(/^gatescope_diagnostics\{code="GS340-RouteParentNotInInput",severity="info"\} 1$/m);
    expect(text).toMatch(/^gatescope_analysis_failed 0$/m);
    expect(text).toMatch(/^gatescope_analysis_current 1$/m);
  });

  it('still answers with the other families when the worker fails, and says the analysis failed', async () => {
    const logged: string[] = [];
    const health = new CachedHealth({
      compute: (bytes) => healthInWorker(bytes, { workerUrl: hangingWorker, timeoutMs: 300 }),
      log: (message) => logged.push(message),
    });
    const text = await renderMetrics(demo, health);
    expect(text).toMatch(/^gatescope_ready 1$/m);
    expect(text).toMatch(/^gatescope_stream_clients 0$/m);
    expect(text).toMatch(/^gatescope_analysis_failed 1$/m);
    expect(text).toMatch(/^gatescope_analysis_current 0$/m);
    // No successful analysis yet: no health to report (afterwards the last good one stays).
    expect(text).not.toMatch(/gatescope_routes|gatescope_gateways|gatescope_diagnostics/);
    expect(text).not.toMatch(/\n\s+at /); // no stack trace
    expect(logged).toEqual([expect.stringMatching(/no answer within 300 ms/)]);
  });
});
