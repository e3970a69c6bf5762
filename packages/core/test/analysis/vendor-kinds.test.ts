/**
 * Implementation-specific kinds and protocols (analysis/backend-kinds.ts, listener-eval.ts,
 * mesh-parents.ts): which references are left to the controller, which are clearly invalid, and
 * what the route status and the simulator make of them.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import { classifyBackendKind } from '../../src/analysis/backend-kinds.ts';
import { implementationSpecificProtocol } from '../../src/analysis/listener-eval.ts';
import { loadManifests } from '../../src/model/load.ts';
import { simulate } from '../../src/matching/simulate.ts';
import { compileRouteTables } from '../../src/matching/tables.ts';
import { BASE, services } from '../matching/helpers.ts';

describe('classifyBackendKind', () => {
  it.each([
    ['', 'Service', 'service'],
    ['multicluster.x-k8s.io', 'ServiceImport', 'serviceImport'],
    ['gateway.envoyproxy.io', 'Backend', 'implementationSpecific'],
    ['inference.networking.k8s.io', 'InferencePool', 'implementationSpecific'],
    ['inference.networking.x-k8s.io', 'InferencePool', 'implementationSpecific'],
    ['networking.istio.io', 'Hostname', 'implementationSpecific'],
    ['gateway.networking.k8s.io', 'HTTPRoute', 'implementationSpecific'],
    ['gateway.kgateway.dev', 'Backend', 'implementationSpecific'],
    ['acme.corp', 'Upstream', 'implementationSpecific'],
    // Clearly invalid: no implementation can serve these.
    ['', 'Pod', 'invalid'],
    ['', 'Secret', 'invalid'],
    ['gateway.networking.k8s.io', 'Gateway', 'invalid'],
    ['gateway.networking.x-k8s.io', 'XBackendTrafficPolicy', 'invalid'],
    ['multicluster.x-k8s.io', 'ServiceExport', 'invalid'],
    ['apps', 'Deployment', 'invalid'],
    ['s3', 'Bucket', 'invalid'],
    ['unknownkind.example.com', 'NonExistent', 'invalid'],
    ['example.org', 'Thing', 'invalid'],
    ['backends.test', 'Thing', 'invalid'],
  ])('%s/%s is %s', (group, kind, expected) => {
    expect(classifyBackendKind(group, kind).kind).toBe(expected);
  });
});

describe('implementationSpecificProtocol', () => {
  it.each([
    ['HBONE', true],
    ['example.com/quic', true],
    ['istio.io/PROXY', true],
    ['SCTP', false],
    ['HTTP3', false],
    ['example.com', false],
    ['Example.com/x', false],
  ])('%s → %s', (protocol, expected) => {
    expect(implementationSpecificProtocol(protocol) !== undefined).toBe(expected);
  });
});

function run(yaml: string): ReturnType<typeof analyze> {
  return analyze(loadManifests([{ name: 'in.yaml', text: yaml }]).snapshot);
}

describe('vendor backends in a route', () => {
  const yaml = `${BASE}${services('app', 'svc')}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: r, namespace: app }
spec:
  parentRefs: [{ name: web, namespace: gw }]
  rules:
  - backendRefs:
    - { group: gateway.envoyproxy.io, kind: Backend, name: ext, weight: 3 }
    - { name: svc, port: 8080, weight: 1 }
`;

  it('is info, keeps ResolvedRefs True with a message naming the unchecked kind', () => {
    const analysis = run(yaml);
    const codes = analysis.diagnostics.map((d) => `${d.severity} ${d.code}`);
    expect(codes).toEqual(['info GS317-BackendImplementationSpecific']);
    expect(analysis.diagnostics[0]?.message).toContain('Backend app/ext is not in the input');
    const status = [...analysis.predicted.values()].find((s) => s.kind === 'Route');
    const refs =
      status?.kind === 'Route'
        ? status.parents[0]?.conditions.find((c) => c.type === 'ResolvedRefs')
        : undefined;
    expect(refs?.status).toBe('True');
    expect(refs?.message).toContain('gateway.envoyproxy.io/Backend');
  });

  it('is forwarded to by the simulator, with its share, not answered 500', () => {
    const tables = compileRouteTables(run(yaml));
    const result = simulate(tables, { gateway: 'gw/web', path: '/' });
    expect(result.status).toBe(200);
    expect(result.backends.map((b) => [b.kind, b.probability])).toEqual([
      ['Backend', 0.75],
      ['Service', 0.25],
    ]);
    expect(result.explanation.join('\n')).toContain(
      'implementation-specific backend gateway.envoyproxy.io/Backend',
    );
  });

  it('still needs a ReferenceGrant across namespaces, except for route delegation', () => {
    const cross = (group: string, kind: string): string[] =>
      run(`${BASE}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: r, namespace: app }
spec:
  parentRefs: [{ name: web, namespace: gw }]
  rules:
  - backendRefs: [{ group: ${group}, kind: ${kind}, name: x, namespace: other, port: 80 }]
`).diagnostics.map((d) => d.code);
    expect(cross('gateway.envoyproxy.io', 'Backend')).toContain('GS313-BackendRefNotPermitted');
    expect(cross('gateway.networking.k8s.io', 'HTTPRoute')).toEqual(['GS317-BackendImplementationSpecific']);
  });
});

describe('listener protocols', () => {
  it('reads core protocols case-insensitively, as the spec requires', () => {
    expect(BASE).toContain('protocol: HTTP,');
    const analysis = run(BASE.replace('protocol: HTTP,', 'protocol: http,'));
    expect(analysis.diagnostics.map((d) => d.code)).toEqual([]);
    expect(analysis.listeners[0]?.protocol).toBe('HTTP');
  });
});

describe('kinds of other groups that share a known name', () => {
  const warned = (apiVersion: string, kind: string): boolean =>
    loadManifests([
      { name: 'in.yaml', text: `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: { name: x }\n` },
    ]).diagnostics.some((d) => d.code === 'GS012-UnknownVersion');

  it.each([
    ['networking.istio.io/v1', 'Gateway', false],
    ['policy.linkerd.io/v1beta3', 'HTTPRoute', false],
    ['net.gke.io/v1', 'ServiceImport', false],
    ['v1', 'HTTPRoute', true],
    ['networking.k8s.io/v1', 'HTTPRoute', true],
    ['gateway.networking.k8s.i/v1', 'HTTPRoute', true],
    ['multicluster.x-k8s.io/v1', 'Gateway', true],
  ])('%s %s warns: %s', (apiVersion, kind, expected) => {
    expect(warned(apiVersion, kind)).toBe(expected);
  });
});
