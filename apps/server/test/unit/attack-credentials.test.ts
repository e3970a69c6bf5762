/**
 * Issue 12 (attack review): an exec credential plugin's stderr, and token fragments from any
 * client-node error, never reach /api/readyz, /api/snapshot, SSE or the log. They all take their
 * text from connect() reasons, KubeHttp errors (supervisor status) and safeErrorText.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/kube/config.ts';
import { safeErrorText } from '../../src/kube/error-text.ts';
import { KubeHttp } from '../../src/kube/http.ts';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
const OPAQUE = 'sha256~Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdo';
const dir = mkdtempSync(join(tmpdir(), 'gatescope-exec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A kubeconfig whose user runs `node plugin.mjs` (an exec credential plugin). */
function kubeConfigWithPlugin(source: string): KubeConfig {
  const plugin = join(dir, `plugin-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(plugin, source);
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server: 'https://127.0.0.1:9', skipTLSVerify: true }],
    users: [
      {
        name: 'u',
        exec: { apiVersion: 'client.authentication.k8s.io/v1', command: process.execPath, args: [plugin] },
      },
    ],
    contexts: [{ name: 'ctx', cluster: 'c', user: 'u' }],
    currentContext: 'ctx',
  });
  return kc;
}

const FAILING = `process.stderr.write('error: refresh failed\\nrequest: Authorization: Bearer ${TOKEN}\\ntoken=${OPAQUE}\\n'); process.exit(1);`;
const NOT_JSON = `process.stdout.write('${TOKEN}');`;

describe('credential errors are reduced to a short, token-free reason', () => {
  it('connect(): a failing exec plugin shows its first line only', async () => {
    const result = await connect({ kubeConfig: kubeConfigWithPlugin(FAILING), probeTimeoutMs: 2_000 });
    const reason = result.reason ?? result.contexts[0]?.reason ?? '';
    expect(reason).toMatch(/refresh failed/);
    expect(reason).not.toContain(TOKEN);
    expect(reason).not.toContain(OPAQUE);
    expect(reason).not.toContain('Authorization');
    expect(JSON.stringify(result.contexts)).not.toContain('eyJ');
  });

  it('connect(): a plugin printing a bare token (not JSON) does not echo it', async () => {
    const result = await connect({ kubeConfig: kubeConfigWithPlugin(NOT_JSON), probeTimeoutMs: 2_000 });
    const text = JSON.stringify(result);
    expect(text).not.toContain('eyJhbGci');
    expect(text).not.toContain('c2lnbmF0dXJl');
  });

  it('KubeHttp (lists and watches, whose message becomes a kind status) fails with a clean reason', async () => {
    const http = new KubeHttp(kubeConfigWithPlugin(FAILING), 'https://127.0.0.1:9');
    const error = await http.getJson('/version').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toMatch(/credentials could not be obtained: error: refresh failed$/);
    expect(safeErrorText(error)).not.toContain(TOKEN);
  });

  it('safeErrorText', () => {
    expect(safeErrorText(new Error(`Unauthorized: Bearer ${TOKEN}`))).toBe('Unauthorized: Bearer [redacted]');
    expect(safeErrorText(new Error(`bad id_token=${OPAQUE} here`))).toBe('bad id_token=[redacted] here');
    expect(safeErrorText(new Error(`oops ${TOKEN}`))).toBe('oops [redacted]');
    expect(
      safeErrorText(new SyntaxError(`Unexpected token 'e', "${TOKEN}" is not valid JSON`)),
    ).not.toContain('eyJ');
    expect(safeErrorText(new Error('\n\nconnect ECONNREFUSED 127.0.0.1:6443\n    at stack'))).toBe(
      'connect ECONNREFUSED 127.0.0.1:6443',
    );
    // Ordinary names stay readable.
    expect(safeErrorText('services "my-very-long-service-name-for-payments" not found')).toBe(
      'services "my-very-long-service-name-for-payments" not found',
    );
    expect(safeErrorText('x'.repeat(500)).length).toBeLessThanOrEqual(201);
  });
});
