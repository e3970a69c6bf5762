/**
 * The bundled server (bin/bundle.mjs): the bin only runs it while it is newer than every source,
 * and the bundle itself runs without tsx — version, `serve --no-cluster` answering with the demo
 * scenario, and /metrics' analysis computed by the bundled worker (dist/cli/health-worker.mjs).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batchWorkerBundleOf, buildBundle, bundleIsFresh, workerBundleOf } from '../../bin/bundle.mjs';

const REPO_ROOT = join(import.meta.dirname, '../../../..');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gatescope-bundle-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function touch(path: string, seconds: number): void {
  writeFileSync(path, '');
  utimesSync(path, seconds, seconds);
}

describe('bundleIsFresh', () => {
  it('is true only while both bundles exist and are newer than every source file, nested ones included', () => {
    const src = join(dir, 'fresh/src');
    mkdirSync(join(src, 'deep'), { recursive: true });
    const bundle = join(dir, 'fresh/main.mjs');
    touch(join(src, 'a.ts'), 1000);
    utimesSync(join(src, 'deep'), 1000, 1000);
    utimesSync(src, 1000, 1000);
    expect(bundleIsFresh(bundle, [src])).toBe(false); // not built yet
    touch(bundle, 2000);
    expect(bundleIsFresh(bundle, [src])).toBe(false); // the /metrics worker beside it is missing
    const worker = join(dir, 'fresh/health-worker.mjs');
    touch(worker, 2000);
    expect(bundleIsFresh(bundle, [src])).toBe(false); // the analyze/simulate worker is missing
    const batchWorker = join(dir, 'fresh/batch-worker.mjs');
    touch(batchWorker, 2000);
    expect(bundleIsFresh(bundle, [src])).toBe(true);
    touch(join(src, 'deep/b.ts'), 3000);
    utimesSync(join(src, 'deep'), 1000, 1000);
    expect(bundleIsFresh(bundle, [src])).toBe(false);
    utimesSync(bundle, 4000, 4000);
    expect(bundleIsFresh(bundle, [src])).toBe(false); // the worker is older than a source
    utimesSync(worker, 4000, 4000);
    utimesSync(batchWorker, 4000, 4000);
    expect(bundleIsFresh(bundle, [src, join(dir, 'fresh/missing-lockfile')])).toBe(true);
  });
});

describe('the bundle', () => {
  // Same depth as the repo (dist/cli/main.mjs ↔ src/cli/main.ts), so its repo-root paths resolve here.
  let root: string;
  let bundle: string;
  let server: ChildProcess | undefined;

  beforeAll(async () => {
    root = join(dir, 'repo');
    bundle = join(root, 'apps/server/dist/cli/main.mjs');
    mkdirSync(join(root, 'public/scenarios'), { recursive: true });
    writeFileSync(join(root, 'package.json'), JSON.stringify({ version: '9.9.9-bundle' }));
    copyFileSync(join(REPO_ROOT, 'public/scenarios/demo.yaml'), join(root, 'public/scenarios/demo.yaml'));
    await buildBundle(bundle);
  }, 60_000);
  afterAll(() => {
    server?.kill('SIGTERM');
  });

  it('runs without tsx and reads its version from the repo root', () => {
    const out = execFileSync(process.execPath, [bundle, '--version'], { encoding: 'utf8' });
    expect(out.trim()).toBe('gatescope 9.9.9-bundle');
  });

  it('serves the demo scenario with serve --no-cluster, and /metrics from its bundled worker', async () => {
    expect(existsSync(workerBundleOf(bundle))).toBe(true);
    const child = spawn(
      process.execPath,
      [bundle, 'serve', '--no-cluster', '--host', '127.0.0.1', '--port', '0'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    server = child;
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        const found = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
        if (found) resolve(found[0]);
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => reject(new Error(`exited ${String(code)}: ${output}`)));
    });
    const snapshot = (await (await fetch(`${url}/api/snapshot`)).json()) as {
      source: { mode: string };
      objects: { cluster: string }[];
    };
    expect(snapshot.source.mode).toBe('demo');
    expect(snapshot.objects.length).toBeGreaterThan(0);
    expect(snapshot.objects.every((o) => o.cluster === 'demo')).toBe(true);
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/^gatescope_analysis_failed 0$/m);
    expect(metrics).toMatch(/^gatescope_routes\{accepted="true"\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^gatescope_gateways\{programmed="true"\} [1-9]\d*$/m);
    // POST /api/analyze runs in the bundled batch worker (dist/cli/batch-worker.mjs).
    expect(existsSync(batchWorkerBundleOf(bundle))).toBe(true);
    const analyzed = await fetch(`${url}/api/analyze`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ yaml: 'apiVersion: v1\nkind: Service\nmetadata: { name: s, namespace: a }\n' }),
    });
    expect(analyzed.status).toBe(200);
    expect(((await analyzed.json()) as { objects: unknown[] }).objects).toBeDefined();
  }, 60_000);
});
