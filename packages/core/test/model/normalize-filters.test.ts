import { describe, expect, it } from 'vitest';
import { codes, load, only } from './helpers.ts';

describe('HTTPRoute filters', () => {
  const loaded = load(`
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: f}
spec:
  rules:
  - filters:
    - type: RequestRedirect
      requestRedirect: {scheme: https}
    - type: RequestRedirect
      requestRedirect: {statusCode: 301, port: 8443, path: {type: ReplacePrefixMatch, replacePrefixMatch: /new}}
    - type: URLRewrite
      urlRewrite: {hostname: h.example.com, path: {type: ReplaceFullPath, replaceFullPath: /full}}
    - type: RequestHeaderModifier
      requestHeaderModifier: {set: [{name: a, value: b}], remove: [c]}
    - type: ResponseHeaderModifier
      responseHeaderModifier: {add: [{name: d, value: e}]}
    - type: RequestMirror
      requestMirror: {backendRef: {name: shadow, port: 80}, fraction: {numerator: 5}}
    - type: RequestMirror
      requestMirror: {backendRef: {name: shadow2}, percent: 25}
    - type: CORS
      cors: {allowOrigins: ["https://a.example"], allowMethods: [GET]}
    - type: ExtensionRef
      extensionRef: {group: example.com, kind: Thing, name: t}
    - type: SomethingNew
      somethingNew: {x: 1}
    - type: constructor
    backendRefs:
    - name: svc
      filters: [{type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: per-backend, value: "1"}]}}]
`);
  const route = only(loaded, 'HTTPRoute');
  const filters = route.rules[0]?.filters ?? [];

  it('has no diagnostics', () => {
    expect(loaded.diagnostics).toEqual([]);
  });

  it('defaults RequestRedirect statusCode to 302', () => {
    expect(filters[0]).toEqual({ type: 'RequestRedirect', scheme: 'https', statusCode: 302 });
    expect(filters[1]).toEqual({
      type: 'RequestRedirect',
      statusCode: 301,
      port: 8443,
      path: { type: 'ReplacePrefixMatch', value: '/new' },
    });
  });

  it('reads rewrites and header modifiers', () => {
    expect(filters[2]).toEqual({
      type: 'URLRewrite',
      hostname: 'h.example.com',
      path: { type: 'ReplaceFullPath', value: '/full' },
    });
    expect(filters[3]).toEqual({
      type: 'RequestHeaderModifier',
      modifier: { set: [{ name: 'a', value: 'b' }], add: [], remove: ['c'] },
    });
    expect(filters[4]).toEqual({
      type: 'ResponseHeaderModifier',
      modifier: { set: [], add: [{ name: 'd', value: 'e' }], remove: [] },
    });
  });

  it('resolves mirror backends like backendRefs, fraction denominator 100', () => {
    expect(filters[5]).toMatchObject({
      type: 'RequestMirror',
      backendRef: {
        kind: 'Service',
        namespace: 'default',
        name: 'shadow',
        port: 80,
        key: 'Service/default/shadow',
      },
      fraction: { numerator: 5, denominator: 100 },
    });
    expect(filters[6]).toMatchObject({ type: 'RequestMirror', percent: 25 });
  });

  it('defaults CORS maxAge to 5 and allowCredentials to false', () => {
    expect(filters[7]).toEqual({
      type: 'CORS',
      allowOrigins: ['https://a.example'],
      allowCredentials: false,
      allowMethods: ['GET'],
      allowHeaders: [],
      exposeHeaders: [],
      maxAge: 5,
    });
  });

  it('resolves ExtensionRef in the route namespace and keeps unknown filters', () => {
    expect(filters[8]).toEqual({
      type: 'ExtensionRef',
      ref: {
        group: 'example.com',
        kind: 'Thing',
        namespace: 'default',
        name: 't',
        key: 'Thing.example.com/default/t',
      },
    });
    expect(filters[9]).toMatchObject({ type: 'Unknown', name: 'SomethingNew' });
    expect(filters[10]).toMatchObject({ type: 'Unknown', name: 'constructor' });
  });

  it('reads per-backend filters', () => {
    expect(route.rules[0]?.backendRefs[0]?.filters).toEqual([
      {
        type: 'RequestHeaderModifier',
        modifier: { set: [{ name: 'per-backend', value: '1' }], add: [], remove: [] },
      },
    ]);
  });
});

describe('HTTPRoute timeouts and retry', () => {
  it('reads them and reports bad retry codes by item path', () => {
    const loaded = load(`
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: t}
spec:
  rules:
  - timeouts: {request: 10s, backendRequest: 2s}
    retry: {codes: [500, "x", 503], attempts: 3, backoff: 100ms}
`);
    const rule = only(loaded, 'HTTPRoute').rules[0];
    expect(rule?.timeouts).toEqual({ request: '10s', backendRequest: '2s' });
    expect(rule?.retry).toEqual({ codes: [500, 503], attempts: 3, backoff: '100ms' });
    expect(codes(loaded)).toEqual(['GS010-InvalidField spec.rules[0].retry.codes[1]']);
  });
});

describe('GRPCRoute filters', () => {
  it('keeps a type outside GRPCRouteFilter’s enum unknown instead of reading it as an HTTP filter', () => {
    const loaded = load(`
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: g}
spec:
  rules:
  - filters:
    - type: URLRewrite
      urlRewrite: {hostname: other.example.com}
    - type: RequestHeaderModifier
      requestHeaderModifier: {set: [{name: a, value: b}]}
`);
    const filters = only(loaded, 'GRPCRoute').rules[0]?.filters ?? [];
    expect(filters.map((f) => f.type)).toEqual(['Unknown', 'RequestHeaderModifier']);
    expect(filters[0]).toMatchObject({ type: 'Unknown', name: 'URLRewrite' });
  });
});
