import { describe, expect, it } from 'vitest';
import type { EngineView, PositionedNode } from '../engine/types.ts';
import { NO_FILTERS } from '../view/ViewState.tsx';
import { problemOrder, toFlow, visibleNodeIds } from './model.ts';

function node(
  id: string,
  column: number,
  y: number,
  health: PositionedNode['health'],
  namespace = 'app',
): PositionedNode {
  return {
    id,
    kind: column === 3 ? 'HTTPRoute' : 'Service',
    column,
    label: id,
    namespace,
    health,
    position: { x: column * 100, y },
  };
}

const view: EngineView = {
  nodes: [
    node('r-ok', 3, 0, 'ok'),
    node('r-bad', 3, 100, 'error'),
    node('s-bad-neighbour', 5, 100, 'ok'),
    node('s-alone', 5, 200, 'ok', 'other'),
    node('s-warn', 5, 0, 'warning'),
  ],
  edges: [
    { id: 'e1', source: 'r-bad', target: 's-bad-neighbour', kind: 'backend', health: 'error' },
    { id: 'e2', source: 'r-ok', target: 's-alone', kind: 'backend', health: 'ok' },
  ],
  aggregated: false,
  shownAs: new Map(),
};

describe('graph model', () => {
  it('only problems keeps problem nodes and their direct neighbours', () => {
    const ids = visibleNodeIds(view, { ...NO_FILTERS, onlyProblems: true });
    expect([...ids].sort()).toEqual(['r-bad', 's-bad-neighbour', 's-warn']);
  });

  it('filters by namespace and kind', () => {
    expect([...visibleNodeIds(view, { ...NO_FILTERS, namespaces: ['other'] })]).toEqual(['s-alone']);
    expect([...visibleNodeIds(view, { ...NO_FILTERS, kinds: ['HTTPRoute'] })].sort()).toEqual([
      'r-bad',
      'r-ok',
    ]);
  });

  it('drops edges whose ends are hidden and adds one title per shown column', () => {
    const flow = toFlow({
      view,
      filters: { ...NO_FILTERS, kinds: ['HTTPRoute'] },
      selected: null,
      highlight: null,
      changed: new Set(),
    });
    expect(flow.edges).toHaveLength(0);
    expect(flow.nodes.filter((n) => n.type === 'column').map((n) => n.id)).toEqual(['column:3']);
  });

  it('dims what the search does not match and what a highlight leaves out', () => {
    const searched = toFlow({
      view,
      filters: { ...NO_FILTERS, text: 'BAD' },
      selected: null,
      highlight: null,
      changed: new Set(),
    });
    const dimmed = searched.nodes.filter((n) => n.type === 'topo' && n.data.dimmed).map((n) => n.id);
    expect(dimmed.sort()).toEqual(['r-ok', 's-alone', 's-warn']);
    const lit = toFlow({
      view,
      filters: NO_FILTERS,
      selected: null,
      highlight: { nodes: ['r-bad', 's-bad-neighbour'] },
      changed: new Set(),
    });
    expect(lit.edges.find((e) => e.id === 'e1')?.data?.highlighted).toBe(true);
    expect(lit.edges.find((e) => e.id === 'e2')?.data?.dimmed).toBe(true);
  });

  it('steps through problems in reading order: column, then top to bottom', () => {
    expect(problemOrder(view)).toEqual(['r-bad', 's-warn']);
  });
});
