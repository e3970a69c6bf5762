/**
 * `gatescope simulate --assume-present`: real-world manifests without their GatewayClass,
 * certificate Secret or backend Service are simulated as if the cluster had them, and the
 * explanation says what was assumed; without the flag the input alone is simulated.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSimulate } from '../../src/cli/simulate.ts';
import type { CliIO } from '../../src/cli/inputs.ts';

const dir = mkdtempSync(join(tmpdir(), 'gatescope-assume-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

writeFileSync(
  join(dir, 'app.yaml'),
  `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: web, namespace: shop }
spec:
  gatewayClassName: installed-elsewhere
  listeners:
  - name: https
    port: 443
    protocol: HTTPS
    hostname: shop.example.com
    tls: { certificateRefs: [{ name: shop-tls }] }
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: shop, namespace: shop }
spec:
  parentRefs: [{ name: web }]
  rules: [{ backendRefs: [{ name: storefront, port: 8080 }] }]
`,
);

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

const REQUEST =
  '{"gateway":"shop/web","port":443,"protocol":"HTTPS","sni":"shop.example.com","host":"shop.example.com","path":"/"}';

async function run(
  ...extra: string[]
): Promise<{ status: unknown; backends: unknown; explanation: string[] }> {
  const io = fakeIO();
  expect(await runSimulate(['-f', 'app.yaml', '--request', REQUEST, ...extra], io)).toBe(0);
  return JSON.parse(io.out) as { status: unknown; backends: unknown; explanation: string[] };
}

describe('gatescope simulate --assume-present', () => {
  it('without the flag, the input alone: nothing serves the Gateway of an absent class', async () => {
    const result = await run();
    expect(result.status).toBeNull();
    expect(result.explanation.join('\n')).not.toContain('Assumed present');
  });

  it('with it, routes as the cluster would and lists what was assumed first', async () => {
    const result = await run('--assume-present');
    expect(result.status).toBe(200);
    expect(result.backends).toEqual([
      expect.objectContaining({ kind: 'Service', name: 'storefront', port: 8080 }),
    ]);
    expect(result.explanation[0]).toBe(
      'Assumed present (not in the input): GatewayClass installed-elsewhere, Secret shop/shop-tls, Service shop/storefront.',
    );
  });
});
