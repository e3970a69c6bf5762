import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import type { AnalyzeOptions } from '../../src/analysis/context.ts';
import { loadManifests } from '../../src/model/load.ts';
import { buildTopology } from '../../src/topology/build.ts';
import type { Topology } from '../../src/topology/types.ts';
import { GATEWAY_GROUP, keyOf } from '../../src/model/identity.ts';
import type { ListenerSet } from '../../src/model/types.ts';
import {
  analysisOf,
  cond,
  gateway,
  httpRoute,
  policy,
  serviceExport,
  serviceImport,
  svcRef,
} from './fixtures.ts';
import { scenario } from './scenario.ts';

function node(topology: Topology, id: string) {
  const found = topology.nodes.find((n) => n.id === id);
  if (found === undefined)
    throw new Error(`no node ${id}; have ${topology.nodes.map((n) => n.id).join(', ')}`);
  return found;
}

function edgesBetween(topology: Topology, source: string, target: string) {
  return topology.edges.filter((e) => e.source === source && e.target === target);
}

describe('buildTopology on the broken-and-healthy scenario', () => {
  const topology = buildTopology(scenario());

  it('uses the DESIGN.md node ids for objects, listeners and rules', () => {
    const ids = topology.nodes.map((n) => n.id);
    expect(ids).toContain('GatewayClass//shared');
    expect(ids).toContain('Gateway/infra/edge');
    expect(ids).toContain('Listener/infra/edge/http');
    expect(ids).toContain('HTTPRoute/app/good');
    expect(ids).toContain('Rule/app/HTTPRoute/good/0');
    expect(ids).toContain('Rule/app/HTTPRoute/cross/1');
    expect(ids).toContain('Service/billing/api');
  });

  it('colours routes by the condition polarity of their predicted status', () => {
    expect(node(topology, 'HTTPRoute/app/good').health).toBe('ok');
    expect(node(topology, 'HTTPRoute/app/nohost').health).toBe('error');
    expect(node(topology, 'HTTPRoute/app/cross').health).toBe('error');
    expect(node(topology, 'Gateway/infra/edge').health).toBe('ok');
  });

  it('draws a red missing-reference-grant edge from the rule to the backend', () => {
    const [edge] = edgesBetween(topology, 'Rule/app/HTTPRoute/cross/0', 'Service/billing/api');
    expect(edge?.kind).toBe('missing-reference-grant');
    expect(edge?.health).toBe('error');
    expect(node(topology, 'Rule/app/HTTPRoute/cross/0').health).toBe('error');
  });

  it('shows a missing backend as a ghost node with a red edge', () => {
    const ghost = node(topology, 'Service/app/gone');
    expect(ghost.ghost).toBe(true);
    expect(ghost.health).toBe('error');
    expect(edgesBetween(topology, 'Rule/app/HTTPRoute/cross/1', 'Service/app/gone')[0]?.health).toBe('error');
  });

  it('links the refused route to the listeners that refused it, with the reason as label', () => {
    const [edge] = edgesBetween(topology, 'Listener/infra/edge/http', 'HTTPRoute/app/nohost');
    expect(edge).toMatchObject({ kind: 'parent', health: 'error', label: 'NoMatchingListenerHostname' });
    const [attached] = edgesBetween(topology, 'Listener/infra/edge/http', 'HTTPRoute/app/good');
    expect(attached).toMatchObject({ kind: 'parent', health: 'ok' });
  });

  it('shows endpoint readiness from EndpointSlices', () => {
    const endpoints = node(topology, 'Endpoints/app/web');
    expect(endpoints.label).toBe('2/3 ready');
    expect(endpoints.health).toBe('warning');
  });

  it('puts each kind in its fixed column', () => {
    const columns = Object.fromEntries(topology.nodes.map((n) => [n.id, n.column]));
    expect(columns['GatewayClass//shared']).toBe(0);
    expect(columns['Gateway/infra/edge']).toBe(1);
    expect(columns['Listener/infra/edge/http']).toBe(2);
    expect(columns['HTTPRoute/app/good']).toBe(3);
    expect(columns['Rule/app/HTTPRoute/good/0']).toBe(4);
    expect(columns['Service/app/web']).toBe(5);
    expect(columns['Endpoints/app/web']).toBe(6);
  });

  it('is deterministic and sorted', () => {
    const again = buildTopology(scenario());
    expect(JSON.stringify(again)).toBe(JSON.stringify(topology));
    const ids = topology.edges.map((e) => e.id);
    expect([...ids].sort()).toEqual(ids);
  });
});

describe('buildTopology edge cases', () => {
  it('links a route whose parent Gateway is missing to a ghost Gateway', () => {
    const gw = gateway('infra', 'absent', 'shared');
    const route = httpRoute('app', 'orphan', gw, [], []);
    const topology = buildTopology(analysisOf({ objects: [route] }));
    expect(node(topology, 'Gateway/infra/absent')).toMatchObject({ ghost: true, health: 'error' });
    expect(edgesBetween(topology, 'Gateway/infra/absent', 'HTTPRoute/app/orphan')[0]).toMatchObject({
      kind: 'parent',
      health: 'error',
      label: 'NotAttached',
    });
  });

  it('gives a Gateway with an absent class a ghost class in progress (unknown)', () => {
    const gw = gateway('infra', 'lonely', 'nowhere');
    const topology = buildTopology(analysisOf({ objects: [gw] }));
    expect(node(topology, 'GatewayClass//nowhere')).toMatchObject({ ghost: true, health: 'unknown' });
  });

  it('puts a policy in its target column and a missing target as a ghost', () => {
    const p = policy('app', 'retry', svcRef('app', 'absent'));
    const topology = buildTopology(analysisOf({ objects: [p] }));
    expect(node(topology, 'RetryPolicy/app/retry')).toMatchObject({
      kind: 'Policy',
      column: 5,
      realKind: 'RetryPolicy',
    });
    expect(node(topology, 'Service/app/absent').ghost).toBe(true);
    expect(topology.edges[0]).toMatchObject({ kind: 'policy', health: 'error' });
  });

  it('joins a ServiceExport from another cluster to the ServiceImport and lists other clusters', () => {
    const imported = serviceImport('app', 'api', ['east', 'west']);
    const exported = serviceExport('app', 'api', 'east');
    const topology = buildTopology(analysisOf({ objects: [imported, exported] }));
    const exportEdge = topology.edges.find((e) => e.kind === 'export');
    expect(exportEdge).toMatchObject({
      source: 'ServiceImport/app/api',
      target: 'ServiceExport/app/api',
      label: 'exported by east',
    });
    expect(node(topology, 'ServiceExport/app/api').cluster).toBe('east');
    expect(node(topology, 'Cluster//west').kind).toBe('Cluster');
    expect(topology.nodes.some((n) => n.id === 'Cluster//east')).toBe(false);
  });

  it('hangs a ListenerSet off its Gateway and its listeners off the ListenerSet', () => {
    const gw = gateway('infra', 'shared', 'gc');
    const set: ListenerSet = {
      kind: 'ListenerSet',
      key: keyOf({ group: GATEWAY_GROUP, kind: 'ListenerSet', namespace: 'team', name: 'extra' }),
      ref: { group: GATEWAY_GROUP, kind: 'ListenerSet', namespace: 'team', name: 'extra' },
      apiVersion: `${GATEWAY_GROUP}/v1`,
      meta: { name: 'extra', namespace: 'team', labels: {}, annotations: {}, cluster: '' },
      order: 99,
      raw: {},
      parentRef: { ...gw.ref, key: gw.key },
      listeners: [],
    };
    const topology = buildTopology(
      analysisOf({
        objects: [gw, set],
        listeners: [
          {
            id: 'Listener/team/extra/https',
            gateway: gw.key,
            owner: set.key,
            name: 'https',
            port: 443,
            protocol: 'HTTPS',
            supportedKinds: [],
            ready: false,
            conditions: [cond('Accepted', 'False', 'NotAllowed')],
          },
        ],
      }),
    );
    expect(edgesBetween(topology, 'Gateway/infra/shared', 'ListenerSet/team/extra')[0]?.kind).toBe(
      'listener-set',
    );
    const [listenerEdge] = edgesBetween(topology, 'ListenerSet/team/extra', 'Listener/team/extra/https');
    expect(listenerEdge).toMatchObject({ kind: 'listener', health: 'error' });
    expect(node(topology, 'Listener/team/extra/https')).toMatchObject({ column: 2, health: 'error' });
    expect(node(topology, 'ListenerSet/team/extra').column).toBe(1);
  });
});

describe('absent is not missing, on the canvas', () => {
  const yaml = [
    'apiVersion: gateway.networking.k8s.io/v1',
    'kind: Gateway',
    'metadata: {name: edge, namespace: infra}',
    'spec:',
    '  gatewayClassName: lb',
    '  listeners: [{name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}]',
    '---',
    'apiVersion: gateway.networking.k8s.io/v1',
    'kind: GatewayClass',
    'metadata: {name: lb}',
    'spec: {controllerName: example.com/lb}',
    '---',
    'apiVersion: gateway.networking.k8s.io/v1',
    'kind: HTTPRoute',
    'metadata: {name: web, namespace: app}',
    'spec:',
    '  parentRefs: [{name: edge, namespace: infra}, {name: elsewhere, namespace: infra}]',
    '  rules: [{backendRefs: [{name: api, port: 8080}]}]',
  ].join('\n');
  const topologyOf = (options: AnalyzeOptions) =>
    buildTopology(analyze(loadManifests([{ name: 'in.yaml', text: yaml }]).snapshot, options));

  it('draws a target only not in the input grey, labelled not in the input', () => {
    const topology = topologyOf({});
    expect(node(topology, 'Service/app/api')).toMatchObject({
      ghost: true,
      notInInput: true,
      health: 'unknown',
    });
    expect(node(topology, 'Gateway/infra/elsewhere')).toMatchObject({ notInInput: true, health: 'unknown' });
    // Its route and rule are not broken: their failing conditions hang on the absent objects.
    expect(node(topology, 'HTTPRoute/app/web').health).toBe('unknown');
    expect(node(topology, 'Rule/app/HTTPRoute/web/0').health).toBe('unknown');
    expect(edgesBetween(topology, 'Rule/app/HTTPRoute/web/0', 'Service/app/api')[0]?.health).toBe('unknown');
    expect(edgesBetween(topology, 'Gateway/infra/elsewhere', 'HTTPRoute/app/web')[0]?.health).toBe('unknown');
  });

  it('keeps them red when the input holds every object of the kind (a synced cluster)', () => {
    const topology = topologyOf({ completeKinds: 'all' });
    const ghost = node(topology, 'Service/app/api');
    expect(ghost).toMatchObject({ ghost: true, health: 'error' });
    expect(ghost.notInInput).toBeUndefined();
    expect(node(topology, 'HTTPRoute/app/web').health).toBe('error');
    expect(node(topology, 'Rule/app/HTTPRoute/web/0').health).toBe('error');
  });

  it('keeps them red when absent references are configured as errors (--absent error)', () => {
    const topology = topologyOf({ absentSeverity: 'error' });
    expect(node(topology, 'Service/app/api')).toMatchObject({ notInInput: true, health: 'error' });
    expect(node(topology, 'HTTPRoute/app/web').health).toBe('error');
    expect(edgesBetween(topology, 'Rule/app/HTTPRoute/web/0', 'Service/app/api')[0]?.health).toBe('error');
  });

  it('never calls an object in the input absent, though a not-in-the-input check names it', () => {
    // NamespaceNotInInput names the Gateway whose selector needs the absent Namespace's labels.
    const selector = yaml.replace(
      '{namespaces: {from: All}}',
      '{namespaces: {from: Selector, selector: {matchLabels: {team: a}}}}',
    );
    const analysis = analyze(loadManifests([{ name: 'in.yaml', text: selector }]).snapshot, {});
    expect(analysis.diagnostics.map((d) => d.code)).toContain('GS341-NamespaceNotInInput');
    const topology = buildTopology(analysis);
    expect(node(topology, 'Gateway/infra/edge').ghost).toBeUndefined();
    const fromEdge = topology.edges.filter((e) => e.source === 'Listener/infra/edge/http');
    expect(fromEdge.length).toBeGreaterThan(0);
    expect(fromEdge.map((e) => e.label)).not.toContain('not in the input');
  });

  it('keeps a route red when something else is wrong with it as well', () => {
    const broken = yaml.replace(
      'rules: [{backendRefs',
      'rules: [{matches: [{path: {type: Exact, value: nope}}], backendRefs',
    );
    const topology = buildTopology(analyze(loadManifests([{ name: 'in.yaml', text: broken }]).snapshot, {}));
    expect(node(topology, 'HTTPRoute/app/web').health).toBe('error');
  });
});
