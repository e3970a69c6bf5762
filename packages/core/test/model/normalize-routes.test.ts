import { describe, expect, it } from 'vitest';
import { codes, load, only } from './helpers.ts';

describe.each(['v1', 'v1beta1'])('HTTPRoute %s defaults', (version) => {
  const loaded = load(`
apiVersion: gateway.networking.k8s.io/${version}
kind: HTTPRoute
metadata: {name: web, namespace: apps}
spec:
  parentRefs:
  - name: gw
  - {name: gw2, namespace: infra, sectionName: https, port: 443}
  - {group: gateway.networking.k8s.io, kind: ListenerSet, name: extra}
  rules:
  - backendRefs:
    - name: svc
    - {name: other, namespace: backends, port: 8080, weight: 0}
    - {group: multicluster.x-k8s.io, kind: ServiceImport, name: imported, port: 80}
  - matches: []
  - matches:
    - headers: [{name: x-a, value: "1"}]
      queryParams: [{name: q, value: v, type: RegularExpression}]
      method: GET
    - path: {value: /exact, type: Exact}
    - path: {type: PathPrefix}
`);
  const route = only(loaded, 'HTTPRoute');

  it('has no diagnostics', () => {
    expect(loaded.diagnostics).toEqual([]);
  });

  it('defaults parentRef group, kind and namespace (the route namespace)', () => {
    expect(route.parentRefs).toEqual([
      {
        group: 'gateway.networking.k8s.io',
        kind: 'Gateway',
        namespace: 'apps',
        name: 'gw',
        key: 'Gateway.gateway.networking.k8s.io/apps/gw',
        index: 0,
      },
      {
        group: 'gateway.networking.k8s.io',
        kind: 'Gateway',
        namespace: 'infra',
        name: 'gw2',
        key: 'Gateway.gateway.networking.k8s.io/infra/gw2',
        sectionName: 'https',
        port: 443,
        index: 1,
      },
      {
        group: 'gateway.networking.k8s.io',
        kind: 'ListenerSet',
        namespace: 'apps',
        name: 'extra',
        key: 'ListenerSet.gateway.networking.k8s.io/apps/extra',
        index: 2,
      },
    ]);
  });

  it('defaults backendRef group, kind, namespace and weight', () => {
    expect(route.rules[0]?.backendRefs).toEqual([
      {
        group: '',
        kind: 'Service',
        namespace: 'apps',
        name: 'svc',
        key: 'Service/apps/svc',
        weight: 1,
        index: 0,
        filters: [],
      },
      {
        group: '',
        kind: 'Service',
        namespace: 'backends',
        name: 'other',
        key: 'Service/backends/other',
        port: 8080,
        weight: 0,
        index: 1,
        filters: [],
      },
      {
        group: 'multicluster.x-k8s.io',
        kind: 'ServiceImport',
        namespace: 'apps',
        name: 'imported',
        key: 'ServiceImport.multicluster.x-k8s.io/apps/imported',
        port: 80,
        weight: 1,
        index: 2,
        filters: [],
      },
    ]);
  });

  it('defaults absent or empty matches to PathPrefix "/"', () => {
    const everything = [{ path: { type: 'PathPrefix', value: '/' }, headers: [], queryParams: [] }];
    expect(route.rules[0]?.matches).toEqual(everything);
    expect(route.rules[1]?.matches).toEqual(everything);
  });

  it('defaults a match without path, path type and value, and header/query match types', () => {
    expect(route.rules[2]?.matches).toEqual([
      {
        path: { type: 'PathPrefix', value: '/' },
        headers: [{ type: 'Exact', name: 'x-a', value: '1' }],
        queryParams: [{ type: 'RegularExpression', name: 'q', value: 'v' }],
        method: 'GET',
      },
      { path: { type: 'Exact', value: '/exact' }, headers: [], queryParams: [] },
      { path: { type: 'PathPrefix', value: '/' }, headers: [], queryParams: [] },
    ]);
    expect(route.rules.map((r) => r.index)).toEqual([0, 1, 2]);
  });
});

describe('HTTPRoute rules default', () => {
  it('an absent rules list is one rule matching every path, with no backends', () => {
    const route = only(
      load('apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r}\nspec: {}\n'),
      'HTTPRoute',
    );
    expect(route.rules).toEqual([
      {
        matches: [{ path: { type: 'PathPrefix', value: '/' }, headers: [], queryParams: [] }],
        filters: [],
        backendRefs: [],
        index: 0,
      },
    ]);
  });

  it('an explicitly empty rules list stays empty', () => {
    const route = only(
      load(
        'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r}\nspec: {rules: []}\n',
      ),
      'HTTPRoute',
    );
    expect(route.rules).toEqual([]);
  });
});

describe('HTTPRoute malformed input', () => {
  it('drops references without a name, keeps the rest, and reports field paths', () => {
    const loaded = load(`
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: bad}
spec:
  parentRefs: [{sectionName: x}, {name: gw, port: eighty}]
  hostnames: example.com
  rules:
  - matches: [{path: {type: Prefix, value: /}}, "not a match"]
    backendRefs: [{port: 80}, {name: ok, weight: heavy}]
`);
    const route = only(loaded, 'HTTPRoute');
    expect(route.parentRefs.map((p) => [p.name, p.index, p.port])).toEqual([['gw', 1, undefined]]);
    expect(route.hostnames).toEqual([]);
    expect(route.rules[0]?.matches).toEqual([
      { path: { type: 'PathPrefix', value: '/' }, headers: [], queryParams: [] },
    ]);
    expect(route.rules[0]?.backendRefs.map((b) => [b.name, b.weight, b.index])).toEqual([['ok', 1, 1]]);
    expect(codes(loaded)).toEqual([
      'GS011-MissingField spec.parentRefs[0].name',
      'GS010-InvalidField spec.parentRefs[1].port',
      'GS010-InvalidField spec.hostnames',
      'GS010-InvalidField spec.rules[0].matches[0].path.type',
      'GS010-InvalidField spec.rules[0].matches[1]',
      'GS011-MissingField spec.rules[0].backendRefs[0].name',
      'GS010-InvalidField spec.rules[0].backendRefs[1].weight',
    ]);
  });
});

describe('GRPCRoute', () => {
  it('defaults method match type Exact and header match type Exact; empty matches stay empty', () => {
    const loaded = load(`
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: g}
spec:
  parentRefs: [{name: gw}]
  hostnames: [grpc.example.com]
  rules:
  - matches:
    - method: {service: pkg.Svc, method: Get}
      headers: [{name: x, value: z}]
    - method: {type: RegularExpression, service: "pkg\\\\..*"}
    backendRefs: [{name: grpc, port: 9000}]
  - backendRefs: [{name: fallback, port: 9000}]
`);
    const route = only(loaded, 'GRPCRoute');
    expect(loaded.diagnostics).toEqual([]);
    expect(route.rules[0]?.matches).toEqual([
      {
        method: { type: 'Exact', service: 'pkg.Svc', method: 'Get' },
        headers: [{ type: 'Exact', name: 'x', value: 'z' }],
      },
      { method: { type: 'RegularExpression', service: 'pkg\\..*' }, headers: [] },
    ]);
    expect(route.rules[1]?.matches).toEqual([]);
    expect(route.rules[1]?.backendRefs[0]?.key).toBe('Service/default/fallback');
  });
});

describe.each([
  ['TLSRoute', 'v1alpha2'],
  ['TLSRoute', 'v1alpha3'],
  ['TLSRoute', 'v1'],
  ['TCPRoute', 'v1alpha2'],
  ['TCPRoute', 'v1'],
  ['UDPRoute', 'v1alpha2'],
  ['UDPRoute', 'v1'],
] as const)('%s %s', (kind, version) => {
  it('reads parentRefs, hostnames and rules with backend defaults', () => {
    const loaded = load(`
apiVersion: gateway.networking.k8s.io/${version}
kind: ${kind}
metadata: {name: r, namespace: l4}
spec:
  parentRefs: [{name: gw, sectionName: l4}]
  hostnames: [a.example.com]
  rules:
  - name: first
    backendRefs: [{name: be, port: 5000}]
`);
    const route = only(loaded, kind);
    expect(loaded.diagnostics).toEqual([]);
    expect(route.parentRefs[0]?.key).toBe('Gateway.gateway.networking.k8s.io/l4/gw');
    expect(route.hostnames).toEqual(['a.example.com']);
    expect(route.rules).toEqual([
      {
        name: 'first',
        backendRefs: [
          {
            group: '',
            kind: 'Service',
            namespace: 'l4',
            name: 'be',
            key: 'Service/l4/be',
            port: 5000,
            weight: 1,
            index: 0,
          },
        ],
        index: 0,
      },
    ]);
  });
});

describe('route observed status', () => {
  it('reads status.parents with parentRef defaults applied', () => {
    const route = only(
      load(`
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: s, namespace: apps}
spec: {parentRefs: [{name: gw}]}
status:
  parents:
  - parentRef: {name: gw}
    controllerName: example.com/gw
    conditions: [{type: Accepted, status: "False", reason: NotAllowedByListeners, message: nope}]
`),
      'HTTPRoute',
    );
    expect(route.observed?.parents).toEqual([
      {
        parentRef: { group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: 'apps', name: 'gw' },
        controllerName: 'example.com/gw',
        conditions: [{ type: 'Accepted', status: 'False', reason: 'NotAllowedByListeners', message: 'nope' }],
      },
    ]);
  });
});
