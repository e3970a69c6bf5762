/**
 * Maps the engine's positioned view graph to React Flow nodes and edges, applying the filters.
 * Pure: tested without a DOM.
 */
import { Position } from '@xyflow/react';
import type { Edge, Node } from '@xyflow/react';
import type { Health } from '@gatescope/core';
import { COLUMN_TITLES } from '@gatescope/core';
import type { ViewEdge } from '../engine/aggregate.ts';
import { COLUMN_WIDTH } from '../engine/layout.ts';
import type { EngineView, PositionedNode } from '../engine/types.ts';
import type { Filters, Highlight } from '../view/ViewState.tsx';

export interface TopoNodeData extends Record<string, unknown> {
  readonly node: PositionedNode;
  readonly dimmed: boolean;
  readonly highlighted: boolean;
  readonly changed: boolean;
}

export interface ColumnNodeData extends Record<string, unknown> {
  readonly title: string;
}

export interface TopoEdgeData extends Record<string, unknown> {
  readonly edge: ViewEdge;
  readonly dimmed: boolean;
  readonly highlighted: boolean;
}

/** Nodes have a fixed size (styles.css); giving it up front lets React Flow skip measuring. */
export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 52;

/**
 * Handle positions given up front (left middle in, right middle out): React Flow can draw edges
 * before it has measured the handles in the DOM (it refines them after measuring).
 */
const HANDLES: NonNullable<Node['handles']> = [
  { type: 'target', position: Position.Left, x: 0, y: NODE_HEIGHT / 2 - 3, width: 6, height: 6 },
  {
    type: 'source',
    position: Position.Right,
    x: NODE_WIDTH - 6,
    y: NODE_HEIGHT / 2 - 3,
    width: 6,
    height: 6,
  },
];

export type TopoFlowNode = Node<TopoNodeData, 'topo'> | Node<ColumnNodeData, 'column'>;
export type TopoFlowEdge = Edge<TopoEdgeData, 'topo'>;

export function isProblem(health: Health): boolean {
  return health !== 'ok';
}

function matchesText(node: PositionedNode, text: string): boolean {
  if (text === '') return true;
  const needle = text.toLowerCase();
  return node.id.toLowerCase().includes(needle) || node.label.toLowerCase().includes(needle);
}

/** Which nodes to mount: namespace and kind filters, and "only problems" (with neighbours). */
export function visibleNodeIds(view: EngineView, filters: Filters): Set<string> {
  const namespaces = new Set(filters.namespaces);
  const kinds = new Set(filters.kinds);
  const passes = (n: PositionedNode): boolean =>
    (namespaces.size === 0 || namespaces.has(n.namespace) || n.namespace === '') &&
    (kinds.size === 0 || kinds.has(n.kind));
  const visible = new Set(view.nodes.filter(passes).map((n) => n.id));
  if (!filters.onlyProblems) return visible;
  const problems = new Set(
    view.nodes.filter((n) => visible.has(n.id) && isProblem(n.health)).map((n) => n.id),
  );
  const withContext = new Set(problems);
  for (const e of view.edges) {
    if (problems.has(e.source) && visible.has(e.target)) withContext.add(e.target);
    if (problems.has(e.target) && visible.has(e.source)) withContext.add(e.source);
  }
  return withContext;
}

export interface FlowInput {
  readonly view: EngineView;
  readonly filters: Filters;
  readonly selected: string | null;
  readonly highlight: Highlight | null;
  readonly changed: ReadonlySet<string>;
}

export function toFlow(input: FlowInput): { nodes: TopoFlowNode[]; edges: TopoFlowEdge[] } {
  const { view, filters, selected, highlight, changed } = input;
  const visible = visibleNodeIds(view, filters);
  const lit = new Set(highlight?.nodes ?? []);
  const litEdges = new Set(highlight?.edges ?? []);
  const nodes: TopoFlowNode[] = [];
  const columns = new Set<number>();
  for (const n of view.nodes) {
    if (!visible.has(n.id)) continue;
    columns.add(n.column);
    const dimmed = (filters.text !== '' && !matchesText(n, filters.text)) || (lit.size > 0 && !lit.has(n.id));
    nodes.push({
      id: n.id,
      type: 'topo',
      position: n.position,
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      handles: HANDLES,
      selected: n.id === selected,
      data: { node: n, dimmed, highlighted: lit.has(n.id), changed: changed.has(n.id) },
    });
  }
  // Column titles sit just above the topmost node.
  let top = Number.POSITIVE_INFINITY;
  for (const n of nodes) top = Math.min(top, n.position.y);
  if (top === Number.POSITIVE_INFINITY) top = 0;
  for (const column of columns) {
    nodes.push({
      id: `column:${column}`,
      type: 'column',
      position: { x: column * COLUMN_WIDTH, y: top - 64 },
      width: NODE_WIDTH,
      height: 28,
      selectable: false,
      draggable: false,
      focusable: false,
      data: { title: COLUMN_TITLES[column] ?? '' },
    });
  }
  const edges: TopoFlowEdge[] = [];
  for (const e of view.edges) {
    if (!visible.has(e.source) || !visible.has(e.target)) continue;
    const highlighted = litEdges.has(e.id) || (lit.has(e.source) && lit.has(e.target));
    edges.push({
      id: e.id,
      source: e.source,
      target: e.target,
      type: 'topo',
      data: { edge: e, dimmed: lit.size > 0 && !highlighted, highlighted },
    });
  }
  return { nodes, edges };
}

/** Reading order on the canvas: column, then top to bottom. */
function readingOrder(a: PositionedNode, b: PositionedNode): number {
  return a.column - b.column || a.position.y - b.position.y;
}

/** Shown nodes the search text matches, in reading order (empty when there is no text). */
export function searchMatches(view: EngineView, filters: Filters): string[] {
  if (filters.text.trim() === '') return [];
  const visible = visibleNodeIds(view, filters);
  return view.nodes
    .filter((n) => visible.has(n.id) && matchesText(n, filters.text.trim()))
    .sort(readingOrder)
    .map((n) => n.id);
}

/** Problem nodes in reading order (column, then top to bottom): what `j`/`k` step through. */
export function problemOrder(view: EngineView): string[] {
  return view.nodes
    .filter((n) => isProblem(n.health) && n.health !== 'unknown' && n.group === undefined)
    .sort(readingOrder)
    .map((n) => n.id);
}
