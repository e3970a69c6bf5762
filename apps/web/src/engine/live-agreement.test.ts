/**
 * The browser's engine and the server's /metrics must report the same codes for the same live
 * cluster: both now analyse with core's analyzeLive options. They once disagreed (the engine
 * treated ConfigMaps as readable where /metrics did not), so this feeds one cluster with
 * unreadable Secrets and ConfigMaps to both and compares every diagnostic.
 */
import { describe, expect, it } from 'vitest';
import { analyzeLive } from '@gatescope/core/analysis/live';
import type { KindStatus, WireObject } from '@gatescope/core';
import { EngineState } from './state.ts';

const OBJECTS: Record<string, unknown>[] = [
  {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'GatewayClass',
    metadata: { name: 'gc' },
    spec: { controllerName: 'example.com/c' },
  },
  {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: 'gw', namespace: 'infra' },
    spec: {
      gatewayClassName: 'gc',
      listeners: [
        {
          name: 'https',
          port: 443,
          protocol: 'HTTPS',
          tls: { certificateRefs: [{ name: 'site-cert' }] },
          allowedRoutes: { namespaces: { from: 'All' } },
        },
      ],
    },
  },
  {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: 'r', namespace: 'app' },
    spec: {
      parentRefs: [{ name: 'gw', namespace: 'infra' }],
      rules: [
        {
          backendRefs: [
            { name: 'svc', port: 443 },
            { name: 'gone', port: 80 },
          ],
        },
      ],
    },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'svc', namespace: 'app' },
    spec: { ports: [{ port: 443 }] },
  },
  {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'BackendTLSPolicy',
    metadata: { name: 'p', namespace: 'app' },
    spec: {
      targetRefs: [{ group: '', kind: 'Service', name: 'svc' }],
      validation: { caCertificateRefs: [{ group: '', kind: 'ConfigMap', name: 'ca' }], hostname: 'svc.app' },
    },
  },
];

function kind(k: string, group: string, state: KindStatus['state']): KindStatus {
  return {
    cluster: 'c1',
    group,
    version: 'v1',
    kind: k,
    resource: `${k.toLowerCase()}s`,
    state,
    count: 0,
    restarts: 0,
  };
}

const GW = 'gateway.networking.k8s.io';

/** Services and Gateway API kinds readable; Secrets forbidden; ConfigMaps not watched at all. */
const KINDS: KindStatus[] = [
  kind('Service', '', 'synced'),
  kind('Secret', '', 'forbidden'),
  kind('GatewayClass', GW, 'synced'),
  kind('Gateway', GW, 'synced'),
  kind('HTTPRoute', GW, 'synced'),
  kind('BackendTLSPolicy', GW, 'synced'),
];

function codes(diagnostics: readonly { code: string; object: { name: string } }[]): string[] {
  return diagnostics.map((d) => `${d.code} ${d.object.name}`).sort();
}

describe('live analysis: web engine and /metrics agree', () => {
  it('reports the same diagnostics for one cluster with unreadable Secrets and ConfigMaps', () => {
    const wire: WireObject[] = OBJECTS.map((object) => ({ cluster: 'c1', object }));
    const state = new EngineState();
    state.apply({
      type: 'live-snapshot',
      payload: { epoch: 'e', seq: 1, source: { mode: 'live', contexts: [] }, kinds: KINDS, objects: wire },
    });
    const web = codes(state.compute().analysis.diagnostics);
    const metrics = codes(analyzeLive(wire, KINDS).flatMap((a) => a.diagnostics));
    expect(web).toEqual(metrics);
    // The Service that is really gone in a synced, readable kind is an error in both.
    expect(web.some((c) => c.endsWith(' r'))).toBe(true);
    // Neither claims the unreadable certificate Secret or CA ConfigMap is missing.
    expect(web.filter((c) => /Secret|ConfigMap|CertificateRef/.test(c))).toEqual([]);
  });
});
