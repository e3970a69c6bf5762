import { describe, expect, it } from 'vitest';
import { codes, load, only } from './helpers.ts';

const GW_VERSIONS = ['v1', 'v1beta1'];

describe.each(GW_VERSIONS)('Gateway %s defaults', (version) => {
  const loaded = load(`
apiVersion: gateway.networking.k8s.io/${version}
kind: Gateway
metadata: {name: gw}
spec:
  gatewayClassName: example
  listeners:
  - name: http
    port: 80
    protocol: HTTP
  - name: https
    port: 443
    protocol: HTTPS
    hostname: "*.example.com"
    tls:
      certificateRefs:
      - name: cert
      - {name: other, namespace: certs, kind: Secret, group: ""}
    allowedRoutes:
      namespaces: {from: All}
      kinds: [{kind: HTTPRoute}]
`);
  const gw = only(loaded, 'Gateway');

  it('has no diagnostics and lives in the default namespace', () => {
    expect(loaded.diagnostics).toEqual([]);
    expect(gw.ref).toEqual({
      group: 'gateway.networking.k8s.io',
      kind: 'Gateway',
      namespace: 'default',
      name: 'gw',
    });
    expect(gw.key).toBe('Gateway.gateway.networking.k8s.io/default/gw');
    expect(gw.apiVersion).toBe(`gateway.networking.k8s.io/${version}`);
  });

  it('defaults allowedRoutes to from: Same with kinds left to the protocol (null)', () => {
    expect(gw.listeners[0]).toEqual({
      name: 'http',
      port: 80,
      protocol: 'HTTP',
      allowedRoutes: { from: 'Same', kinds: null },
      index: 0,
    });
  });

  it('defaults tls mode, certificateRef group/kind/namespace and RouteGroupKind group', () => {
    const https = gw.listeners[1];
    expect(https?.tls?.mode).toBe('Terminate');
    expect(https?.tls?.certificateRefs).toEqual([
      { group: '', kind: 'Secret', namespace: 'default', name: 'cert', key: 'Secret/default/cert' },
      { group: '', kind: 'Secret', namespace: 'certs', name: 'other', key: 'Secret/certs/other' },
    ]);
    expect(https?.allowedRoutes).toEqual({
      from: 'All',
      kinds: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute' }],
    });
    expect(https?.hostname).toBe('*.example.com');
  });

  it('defaults allowedListeners to None', () => {
    expect(gw.allowedListeners).toEqual({ from: 'None' });
  });
});

describe('Gateway details', () => {
  it('reads a namespace selector and treats empty kinds as unspecified', () => {
    const gw = only(
      load(`
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: c
  allowedListeners: {namespaces: {from: Selector, selector: {matchLabels: {team: a}}}}
  listeners:
  - name: l
    port: 80
    protocol: HTTP
    allowedRoutes:
      kinds: []
      namespaces:
        from: Selector
        selector:
          matchLabels: {shared: "true"}
          matchExpressions: [{key: env, operator: In, values: [prod, stage]}]
`),
      'Gateway',
    );
    expect(gw.listeners[0]?.allowedRoutes).toEqual({
      from: 'Selector',
      selector: {
        matchLabels: { shared: 'true' },
        matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'stage'] }],
      },
      kinds: null,
    });
    expect(gw.allowedListeners).toEqual({
      from: 'Selector',
      selector: { matchLabels: { team: 'a' }, matchExpressions: [] },
    });
  });

  it('keeps a listener with a malformed port, reporting the field path', () => {
    const loaded = load(`
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw}
spec:
  gatewayClassName: c
  listeners:
  - {name: a, port: abc, protocol: HTTP}
  - {name: b, port: "8080", protocol: HTTP}
  - {name: c, protocol: HTTP}
`);
    const gw = only(loaded, 'Gateway');
    expect(gw.listeners.map((l) => [l.name, l.port])).toEqual([
      ['a', 0],
      ['b', 8080],
      ['c', 0],
    ]);
    expect(codes(loaded)).toEqual([
      'GS010-InvalidField spec.listeners[0].port',
      'GS010-InvalidField spec.listeners[1].port',
      'GS011-MissingField spec.listeners[2].port',
    ]);
    const [first] = loaded.diagnostics;
    expect(first?.object).toEqual({
      group: 'gateway.networking.k8s.io',
      kind: 'Gateway',
      namespace: 'default',
      name: 'gw',
    });
    // Points at the field itself: `port: abc` in `- {name: a, port: abc, protocol: HTTP}`.
    expect(first?.source).toEqual({ file: 'test.yaml', line: 8, column: 15 });
    expect(first?.message).toContain(
      'test.yaml:8:15: Gateway default/gw: spec.listeners[0].port: expected an integer, got string "abc"',
    );
  });

  it('reads observed status', () => {
    const gw = only(
      load(`
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, generation: 3}
spec: {gatewayClassName: c, listeners: [{name: http, port: 80, protocol: HTTP}]}
status:
  addresses: [{value: 10.0.0.1}]
  conditions:
  - {type: Accepted, status: "True", reason: Accepted, message: ok, observedGeneration: 2}
  - {type: Programmed, status: Maybe, reason: X}
  listeners:
  - name: http
    attachedRoutes: 2
    supportedKinds: [{kind: HTTPRoute}, {group: gateway.networking.k8s.io, kind: GRPCRoute}]
    conditions: [{type: Accepted, status: "True", reason: Accepted, message: ""}]
`),
      'Gateway',
    );
    expect(gw.meta.generation).toBe(3);
    expect(gw.observed?.addresses).toEqual([{ type: 'IPAddress', value: '10.0.0.1' }]);
    expect(gw.observed?.conditions).toEqual([
      { type: 'Accepted', status: 'True', reason: 'Accepted', message: 'ok', observedGeneration: 2 },
      { type: 'Programmed', status: 'Unknown', reason: 'X', message: '' },
    ]);
    expect(gw.observed?.listeners[0]?.supportedKinds).toEqual([
      { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute' },
      { group: 'gateway.networking.k8s.io', kind: 'GRPCRoute' },
    ]);
    expect(gw.observed?.listeners[0]?.attachedRoutes).toBe(2);
  });

  it('has no observed status when none was written', () => {
    const gw = only(
      load(
        'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: g}\nspec: {gatewayClassName: c}\n',
      ),
      'Gateway',
    );
    expect(gw.observed).toBeUndefined();
  });
});

describe('GatewayClass', () => {
  it('is cluster-scoped whatever namespace is written, and reads supportedFeatures of both shapes', () => {
    const loaded = load(`
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: example, namespace: ignored}
spec:
  controllerName: example.com/gateway
  parametersRef: {group: example.com, kind: Config, name: cfg, namespace: sys}
status:
  conditions: [{type: Accepted, status: "True", reason: Accepted, message: ""}]
  supportedFeatures: [{name: HTTPRoute}, Gateway]
`);
    const gc = only(loaded, 'GatewayClass');
    expect(loaded.diagnostics).toEqual([]);
    expect(gc.key).toBe('GatewayClass.gateway.networking.k8s.io//example');
    expect(gc.meta.namespace).toBe('');
    expect(gc.controllerName).toBe('example.com/gateway');
    expect(gc.parametersRef).toEqual({
      group: 'example.com',
      kind: 'Config',
      namespace: 'sys',
      name: 'cfg',
      key: 'Config.example.com/sys/cfg',
    });
    expect(gc.observed?.supportedFeatures).toEqual(['HTTPRoute', 'Gateway']);
  });
});

describe.each([
  ['gateway.networking.k8s.io/v1', 'ListenerSet', 'ListenerSet.gateway.networking.k8s.io'],
  ['gateway.networking.x-k8s.io/v1alpha1', 'XListenerSet', 'XListenerSet.gateway.networking.x-k8s.io'],
])('%s %s', (apiVersion, kind, groupKind) => {
  const loaded = load(`
apiVersion: ${apiVersion}
kind: ${kind}
metadata: {name: extra, namespace: team}
spec:
  parentRef: {name: gw}
  listeners:
  - {name: https, port: 443, protocol: HTTPS, hostname: a.example.com, tls: {certificateRefs: [{name: c}]}}
`);
  const ls = only(loaded, 'ListenerSet');

  it('normalizes to the ListenerSet model with its real group/kind in the key', () => {
    expect(loaded.diagnostics).toEqual([]);
    expect(ls.key).toBe(`${groupKind}/team/extra`);
    expect(ls.ref.kind).toBe(kind);
  });

  it('defaults the parentRef to a Gateway in the same namespace', () => {
    expect(ls.parentRef).toEqual({
      group: 'gateway.networking.k8s.io',
      kind: 'Gateway',
      namespace: 'team',
      name: 'gw',
      key: 'Gateway.gateway.networking.k8s.io/team/gw',
    });
  });

  it('defaults listener fields like a Gateway does, certificates in its own namespace', () => {
    expect(ls.listeners[0]?.allowedRoutes).toEqual({ from: 'Same', kinds: null });
    expect(ls.listeners[0]?.tls?.certificateRefs[0]?.key).toBe('Secret/team/c');
  });
});
