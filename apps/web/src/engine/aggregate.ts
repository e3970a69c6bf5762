/**
 * Keeps the mounted graph small (DESIGN.md: never more than ~1.5k DOM nodes). Above the budget,
 * routes, rules, backends and endpoints collapse into one group node per namespace and column,
 * and listeners into one per Gateway. When that is still above the budget (hundreds of
 * namespaces), a second level folds the namespaces into a fixed number of ranges of sorted names.
 * The user expands a group on demand; an expanded range shows its namespaces as first-level
 * groups, or smaller ranges when it holds more than NAMESPACE_RANGES namespaces (10k namespaces).
 */
import type { Health, TopoEdge, TopoNode, Topology } from '@gatescope/core';
import { worse } from '@gatescope/core';

/** Nodes plus edges the view may mount before aggregating. */
export const DOM_BUDGET = 1500;

export interface GroupInfo {
  readonly count: number;
  /** How many of the `count` objects are failing (health error): "n of m failing". */
  readonly failing: number;
  /** What expanding this group adds to the expanded set. */
  readonly expandKey: string;
}

export interface ViewNode extends Omit<TopoNode, 'health'> {
  readonly health: Health;
  readonly group?: GroupInfo;
  /** A sandbox "assume it exists" stub (annotation gatescope.dev/assumption), not the user's YAML. */
  readonly assumed?: boolean;
}

export interface ViewEdge extends TopoEdge {
  /** How many topology edges this one stands for (aggregated edges). */
  readonly count?: number;
}

export interface ViewGraph {
  readonly nodes: readonly ViewNode[];
  readonly edges: readonly ViewEdge[];
  readonly aggregated: boolean;
  /** Topology node id → the view node that shows it. */
  readonly shownAs: ReadonlyMap<string, string>;
}

const LISTENER_COLUMN = 2;
const FIRST_NAMESPACE_COLUMN = 3;

type Grouper = (
  node: ViewNode,
  expanded: ReadonlySet<string>,
) => { id: string; key: string; label: string } | undefined;

const byNamespace: Grouper = (node, expanded) => {
  if (node.group !== undefined || node.column < FIRST_NAMESPACE_COLUMN || node.kind === 'Policy')
    return undefined;
  const key = `ns:${node.namespace}`;
  if (expanded.has(key)) return undefined;
  const ns = node.namespace === '' ? 'cluster' : node.namespace;
  return { id: `Group/${node.namespace}/${node.column}`, key, label: ns };
};

const listenersByGateway: Grouper = (node, expanded) => {
  if (node.group !== undefined || node.column !== LISTENER_COLUMN || node.key === undefined) return undefined;
  const key = `gw:${node.key}`;
  if (expanded.has(key)) return undefined;
  return { id: `Group/listeners/${node.key}`, key, label: `${node.ref?.name ?? node.key} listeners` };
};

/**
 * How many namespace ranges the second level makes. Fixed (not fitted to the budget) so that a
 * range, its id and its expand key depend only on which namespaces exist, not on what is expanded.
 */
export const NAMESPACE_RANGES = 24;

/** Few and the roots of the picture: never folded into a range. */
const UNRANGED_KINDS: ReadonlySet<string> = new Set(['GatewayClass', 'Gateway', 'Policy']);

interface NamespaceRange {
  readonly key: string;
  readonly idPart: string;
  readonly label: string;
}

function rangeable(node: ViewNode): boolean {
  return node.column >= 1 && !UNRANGED_KINDS.has(node.kind);
}

function namespaceRange(members: readonly string[]): NamespaceRange {
  const first = members[0] ?? '';
  const last = members[members.length - 1] ?? '';
  return {
    key: `nsr:${first}..${last}`,
    idPart: `${first}..${last}`,
    label: `${first === '' ? 'cluster' : first} … ${last} (${members.length} namespaces)`,
  };
}

/**
 * Cuts sorted namespaces into NAMESPACE_RANGES runs and maps each namespace to its folded range.
 * An open range (expanded, or holding a namespace the user opened, so that opening a namespace
 * never hides it) is cut again the same way while it has more namespaces than NAMESPACE_RANGES;
 * a small open range shows its namespaces as first-level groups.
 */
function assignRanges(
  names: readonly string[],
  expanded: ReadonlySet<string>,
  out: Map<string, NamespaceRange>,
): void {
  if (names.length <= NAMESPACE_RANGES) return;
  const perRange = Math.ceil(names.length / NAMESPACE_RANGES);
  for (let start = 0; start < names.length; start += perRange) {
    const members = names.slice(start, start + perRange);
    const range = namespaceRange(members);
    const open = expanded.has(range.key) || members.some((ns) => expanded.has(`ns:${ns}`));
    if (open) assignRanges(members, expanded, out);
    else for (const ns of members) out.set(ns, range);
  }
}

function namespaceRanges(
  nodes: readonly ViewNode[],
  expanded: ReadonlySet<string>,
): Map<string, NamespaceRange> {
  const names = [...new Set(nodes.filter(rangeable).map((n) => n.namespace))].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  const byNamespace = new Map<string, NamespaceRange>();
  assignRanges(names, expanded, byNamespace);
  return byNamespace;
}

function byNamespaceRange(ranges: ReadonlyMap<string, NamespaceRange>): Grouper {
  return (node) => {
    const range = rangeable(node) ? ranges.get(node.namespace) : undefined;
    if (range === undefined) return undefined;
    return { id: `Group/namespaces/${range.idPart}/${node.column}`, key: range.key, label: range.label };
  };
}

function size(graph: { nodes: readonly unknown[]; edges: readonly unknown[] }): number {
  return graph.nodes.length + graph.edges.length;
}

function collapse(
  nodes: readonly ViewNode[],
  edges: readonly ViewEdge[],
  grouper: Grouper,
  expanded: ReadonlySet<string>,
  shownAs: Map<string, string>,
) {
  const groups = new Map<string, ViewNode>();
  const remap = new Map<string, string>();
  const kept: ViewNode[] = [];
  for (const node of nodes) {
    const g = grouper(node, expanded);
    if (g === undefined) {
      kept.push(node);
      continue;
    }
    remap.set(node.id, g.id);
    const existing = groups.get(g.id);
    // A group folded into a range brings all the objects it stands for.
    const count = (existing?.group?.count ?? 0) + (node.group?.count ?? 1);
    const failing =
      (existing?.group?.failing ?? 0) + (node.group?.failing ?? (node.health === 'error' ? 1 : 0));
    const health = existing === undefined ? node.health : worse(existing.health, node.health);
    groups.set(g.id, {
      id: g.id,
      kind: node.kind,
      column: node.column,
      label: g.label,
      sublabel: `${failing} of ${count} failing · click to expand`,
      namespace: node.namespace,
      health,
      group: { count, failing, expandKey: g.key },
    });
  }
  for (const [id, target] of shownAs) {
    const again = remap.get(target);
    if (again !== undefined) shownAs.set(id, again);
  }
  const merged = new Map<string, ViewEdge>();
  for (const edge of edges) {
    const source = remap.get(edge.source) ?? edge.source;
    const target = remap.get(edge.target) ?? edge.target;
    if (source === target) continue;
    const id =
      source === edge.source && target === edge.target ? edge.id : `${edge.kind}:${source}->${target}`;
    const prior = merged.get(id);
    if (prior === undefined) {
      merged.set(id, { ...edge, id, source, target });
    } else {
      const { label: _label, ...rest } = prior;
      merged.set(id, {
        ...rest,
        health: worse(prior.health, edge.health),
        count: (prior.count ?? 1) + (edge.count ?? 1),
      });
    }
  }
  return { nodes: [...kept, ...groups.values()], edges: [...merged.values()] };
}

/** The graph to mount: the topology itself when small enough, else its aggregation. */
export function aggregate(topology: Topology, expanded: ReadonlySet<string>, budget = DOM_BUDGET): ViewGraph {
  const shownAs = new Map<string, string>(topology.nodes.map((n) => [n.id, n.id]));
  let graph: { nodes: readonly ViewNode[]; edges: readonly ViewEdge[] } = topology;
  if (size(graph) <= budget) return { ...graph, aggregated: false, shownAs };
  for (const grouper of [byNamespace, listenersByGateway]) {
    graph = collapse(graph.nodes, graph.edges, grouper, expanded, shownAs);
    if (size(graph) <= budget) break;
  }
  if (size(graph) > budget) {
    const ranges = namespaceRanges(graph.nodes, expanded);
    if (ranges.size > 0)
      graph = collapse(graph.nodes, graph.edges, byNamespaceRange(ranges), expanded, shownAs);
  }
  return { ...graph, aggregated: true, shownAs };
}
