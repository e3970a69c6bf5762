/**
 * updateRouteTables must give the tables a full compileRouteTables gives for the new analysis
 * (compared as data and by simulating), while keeping the tables of unaffected listeners.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import type { Analysis } from '../../src/analysis/types.ts';
import { simulate } from '../../src/matching/simulate.ts';
import { compileRouteTables } from '../../src/matching/tables.ts';
import type { ListenerTable, RouteTables } from '../../src/matching/tables.ts';
import { updateRouteTables } from '../../src/matching/update.ts';
import type { SimRequest } from '../../src/matching/types.ts';
import { keyOf } from '../../src/model/identity.ts';
import type { ObjectKey } from '../../src/model/identity.ts';
import { loadManifests } from '../../src/model/load.ts';
import type { Snapshot } from '../../src/model/snapshot.ts';
import { classAndGateway } from './helpers.ts';
import { applyWatchEvent } from '../../src/store/apply.ts';

const GATEWAYS = `${classAndGateway(
  '{ name: any, port: 80, protocol: HTTP }',
  '{ name: a, port: 80, protocol: HTTP, hostname: a.example.com }',
  '{ name: wild, port: 8080, protocol: HTTP, hostname: "*.example.com" }',
)}---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: edge, namespace: gw }
spec:
  gatewayClassName: gc
  listeners:
  - { name: http, port: 80, protocol: HTTP, allowedRoutes: { namespaces: { from: All } } }
---
apiVersion: v1
kind: Service
metadata: { name: svc, namespace: app }
spec: { ports: [{ port: 8080 }] }
`;

const SECTIONS = ['any', 'a', 'wild'] as const;
const HOSTS = ['a.example.com', 'b.example.com', '*.example.com'];
const PATHS = ['/', '/api', '/api/v1', '/b'];

interface GenRoute {
  readonly gateway: 'web' | 'edge';
  readonly section: (typeof SECTIONS)[number] | null;
  readonly hostnames: readonly string[];
  readonly paths: readonly string[];
  readonly backend: 'svc' | 'missing';
}

/** Every object version is new, so applyWatchEvent never skips one as already held. */
let version = 0;

function routeObject(name: string, r: GenRoute): Record<string, unknown> {
  const parentRef = {
    name: r.gateway,
    namespace: 'gw',
    ...(r.section !== null && r.gateway === 'web' ? { sectionName: r.section } : {}),
  };
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name, namespace: 'app', resourceVersion: String(++version) },
    spec: {
      parentRefs: [parentRef],
      hostnames: r.hostnames,
      rules: r.paths.map((value) => ({
        matches: [{ path: { type: 'PathPrefix', value } }],
        backendRefs: [{ name: r.backend, port: 8080 }],
      })),
    },
  };
}

const genRoute: fc.Arbitrary<GenRoute> = fc.record({
  gateway: fc.constantFrom('web' as const, 'edge' as const),
  section: fc.option(fc.constantFrom(...SECTIONS), { nil: null }),
  hostnames: fc.subarray(HOSTS, { maxLength: 2 }),
  paths: fc.subarray(PATHS, { minLength: 1, maxLength: 3 }),
  backend: fc.constantFrom('svc' as const, 'missing' as const),
});

/** The tables as plain data: Maps as sorted entries, functions (compiled regexes) as a marker. */
function digest(tables: RouteTables): unknown {
  const { backendCache: _memo, memoOwner: _owner, ...rest } = tables;
  return JSON.parse(
    JSON.stringify(rest, (_key, value: unknown) => {
      if (value instanceof Map) return [...value].sort(([a], [b]) => String(a).localeCompare(String(b)));
      if (value instanceof Set) return [...value].sort();
      if (typeof value === 'function') return '[function]';
      return value;
    }),
  );
}

const REQUESTS: SimRequest[] = ['web', 'edge'].flatMap((gw) =>
  [80, 8080].flatMap((port) =>
    ['a.example.com', 'b.example.com', 'x.example.com'].flatMap((host) =>
      ['/', '/api/v1/x', '/b'].map((path) => ({ gateway: `gw/${gw}`, port, host, path })),
    ),
  ),
);

function listener(tables: RouteTables, gateway: string, name: string): ListenerTable | undefined {
  return tables.gateways.get(gateway)?.listeners.find((t) => t.listener.name === name);
}

function expectSameAsFullBuild(updated: RouteTables, analysis: Analysis): void {
  const full = compileRouteTables(analysis);
  expect(digest(updated)).toEqual(digest(full));
  for (const q of REQUESTS) expect(simulate(updated, q)).toEqual(simulate(full, q));
}

function start(routes: readonly GenRoute[]): Snapshot {
  let snapshot = loadManifests([{ name: 'gw.yaml', text: GATEWAYS }]).snapshot;
  routes.forEach((r, i) => {
    snapshot = applyWatchEvent(snapshot, { type: 'ADDED', object: routeObject(`r${i}`, r) });
  });
  return snapshot;
}

const key = (name: string): ObjectKey =>
  keyOf({ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'app', name });

describe('updateRouteTables', () => {
  const base: GenRoute = { gateway: 'web', section: 'a', hostnames: [], paths: ['/api'], backend: 'svc' };
  const other: GenRoute = { ...base, section: 'wild', hostnames: ['b.example.com'] };

  it('rebuilds only the listeners a modified route is attached to', () => {
    const before = analyze(start([base, other]));
    const tables = compileRouteTables(before);
    const modified: GenRoute = { ...base, paths: ['/b', '/api/v1'] };
    const after = analyze(
      applyWatchEvent(before.snapshot, { type: 'MODIFIED', object: routeObject('r0', modified) }),
    );
    const updated = updateRouteTables(tables, after, [key('r0')]);
    expectSameAsFullBuild(updated, after);
    expect(listener(updated, 'gw/web', 'a')).not.toBe(listener(tables, 'gw/web', 'a'));
    expect(listener(updated, 'gw/web', 'wild')).toBe(listener(tables, 'gw/web', 'wild'));
    expect(listener(updated, 'gw/edge', 'http')).toBe(listener(tables, 'gw/edge', 'http'));
    expect(simulate(updated, { gateway: 'gw/web', host: 'a.example.com', path: '/b' }).rule).toBe(0);
  });

  it('handles a route moving to another listener, a deleted route and an added one', () => {
    const before = analyze(start([base, other]));
    const tables = compileRouteTables(before);
    const moved = applyWatchEvent(before.snapshot, {
      type: 'MODIFIED',
      object: routeObject('r0', { ...base, gateway: 'edge' }),
    });
    const deleted = applyWatchEvent(moved, { type: 'DELETED', object: routeObject('r1', other) });
    const added = applyWatchEvent(deleted, { type: 'ADDED', object: routeObject('r2', other) });
    const after = analyze(added);
    const updated = updateRouteTables(tables, after, [key('r0'), key('r1'), key('r2')]);
    expectSameAsFullBuild(updated, after);
    expect(listener(updated, 'gw/web', 'any')).toBe(listener(tables, 'gw/web', 'any'));
  });

  it('picks up backends that changed without a route change (a Service appears)', () => {
    const broken: GenRoute = { ...base, backend: 'missing' };
    const before = analyze(start([broken, other]));
    const tables = compileRouteTables(before);
    const q = { gateway: 'gw/web', host: 'a.example.com', path: '/api' };
    expect(simulate(tables, q).status).toBe(500);
    const service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'missing', namespace: 'app', resourceVersion: '1' },
      spec: { ports: [{ port: 8080 }] },
    };
    const after = analyze(applyWatchEvent(before.snapshot, { type: 'ADDED', object: service }));
    const updated = updateRouteTables(tables, after, []);
    expectSameAsFullBuild(updated, after);
    expect(simulate(updated, q).status).toBe(200);
  });

  it('equals a full rebuild after random route changes', () => {
    const change = fc.record({
      index: fc.nat(5),
      kind: fc.constantFrom('MODIFIED' as const, 'DELETED' as const, 'ADDED' as const),
      route: genRoute,
    });
    fc.assert(
      fc.property(
        fc.array(genRoute, { minLength: 1, maxLength: 5 }),
        fc.array(change, { maxLength: 4 }),
        (routes, changes) => {
          let analysis = analyze(start(routes));
          let tables = compileRouteTables(analysis);
          for (const c of changes) {
            const name = c.kind === 'ADDED' ? `new${c.index}` : `r${c.index % routes.length}`;
            const snapshot = applyWatchEvent(analysis.snapshot, {
              type: c.kind,
              object: routeObject(name, c.route),
            });
            analysis = analyze(snapshot);
            tables = updateRouteTables(tables, analysis, [key(name)]);
            expectSameAsFullBuild(tables, analysis);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
