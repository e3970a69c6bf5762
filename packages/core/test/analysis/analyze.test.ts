import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import type { Analysis, PredictedStatus } from '../../src/analysis/types.ts';
import { compareDiagnostics } from '../../src/diagnostics/make.ts';
import { loadManifests } from '../../src/model/load.ts';

const GC = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: c}
spec: {controllerName: example.com/c}
`;

function run(yaml: string): Analysis {
  return analyze(loadManifests([{ name: 'in.yaml', text: `${GC}---\n${yaml}` }]).snapshot);
}

function status(a: Analysis, kind: string, ns: string, name: string): PredictedStatus | undefined {
  const o = a.snapshot.objects.find(
    (x) => x.ref.kind === kind && x.meta.namespace === ns && x.meta.name === name,
  );
  return o === undefined ? undefined : a.predicted.get(o.key);
}

function accepted(a: Analysis, kind: string, ns: string, name: string): string[] {
  const s = status(a, kind, ns, name);
  if (s?.kind !== 'Route') return [];
  return s.parents.map((p) => p.conditions.find((c) => c.type === 'Accepted')?.reason ?? '?');
}

const GATEWAY = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: c
  listeners:
    - {name: a, port: 80, protocol: HTTP, hostname: a.example.com, allowedRoutes: {namespaces: {from: All}}}
    - {name: wild, port: 80, protocol: HTTP, hostname: "*.example.com", allowedRoutes: {namespaces: {from: All}}}
`;

describe('analyze', () => {
  it('counts a route once per listener even with two parentRefs selecting it', () => {
    const a = run(`${GATEWAY}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: app}
spec:
  parentRefs: [{name: gw, namespace: infra}, {name: gw, namespace: infra, sectionName: a}]
`);
    const gw = status(a, 'Gateway', 'infra', 'gw');
    expect(gw?.kind === 'Gateway' && gw.listeners.map((l) => [l.name, l.attachedRoutes])).toEqual([
      ['a', 1],
      ['wild', 1],
    ]);
    expect(a.attachments.filter((x) => x.listenerId === 'Listener/infra/gw/a')).toHaveLength(2);
    expect(a.attachments.find((x) => x.listenerId === 'Listener/infra/gw/wild')?.hostnames).toEqual([
      '*.example.com',
    ]);
  });

  it('GRPCRoute/HTTPRoute collision: the older by creationTimestamp wins', () => {
    const route = (kind: string, name: string, ts: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: ${kind}
metadata: {name: ${name}, namespace: app, creationTimestamp: "${ts}"}
spec:
  parentRefs: [{name: gw, namespace: infra, sectionName: a}]
  hostnames: [a.example.com]
`;
    const a = run(
      `${GATEWAY}---\n${route('HTTPRoute', 'web', '2024-05-01T00:00:00Z')}---\n${route('GRPCRoute', 'grpc', '2024-01-01T00:00:00Z')}`,
    );
    expect(accepted(a, 'GRPCRoute', 'app', 'grpc')).toEqual(['Accepted']);
    expect(accepted(a, 'HTTPRoute', 'app', 'web')).toEqual(['NotAllowedByListeners']);
  });

  it('Selector matches the implicit kubernetes.io/metadata.name label without a Namespace object', () => {
    const a = run(`apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: c
  listeners:
    - name: web
      port: 80
      protocol: HTTP
      allowedRoutes:
        namespaces:
          from: Selector
          selector: {matchLabels: {kubernetes.io/metadata.name: app}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: ok, namespace: app}
spec: {parentRefs: [{name: gw, namespace: infra}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: denied, namespace: other}
spec: {parentRefs: [{name: gw, namespace: infra}]}
`);
    expect(accepted(a, 'HTTPRoute', 'app', 'ok')).toEqual(['Accepted']);
    expect(accepted(a, 'HTTPRoute', 'other', 'denied')).toEqual(['NotAllowedByListeners']);
  });

  it('TLS passthrough listener serves TLSRoute only; TCP listener TCPRoute', () => {
    const a = run(`apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: c
  listeners:
    - {name: tls, port: 443, protocol: TLS, tls: {mode: Passthrough}}
    - {name: tcp, port: 5432, protocol: TCP}
`);
    const gw = status(a, 'Gateway', 'infra', 'gw');
    expect(gw?.kind === 'Gateway' && gw.listeners.map((l) => l.supportedKinds.map((k) => k.kind))).toEqual([
      ['TLSRoute'],
      ['TCPRoute'],
    ]);
    expect(a.listeners.every((l) => l.ready)).toBe(true);
  });

  it('is deterministic and sorts diagnostics', () => {
    const yaml = `${GATEWAY}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: app}
spec:
  parentRefs: [{name: missing, namespace: infra}, {name: gw, namespace: infra, sectionName: nope}]
  rules: [{backendRefs: [{name: nothing, port: 80}, {name: x, kind: Bucket, group: s3}]}]
`;
    const one = run(yaml);
    const two = run(yaml);
    expect(JSON.stringify([...one.predicted])).toBe(JSON.stringify([...two.predicted]));
    expect(one.diagnostics).toEqual(two.diagnostics);
    expect([...one.diagnostics].sort(compareDiagnostics)).toEqual(one.diagnostics);
    expect(one.backends.map((b) => b.reason)).toEqual(['BackendNotFound', 'InvalidKind']);
  });

  it('never throws on odd but parseable input', () => {
    const odd = [
      'kind: Gateway\napiVersion: gateway.networking.k8s.io/v1\nmetadata: {name: g}\nspec: {listeners: 5}',
      'kind: HTTPRoute\napiVersion: gateway.networking.k8s.io/v1\nmetadata: {name: r}\nspec: {parentRefs: [{}], rules: [{backendRefs: [{}]}]}',
      'kind: ListenerSet\napiVersion: gateway.networking.k8s.io/v1\nmetadata: {name: l}\nspec: {}',
    ];
    for (const text of odd) expect(() => run(text)).not.toThrow();
  });
});

describe('visibility options (live mode without Secret/ConfigMap access)', () => {
  const yaml = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: c
  infrastructure: {parametersRef: {group: "", kind: ConfigMap, name: params}}
  tls:
    frontend:
      default: {validation: {caCertificateRefs: [{group: "", kind: ConfigMap, name: client-ca}]}}
  listeners:
    - {name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: cert}]}}
`;
  const load = () => loadManifests([{ name: 'in.yaml', text: `${GC}---\n${yaml}` }]).snapshot;

  it('with everything visible, the missing Secret and ConfigMaps are reported', () => {
    // A complete input (live, every kind synced): absent objects are missing, not "not in the input".
    const codes = analyze(load(), { completeKinds: 'all' }).diagnostics.map((d) => d.code);
    expect(codes).toEqual(
      expect.arrayContaining(['GS204-GatewayInvalidParameters', 'GS215-ListenerInvalidCertificateRef']),
    );
  });

  it('without Secret/ConfigMap access nothing is invented and the listener serves', () => {
    const a = analyze(load(), { secretsVisible: false, configMapsVisible: false });
    const codes = a.diagnostics.map((d) => d.code);
    expect(codes).not.toContain('GS204-GatewayInvalidParameters');
    expect(codes).not.toContain('GS215-ListenerInvalidCertificateRef');
    expect(codes).not.toContain('GS218-ListenerInvalidCACertificateRef');
    expect(codes).toContain('GS217-ListenerCertificateUnverified');
    expect(a.listeners[0]?.ready).toBe(true);
  });
});

describe('policy targetRefs', () => {
  it('a sectionName that names no Service port is reported as target not found', () => {
    const a = run(`apiVersion: v1
kind: Service
metadata: {name: svc, namespace: app}
spec: {ports: [{name: https, port: 443}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: ok, namespace: app}
spec:
  targetRefs: [{group: "", kind: Service, name: svc, sectionName: https}]
  validation: {wellKnownCACertificates: System, hostname: svc.app}
---
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: typo, namespace: app}
spec:
  targetRefs: [{group: "", kind: Service, name: svc, sectionName: htps}]
  validation: {wellKnownCACertificates: System, hostname: svc.app}
`);
    const found = a.diagnostics.filter((d) => d.code === 'GS401-PolicyTargetNotFound');
    expect(found.map((d) => d.object.name)).toEqual(['typo']);
    expect(found[0]?.message).toContain('sections: https');
  });
});
