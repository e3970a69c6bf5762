import { describe, expect, it } from 'vitest';
import { COLUMN_WIDTH } from './layout.ts';
import { diagnosticTarget, withinContext } from './contexts.ts';
import { EngineState } from './state.ts';
import type { EngineRequest, EngineResult } from './types.ts';

const YAML = `
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: gc }
spec: { controllerName: example.com/c }
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: gw, namespace: infra }
spec:
  gatewayClassName: gc
  listeners:
    - { name: web, port: 80, protocol: HTTP, hostname: "*.a.example", allowedRoutes: { namespaces: { from: All } } }
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: ok, namespace: app }
spec:
  parentRefs: [{ name: gw, namespace: infra }]
  hostnames: [x.a.example]
  rules: [{ backendRefs: [{ name: web, port: 80 }] }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: cross, namespace: app }
spec:
  parentRefs: [{ name: gw, namespace: infra }]
  rules: [{ backendRefs: [{ name: api, namespace: other, port: 80 }] }]
---
apiVersion: v1
kind: Service
metadata: { name: web, namespace: app }
spec: { ports: [{ port: 80 }] }
---
apiVersion: v1
kind: Service
metadata: { name: api, namespace: other }
spec: { ports: [{ port: 80 }] }
`;

const GRANT = `
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: { name: allow-app, namespace: other }
spec:
  from: [{ group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: app }]
  to: [{ group: "", kind: Service }]
`;

function health(result: EngineResult, id: string): string | undefined {
  return result.topology.nodes.find((n) => n.id === id)?.health;
}

/** A live snapshot message of one epoch and seq, as the SSE client hands it to the engine. */
function liveSnapshot(
  objects: readonly { cluster: string; object: Record<string, unknown> }[],
): Extract<EngineRequest, { type: 'live-snapshot' }> {
  return {
    type: 'live-snapshot',
    payload: {
      epoch: 'e1',
      seq: 1,
      source: { mode: 'live', contexts: [] },
      kinds: [],
      objects: [...objects],
    },
  };
}

function wire(text: string): Record<string, unknown>[] {
  // The live wire carries raw objects; reuse the YAML through the sandbox path to get them.
  const state = new EngineState();
  state.apply({ type: 'yaml', files: [{ name: 'x.yaml', text }] });
  return state.compute().analysis.snapshot.objects.map((o) => ({ ...o.raw }));
}

describe('EngineState', () => {
  it('runs load → analyze → topology → layout on sandbox YAML', () => {
    const state = new EngineState();
    state.apply({ type: 'yaml', files: [{ name: 'a.yaml', text: YAML }] });
    const result = state.compute();
    expect(result.source).toBe('yaml');
    expect(health(result, 'HTTPRoute/app/ok')).toBe('ok');
    expect(health(result, 'HTTPRoute/app/cross')).toBe('error');
    const edge = result.topology.edges.find((e) => e.kind === 'missing-reference-grant');
    expect(edge?.target).toBe('Service/other/api');
    expect(result.view.nodes).toHaveLength(result.topology.nodes.length);
    const columns = new Set(result.view.nodes.map((n) => `${n.column}:${n.position.x}`));
    expect(
      [...columns].every((c) => Number(c.split(':')[1]) === Number(c.split(':')[0]) * COLUMN_WIDTH),
    ).toBe(true);
  });

  it('keeps positions of existing nodes when the input changes', () => {
    const state = new EngineState();
    state.apply({ type: 'yaml', files: [{ name: 'a.yaml', text: YAML }] });
    const first = state.compute();
    state.apply({ type: 'yaml', files: [{ name: 'a.yaml', text: YAML + '---\n' + GRANT }] });
    const second = state.compute();
    for (const node of first.view.nodes) {
      const again = second.view.nodes.find((n) => n.id === node.id);
      if (again !== undefined) expect(again.position).toEqual(node.position);
    }
    expect(health(second, 'HTTPRoute/app/cross')).toBe('ok');
  });

  it('lays out a mostly new graph afresh instead of around a few surviving nodes', () => {
    const state = new EngineState();
    state.apply({ type: 'yaml', files: [{ name: 'a.yaml', text: YAML }] });
    state.compute();
    const other = `
apiVersion: v1
kind: Service
metadata: { name: web, namespace: app }
spec: { ports: [{ port: 80 }] }
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: lone, namespace: app }
spec:
  rules: [{ backendRefs: [{ name: web, port: 80 }] }]
`;
    state.apply({ type: 'yaml', files: [{ name: 'b.yaml', text: other }] });
    const result = state.compute();
    expect(Math.min(...result.view.nodes.map((n) => n.position.y))).toBe(0);
  });

  it('applies a what-if overlay on the live snapshot and reports what changed', () => {
    const state = new EngineState();
    const objects = wire(YAML).map((object) => ({ cluster: '', object }));
    state.apply(liveSnapshot(objects));
    const live = state.compute();
    expect(live.source).toBe('live');
    expect(health(live, 'HTTPRoute/app/cross')).toBe('error');
    state.apply({ type: 'overlay', files: [{ name: 'grant.yaml', text: GRANT }] });
    const whatIf = state.compute();
    expect(health(whatIf, 'HTTPRoute/app/cross')).toBe('ok');
    expect(whatIf.baseline?.changedNodes).toContain('HTTPRoute/app/cross');
    expect(health(whatIf.baseline as unknown as EngineResult, 'HTTPRoute/app/cross')).toBe('error');
  });

  it('an absent backend is missing live (Services synced) but only not in the input in the sandbox', () => {
    const text = `${YAML}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: lost, namespace: app }
spec:
  parentRefs: [{ name: gw, namespace: infra }]
  hostnames: [lost.a.example]
  rules: [{ backendRefs: [{ name: gone, port: 80 }] }]
`;
    const lost = (r: EngineResult): string[] =>
      r.analysis.diagnostics.filter((d) => d.object.name === 'lost').map((d) => `${d.code} ${d.severity}`);
    const sandbox = new EngineState();
    sandbox.apply({ type: 'yaml', files: [{ name: 'a.yaml', text }] });
    expect(lost(sandbox.compute())).toEqual(['GS342-BackendNotInInput info']);
    const live = new EngineState();
    const message = liveSnapshot(wire(text).map((object) => ({ cluster: '', object })));
    const services = {
      cluster: '',
      group: '',
      version: 'v1',
      kind: 'Service',
      resource: 'services',
      state: 'synced' as const,
      count: 2,
      restarts: 0,
    };
    live.apply({ ...message, payload: { ...message.payload, kinds: [services] } });
    expect(lost(live.compute())).toEqual(['GS310-BackendNotFound error']);
  });

  it('applies live deltas in order', () => {
    const state = new EngineState();
    const objects = wire(YAML);
    state.apply(liveSnapshot(objects.map((object) => ({ cluster: '', object }))));
    const grant = wire(GRANT)[0] as Record<string, unknown>;
    state.apply({
      type: 'live-delta',
      payload: { epoch: 'e1', seq: 2, changes: [{ type: 'ADDED', cluster: '', object: grant }] },
    });
    expect(health(state.compute(), 'HTTPRoute/app/cross')).toBe('ok');
    state.apply({
      type: 'live-delta',
      payload: { epoch: 'e1', seq: 3, changes: [{ type: 'DELETED', cluster: '', object: grant }] },
    });
    expect(health(state.compute(), 'HTTPRoute/app/cross')).toBe('error');
  });

  it('joins a ServiceExport in one cluster to the ServiceImport in another, and filters by context', () => {
    const exported = {
      apiVersion: 'multicluster.x-k8s.io/v1alpha1',
      kind: 'ServiceExport',
      metadata: { name: 'api', namespace: 'app' },
    };
    const imported = {
      apiVersion: 'multicluster.x-k8s.io/v1alpha1',
      kind: 'ServiceImport',
      metadata: { name: 'api', namespace: 'app' },
      spec: { type: 'ClusterSetIP', ports: [{ port: 80, protocol: 'TCP' }] },
      status: { clusters: [{ cluster: 'east' }, { cluster: 'west' }] },
    };
    const state = new EngineState();
    state.apply(
      liveSnapshot([
        { cluster: 'east', object: exported },
        { cluster: 'west', object: imported },
      ]),
    );
    const all = state.compute();
    expect(all.clusters).toEqual(['east', 'west']);
    const join = all.topology.edges.find((e) => e.kind === 'export');
    expect(join).toMatchObject({
      source: 'west::ServiceImport/app/api',
      target: 'east::ServiceExport/app/api',
      label: 'exported by east',
    });
    // west exports nothing: it stays an "exporting cluster" part; east's part became the join.
    expect(all.topology.nodes.some((n) => n.id === 'west::Cluster//west')).toBe(true);
    expect(all.topology.nodes.some((n) => n.id === 'west::Cluster//east')).toBe(false);
    state.apply({ type: 'clusters', clusters: ['west'] });
    const west = state.compute();
    expect(west.topology.nodes.some((n) => n.id === 'ServiceExport/app/api')).toBe(false);
    expect(west.clusters).toEqual(['east', 'west']);
  });

  it('keeps same-named objects of two contexts apart: one selected context shows its own', () => {
    const service = (port: number) => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'app' },
      spec: { ports: [{ port }] },
    });
    // A route makes the Service a graph node (Services alone are not drawn).
    const route = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'r', namespace: 'app' },
      spec: { rules: [{ backendRefs: [{ name: 'web', port: 80 }] }] },
    };
    const state = new EngineState();
    state.apply(
      liveSnapshot([
        { cluster: 'east', object: service(8080) },
        { cluster: 'east', object: route },
        { cluster: 'west', object: service(9090) },
        { cluster: 'west', object: route },
      ]),
    );
    const portsIn = (cluster: string): number[] => {
      state.apply({ type: 'clusters', clusters: [cluster] });
      const object = state.compute().analysis.snapshot.objects.find((o) => o.kind === 'Service');
      return object?.kind === 'Service' ? object.ports.map((p) => p.port) : [];
    };
    expect(portsIn('east')).toEqual([8080]);
    expect(portsIn('west')).toEqual([9090]);

    // All contexts: both Services show, each with its own cluster's object.
    state.apply({ type: 'clusters', clusters: null });
    const all = state.compute();
    const services = all.topology.nodes.filter((n) => n.kind === 'Service');
    expect(services.map((n) => n.id)).toEqual(['east::Service/app/web', 'west::Service/app/web']);
    const west = services[1];
    if (west === undefined) throw new Error('no west service');
    const local = withinContext(all.contexts, all.analysis, west);
    expect(local.node.id).toBe('Service/app/web');
    const object = local.analysis.snapshot.byKey.get(west.key ?? ('' as never));
    expect(object?.kind === 'Service' ? object.ports.map((p) => p.port) : []).toEqual([9090]);
  });

  it('analyses same-named Gateways of two contexts apart and tags diagnostics with their context', () => {
    const objects = (cluster: string, classPresent: boolean) => [
      ...(classPresent ? [{ cluster, object: wire(YAML)[0] as Record<string, unknown> }] : []),
      ...wire(YAML)
        .slice(1)
        .map((object) => ({ cluster, object })),
    ];
    const state = new EngineState();
    // east has the GatewayClass, west does not: west's Gateway is not reconciled, east's is fine.
    state.apply(liveSnapshot([...objects('east', true), ...objects('west', false)]));
    const result = state.compute();
    expect(health(result, 'east::Gateway/infra/gw')).toBe('ok');
    expect(health(result, 'west::Gateway/infra/gw')).not.toBe('ok');
    expect(result.contexts?.size).toBe(2);
    const targets = result.analysis.diagnostics.map(diagnosticTarget);
    expect(targets).toContain('east::HTTPRoute/app/cross');
    expect(targets).toContain('west::HTTPRoute/app/cross');
    expect(targets.every((t) => result.topology.nodes.some((n) => n.id === t))).toBe(true);
  });
});

describe('assumed objects', () => {
  it('marks sandbox "assume it exists" stubs in the view, not their parts or the user objects', () => {
    const stub = `
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: gc
  annotations: { gatescope.dev/assumption: "true" }
spec: { controllerName: example.com/c }
`;
    const state = new EngineState();
    const own = YAML.slice(YAML.indexOf('---') + 3);
    state.apply({
      type: 'yaml',
      files: [
        { name: 'a.yaml', text: own },
        { name: 'assumptions.yaml', text: stub },
      ],
    });
    const assumed = state
      .compute()
      .view.nodes.filter((n) => n.assumed === true)
      .map((n) => n.id);
    expect(assumed).toEqual(['GatewayClass//gc']);
  });
});

describe('simulation in the engine (large inputs)', () => {
  it('answers requests against the latest result, with its revision', () => {
    const state = new EngineState();
    expect(state.simulate(1, [{ gateway: 'infra/gw' }]).revision).toBeNull();
    state.apply({ type: 'yaml', files: [{ name: 'a.yaml', text: YAML }] });
    const result = state.compute();
    const answer = state.simulate(2, [
      { gateway: 'infra/gw', port: 80, host: 'x.a.example', path: '/' },
      { gateway: 'infra/gw', port: 80, host: 'y.b.example', path: '/' },
    ]);
    expect(answer.id).toBe(2);
    expect(answer.revision).toBe(result.revision);
    const [hit, miss] = answer.results;
    expect(hit !== undefined && !('error' in hit) ? [hit.status, hit.route?.name] : null).toEqual([
      200,
      'ok',
    ]);
    expect(miss !== undefined && !('error' in miss) ? miss.status : null).toBe(404);
  });
});
