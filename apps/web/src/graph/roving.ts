/**
 * Arrow-key movement between graph nodes (pure). The graph is one tab stop (roving tabindex):
 * Up/Down move within a column, Left/Right to the nearest node of the neighbouring column,
 * Home/End to the first and last node in reading order.
 */
export interface RovingNode {
  readonly id: string;
  readonly position: { readonly x: number; readonly y: number };
}

export type RovingKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End';

export function isRovingKey(key: string): key is RovingKey {
  return ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(key);
}

function readingOrder(a: RovingNode, b: RovingNode): number {
  return a.position.x - b.position.x || a.position.y - b.position.y;
}

/** The node the key moves to from `current` (undefined: the first node), or undefined at an edge. */
export function moveFrom(
  nodes: readonly RovingNode[],
  current: string | null,
  key: RovingKey,
): string | undefined {
  const ordered = [...nodes].sort(readingOrder);
  const here = ordered.find((n) => n.id === current);
  if (here === undefined || key === 'Home') return ordered[0]?.id;
  if (key === 'End') return ordered[ordered.length - 1]?.id;
  const { x, y } = here.position;
  if (key === 'ArrowUp' || key === 'ArrowDown') {
    const column = ordered.filter((n) => n.position.x === x);
    const at = column.indexOf(here);
    return column[key === 'ArrowDown' ? at + 1 : at - 1]?.id;
  }
  const right = key === 'ArrowRight';
  const xs = [...new Set(ordered.map((n) => n.position.x))].filter((c) => (right ? c > x : c < x));
  if (xs.length === 0) return undefined;
  const nextX = right ? Math.min(...xs) : Math.max(...xs);
  let best: RovingNode | undefined;
  for (const n of ordered) {
    if (n.position.x !== nextX) continue;
    if (best === undefined || Math.abs(n.position.y - y) < Math.abs(best.position.y - y)) best = n;
  }
  return best?.id;
}
