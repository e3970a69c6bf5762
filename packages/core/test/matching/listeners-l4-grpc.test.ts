/**
 * Listener selection (port, protocol, most specific hostname, isolation, IP hosts), TLSRoute by
 * SNI, TCPRoute/UDPRoute by port, GRPCRoute matching and precedence, as case tables.
 */
import { describe, expect, it } from 'vitest';
import { classAndGateway, services, servicesOnPort, tablesOf } from './helpers.ts';
import { runCase } from './case-table.ts';
import type { Case } from './case-table.ts';

const GATEWAY = `
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: gc }
spec: { controllerName: example.com/gateway }
---
apiVersion: v1
kind: Secret
metadata: { name: cert, namespace: gw }
type: kubernetes.io/tls
data: { tls.crt: eA==, tls.key: eA== }
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: web, namespace: gw }
spec:
  gatewayClassName: gc
  listeners:
  - { name: any, port: 80, protocol: HTTP, allowedRoutes: { namespaces: { from: All } } }
  - { name: wild, port: 80, protocol: HTTP, hostname: "*.example.com", allowedRoutes: { namespaces: { from: All } } }
  - { name: deep-wild, port: 80, protocol: HTTP, hostname: "*.api.example.com", allowedRoutes: { namespaces: { from: All } } }
  - { name: exact, port: 80, protocol: HTTP, hostname: "www.example.com", allowedRoutes: { namespaces: { from: All } } }
  - name: tls-pass
    port: 443
    protocol: TLS
    hostname: "*.secure.example"
    tls: { mode: Passthrough }
    allowedRoutes: { namespaces: { from: All } }
  - { name: tcp, port: 5432, protocol: TCP, allowedRoutes: { namespaces: { from: All } } }
  - { name: udp, port: 53, protocol: UDP, allowedRoutes: { namespaces: { from: All } } }
`;

const httpRoute = (name: string, section: string, backend: string): string => `
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: ${name}, namespace: app }
spec:
  parentRefs: [{ name: web, namespace: gw, sectionName: ${section} }]
  rules: [{ backendRefs: [{ name: ${backend}, port: 8080 }] }]`;

const ROUTES = [
  httpRoute('r-any', 'any', 'any'),
  httpRoute('r-wild', 'wild', 'wild'),
  httpRoute('r-deep', 'deep-wild', 'deep'),
  httpRoute('r-exact', 'exact', 'exact'),
  `
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TLSRoute
metadata: { name: tls-db, namespace: app }
spec:
  parentRefs: [{ name: web, namespace: gw, sectionName: tls-pass }]
  hostnames: [db.secure.example]
  rules: [{ backendRefs: [{ name: db, port: 8443 }] }]
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TLSRoute
metadata: { name: tls-all, namespace: app }
spec:
  parentRefs: [{ name: web, namespace: gw, sectionName: tls-pass }]
  rules: [{ backendRefs: [{ name: fallback, port: 8443 }] }]
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata: { name: pg, namespace: app }
spec:
  parentRefs: [{ name: web, namespace: gw, sectionName: tcp }]
  rules: [{ backendRefs: [{ name: pg, port: 5432 }] }]
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: UDPRoute
metadata: { name: dns, namespace: app }
spec:
  parentRefs: [{ name: web, namespace: gw, sectionName: udp }]
  rules: [{ backendRefs: [{ name: dns, port: 53 }] }]`,
].join('');

const SVC = [
  services('app', 'any', 'wild', 'deep', 'exact'),
  servicesOnPort('app', 8443, 'db', 'fallback'),
  servicesOnPort('app', 5432, 'pg'),
  servicesOnPort('app', 53, 'dns'),
].join('');
const http = (host: string | undefined, listener: string, backend: string): Case => ({
  name: `${host ?? '(IP)'} → listener ${listener}`,
  request: { ...(host !== undefined ? { host } : {}), path: '/' },
  expect: { status: 200, listener, backend: `app/${backend}` },
});

const CASES: Case[] = [
  http('www.example.com', 'exact', 'exact'),
  http('WWW.Example.COM:80', 'exact', 'exact'),
  http('shop.example.com', 'wild', 'wild'),
  http('v1.api.example.com', 'deep-wild', 'deep'),
  http('a.b.api.example.com', 'deep-wild', 'deep'),
  http('api.example.com', 'wild', 'wild'),
  http('example.com', 'any', 'any'),
  http(undefined, 'any', 'any'),
  http('10.1.2.3', 'any', 'any'),
  http('[::1]:80', 'any', 'any'),
  {
    name: 'TLS passthrough by SNI: the exact route hostname wins',
    request: { protocol: 'TLS', port: 443, sni: 'db.secure.example' },
    expect: { status: null, listener: 'tls-pass', route: 'app/tls-db', backend: 'app/db' },
  },
  {
    name: 'TLS passthrough: other SNI under the listener wildcard goes to the route without hostnames',
    request: { protocol: 'TLS', port: 443, sni: 'cache.secure.example' },
    expect: { status: null, listener: 'tls-pass', route: 'app/tls-all', backend: 'app/fallback' },
  },
  {
    name: 'TLS: an SNI outside the listener hostname finds no listener',
    request: { protocol: 'TLS', port: 443, sni: 'db.other.example' },
    expect: { status: null, listener: undefined as never, route: undefined as never },
  },
  {
    name: 'TCP by port',
    request: { protocol: 'TCP', port: 5432 },
    expect: { status: null, listener: 'tcp', route: 'app/pg', backend: 'app/pg' },
  },
  {
    name: 'UDP by port',
    request: { port: 53, protocol: 'UDP' },
    expect: { status: null, listener: 'udp', route: 'app/dns', backend: 'app/dns' },
  },
];

describe('listener, TLS, TCP and UDP case table', () => {
  const tables = tablesOf(GATEWAY, ROUTES, SVC);
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const { result, problems } = runCase(tables, c);
    expect(problems).toEqual([]);
    if (c.name.startsWith('TLS: an SNI outside')) expect(result.listener).toBeNull();
  });
  it('an unknown port refuses the connection (no status)', () => {
    const { result } = runCase(tables, { name: 'x', request: { port: 9999, protocol: 'HTTP' }, expect: {} });
    expect(result.status).toBeNull();
    expect(result.explanation.join(' ')).toContain('connection is refused');
  });
});

const GRPC = `${classAndGateway('{ name: h2, port: 80, protocol: HTTP }')}---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: { name: shop, namespace: app }
spec:
  parentRefs: [{ name: web, namespace: gw }]
  rules:
  - matches: [{ method: { service: shop.Cart, method: Add } }]
    backendRefs: [{ name: cart-add, port: 9000 }]
  - matches: [{ method: { service: shop.Cart } }]
    backendRefs: [{ name: cart, port: 9000 }]
  - matches: [{ method: { type: RegularExpression, service: "shop\\\\..*", method: "Get.*" } }]
    backendRefs: [{ name: getters, port: 9000 }]
  - matches: [{ method: { service: shop.Cart }, headers: [{ name: x-canary, value: "yes" }] }]
    backendRefs: [{ name: cart-canary, port: 9000 }]
  - matches: [{ headers: [{ name: x-canary, value: "yes" }] }]
    backendRefs: [{ name: canary, port: 9000 }]
`;

const grpc = (
  name: string,
  service: string,
  method: string,
  expect: Case['expect'],
  headers?: Record<string, string>,
): Case => ({
  name,
  request: { grpc: { service, method }, ...(headers ? { headers } : {}) },
  expect,
});

describe('GRPCRoute case table', () => {
  const tables = tablesOf(
    GRPC,
    servicesOnPort('app', 9000, 'cart-add', 'cart', 'getters', 'cart-canary', 'canary'),
  );
  const ok = (b: string): Case['expect'] => ({ status: 200, grpcCode: 'OK', backend: `app/${b}` });
  it.each(
    [
      grpc('service and method exact', 'shop.Cart', 'Add', ok('cart-add')),
      grpc('service only matches any method', 'shop.Cart', 'Remove', ok('cart')),
      grpc('more service characters beat a regex with a method', 'shop.Cart', 'GetAll', ok('cart')),
      grpc('regex service and method', 'shop.Orders', 'GetOne', ok('getters')),
      grpc('same service characters: more header matches win', 'shop.Cart', 'Remove', ok('cart-canary'), {
        'x-canary': 'yes',
      }),
      grpc('header-only rule', 'other.Svc', 'Do', ok('canary'), { 'X-Canary': 'yes' }),
      grpc('unmatched RPC is UNIMPLEMENTED', 'other.Svc', 'Do', { status: 404, grpcCode: 'UNIMPLEMENTED' }),
    ].map((c) => [c.name, c] as const),
  )('%s', (_n, c) => {
    expect(runCase(tables, c).problems).toEqual([]);
  });

  it('no GRPCRoute rule takes the plain fast path (its answer needs a grpcCode)', () => {
    const rules = tables.gateways.get('gw/web')?.listeners.flatMap((l) => l.grpcEntries) ?? [];
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.filter((e) => e.matched.plain)).toEqual([]);
  });
});
