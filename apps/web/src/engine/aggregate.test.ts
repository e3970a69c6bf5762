import { describe, expect, it } from 'vitest';
import type { TopoEdge, TopoNode, Topology } from '@gatescope/core';
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
    expect(view.edges.find((e) => e.target === 'Group/a/3')?.count).toBe(50);
    expect(view.shownAs.get('HTTPRoute/a/r7')).toBe('Group/a/3');
  });

  it('expands a namespace on demand', () => {
    const view = aggregate(topology(20), new Set(['ns:a']), 30);
    expect(view.nodes.some((n) => n.id === 'HTTPRoute/a/r7')).toBe(true);
    expect(view.nodes.some((n) => n.id === 'Group/b/3')).toBe(true);
  });
});
