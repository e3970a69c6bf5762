/**
 * v1.7 route precedence by the hostnames AS WRITTEN (HTTPRoute/GRPCRoute/TLSRoute `hostnames`:
 * "When multiple [routes] attach to the same Listener and yield identical Listener/Route
 * intersected hostnames, implementations SHOULD evaluate precedence using the original hostnames
 * configured on the Route, not the calculated Listener/Route hostname intersection"), before
 * path, method, header and age criteria. The property checks the winner against an oracle that
 * is written here from the spec, not taken from the engine; the indexed tables and the
 * reference scan must both agree with it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateReference } from '../../src/matching/reference.ts';
import { simulate } from '../../src/matching/simulate.ts';
import type { SimRequest } from '../../src/matching/types.ts';
import { services, servicesOnPort, tablesOf } from './helpers.ts';

const CLASS = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: gc }
spec: { controllerName: example.com/gateway }
---
apiVersion: v1
kind: Secret
metadata: { name: cert, namespace: gw }
type: kubernetes.io/tls
data: { tls.crt: eA==, tls.key: eA== }
`;

function gateway(protocol: 'HTTP' | 'TLS', hostname: string | undefined): string {
  const listener = {
    name: 'l',
    port: protocol === 'HTTP' ? 80 : 443,
    protocol,
    ...(hostname !== undefined ? { hostname } : {}),
    ...(protocol === 'TLS' ? { tls: { mode: 'Passthrough' } } : {}),
    allowedRoutes: { namespaces: { from: 'All' } },
  };
  return `---\n${JSON.stringify({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: 'web', namespace: 'gw' },
    spec: { gatewayClassName: 'gc', listeners: [listener] },
  })}\n`;
}

interface Spec {
  readonly kind: 'HTTPRoute' | 'GRPCRoute' | 'TLSRoute';
  readonly name: string;
  readonly hostnames: readonly string[];
  readonly created?: string;
  readonly rule?: Readonly<Record<string, unknown>>;
  readonly backend: string;
}

function route(s: Spec): string {
  const port = s.kind === 'TLSRoute' ? 443 : 8080;
  return `---\n${JSON.stringify({
    apiVersion: `gateway.networking.k8s.io/${s.kind === 'TLSRoute' ? 'v1alpha2' : 'v1'}`,
    kind: s.kind,
    metadata: { name: s.name, namespace: 'app', ...(s.created ? { creationTimestamp: s.created } : {}) },
    spec: {
      parentRefs: [{ name: 'web', namespace: 'gw' }],
      ...(s.hostnames.length > 0 ? { hostnames: s.hostnames } : {}),
      rules: [{ ...(s.rule ?? {}), backendRefs: [{ name: s.backend, port }] }],
    },
  })}\n`;
}

const OLD = '2024-01-01T00:00:00Z';
const NEW = '2024-06-01T00:00:00Z';

function winner(docs: readonly string[], request: Omit<SimRequest, 'gateway'>): string[] {
  const tables = tablesOf(...docs);
  const req: SimRequest = { gateway: 'gw/web', ...request };
  return [simulate(tables, req), simulateReference(tables, req)].map((r) => r.route?.name ?? 'none');
}

describe('HTTPRoute: original hostname before path specificity (v1.7)', () => {
  const older = (hostnames: string[], rule?: Spec['rule']): Spec => ({
    kind: 'HTTPRoute',
    name: 'older',
    hostnames,
    created: OLD,
    backend: 'v1',
    ...(rule ? { rule } : {}),
  });
  const newer = (hostnames: string[]): Spec => ({
    kind: 'HTTPRoute',
    name: 'newer',
    hostnames,
    created: NEW,
    backend: 'v2',
  });
  const PREFIX = { matches: [{ path: { type: 'PathPrefix', value: '/path/prefix' } }] };
  const PREFIX_HEADER = {
    matches: [
      {
        path: { type: 'PathPrefix', value: '/path/prefix' },
        headers: [{ type: 'Exact', name: 'Header-B', value: 'B' }],
      },
    ],
  };
  const rows: { title: string; listener: string; older: Spec; newer: Spec; path: string }[] = [
    {
      title: 'exact beats wildcard on an exact listener (same intersection)',
      listener: 'abc.example.com',
      older: older(['*.example.com']),
      newer: newer(['abc.example.com']),
      path: '/',
    },
    {
      title: 'longer wildcard beats shorter on a wildcard listener',
      listener: '*.example.com',
      older: older(['*.com']),
      newer: newer(['*.example.com']),
      path: '/',
    },
    {
      title: 'exact hostname beats a longer PathPrefix under a wildcard hostname',
      listener: 'abc.example.com',
      older: older(['*.example.com'], PREFIX),
      newer: newer(['abc.example.com']),
      path: '/path/prefix',
    },
    {
      title: 'exact hostname beats PathPrefix + header under a wildcard hostname',
      listener: 'abc.example.com',
      older: older(['*.example.com'], PREFIX_HEADER),
      newer: newer(['abc.example.com']),
      path: '/path/prefix',
    },
    {
      title: 'longer wildcard beats PathPrefix + header under a shorter wildcard',
      listener: '*.example.com',
      older: older(['*.com'], PREFIX_HEADER),
      newer: newer(['*.example.com']),
      path: '/path/prefix',
    },
    {
      title: 'a hostname beats no hostnames on a listener that has one',
      listener: 'abc.example.com',
      older: older([], PREFIX),
      newer: newer(['*.com']),
      path: '/path/prefix',
    },
  ];
  for (const row of rows) {
    it(row.title, () => {
      const docs = [
        CLASS,
        gateway('HTTP', row.listener),
        route(row.older),
        route(row.newer),
        services('app', 'v1', 'v2'),
      ];
      const headers = { 'Header-B': 'B' };
      expect(winner(docs, { host: 'abc.example.com', path: row.path, headers })).toEqual(['newer', 'newer']);
    });
  }

  it('with the same written hostname, path specificity decides as before', () => {
    const docs = [
      CLASS,
      gateway('HTTP', 'abc.example.com'),
      route(older(['*.example.com'], PREFIX)),
      route(newer(['*.example.com'])),
      services('app', 'v1', 'v2'),
    ];
    expect(winner(docs, { host: 'abc.example.com', path: '/path/prefix' })).toEqual(['older', 'older']);
  });
});

describe('GRPCRoute and TLSRoute: original hostname first (v1.7)', () => {
  it('GRPCRoute exact beats an older wildcard on an exact listener', () => {
    const g = (name: string, hostnames: string[], created: string, backend: string): Spec => ({
      kind: 'GRPCRoute',
      name,
      hostnames,
      created,
      backend,
      rule: name === 'older' ? { matches: [{ method: { service: 'svc.Echo', method: 'Echo' } }] } : {},
    });
    const docs = [
      CLASS,
      gateway('HTTP', 'abc.example.com'),
      route(g('older', ['*.example.com'], OLD, 'v1')),
      route(g('newer', ['abc.example.com'], NEW, 'v2')),
      services('app', 'v1', 'v2'),
    ];
    const req = {
      protocol: 'GRPC' as const,
      host: 'abc.example.com',
      grpc: { service: 'svc.Echo', method: 'Echo' },
    };
    expect(winner(docs, req)).toEqual(['newer', 'newer']);
  });

  it('TLSRoute: more specific written wildcard beats an older wider one', () => {
    const t = (name: string, hostnames: string[], created: string, backend: string): Spec => ({
      kind: 'TLSRoute',
      name,
      hostnames,
      created,
      backend,
    });
    const docs = [
      CLASS,
      gateway('TLS', '*.example.com'),
      route(t('older', ['*.com'], OLD, 'v1')),
      route(t('newer', ['*.example.com'], NEW, 'v2')),
      servicesOnPort('app', 443, 'v1', 'v2'),
    ];
    expect(winner(docs, { protocol: 'TLS', port: 443, sni: 'abc.example.com' })).toEqual(['newer', 'newer']);
  });
});

/** Specificity of a written hostname that matches `host` (spec order), -1 when it does not match. */
function oracleRank(hostnames: readonly string[], host: string): [number, number] | null {
  if (hostnames.length === 0) return [0, 0];
  let best: [number, number] | null = null;
  for (const h of hostnames) {
    const ok = h.startsWith('*.') ? host.endsWith(h.slice(1)) && host.length > h.length - 1 : h === host;
    if (!ok) continue;
    const r: [number, number] = h.startsWith('*.') ? [0, h.length] : [h.length, h.length];
    if (!best || r[0] > best[0] || (r[0] === best[0] && r[1] > best[1])) best = r;
  }
  return best;
}

describe('property: the winner has the most specific written hostname, then is oldest', () => {
  const WRITTEN = ['*.com', '*.example.com', 'a.example.com', '*.a.example.com', 'b.example.com'];
  const gen = fc.record({
    listener: fc.constantFrom(undefined, 'a.example.com', '*.example.com', '*.com'),
    routes: fc.array(
      fc.record({
        hostnames: fc.subarray(WRITTEN, { maxLength: 2 }),
        created: fc.constantFrom('2024-01-01T00:00:00Z', '2024-02-01T00:00:00Z', '2024-03-01T00:00:00Z'),
        // Paths the request always matches, so that only hostnames and age may decide... or not:
        // a longer prefix must never beat a more specific written hostname.
        prefix: fc.constantFrom('/', '/x', '/x/y'),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    host: fc.constantFrom('a.example.com', 'x.a.example.com', 'b.example.com'),
  });
  it('holds for indexed and reference simulation', () => {
    fc.assert(
      fc.property(gen, ({ listener, routes, host }) => {
        const docs = [
          CLASS,
          gateway('HTTP', listener),
          services('app', 'v'),
          ...routes.map((r, i) =>
            route({
              kind: 'HTTPRoute',
              name: `r${i}`,
              hostnames: r.hostnames,
              created: r.created,
              backend: 'v',
              rule: { matches: [{ path: { type: 'PathPrefix', value: r.prefix } }] },
            }),
          ),
        ];
        const tables = tablesOf(...docs);
        const req: SimRequest = { gateway: 'gw/web', host, path: '/x/y/z' };
        const got = [simulate(tables, req), simulateReference(tables, req)].map((r) => r.route?.name ?? null);
        // Oracle: among attached routes whose written hostnames match the host, the best written
        // rank; then the longest prefix; then the oldest; then namespace/name.
        const listenerOk = (h: string): boolean =>
          listener === undefined ||
          (listener.startsWith('*.') ? h.endsWith(listener.slice(1)) : h === listener);
        if (!listenerOk(host)) return;
        const attached = (r: (typeof routes)[number]): boolean =>
          r.hostnames.length === 0 ||
          r.hostnames.some((h) => {
            if (listener === undefined) return true;
            const [a, b] = [h, listener];
            if (a === b) return true;
            if (a.startsWith('*.') && b.startsWith('*.'))
              return a.endsWith(b.slice(1)) || b.endsWith(a.slice(1));
            if (a.startsWith('*.')) return b.endsWith(a.slice(1));
            if (b.startsWith('*.')) return a.endsWith(b.slice(1));
            return false;
          });
        const scored = routes
          .map((r, i) => ({ name: `r${i}`, r, rank: attached(r) ? oracleRank(r.hostnames, host) : null }))
          .filter((x): x is typeof x & { rank: [number, number] } => x.rank !== null)
          .sort(
            (a, b) =>
              b.rank[0] - a.rank[0] ||
              b.rank[1] - a.rank[1] ||
              b.r.prefix.length - a.r.prefix.length ||
              a.r.created.localeCompare(b.r.created) ||
              a.name.localeCompare(b.name),
          );
        const want = scored[0]?.name ?? null;
        expect(got).toEqual([want, want]);
      }),
      { numRuns: 200, seed: 17 },
    );
  });
});
