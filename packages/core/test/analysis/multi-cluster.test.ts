/**
 * Several kube contexts in one snapshot (the web merges its live clusters): analysis links
 * objects only within a cluster, except the MCS join of a ServiceImport with the ServiceExports
 * of the same namespace/name in other clusters.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { analyze, analyzeClusters } from '../../src/analysis/analyze.ts';
import type { Analysis } from '../../src/analysis/types.ts';
import { loadManifests } from '../../src/model/load.ts';
import { createSnapshot } from '../../src/model/snapshot.ts';
import type { Snapshot } from '../../src/model/snapshot.ts';
import { applyWatchEvents } from '../../src/store/apply.ts';

function cluster(name: string, docs: string): Snapshot {
  const events = docs
    .split(/^---$/m)
    .map((d) => parse(d) as Record<string, unknown>)
    .map((object) => ({ type: 'ADDED' as const, object }));
  return applyWatchEvents(createSnapshot([]), events, { cluster: name });
}

const WEST = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: west-class}
spec: {controllerName: example.com/west}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw-west, namespace: infra}
spec:
  gatewayClassName: west-class
  listeners: [{name: web, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: app}
spec: {ports: [{port: 8080}]}
`;

function exportIn(valid: 'True' | 'False'): string {
  return `apiVersion: multicluster.x-k8s.io/v1alpha1
kind: ServiceExport
metadata: {name: api, namespace: app}
status:
  conditions: [{type: Valid, status: "${valid}", reason: ${valid === 'True' ? 'Exported' : 'ServiceNotFound'}, message: ""}]
`;
}

const EAST = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: east-class}
spec: {controllerName: example.com/east}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw-east, namespace: infra}
spec:
  gatewayClassName: east-class
  listeners: [{name: web, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}]
---
apiVersion: multicluster.x-k8s.io/v1alpha1
kind: ServiceImport
metadata: {name: api, namespace: app}
spec: {type: ClusterSetIP, ports: [{port: 8080, protocol: TCP}]}
status: {clusters: [{cluster: north}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: app}
spec:
  parentRefs: [{name: gw-east, namespace: infra}, {name: gw-west, namespace: infra}]
  rules:
    - backendRefs: [{group: multicluster.x-k8s.io, kind: ServiceImport, name: api, port: 8080}]
    - backendRefs: [{name: web, port: 8080}]
`;

function run(exportValid: 'True' | 'False'): Analysis {
  const west = cluster('west', `${WEST}---\n${exportIn(exportValid)}`);
  const east = cluster('east', EAST);
  return analyze(createSnapshot([...west.objects, ...east.objects]));
}

function routeParents(a: Analysis): string[] {
  const route = a.snapshot.objects.find((o) => o.kind === 'HTTPRoute');
  const s = route === undefined ? undefined : a.predicted.get(route.key);
  if (s?.kind !== 'Route') return [];
  return s.parents.map((p) => {
    const c = p.conditions.find((x) => x.type === 'Accepted');
    return `${p.parentRef.name}: ${c?.status}/${c?.reason} (${p.controllerName})`;
  });
}

describe('multi-cluster analysis', () => {
  it('never attaches a route to a Gateway of another cluster', () => {
    const a = run('True');
    const parents = routeParents(a);
    expect(parents[0]).toBe('gw-east: True/Accepted (example.com/east)');
    expect(parents[1]).toMatch(/^gw-west: (False|Unknown)\//);
    expect(a.attachments.map((x) => x.gateway)).toEqual(['Gateway.gateway.networking.k8s.io/infra/gw-east']);
    const west = a.predicted.get('Gateway.gateway.networking.k8s.io/infra/gw-west' as never);
    expect(west?.kind === 'Gateway' && west.listeners.map((l) => l.attachedRoutes)).toEqual([0]);
  });

  it('never resolves a backend to a Service of another cluster', () => {
    const a = run('True');
    const web = a.backends.find((b) => b.target.name === 'web');
    expect(web).toMatchObject({ valid: false, reason: 'BackendNotFound' });
  });

  it('joins a ServiceImport with the valid ServiceExports of other clusters', () => {
    const a = run('True');
    const api = a.backends.find((b) => b.target.kind === 'ServiceImport');
    expect(api).toMatchObject({ valid: true, clusters: ['north', 'west'] });
    expect(a.diagnostics.filter((d) => d.code.startsWith('GS316'))).toEqual([]);
  });

  it('drops the cluster of an export whose Valid condition is False, and says why', () => {
    const west = cluster('west', `${WEST}---\n${exportIn('False')}`);
    const eastNoStatus = cluster('east', EAST.replace('status: {clusters: [{cluster: north}]}', ''));
    const a = analyze(createSnapshot([...west.objects, ...eastNoStatus.objects]));
    const api = a.backends.find((b) => b.target.kind === 'ServiceImport');
    expect(api?.clusters).toEqual([]);
    const gs316 = a.diagnostics.filter((d) => d.code.startsWith('GS316'));
    expect(gs316.map((d) => d.message)).toEqual([
      expect.stringContaining('ServiceExport in cluster west has Valid=False (ServiceNotFound)'),
    ]);
  });

  it('keeps each cluster’s predicted status and the whole snapshot', () => {
    const a = run('True');
    const keys = [...a.predicted.keys()].sort();
    expect(keys).toEqual([
      'Gateway.gateway.networking.k8s.io/infra/gw-east',
      'Gateway.gateway.networking.k8s.io/infra/gw-west',
      'GatewayClass.gateway.networking.k8s.io//east-class',
      'GatewayClass.gateway.networking.k8s.io//west-class',
      'HTTPRoute.gateway.networking.k8s.io/app/r',
    ]);
    expect(a.snapshot.objects.length).toBe(8);
  });

  it('analyzeClusters: same-named objects in two clusters stay apart; exports from both join', () => {
    // Both clusters export app/api and serve a GatewayClass with the same name: keys collide in
    // one merged Snapshot, not in one Snapshot per cluster.
    const shared = WEST.replaceAll('west-class', 'shared');
    const west = cluster('west', `${shared}---\n${exportIn('True')}`);
    const north = cluster('north', exportIn('True'));
    const east = cluster(
      'east',
      EAST.replaceAll('east-class', 'shared').replace('status: {clusters: [{cluster: north}]}', ''),
    );
    const byCluster = analyzeClusters(
      new Map([
        ['west', west],
        ['north', north],
        ['east', east],
      ]),
    );
    const a = byCluster.get('east');
    if (a === undefined) throw new Error('east');
    expect(a.backends.find((b) => b.target.kind === 'ServiceImport')?.clusters).toEqual(['north', 'west']);
    // East's own class "shared" (controller example.com/east), not west's namesake.
    expect(routeParents(a)[0]).toBe('gw-east: True/Accepted (example.com/east)');
    expect(a.attachments.map((x) => x.gateway)).toEqual(['Gateway.gateway.networking.k8s.io/infra/gw-east']);
    const westGateway = byCluster
      .get('west')
      ?.predicted.get('Gateway.gateway.networking.k8s.io/infra/gw-west' as never);
    expect(westGateway?.kind === 'Gateway' && westGateway.conditions[0]?.status).toBe('True');
  });

  it('objects without a cluster (a what-if overlay) join every named cluster', () => {
    const crossRoute = (gateway: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: cross-${gateway}, namespace: other}
spec:
  parentRefs: [{name: ${gateway}, namespace: infra}]
  rules: [{backendRefs: [{name: web-${gateway}, namespace: app, port: 8080}]}]
`;
    const webIn = (gateway: string) =>
      `---\n${crossRoute(gateway)}---\napiVersion: v1\nkind: Service\nmetadata: {name: web-${gateway}, namespace: app}\nspec: {ports: [{port: 8080}]}\n`;
    const overlay = loadManifests([
      {
        name: 'grant.yaml',
        text: `apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: allow, namespace: app}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: other}]
  to: [{group: "", kind: Service}]
`,
      },
    ]).snapshot.objects;
    const valid = (a: Analysis) =>
      a.backends
        .filter((b) => b.route.includes('cross'))
        .map((b) => `${b.route.split('/').pop()}: ${b.valid}`);
    // One live context (a named cluster) plus the overlay: analysed together.
    const west = cluster('west', WEST + webIn('gw-west'));
    expect(valid(analyze(createSnapshot(west.objects)))).toEqual(['cross-gw-west: false']);
    expect(valid(analyze(createSnapshot([...west.objects, ...overlay])))).toEqual(['cross-gw-west: true']);
    // Two contexts: the overlay applies to each.
    const east = cluster('east', EAST + webIn('gw-east'));
    const both = analyze(createSnapshot([...west.objects, ...east.objects, ...overlay]));
    expect(valid(both).sort()).toEqual(['cross-gw-east: true', 'cross-gw-west: true']);
    expect(both.diagnostics.filter((d) => d.code.startsWith('GS313'))).toEqual([]);
  });
});
