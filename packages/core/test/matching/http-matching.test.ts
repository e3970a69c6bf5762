/**
 * HTTPRoute matching and precedence (spec: ../shared/spec/matching-precedence.md §3), as case
 * tables: request → expected backend / status.
 */
import { describe, expect, it } from 'vitest';
import { BASE, services, tablesOf } from './helpers.ts';
import { runCase } from './case-table.ts';
import type { Case } from './case-table.ts';

const ROUTES = `
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: paths, namespace: app }
spec:
  parentRefs: [{ name: web, namespace: gw }]
  rules:
  - matches: [{ path: { type: Exact, value: /abc } }]
    backendRefs: [{ name: exact, port: 8080 }]
  - matches: [{ path: { type: PathPrefix, value: /abc/ } }]
    backendRefs: [{ name: prefix-abc, port: 8080 }]
  - matches: [{ path: { type: PathPrefix, value: /abc/def } }]
    backendRefs: [{ name: prefix-abc-def, port: 8080 }]
  - matches: [{ path: { type: RegularExpression, value: "/v[0-9]+/items" } }]
    backendRefs: [{ name: regex, port: 8080 }]
  - matches:
    - path: { type: PathPrefix, value: /api }
      headers: [{ name: X-Version, value: v2 }, { name: x-version, value: ignored-duplicate }]
    backendRefs: [{ name: api-v2, port: 8080 }]
  - matches:
    - path: { type: PathPrefix, value: /api }
      headers: [{ type: RegularExpression, name: X-Tenant, value: "t-[0-9]+" }]
    backendRefs: [{ name: api-tenant, port: 8080 }]
  - matches:
    - path: { type: PathPrefix, value: /api }
      queryParams: [{ name: debug, value: "1" }]
    backendRefs: [{ name: api-debug, port: 8080 }]
  - matches:
    - path: { type: PathPrefix, value: /api }
      method: POST
    backendRefs: [{ name: api-post, port: 8080 }]
  - matches: [{ path: { type: PathPrefix, value: /api } }]
    backendRefs: [{ name: api, port: 8080 }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: hosts, namespace: app }
spec:
  parentRefs: [{ name: web, namespace: gw }]
  hostnames: [exact.example.com]
  rules:
  - matches: [{ path: { type: PathPrefix, value: / } }]
    backendRefs: [{ name: host-exact, port: 8080 }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: wildcard, namespace: app }
spec:
  parentRefs: [{ name: web, namespace: gw }]
  hostnames: ["*.example.com"]
  rules:
  - matches: [{ path: { type: PathPrefix, value: /only-wildcard } }]
    backendRefs: [{ name: host-wildcard, port: 8080 }]
`;

const SVC = services(
  'app',
  'exact',
  'prefix-abc',
  'prefix-abc-def',
  'regex',
  'api-v2',
  'api-tenant',
  'api-debug',
  'api-post',
  'api',
  'host-exact',
  'host-wildcard',
);

const to = (name: string): Case['expect'] => ({ status: 200, backend: `app/${name}` });
const notFound: Case['expect'] = { status: 404 };

const CASES: Case[] = [
  { name: 'Exact matches the whole path', request: { path: '/abc' }, expect: to('exact') },
  { name: 'Exact is case-sensitive', request: { path: '/ABC' }, expect: notFound },
  {
    name: 'prefix /abc/ matches /abc/ (trailing slash ignored)',
    request: { path: '/abc/' },
    expect: to('prefix-abc'),
  },
  { name: 'prefix matches segment-wise', request: { path: '/abc/x' }, expect: to('prefix-abc') },
  { name: 'prefix does not match inside a segment', request: { path: '/abcd' }, expect: notFound },
  { name: 'longest prefix wins', request: { path: '/abc/def/g' }, expect: to('prefix-abc-def') },
  { name: 'longest prefix is segment-wise too', request: { path: '/abc/defg' }, expect: to('prefix-abc') },
  { name: 'regex matches the whole path', request: { path: '/v12/items' }, expect: to('regex') },
  { name: 'regex is anchored', request: { path: '/v12/items/more' }, expect: notFound },
  { name: 'query string is not part of the path', request: { path: '/abc?x=1' }, expect: to('exact') },
  { name: 'plain prefix', request: { path: '/api/x' }, expect: to('api') },
  {
    name: 'header names are case-insensitive',
    request: { path: '/api/x', headers: { 'x-VERSION': 'v2' } },
    expect: to('api-v2'),
  },
  {
    name: 'only the first of duplicate header matches counts',
    request: { path: '/api/x', headers: { 'X-Version': 'ignored-duplicate' } },
    expect: to('api'),
  },
  {
    name: 'header values are case-sensitive',
    request: { path: '/api/x', headers: { 'X-Version': 'V2' } },
    expect: to('api'),
  },
  {
    name: 'header regex',
    request: { path: '/api', headers: { 'x-tenant': 't-42' } },
    expect: to('api-tenant'),
  },
  {
    name: 'header regex is anchored',
    request: { path: '/api', headers: { 'x-tenant': 'xt-42' } },
    expect: to('api'),
  },
  { name: 'query param', request: { path: '/api?debug=1' }, expect: to('api-debug') },
  { name: 'query param names are case-sensitive', request: { path: '/api?DEBUG=1' }, expect: to('api') },
  {
    name: 'first of repeated query params is used',
    request: { path: '/api?debug=0&debug=1' },
    expect: to('api'),
  },
  { name: 'method match', request: { path: '/api', method: 'POST' }, expect: to('api-post') },
  { name: 'methods are case-sensitive', request: { path: '/api', method: 'post' }, expect: to('api') },
  {
    name: 'precedence: header beats method only after path ties (method first)',
    request: { path: '/api', method: 'POST', headers: { 'x-version': 'v2' } },
    expect: to('api-post'),
  },
  {
    name: 'precedence: headers beat query params',
    request: { path: '/api?debug=1', headers: { 'x-version': 'v2' } },
    expect: to('api-v2'),
  },
  {
    name: 'the most specific hostname wins across routes',
    request: { host: 'exact.example.com', path: '/abc' },
    expect: to('host-exact'),
  },
  {
    name: 'host port is ignored',
    request: { host: 'exact.example.com:8443', path: '/abc' },
    expect: to('host-exact'),
  },
  {
    name: 'a wildcard route takes hosts the exact route does not',
    request: { host: 'other.example.com', path: '/only-wildcard' },
    expect: to('host-wildcard'),
  },
  {
    name: 'the more specific hostname wins even with a shorter path (hostname before path)',
    request: { host: 'exact.example.com', path: '/only-wildcard/x' },
    expect: to('host-exact'),
  },
  {
    name: 'wildcard does not match the bare domain',
    request: { host: 'example.com', path: '/only-wildcard' },
    expect: notFound,
  },
];

describe('HTTPRoute matching case table', () => {
  const tables = tablesOf(BASE, ROUTES, SVC);
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(runCase(tables, c).problems).toEqual([]);
  });
});

const TIES = `
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: zeta, namespace: a, creationTimestamp: "2024-01-01T00:00:00Z" }
spec:
  parentRefs: [{ name: web, namespace: gw }]
  rules: [{ matches: [{ path: { type: PathPrefix, value: /old } }], backendRefs: [{ name: s1, port: 8080 }] }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: alpha, namespace: a, creationTimestamp: "2024-06-01T00:00:00Z" }
spec:
  parentRefs: [{ name: web, namespace: gw }]
  rules:
  - { matches: [{ path: { type: PathPrefix, value: /old } }], backendRefs: [{ name: s2, port: 8080 }] }
  - { matches: [{ path: { type: PathPrefix, value: /same } }], backendRefs: [{ name: s3, port: 8080 }] }
  - { matches: [{ path: { type: PathPrefix, value: /same } }], backendRefs: [{ name: s4, port: 8080 }] }
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: beta, namespace: a, creationTimestamp: "2024-06-01T00:00:00Z" }
spec:
  parentRefs: [{ name: web, namespace: gw }]
  rules: [{ matches: [{ path: { type: PathPrefix, value: /tie } }], backendRefs: [{ name: s5, port: 8080 }] }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: aaa, namespace: b, creationTimestamp: "2024-06-01T00:00:00Z" }
spec:
  parentRefs: [{ name: web, namespace: gw }]
  rules: [{ matches: [{ path: { type: PathPrefix, value: /tie } }], backendRefs: [{ name: s6, port: 8080 }] }]
`;

describe('tie-breaks across routes', () => {
  const tables = tablesOf(BASE, TIES, services('a', 's1', 's2', 's3', 's4', 's5'), services('b', 's6'));
  it.each([
    ['the oldest creationTimestamp wins', '/old', 'a/s1', 'a/zeta', 0],
    ['then namespace/name: a/beta before b/aaa', '/tie', 'a/s5', 'a/beta', 0],
    ['then the first matching rule of the route', '/same', 'a/s3', 'a/alpha', 1],
  ] as const)('%s', (_n, path, backend, route, rule) => {
    expect(
      runCase(tables, { name: _n, request: { path }, expect: { backend, route, rule } }).problems,
    ).toEqual([]);
  });
});

const DOC_ORDER = `
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: zz-first-in-file, namespace: a }
spec:
  parentRefs: [{ name: web, namespace: gw }]
  rules: [{ matches: [{ path: { type: PathPrefix, value: /x } }], backendRefs: [{ name: s1, port: 8080 }] }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: aa-second-in-file, namespace: a }
spec:
  parentRefs: [{ name: web, namespace: gw }]
  rules: [{ matches: [{ path: { type: PathPrefix, value: /x } }], backendRefs: [{ name: s2, port: 8080 }] }]
`;

describe('without creationTimestamp, {namespace}/{name} decides (not document order)', () => {
  // Spec (Listener.AllowedRoutes): equal or absent timestamps fall to alphabetical namespace/name.
  it('the alphabetically first route wins even when it is later in the file', () => {
    const tables = tablesOf(BASE, DOC_ORDER, services('a', 's1', 's2'));
    const { problems } = runCase(tables, {
      name: 'namespace/name',
      request: { path: '/x' },
      expect: { backend: 'a/s2' },
    });
    expect(problems).toEqual([]);
  });
});
