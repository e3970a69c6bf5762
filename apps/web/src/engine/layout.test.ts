import { describe, expect, it } from 'vitest';
import { COLUMN_WIDTH, ROW_HEIGHT, layoutGraph, naturalCompare } from './layout.ts';

const nodes = [
  { id: 'gw', column: 1 },
  { id: 'l1', column: 2 },
  { id: 'l2', column: 2 },
  { id: 'r1', column: 3 },
  { id: 'r2', column: 3 },
  { id: 'r3', column: 3 },
];
const edges = [
  { source: 'gw', target: 'l1' },
  { source: 'gw', target: 'l2' },
  { source: 'l1', target: 'r1' },
  { source: 'l2', target: 'r2' },
  { source: 'l2', target: 'r3' },
];

function overlaps(positions: Map<string, { x: number; y: number }>): boolean {
  const all = [...positions.values()];
  return all.some((a, i) => all.some((b, j) => i !== j && a.x === b.x && Math.abs(a.y - b.y) < ROW_HEIGHT));
}

describe('layoutGraph', () => {
  it('puts each node in the x of its column and never overlaps within a column', () => {
    const positions = layoutGraph(nodes, edges);
    for (const n of nodes) expect(positions.get(n.id)?.x).toBe(n.column * COLUMN_WIDTH);
    expect(overlaps(positions)).toBe(false);
  });

  it('orders a column by the neighbours on its left (no crossing in a tree)', () => {
    const p = layoutGraph(nodes, edges);
    const y = (id: string): number => p.get(id)?.y ?? Number.NaN;
    expect(y('l1')).toBeLessThan(y('l2'));
    expect(y('r1')).toBeLessThan(y('r2'));
    expect(y('r2')).toBeLessThan(y('r3'));
  });

  it('keeps previous positions and slots new nodes without overlap', () => {
    const first = layoutGraph(nodes, edges);
    const more = [...nodes, { id: 'r0', column: 3 }, { id: 'l0', column: 2 }];
    const moreEdges = [...edges, { source: 'l1', target: 'r0' }, { source: 'gw', target: 'l0' }];
    const second = layoutGraph(more, moreEdges, first);
    for (const n of nodes) expect(second.get(n.id)).toEqual(first.get(n.id));
    expect(second.has('r0')).toBe(true);
    expect(overlaps(second)).toBe(false);
  });

  it('is deterministic', () => {
    expect([...layoutGraph(nodes, edges)]).toEqual([
      ...layoutGraph([...nodes].reverse(), [...edges].reverse()),
    ]);
  });

  it('places hinted nodes (an opened group) at the hint, in natural order', () => {
    const first = layoutGraph(nodes, edges);
    const members = ['route-10', 'route-2', 'route-1'].map((id) => ({ id, column: 4 }));
    const hints = new Map(members.map((m) => [m.id, 500]));
    const second = layoutGraph([...nodes, ...members], edges, first, hints);
    const y = (id: string): number => second.get(id)?.y ?? Number.NaN;
    expect(y('route-1')).toBe(500);
    expect(y('route-2')).toBe(500 + ROW_HEIGHT);
    expect(y('route-10')).toBe(500 + 2 * ROW_HEIGHT);
  });

  it('compares names naturally', () => {
    expect(['route-10', 'route-2', 'Route-1'].sort(naturalCompare)).toEqual([
      'Route-1',
      'route-2',
      'route-10',
    ]);
  });
});
