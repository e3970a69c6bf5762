/**
 * The "all contexts" view: each kube context is analysed on its own (core `analyzeClusters`:
 * object keys carry no cluster, so same-named objects of two clusters must never meet) and the
 * per-context results are combined here for display.
 *
 * In the combined topology every node and edge id is prefixed with its context
 * (`east::Service/app/web`), so both clusters' objects show; a single context keeps the plain
 * DESIGN.md ids. The one join across clusters is MCS: a ServiceImport's "exporting cluster" part
 * becomes an edge to that cluster's ServiceExport when it is in the input.
 */
import {
  COLUMN,
  MCS_GROUP,
  buildTopology,
  conditionsHealth,
  createSnapshot,
  diagnosticNodeId,
  keyOf,
} from '@gatescope/core';
import type { Analysis, Diagnostic, PredictedStatus, TopoEdge, TopoNode, Topology } from '@gatescope/core';
import type { ObjectKey } from '@gatescope/core';

const SEPARATOR = '::';

export function contextNodeId(context: string, id: string): string {
  return `${context}${SEPARATOR}${id}`;
}

/** A diagnostic of the combined view knows its context (kept through the Worker's clone). */
export type ContextDiagnostic = Diagnostic & { readonly context?: string };

export function diagnosticContext(d: Diagnostic): string | undefined {
  const context = (d as ContextDiagnostic).context;
  return typeof context === 'string' ? context : undefined;
}

/** The graph node a diagnostic is about (prefixed in the combined view). */
export function diagnosticTarget(d: Diagnostic): string {
  const context = diagnosticContext(d);
  const id = diagnosticNodeId(d);
  return context === undefined ? id : contextNodeId(context, id);
}

export interface Combined {
  /**
   * Everything in one Analysis for lists and counts (diagnostics tagged with their context).
   * Its snapshot and predicted maps cannot hold two objects with the same key: for one object's
   * details use the per-context Analysis (`withinContext`).
   */
  readonly analysis: Analysis;
  readonly topology: Topology;
}

function prefixTopology(context: string, topology: Topology): Topology {
  const id = (x: string): string => contextNodeId(context, x);
  const nodes = topology.nodes.map((n): TopoNode => {
    const gateways = n.gateways === undefined ? {} : { gateways: n.gateways.map(id) };
    return { ...n, ...gateways, id: id(n.id), cluster: context };
  });
  const edges = topology.edges.map((e): TopoEdge => ({
    ...e,
    id: id(e.id),
    source: id(e.source),
    target: id(e.target),
  }));
  return { nodes, edges };
}

/** The ServiceExport of `context` that feeds a ServiceImport `namespace/name`, as a graph node. */
function exportNode(analysis: Analysis, context: string, namespace: string, name: string): TopoNode | null {
  const ref = { group: MCS_GROUP, kind: 'ServiceExport', namespace, name };
  const key = keyOf(ref);
  const object = analysis.snapshot.byKey.get(key);
  if (object?.kind !== 'ServiceExport') return null;
  const health = conditionsHealth(object.observed?.conditions ?? []);
  const id = contextNodeId(context, `ServiceExport/${namespace}/${name}`);
  return {
    id,
    kind: 'ServiceExport',
    column: COLUMN.Leaf,
    label: name,
    namespace,
    health,
    ref,
    key,
    cluster: context,
  };
}

/**
 * Replaces "exporting cluster" parts by an edge to the ServiceExport of that cluster (same
 * namespace and name, MCS) when that cluster is shown, and drops the parts nothing points to.
 */
function joinServiceExports(
  nodes: Map<string, TopoNode>,
  edges: readonly TopoEdge[],
  analyses: ReadonlyMap<string, Analysis>,
): TopoEdge[] {
  const joined = edges.map((edge): TopoEdge => {
    const imported = nodes.get(edge.source);
    const cluster = nodes.get(edge.target);
    if (edge.kind !== 'cluster' || imported?.ref === undefined || cluster?.kind !== 'Cluster') return edge;
    const exporter = analyses.get(cluster.label);
    const { namespace, name } = imported.ref;
    const exported = exporter === undefined ? null : exportNode(exporter, cluster.label, namespace, name);
    if (exported === null) return edge;
    if (!nodes.has(exported.id)) nodes.set(exported.id, exported);
    const label = `exported by ${cluster.label}`;
    const id = `${edge.source}->${exported.id}`;
    return { ...edge, id, kind: 'export', target: exported.id, label, health: exported.health };
  });
  const used = new Set(joined.flatMap((e) => [e.source, e.target]));
  for (const [id, node] of nodes) if (node.kind === 'Cluster' && !used.has(id)) nodes.delete(id);
  return joined;
}

function sortedTopology(nodes: Iterable<TopoNode>, edges: Iterable<TopoEdge>): Topology {
  const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    nodes: [...nodes].sort((a, b) => a.column - b.column || byId(a, b)),
    edges: [...edges].sort(byId),
  };
}

export function combineTopologies(
  topologies: ReadonlyMap<string, Topology>,
  analyses: ReadonlyMap<string, Analysis>,
): Topology {
  const nodes = new Map<string, TopoNode>();
  const edges: TopoEdge[] = [];
  for (const [context, topology] of topologies) {
    const prefixed = prefixTopology(context, topology);
    for (const n of prefixed.nodes) nodes.set(n.id, n);
    edges.push(...prefixed.edges);
  }
  const joined = joinServiceExports(nodes, edges, analyses);
  return sortedTopology(nodes.values(), joined);
}

function combineAnalyses(analyses: ReadonlyMap<string, Analysis>): Analysis {
  const parts = [...analyses];
  const predicted = new Map<ObjectKey, PredictedStatus>();
  for (const [, a] of parts) for (const [k, s] of a.predicted) predicted.set(k, s);
  const diagnostics: ContextDiagnostic[] = parts.flatMap(([context, a]) =>
    a.diagnostics.map((d) => ({ ...d, context })),
  );
  return {
    snapshot: createSnapshot(parts.flatMap(([, a]) => a.snapshot.objects)),
    predicted,
    listeners: parts.flatMap(([, a]) => a.listeners),
    attachments: parts.flatMap(([, a]) => a.attachments),
    backends: parts.flatMap(([, a]) => a.backends),
    diagnostics,
  };
}

export function combineContexts(analyses: ReadonlyMap<string, Analysis>): Combined {
  const topologies = new Map([...analyses].map(([context, a]) => [context, buildTopology(a)]));
  return { analysis: combineAnalyses(analyses), topology: combineTopologies(topologies, analyses) };
}

/**
 * The node as its own context's analysis knows it (plain DESIGN.md id), with that analysis: what
 * the details panel needs to look up the object, its predicted status and its diagnostics.
 */
export function withinContext(
  contexts: ReadonlyMap<string, Analysis> | null,
  fallback: Analysis,
  node: TopoNode,
): { readonly node: TopoNode; readonly analysis: Analysis } {
  if (contexts === null || node.cluster === undefined) return { node, analysis: fallback };
  const analysis = contexts.get(node.cluster);
  const prefix = contextNodeId(node.cluster, '');
  if (analysis === undefined || !node.id.startsWith(prefix)) return { node, analysis: fallback };
  return { node: { ...node, id: node.id.slice(prefix.length) }, analysis };
}
