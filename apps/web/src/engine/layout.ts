/**
 * Layered layout where the kind fixes the column (DESIGN.md: use that instead of a general
 * Sugiyama pass). Rows are ordered by the barycenter of already placed neighbours and packed
 * near that barycenter, so a route sits beside its listener. Updates are stable: nodes that
 * already have a position keep it and new ones take the nearest free slot in their column.
 */

export interface LayoutInputNode {
  readonly id: string;
  readonly column: number;
}

export interface LayoutInputEdge {
  readonly source: string;
  readonly target: string;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export const COLUMN_WIDTH = 290;
export const ROW_HEIGHT = 66;

type Adjacency = Map<string, string[]>;

function adjacency(edges: readonly LayoutInputEdge[]): Adjacency {
  const adj: Adjacency = new Map();
  const link = (a: string, b: string): void => {
    const list = adj.get(a);
    if (list === undefined) adj.set(a, [b]);
    else list.push(b);
  };
  for (const e of edges) {
    link(e.source, e.target);
    link(e.target, e.source);
  }
  return adj;
}

function barycenter(id: string, adj: Adjacency, placed: ReadonlyMap<string, Point>): number | undefined {
  let sum = 0;
  let count = 0;
  for (const other of adj.get(id) ?? []) {
    const p = placed.get(other);
    if (p === undefined) continue;
    sum += p.y;
    count++;
  }
  return count === 0 ? undefined : sum / count;
}

function byColumn(nodes: readonly LayoutInputNode[]): Map<number, LayoutInputNode[]> {
  const columns = new Map<number, LayoutInputNode[]>();
  for (const n of nodes) {
    const list = columns.get(n.column);
    if (list === undefined) columns.set(n.column, [n]);
    else list.push(n);
  }
  return new Map([...columns.entries()].sort((a, b) => a[0] - b[0]));
}

/** Sorted y values of a column, with insertion that keeps the order. */
class ColumnSlots {
  private readonly ys: number[] = [];

  add(y: number): void {
    this.ys.splice(this.lowerBound(y), 0, y);
  }

  /** The first y ≥ desired (stepping down past neighbours) that is ROW_HEIGHT away from all. */
  free(desired: number): number {
    let y = Math.max(0, desired);
    let i = this.lowerBound(y - ROW_HEIGHT + 1);
    while (i < this.ys.length) {
      const other = this.ys[i] as number;
      if (other - y >= ROW_HEIGHT) break;
      y = other + ROW_HEIGHT;
      i++;
    }
    return y;
  }

  private lowerBound(y: number): number {
    let lo = 0;
    let hi = this.ys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.ys[mid] as number) < y) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * Positions for every node. `previous` holds positions from the last layout: those nodes do not
 * move. Deterministic for the same input.
 */
/** "route-2" before "route-10": names compare as people read them (ties by plain order). */
const NATURAL = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
export function naturalCompare(a: string, b: string): number {
  return NATURAL.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

export function layoutGraph(
  nodes: readonly LayoutInputNode[],
  edges: readonly LayoutInputEdge[],
  previous: ReadonlyMap<string, Point> = new Map(),
  /** Desired y for new nodes (an expanded group's members: where the group was). */
  hints: ReadonlyMap<string, number> = new Map(),
): Map<string, Point> {
  const adj = adjacency(edges);
  const placed = new Map<string, Point>();
  const columns = byColumn(nodes);
  const slots = new Map<number, ColumnSlots>();
  for (const [column, members] of columns) {
    const columnSlots = new ColumnSlots();
    slots.set(column, columnSlots);
    for (const n of members) {
      const old = previous.get(n.id);
      if (old === undefined) continue;
      placed.set(n.id, old);
      columnSlots.add(old.y);
    }
  }
  for (const [column, members] of columns) {
    const columnSlots = slots.get(column) as ColumnSlots;
    const fresh = members
      .filter((n) => !placed.has(n.id))
      .map((n) => ({ id: n.id, center: hints.get(n.id) ?? barycenter(n.id, adj, placed) }))
      .sort((a, b) => {
        const ca = a.center ?? Number.POSITIVE_INFINITY;
        const cb = b.center ?? Number.POSITIVE_INFINITY;
        return ca - cb || naturalCompare(a.id, b.id);
      });
    let bottom = 0;
    for (const p of placed.values()) bottom = Math.max(bottom, p.y + ROW_HEIGHT);
    for (const n of fresh) {
      const y = columnSlots.free(n.center ?? bottom);
      columnSlots.add(y);
      placed.set(n.id, { x: column * COLUMN_WIDTH, y });
    }
  }
  return placed;
}
