/**
 * The indexed tables and the reference sorted scan (reference.ts) must give identical answers:
 * random routes (hostnames as written, on listeners with and without a hostname, Exact/PathPrefix/RegularExpression paths, headers, query params,
 * methods, timestamps) and random requests drawn from the same vocabulary.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/matching/simulate.ts';
import { simulateReference } from '../../src/matching/reference.ts';
import type { SimRequest } from '../../src/matching/types.ts';
import { services, tablesOf } from './helpers.ts';

const SEGMENTS = ['a', 'b', 'api', 'v1', 'v2'];
const HOSTS = ['a.example.com', 'b.example.com', 'x.a.example.com', 'other.org'];
// '*.com' and the listener 'a.example.com' give routes whose intersections coincide while their
// written hostnames differ (v1.7 precedence by the hostnames as written).
const ROUTE_HOSTS = ['a.example.com', '*.example.com', '*.a.example.com', 'other.org', '*.com'];
const LISTENER_HOSTS = [undefined, '*.example.com', 'a.example.com'];
const HEADERS = ['x-a', 'X-B'];
const VALUES = ['1', '2'];

const path = fc
  .array(fc.constantFrom(...SEGMENTS), { minLength: 0, maxLength: 3 })
  .map((s) => `/${s.join('/')}`);
const pathMatch = fc.oneof(
  fc.record({ type: fc.constant('Exact'), value: path }),
  fc.record({
    type: fc.constant('PathPrefix'),
    value: fc.tuple(path, fc.boolean()).map(([p, slash]) => (slash && p !== '/' ? `${p}/` : p)),
  }),
  fc.record({
    type: fc.constant('RegularExpression'),
    value: fc.constantFrom('/a/.*', '/(api|b)/v[12]', '/.*'),
  }),
);
const headerMatch = fc.record({
  type: fc.constantFrom('Exact', 'RegularExpression'),
  name: fc.constantFrom(...HEADERS),
  value: fc.constantFrom(...VALUES),
});
const match = fc.record(
  {
    path: pathMatch,
    headers: fc.array(headerMatch, { maxLength: 2 }),
    queryParams: fc.array(fc.record({ name: fc.constantFrom('q', 'Q'), value: fc.constantFrom(...VALUES) }), {
      maxLength: 1,
    }),
    method: fc.constantFrom('GET', 'POST'),
  },
  { requiredKeys: ['path'] },
);
const route = fc.record({
  hostnames: fc.subarray(ROUTE_HOSTS, { maxLength: 2 }),
  timestamp: fc.option(fc.constantFrom('2024-01-01T00:00:00Z', '2024-02-01T00:00:00Z'), { nil: undefined }),
  rules: fc.array(fc.array(match, { minLength: 0, maxLength: 2 }), { minLength: 1, maxLength: 3 }),
});

function yamlOf(routes: readonly GenRoute[], listenerHost: string | undefined): string {
  const gw = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: gc }
spec: { controllerName: example.com/gateway }
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: web, namespace: gw }
spec:
  gatewayClassName: gc
  listeners: [${JSON.stringify({ name: 'http', port: 80, protocol: 'HTTP', ...(listenerHost ? { hostname: listenerHost } : {}), allowedRoutes: { namespaces: { from: 'All' } } })}]
`;
  const docs = routes.map((r, i) =>
    JSON.stringify({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: {
        name: `r${i % 3}-${i}`,
        namespace: i % 2 === 0 ? 'a' : 'b',
        ...(r.timestamp ? { creationTimestamp: r.timestamp } : {}),
      },
      spec: {
        parentRefs: [{ name: 'web', namespace: 'gw' }],
        hostnames: r.hostnames,
        rules: r.rules.map((matches, j) => ({ matches, backendRefs: [{ name: `s${j}`, port: 8080 }] })),
      },
    }),
  );
  return [gw, ...docs].join('\n---\n');
}

interface GenRoute {
  readonly hostnames: readonly string[];
  readonly timestamp: string | undefined;
  readonly rules: readonly (readonly unknown[])[];
}

const request = fc.record({
  host: fc.option(fc.constantFrom(...HOSTS), { nil: undefined }),
  path: fc
    .tuple(path, fc.option(fc.constantFrom('q=1', 'Q=2', 'q=2&q=1'), { nil: undefined }))
    .map(([p, q]) => (q ? `${p}?${q}` : p)),
  method: fc.constantFrom('GET', 'POST'),
  headers: fc.dictionary(fc.constantFrom('x-a', 'X-A', 'x-b'), fc.constantFrom(...VALUES), { maxKeys: 2 }),
});

/** The answer without the human trace (the two paths word their traces the same, but need not). */
function comparable(r: ReturnType<typeof simulate>): string {
  const { explanation: _e, ...rest } = r;
  return JSON.stringify(rest);
}

describe('indexed tables == reference scan', () => {
  it('gives identical answers on random routes and requests', () => {
    fc.assert(
      fc.property(
        fc.array(route, { minLength: 1, maxLength: 12 }),
        fc.constantFrom(...LISTENER_HOSTS),
        fc.array(request, { minLength: 1, maxLength: 20 }),
        (routes, listenerHost, requests) => {
          const tables = tablesOf(
            yamlOf(routes, listenerHost),
            services('a', 's0', 's1', 's2'),
            services('b', 's0', 's1', 's2'),
          );
          for (const q of requests) {
            const { host, ...rest } = q;
            const req: SimRequest = { gateway: 'gw/web', ...rest, ...(host === undefined ? {} : { host }) };
            expect(comparable(simulate(tables, req))).toBe(comparable(simulateReference(tables, req)));
          }
        },
      ),
      { numRuns: 150, seed: 20261126 },
    );
  });

  it('agrees on many RegularExpression paths in one bucket (the RE2Set pre-filter)', () => {
    const patterns = [
      '/a/.*',
      '/(api|b)/v[12]',
      '/.*',
      '/api/v[0-9]+/.*',
      '/b',
      '/v1|/v2',
      '/a/b/?',
      '/api/(v1|v2)',
    ];
    const regexRoute = fc.record({
      hostnames: fc.constant([]),
      timestamp: fc.constant(undefined),
      rules: fc.array(
        fc.array(
          fc.record({
            path: fc.record({ type: fc.constant('RegularExpression'), value: fc.constantFrom(...patterns) }),
            headers: fc.array(headerMatch, { maxLength: 1 }),
          }),
          { minLength: 1, maxLength: 2 },
        ),
        { minLength: 1, maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(
        fc.array(regexRoute, { minLength: 6, maxLength: 14 }),
        fc.array(request, { minLength: 1, maxLength: 20 }),
        (routes, requests) => {
          const tables = tablesOf(
            yamlOf(routes, undefined),
            services('a', 's0', 's1', 's2'),
            services('b', 's0', 's1', 's2'),
          );
          for (const q of requests) {
            const { host, ...rest } = q;
            const req: SimRequest = { gateway: 'gw/web', ...rest, ...(host === undefined ? {} : { host }) };
            expect(comparable(simulate(tables, req))).toBe(comparable(simulateReference(tables, req)));
          }
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  });

  it('a bucket with many regex paths gets the RE2Set pre-filter', () => {
    const rules = Array.from({ length: 10 }, (_, i) => [
      { path: { type: 'RegularExpression', value: `/r${i}/.*` } },
    ]);
    const tables = tablesOf(
      yamlOf([{ hostnames: [], timestamp: undefined, rules }], undefined),
      services('a', 's0'),
    );
    const regexNode = tables.gateways.get('gw/web')?.listeners[0]?.catchAll?.http.regex;
    expect(regexNode?.pathPatterns?.('/r7/x')).toEqual(new Set(['/r7/.*']));
  });

  it('exercises both outcomes (the property is not vacuous)', () => {
    const tables = tablesOf(
      yamlOf(
        [{ hostnames: [], timestamp: undefined, rules: [[{ path: { type: 'PathPrefix', value: '/a' } }]] }],
        undefined,
      ),
      services('a', 's0'),
    );
    expect(simulate(tables, { gateway: 'gw/web', path: '/a/x' }).status).toBe(200);
    expect(simulateReference(tables, { gateway: 'gw/web', path: '/b' }).status).toBe(404);
  });
});
