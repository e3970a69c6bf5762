import { describe, expect, it } from 'vitest';
import { KubeConfig } from '@kubernetes/client-node';
import { parseServeArgs } from '../../src/cli/serve.ts';
import { connect, isLocalhostFallback } from '../../src/kube/config.ts';

describe('gatescope serve arguments', () => {
  it('defaults to 127.0.0.1:7080, current context, live mode', () => {
    expect(parseServeArgs([], {})).toEqual({
      host: '127.0.0.1',
      port: 7080,
      contexts: [],
      noCluster: false,
      allowedHosts: [],
    });
  });

  it('takes several contexts, --no-cluster, and the environment', () => {
    const parsed = parseServeArgs(['--context', 'east', '--context', 'west', '--no-cluster', '--port', '0'], {
      GATESCOPE_HOST: '0.0.0.0',
      GATESCOPE_ALLOWED_HOSTS: 'gs.internal, other',
    });
    expect(parsed).toEqual({
      host: '0.0.0.0',
      port: 0,
      contexts: ['east', 'west'],
      noCluster: true,
      allowedHosts: ['gs.internal', 'other'],
    });
  });

  it('returns a usage message for bad input', () => {
    expect(parseServeArgs(['--port', 'http'], {})).toMatch(/invalid --port/);
    expect(parseServeArgs(['--bogus'], {})).toMatch(/usage: gatescope serve/);
  });
});

describe('kubeconfig handling', () => {
  it("recognises client-node's silent localhost:8080 fallback", () => {
    const fallback = new KubeConfig();
    fallback.loadFromClusterAndUser(
      { name: 'cluster', server: 'http://localhost:8080', skipTLSVerify: false },
      { name: 'user' },
    );
    expect(isLocalhostFallback(fallback)).toBe(true);
    const real = new KubeConfig();
    real.loadFromClusterAndUser(
      { name: 'kind', server: 'http://localhost:8080', skipTLSVerify: false },
      { name: 'admin' },
    );
    expect(isLocalhostFallback(real)).toBe(false);
  });

  it('explains unknown contexts and unreachable servers instead of failing', async () => {
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'c', server: 'https://127.0.0.1:1', skipTLSVerify: false }],
      users: [{ name: 'u', token: 't' }],
      contexts: [{ name: 'dead', cluster: 'c', user: 'u' }],
      currentContext: 'dead',
    });
    const result = await connect({ kubeConfig: kc, contexts: ['dead', 'missing'], probeTimeoutMs: 2000 });
    expect(result.connections).toEqual([]);
    expect(result.contexts.find((c) => c.name === 'missing')?.reason).toContain('not in the kubeconfig');
    expect(result.contexts.find((c) => c.name === 'dead')).toMatchObject({
      reachable: false,
      server: 'https://127.0.0.1:1',
    });
    expect(result.contexts.find((c) => c.name === 'dead')?.reason).toMatch(/refused/);
    expect(result.reason).toMatch(/^no reachable cluster/);
  });
});
