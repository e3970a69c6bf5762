/**
 * Filters (spec: HTTPRouteFilter and friends in apis/v1/httproute_types.go) as case tables:
 * redirects with the default-port rules and Location, rewrites, header modifiers, mirrors, CORS,
 * ExtensionRef, timeouts and retry.
 */
import { describe, expect, it } from 'vitest';
import { classAndGateway, services, tablesOf } from './helpers.ts';
import { runCase } from './case-table.ts';
import type { Case } from './case-table.ts';
import { simulate } from '../../src/matching/simulate.ts';

const GATEWAY = classAndGateway(
  '{ name: http, port: 80, protocol: HTTP }',
  '{ name: http-8080, port: 8080, protocol: HTTP }',
);

const rule = (prefix: string, filter: string, backends = '[{ name: b1, port: 8080 }]'): string => `
  - matches: [{ path: { type: PathPrefix, value: ${prefix} } }]
    filters: [${filter}]
    backendRefs: ${backends}`;

const ROUTE = `
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: filters, namespace: app }
spec:
  parentRefs: [{ name: web, namespace: gw }]
  rules:${[
    rule('/r-https', '{ type: RequestRedirect, requestRedirect: { scheme: https } }', '[]'),
    rule(
      '/r-host',
      '{ type: RequestRedirect, requestRedirect: { hostname: other.example, statusCode: 301 } }',
      '[]',
    ),
    rule('/r-port', '{ type: RequestRedirect, requestRedirect: { port: 8443 } }', '[]'),
    rule('/r-https-443', '{ type: RequestRedirect, requestRedirect: { scheme: https, port: 443 } }', '[]'),
    rule(
      '/r-full',
      '{ type: RequestRedirect, requestRedirect: { path: { type: ReplaceFullPath, replaceFullPath: /new } } }',
      '[]',
    ),
    rule(
      '/r-prefix',
      '{ type: RequestRedirect, requestRedirect: { path: { type: ReplacePrefixMatch, replacePrefixMatch: /moved } } }',
      '[]',
    ),
    rule(
      '/w-prefix',
      '{ type: URLRewrite, urlRewrite: { path: { type: ReplacePrefixMatch, replacePrefixMatch: /backend } } }',
    ),
    rule(
      '/w-root',
      '{ type: URLRewrite, urlRewrite: { path: { type: ReplacePrefixMatch, replacePrefixMatch: / } } }',
    ),
    rule(
      '/w-full',
      '{ type: URLRewrite, urlRewrite: { hostname: internal.svc, path: { type: ReplaceFullPath, replaceFullPath: /fixed } } }',
    ),
    rule(
      '/h-req',
      '{ type: RequestHeaderModifier, requestHeaderModifier: { set: [{ name: X-Set, value: s }], add: [{ name: X-Add, value: a }], remove: [x-remove] } }',
    ),
    rule(
      '/h-resp',
      '{ type: ResponseHeaderModifier, responseHeaderModifier: { set: [{ name: Cache-Control, value: no-store }], remove: [Server] } }',
    ),
    rule(
      '/mirror',
      '{ type: RequestMirror, requestMirror: { backendRef: { name: m1, port: 8080 } } }, { type: RequestMirror, requestMirror: { backendRef: { name: m2, port: 8080 }, percent: 25 } }, { type: RequestMirror, requestMirror: { backendRef: { name: m3, port: 8080 }, fraction: { numerator: 1, denominator: 8 } } }',
    ),
    rule(
      '/cors',
      '{ type: CORS, cors: { allowOrigins: ["https://app.example", "https://*.trusted.example"], allowMethods: [GET, PUT], allowHeaders: [x-a], exposeHeaders: [x-b], maxAge: 600, allowCredentials: true } }',
    ),
    rule('/ext', '{ type: ExtensionRef, extensionRef: { group: example.com, kind: Auth, name: strict } }'),
  ].join('')}
  - matches: [{ path: { type: PathPrefix, value: /backend-level } }]
    backendRefs:
    - name: b1
      port: 8080
      filters:
      - { type: RequestHeaderModifier, requestHeaderModifier: { set: [{ name: X-Backend, value: b1 }] } }
      - { type: RequestMirror, requestMirror: { backendRef: { name: m1, port: 8080 }, percent: 10 } }
    - { name: m2, port: 8080, weight: 0 }
  - matches: [{ path: { type: PathPrefix, value: /timed } }]
    timeouts: { request: 2s, backendRequest: 500ms }
    retry: { codes: [503], attempts: 2 }
    backendRefs: [{ name: b1, port: 8080 }]
`;

const SVC = services('app', 'b1', 'm1', 'm2', 'm3');

const CASES: Case[] = [
  {
    name: 'scheme redirect: https gets port 443, left out of Location',
    request: { host: 'shop.example', path: '/r-https/a?q=1' },
    expect: { status: 302, location: 'https://shop.example/r-https/a?q=1' },
  },
  {
    name: 'hostname redirect keeps the listener port (80: left out) and uses statusCode',
    request: { host: 'shop.example:80', path: '/r-host' },
    expect: { status: 301, location: 'http://other.example/r-host' },
  },
  {
    name: 'hostname redirect on listener 8080 keeps :8080',
    request: { host: 'shop.example', port: 8080, path: '/r-host' },
    expect: { status: 301, location: 'http://other.example:8080/r-host' },
  },
  {
    name: 'port redirect writes the port',
    request: { host: 'shop.example', path: '/r-port' },
    expect: { status: 302, location: 'http://shop.example:8443/r-port' },
  },
  {
    name: 'https with explicit 443 leaves the port out',
    request: { host: 'shop.example', path: '/r-https-443' },
    expect: { status: 302, location: 'https://shop.example/r-https-443' },
  },
  {
    name: 'ReplaceFullPath redirect',
    request: { host: 'shop.example', path: '/r-full/x/y' },
    expect: { status: 302, location: 'http://shop.example/new' },
  },
  {
    name: 'ReplacePrefixMatch redirect',
    request: { host: 'shop.example', path: '/r-prefix/x/y' },
    expect: { status: 302, location: 'http://shop.example/moved/x/y' },
  },
  {
    name: 'URLRewrite ReplacePrefixMatch',
    request: { host: 'shop.example', path: '/w-prefix/x?y=1' },
    expect: { status: 200, backend: 'app/b1', upstreamPath: '/backend/x?y=1', upstreamHost: 'shop.example' },
  },
  {
    name: 'URLRewrite ReplacePrefixMatch with / keeps one slash',
    request: { host: 'shop.example', path: '/w-root/x' },
    expect: { status: 200, upstreamPath: '/x' },
  },
  {
    name: 'URLRewrite ReplacePrefixMatch with / on the bare prefix gives /',
    request: { host: 'shop.example', path: '/w-root' },
    expect: { status: 200, upstreamPath: '/' },
  },
  {
    name: 'URLRewrite hostname and full path',
    request: { host: 'shop.example', path: '/w-full/anything' },
    expect: { status: 200, upstreamPath: '/fixed', upstreamHost: 'internal.svc' },
  },
  {
    name: 'RequestHeaderModifier set/add/remove, case-insensitive',
    request: { path: '/h-req', headers: { 'x-set': 'old', 'x-add': 'first', 'X-REMOVE': 'gone', keep: 'k' } },
    expect: {
      status: 200,
      upstreamHeaders: { 'X-Set': 's', 'X-Add': 'first,a', keep: 'k' },
      absentUpstreamHeaders: ['x-remove'],
    },
  },
  {
    name: 'ResponseHeaderModifier changes what the backend answered',
    request: {
      path: '/h-resp',
      backendResponseHeaders: { server: 'echo', 'cache-control': 'max-age=60', etag: 'x' },
    },
    expect: {
      status: 200,
      responseHeaders: { 'cache-control': 'no-store', etag: 'x' },
      absentResponseHeaders: ['server'],
    },
  },
  {
    name: 'several mirrors: percent and fraction',
    request: { path: '/mirror' },
    expect: { status: 200, backend: 'app/b1', mirrors: ['app/m1@100', 'app/m2@25', 'app/m3@12.5'] },
  },
  {
    name: 'CORS preflight is answered by the gateway',
    request: {
      path: '/cors',
      method: 'OPTIONS',
      headers: { Origin: 'https://a.b.trusted.example', 'Access-Control-Request-Method': 'PUT' },
    },
    expect: {
      status: 200,
      responseHeaders: {
        'access-control-allow-origin': 'https://a.b.trusted.example',
        'access-control-allow-methods': 'GET, PUT',
        'access-control-allow-headers': 'x-a',
        'access-control-expose-headers': 'x-b',
        'access-control-max-age': '600',
        'access-control-allow-credentials': 'true',
      },
    },
  },
  {
    name: 'CORS simple request from an allowed origin gets CORS response headers',
    request: { path: '/cors', headers: { Origin: 'https://app.example' } },
    expect: {
      status: 200,
      backend: 'app/b1',
      responseHeaders: { 'access-control-allow-origin': 'https://app.example' },
    },
  },
  {
    name: 'CORS: a disallowed origin gets no CORS headers (forwarded as is)',
    request: {
      path: '/cors',
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'PUT' },
    },
    expect: { status: 200, backend: 'app/b1', absentResponseHeaders: ['access-control-allow-origin'] },
  },
  {
    name: 'backendRef-level filters apply when that backend takes all traffic',
    request: { path: '/backend-level' },
    expect: {
      status: 200,
      backend: 'app/b1',
      upstreamHeaders: { 'X-Backend': 'b1' },
      mirrors: ['app/m1@10'],
    },
  },
  {
    name: 'a backend slower than the backendRequest timeout gives 504',
    request: { path: '/timed', backendBehavior: { delay: '1s' } },
    expect: { status: 504 },
  },
  {
    name: 'retry on 503 twice then success',
    request: { path: '/timed', backendBehavior: { failures: { code: 503, count: 2 } } },
    expect: { status: 200 },
  },
  {
    name: 'retry exhausted',
    request: { path: '/timed', backendBehavior: { failures: { code: 503, count: 3 } } },
    expect: { status: 503 },
  },
  {
    name: 'codes not listed are not retried',
    request: { path: '/timed', backendBehavior: { failures: { code: 500, count: 1 } } },
    expect: { status: 500 },
  },
];

describe('filter case table', () => {
  const tables = tablesOf(GATEWAY, ROUTE, SVC);
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    expect(runCase(tables, c).problems).toEqual([]);
  });

  it('ExtensionRef is shown, not executed', () => {
    const r = simulate(tables, { gateway: 'gw/web', path: '/ext' });
    expect(r.status).toBe(200);
    expect(r.extensionFilters).toEqual(['Auth.example.com/strict']);
    expect(r.explanation.join('\n')).toMatch(/ExtensionRef Auth strict: .*not executed/);
  });

  it('timeouts and the effective retry policy are shown in the result', () => {
    const r = simulate(tables, { gateway: 'gw/web', path: '/timed' });
    expect(r.timeouts).toEqual({ request: '2s', backendRequest: '500ms' });
    expect(r.retry).toEqual({
      codes: [503],
      attempts: 2,
      retries: 2,
      attemptsDefaulted: false,
      retriesConnectionFailures: true,
    });
  });

  it('a redirect has no upstream request and no backends', () => {
    const r = simulate(tables, { gateway: 'gw/web', host: 'a.example', path: '/r-https' });
    expect(r.upstreamRequest).toBeNull();
    expect(r.backends).toEqual([]);
    expect(r.redirect).toEqual({
      scheme: 'https',
      host: 'a.example',
      port: 443,
      path: '/r-https',
      statusCode: 302,
      location: 'https://a.example/r-https',
    });
  });
});
