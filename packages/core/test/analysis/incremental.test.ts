import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnalyzeOptions } from '../../src/analysis/analyze.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import type { IncrementalState } from '../../src/analysis/incremental/analyze-incremental.ts';
import { analyzeIncremental } from '../../src/analysis/incremental/analyze-incremental.ts';
import type { Analysis } from '../../src/analysis/types.ts';
import { createSnapshot } from '../../src/model/snapshot.ts';
import type { Snapshot } from '../../src/model/snapshot.ts';
import { applyWatchEvent } from '../../src/store/apply.ts';

type Raw = Record<string, unknown>;
const GW = 'gateway.networking.k8s.io/v1';
const NAMESPACES = ['a', 'b', 'c'];
const HOSTS = ['x.example.com', 'y.example.com', '*.example.com', 'x.other.org'];
const PATHS = ['/', '/api', '/api/v1'];

const gatewayClass: Raw = {
  apiVersion: GW,
  kind: 'GatewayClass',
  metadata: { name: 'c' },
  spec: { controllerName: 'example.com/c' },
};

function gateway(name: string, variant: number): Raw {
  const listeners: Raw[] = [
    {
      name: 'http',
      port: 80,
      protocol: 'HTTP',
      ...(variant % 2 === 0 ? { hostname: '*.example.com' } : {}),
      allowedRoutes: { namespaces: { from: 'Selector', selector: { matchLabels: { team: 'on' } } } },
    },
  ];
  if (variant >= 2)
    listeners.push({
      name: 'other',
      port: 8080,
      protocol: 'HTTP',
      allowedRoutes: { namespaces: { from: 'All' } },
    });
  return {
    apiVersion: GW,
    kind: 'Gateway',
    metadata: { name, namespace: 'infra' },
    spec: { gatewayClassName: 'c', listeners, allowedListeners: { namespaces: { from: 'All' } } },
  };
}

/** Adds a listener to gw1; routes whose `gateway` is 2 attach to it. */
const listenerSet: Raw = {
  apiVersion: GW,
  kind: 'ListenerSet',
  metadata: { name: 'ls', namespace: 'infra' },
  spec: {
    parentRef: { kind: 'Gateway', group: 'gateway.networking.k8s.io', name: 'gw1' },
    listeners: [
      { name: 'extra', port: 9090, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'All' } } },
    ],
  },
};

function namespace(name: string, on: boolean): Raw {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: on ? { team: 'on' } : {} } };
}

function service(ns: string): Raw {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'svc', namespace: ns },
    spec: { ports: [{ port: 8080 }] },
  };
}

function grant(ns: string): Raw {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1beta1',
    kind: 'ReferenceGrant',
    metadata: { name: 'g', namespace: ns },
    spec: {
      from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'a' }],
      to: [{ group: '', kind: 'Service' }],
    },
  };
}

interface RouteSpec {
  readonly ns: number;
  readonly name: number;
  readonly kind: 'HTTPRoute' | 'GRPCRoute';
  readonly gateway: number;
  readonly hosts: readonly number[];
  readonly path: number;
  readonly backendNs: number;
  readonly ts: number;
  /** With a controller-written status (Accepted, for an older generation). */
  readonly observed: boolean;
}

function route(r: RouteSpec): Raw {
  const ns = NAMESPACES[r.ns] ?? 'a';
  const backendRefs = [{ name: 'svc', namespace: NAMESPACES[r.backendNs] ?? 'a', port: 8080 }];
  const rule =
    r.kind === 'HTTPRoute'
      ? { matches: [{ path: { type: 'PathPrefix', value: PATHS[r.path] ?? '/' } }], backendRefs }
      : { matches: [{ method: { service: `s${r.path}` } }], backendRefs };
  return {
    apiVersion: GW,
    kind: r.kind,
    metadata: {
      name: `r${r.name}`,
      namespace: ns,
      creationTimestamp: `2024-01-01T00:00:0${r.ts}Z`,
      generation: 2,
    },
    spec: {
      parentRefs: [
        r.gateway === 2
          ? { kind: 'ListenerSet', name: 'ls', namespace: 'infra' }
          : { name: `gw${r.gateway}`, namespace: 'infra' },
      ],
      hostnames: r.hosts.map((h) => HOSTS[h] ?? 'x.example.com'),
      rules: [rule],
    },
    ...(r.observed ? { status: observedRouteStatus(r) } : {}),
  };
}

function observedRouteStatus(r: RouteSpec): Raw {
  const parentRef = r.gateway === 2 ? { kind: 'ListenerSet', name: 'ls' } : { name: `gw${r.gateway}` };
  return {
    parents: [
      {
        parentRef: { ...parentRef, namespace: 'infra' },
        controllerName: 'example.com/c',
        conditions: [
          { type: 'Accepted', status: 'True', reason: 'Accepted', message: '', observedGeneration: 1 },
        ],
      },
    ],
  };
}

const routeSpec: fc.Arbitrary<RouteSpec> = fc.record({
  ns: fc.integer({ min: 0, max: 2 }),
  name: fc.integer({ min: 0, max: 5 }),
  kind: fc.constantFrom('HTTPRoute' as const, 'GRPCRoute' as const),
  gateway: fc.integer({ min: 0, max: 2 }),
  hosts: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }),
  path: fc.integer({ min: 0, max: 2 }),
  backendNs: fc.integer({ min: 0, max: 2 }),
  ts: fc.integer({ min: 0, max: 3 }),
  observed: fc.boolean(),
});

type Step =
  | { readonly type: 'ADDED' | 'MODIFIED'; readonly object: Raw }
  | { readonly type: 'DELETED'; readonly object: Raw };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: routeSpec.map((r) => ({ type: 'MODIFIED' as const, object: route(r) })) },
  { weight: 3, arbitrary: routeSpec.map((r) => ({ type: 'DELETED' as const, object: route(r) })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 2 }), fc.boolean())
      .map(([n, on]) => ({ type: 'MODIFIED' as const, object: namespace(NAMESPACES[n] ?? 'a', on) })),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.integer({ min: 1, max: 2 }), fc.boolean()).map(([n, add]) => ({
      type: add ? ('ADDED' as const) : ('DELETED' as const),
      object: grant(NAMESPACES[n] ?? 'b'),
    })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 3 }))
      .map(([g, v]) => ({ type: 'MODIFIED' as const, object: gateway(`gw${g}`, v) })),
  },
);

/** Targets the Service in namespace a: its ancestors are the Gateways that route to it. */
const backendTLSPolicy: Raw = {
  apiVersion: GW,
  kind: 'BackendTLSPolicy',
  metadata: { name: 'tls', namespace: 'a' },
  spec: {
    targetRefs: [{ group: '', kind: 'Service', name: 'svc' }],
    validation: { hostname: 'svc.a', wellKnownCACertificates: 'System' },
  },
};

/** A policy on route a/r0: its target check follows that route's adds and deletes. */
const routePolicy: Raw = {
  apiVersion: 'example.com/v1',
  kind: 'RetryPolicy',
  metadata: { name: 'retry', namespace: 'a' },
  spec: { targetRefs: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', name: 'r0' }] },
};

/** An observed status to compare with the prediction (attachedRoutes changes with routes). */
function withObservedStatus(gw: Raw): Raw {
  return {
    ...gw,
    status: {
      conditions: [{ type: 'Accepted', status: 'True', reason: 'Accepted', message: '' }],
      listeners: [{ name: 'http', attachedRoutes: 1, supportedKinds: [], conditions: [] }],
    },
  };
}

function initial(routes: readonly RouteSpec[]): Snapshot {
  let s = createSnapshot([]);
  const objects = [
    gatewayClass,
    withObservedStatus(gateway('gw0', 0)),
    backendTLSPolicy,
    listenerSet,
    routePolicy,
    gateway('gw1', 3),
    namespace('infra', false),
    ...NAMESPACES.map((n, i) => namespace(n, i !== 2)),
    ...NAMESPACES.map(service),
    grant('b'),
    ...routes.map(route),
  ];
  for (const object of objects) s = applyWatchEvent(s, { type: 'ADDED', object });
  return s;
}

/** Everything analyze() returns, in its order (Map entry order included). */
function comparable(a: Analysis): unknown {
  return {
    predicted: [...a.predicted],
    listeners: a.listeners,
    attachments: a.attachments,
    backends: a.backends,
    diagnostics: a.diagnostics,
  };
}

describe('analyzeIncremental', () => {
  it('equals analyze() after every change of a random sequence', () => {
    fc.assert(
      fc.property(
        fc.array(routeSpec, { maxLength: 8 }),
        fc.array(step, { minLength: 1, maxLength: 12 }),
        fc.constantFrom<AnalyzeOptions>({}, { channel: 'standard', secretsVisible: false }),
        (routes, steps, options) => {
          let snapshot = initial(routes);
          let { state } = analyzeIncremental(undefined, snapshot, options);
          for (const s of steps) {
            snapshot = applyWatchEvent(snapshot, s);
            const next = analyzeIncremental(state, snapshot, options);
            expect(comparable(next.analysis)).toEqual(comparable(analyze(snapshot, options)));
            expect(next.analysis.snapshot).toBe(snapshot);
            state = next.state;
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('re-analyses only the changed route group when only a route changed', () => {
    const base = initial([
      {
        ns: 0,
        name: 0,
        kind: 'HTTPRoute',
        gateway: 0,
        hosts: [0],
        path: 0,
        backendNs: 0,
        ts: 0,
        observed: false,
      },
      {
        ns: 0,
        name: 1,
        kind: 'HTTPRoute',
        gateway: 0,
        hosts: [1],
        path: 0,
        backendNs: 0,
        ts: 1,
        observed: false,
      },
    ]);
    const first = analyzeIncremental(undefined, base);
    const kept = first.analysis.predicted.get(keyOfRoute(base, 'r1'));
    const edited = route({
      ns: 0,
      name: 0,
      kind: 'HTTPRoute',
      gateway: 0,
      hosts: [0],
      path: 2,
      backendNs: 0,
      ts: 0,
      observed: false,
    });
    const next = applyWatchEvent(base, { type: 'MODIFIED', object: edited });
    const second = analyzeIncremental(first.state, next);
    // r1 (another hostname) was not re-analysed: its cached status object is reused as is.
    expect(second.analysis.predicted.get(keyOfRoute(next, 'r1'))).toBe(kept);
    expect(comparable(second.analysis)).toEqual(comparable(analyze(next)));
  });

  it('falls back to a full analysis when a state is passed twice', () => {
    const base = initial([]);
    const first = analyzeIncremental(undefined, base);
    const one = route({
      ns: 0,
      name: 0,
      kind: 'HTTPRoute',
      gateway: 0,
      hosts: [0],
      path: 0,
      backendNs: 0,
      ts: 0,
      observed: false,
    });
    const two = route({
      ns: 1,
      name: 1,
      kind: 'HTTPRoute',
      gateway: 0,
      hosts: [1],
      path: 0,
      backendNs: 0,
      ts: 0,
      observed: false,
    });
    analyzeIncremental(first.state, applyWatchEvent(base, { type: 'ADDED', object: one }));
    const other = applyWatchEvent(base, { type: 'ADDED', object: two });
    const again = analyzeIncremental(first.state as IncrementalState, other);
    expect(comparable(again.analysis)).toEqual(comparable(analyze(other)));
  });
});

function keyOfRoute(
  s: Snapshot,
  name: string,
): ReturnType<typeof analyze>['snapshot']['objects'][number]['key'] {
  const o = s.objects.find((x) => x.kind === 'HTTPRoute' && x.meta.name === name);
  if (o === undefined) throw new Error(`no route ${name}`);
  return o.key;
}
