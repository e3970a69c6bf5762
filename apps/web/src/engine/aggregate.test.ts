import { describe, expect, it } from 'vitest';
import type { TopoEdge, TopoNode, Topology } from '@gatescope/core';
import { keyOf } from '@gatescope/core';
import { aggregate } from './aggregate.ts';

function route(ns: string, i: number, health: TopoNode['health'] = 'ok'): TopoNode {
  return { id: `HTTPRoute/${ns}/r${i}`, kind: 'HTTPRoute', column: 3, label: `r${i}`, namespace: ns, health };
}

function topology(perNamespace: number): Topology {
  const nodes: TopoNode[] = [
    { id: 'Gateway/infra/gw', kind: 'Gateway', column: 1, label: 'gw', namespace: 'infra', health: 'ok' },
  ];
  const edges: TopoEdge[] = [];
  for (const ns of ['a', 'b']) {
    for (let i = 0; i < perNamespace; i++) {
      const n = route(ns, i, i === 0 && ns === 'b' ? 'error' : 'ok');
      nodes.push(n);
      edges.push({
        id: `parent:gw->${n.id}`,
        source: 'Gateway/infra/gw',
        target: n.id,
        kind: 'parent',
        health: 'ok',
      });
    }
  }
  return { nodes, edges };
}

describe('aggregate', () => {
  it('leaves a small topology alone', () => {
    const small = topology(3);
    const view = aggregate(small, new Set());
    expect(view.aggregated).toBe(false);
    expect(view.nodes).toHaveLength(small.nodes.length);
  });

  it('groups by namespace above the budget, keeping the worst health and edge counts', () => {
    const view = aggregate(topology(50), new Set(), 100);
    expect(view.aggregated).toBe(true);
    expect(view.nodes.length + view.edges.length).toBeLessThanOrEqual(100);
    const groupB = view.nodes.find((n) => n.id === 'Group/b/3');
    expect(groupB?.group?.count).toBe(50);
    expect(groupB?.health).toBe('error');
    // "n of m failing": one failing route among the 50 of b, none among a's.
    expect(groupB?.group?.failing).toBe(1);
    expect(groupB?.sublabel).toMatch(/^1 of 50 failing/);
    expect(view.nodes.find((n) => n.id === 'Group/a/3')?.sublabel).toMatch(/^0 of 50 failing/);
    expect(view.edges.find((e) => e.target === 'Group/a/3')?.count).toBe(50);
    expect(view.shownAs.get('HTTPRoute/a/r7')).toBe('Group/a/3');
  });

  it('expands a namespace on demand', () => {
    const view = aggregate(topology(20), new Set(['ns:a']), 30);
    expect(view.nodes.some((n) => n.id === 'HTTPRoute/a/r7')).toBe(true);
    expect(view.nodes.some((n) => n.id === 'Group/b/3')).toBe(true);
  });
});

/**
 * The listenersets-40k shape at a tenth of the routes: per namespace a ListenerSet with a listener
 * on the edge Gateway, routes on it, one rule and one Service each.
 */
function tenants(namespaces: number, routesPerNamespace: number): Topology {
  const gateway = 'Gateway/infra/edge';
  const nodes: TopoNode[] = [
    { id: gateway, kind: 'Gateway', column: 1, label: 'edge', namespace: 'infra', health: 'ok' },
  ];
  const edges: TopoEdge[] = [];
  const link = (kind: TopoEdge['kind'], source: string, target: string): void => {
    edges.push({ id: `${kind}:${source}->${target}`, source, target, kind, health: 'ok' });
  };
  for (let t = 0; t < namespaces; t++) {
    const ns = `tenant-${String(t).padStart(3, '0')}`;
    const set = `ListenerSet/${ns}/listeners`;
    const listener = `Listener/${ns}/listeners/http`;
    nodes.push({ id: set, kind: 'ListenerSet', column: 1, label: 'listeners', namespace: ns, health: 'ok' });
    nodes.push({
      id: listener,
      kind: 'Listener',
      column: 2,
      label: 'http',
      namespace: ns,
      health: 'ok',
      key: keyOf({
        group: 'gateway.networking.k8s.io',
        kind: 'ListenerSet',
        namespace: ns,
        name: 'listeners',
      }),
    });
    link('listener-set', gateway, set);
    link('listener', set, listener);
    for (let i = 0; i < routesPerNamespace; i++) {
      const r = route(ns, i, t === 7 && i === 3 ? 'error' : 'ok');
      const rule = `Rule/${ns}/HTTPRoute/r${i}/0`;
      const service = `Service/${ns}/s${i}`;
      nodes.push(r);
      nodes.push({ id: rule, kind: 'Rule', column: 4, label: 'rule 0', namespace: ns, health: 'ok' });
      nodes.push({ id: service, kind: 'Service', column: 5, label: `s${i}`, namespace: ns, health: 'ok' });
      link('parent', listener, r.id);
      link('rule', r.id, rule);
      link('backend', rule, service);
    }
  }
  return { nodes, edges };
}

describe('aggregate at scale (second level: namespace ranges)', () => {
  const big = tenants(400, 10);
  const rangeOf = (view: ReturnType<typeof aggregate>, id: string) => {
    const shown = view.nodes.find((n) => n.id === view.shownAs.get(id));
    return shown?.group;
  };

  it('keeps 400 namespaces within the DOM budget', () => {
    expect(big.nodes.length + big.edges.length).toBeGreaterThan(20_000);
    const view = aggregate(big, new Set());
    expect(view.aggregated).toBe(true);
    expect(view.nodes.length + view.edges.length).toBeLessThanOrEqual(1500);
    // Every object is shown by some mounted node, and the Gateway stays itself.
    const mounted = new Set(view.nodes.map((n) => n.id));
    for (const node of big.nodes) expect(mounted.has(view.shownAs.get(node.id) ?? '')).toBe(true);
    expect(view.shownAs.get('Gateway/infra/edge')).toBe('Gateway/infra/edge');
  });

  it('folds namespaces into ranges that count every object and keep the worst health', () => {
    const view = aggregate(big, new Set());
    const routesGroup = view.shownAs.get('HTTPRoute/tenant-007/r3') ?? '';
    expect(routesGroup).toMatch(/^Group\/namespaces\/tenant-\d{3}\.\.tenant-\d{3}\/3$/);
    const group = view.nodes.find((n) => n.id === routesGroup);
    expect(group?.health).toBe('error');
    const namespacesInRange = Math.ceil(400 / 24);
    expect(group?.group?.count).toBe(namespacesInRange * 10);
    expect(view.shownAs.get('HTTPRoute/tenant-399/r0')).not.toBe(routesGroup);
  });

  it('expands a range into namespace groups, then a namespace into its objects', () => {
    const collapsed = aggregate(big, new Set());
    const range = rangeOf(collapsed, 'HTTPRoute/tenant-007/r3');
    expect(range?.expandKey).toMatch(/^nsr:/);
    const opened = aggregate(big, new Set([range?.expandKey ?? '']));
    expect(opened.shownAs.get('HTTPRoute/tenant-007/r3')).toBe('Group/tenant-007/3');
    const nsGroup = opened.nodes.find((n) => n.id === 'Group/tenant-007/3');
    expect(nsGroup?.group).toEqual({ count: 10, failing: 1, expandKey: 'ns:tenant-007' });
    // Other ranges stay folded.
    expect(opened.shownAs.get('HTTPRoute/tenant-399/r0')).toMatch(/^Group\/namespaces\//);
    expect(opened.nodes.length + opened.edges.length).toBeLessThanOrEqual(1500);

    const both = aggregate(big, new Set([range?.expandKey ?? '', 'ns:tenant-007']));
    expect(both.nodes.some((n) => n.id === 'HTTPRoute/tenant-007/r3')).toBe(true);
  });

  it('never hides a namespace the user opened inside a folded range', () => {
    const view = aggregate(big, new Set(['ns:tenant-123']));
    expect(view.nodes.some((n) => n.id === 'HTTPRoute/tenant-123/r5')).toBe(true);
    expect(view.shownAs.get('HTTPRoute/tenant-124/r5')).toBe('Group/tenant-124/3');
  });

  it('cuts an expanded range again when it holds too many namespaces (1000 namespaces)', () => {
    const huge = tenants(1000, 2);
    const collapsed = aggregate(huge, new Set());
    expect(collapsed.nodes.length + collapsed.edges.length).toBeLessThanOrEqual(1500);
    const outer = rangeOf(collapsed, 'HTTPRoute/tenant-500/r1')?.expandKey ?? '';
    const opened = aggregate(huge, new Set([outer]));
    expect(opened.nodes.length + opened.edges.length).toBeLessThanOrEqual(1500);
    const inner = rangeOf(opened, 'HTTPRoute/tenant-500/r1')?.expandKey ?? '';
    expect(inner).toMatch(/^nsr:/);
    expect(inner).not.toBe(outer);
    const deeper = aggregate(huge, new Set([outer, inner]));
    expect(deeper.shownAs.get('HTTPRoute/tenant-500/r1')).toBe('Group/tenant-500/3');
    expect(deeper.nodes.length + deeper.edges.length).toBeLessThanOrEqual(1500);
  });
});
