/**
 * The bundled server (bin/bundle.mjs) computes /metrics' analysis in its bundled worker
 * (dist/cli/health-worker.mjs beside main.mjs): built into a scratch copy of the repo layout,
 * started without tsx, scraped over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBundle, workerBundleOf } from '../../bin/bundle.mjs';

const REPO_ROOT = join(import.meta.dirname, '../../../..');
let dir: string;
let server: ChildProcess | undefined;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gatescope-metrics-bundle-'));
});
afterAll(() => {
  server?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

async function serve(bundle: string): Promise<string> {
  const child = spawn(
    process.execPath,
    [bundle, 'serve', '--no-cluster', '--host', '127.0.0.1', '--port', '0'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  server = child;
  let output = '';
  return new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const found = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
      if (found) resolve(found[0]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited ${String(code)}: ${output}`)));
  });
}

describe('the bundled server’s /metrics', () => {
  it('answers with the analysis health from the bundled worker', async () => {
    // Same depth as the repo (dist/cli/main.mjs ↔ src/cli/main.ts): the demo scenario resolves.
    const bundle = join(dir, 'apps/server/dist/cli/main.mjs');
    mkdirSync(join(dir, 'public/scenarios'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ version: '0.0.0-metrics' }));
    copyFileSync(join(REPO_ROOT, 'public/scenarios/demo.yaml'), join(dir, 'public/scenarios/demo.yaml'));
    await buildBundle(bundle);
    expect(existsSync(workerBundleOf(bundle))).toBe(true);
    const url = await serve(bundle);
    const body = await (await fetch(`${url}/metrics`)).text();
    expect(body).not.toMatch(/gatescope_analysis_failed/);
    expect(body).toMatch(/^gatescope_routes\{accepted="true"\} [1-9]\d*$/m);
    expect(body).toMatch(/^gatescope_gateways\{programmed="true"\} [1-9]\d*$/m);
  }, 60_000);
});
