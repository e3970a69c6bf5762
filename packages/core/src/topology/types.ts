/**
 * The topology is a generic graph derived from an Analysis: nodes and edges with health, no
 * positions and no UI types. Node ids follow the DESIGN.md automation hooks exactly.
 */
import type { ObjectKey, ObjectRef } from '../model/identity.ts';

/** ok / warning / error, or unknown when the controller is still working on it (Pending). */
export type Health = 'ok' | 'warning' | 'error' | 'unknown';

/**
 * What a node stands for. Object kinds use their real kind name; `Listener`, `Rule`,
 * `Endpoints` and `Cluster` are parts or facts of objects rather than objects themselves.
 */
export type TopoNodeKind =
  | 'GatewayClass'
  | 'Gateway'
  | 'ListenerSet'
  | 'Listener'
  | 'HTTPRoute'
  | 'GRPCRoute'
  | 'TLSRoute'
  | 'TCPRoute'
  | 'UDPRoute'
  | 'Rule'
  | 'Service'
  | 'ServiceImport'
  | 'ServiceExport'
  | 'Backend'
  | 'Endpoints'
  | 'Cluster'
  | 'Policy';

/**
 * The kind fixes the column (left to right). Layout uses this instead of a general layering
 * algorithm; policies sit in their target's column.
 */
export const COLUMN = {
  GatewayClass: 0,
  Gateway: 1,
  ListenerSet: 1,
  Listener: 2,
  Route: 3,
  Rule: 4,
  Backend: 5,
  Leaf: 6,
} as const;

export const COLUMN_TITLES: readonly string[] = [
  'GatewayClass',
  'Gateway',
  'Listener',
  'Route',
  'Rule',
  'Backend',
  'Endpoints / clusters',
];

export interface TopoNode {
  /** DESIGN.md hook: `<Kind>/<namespace>/<name>`, listeners and rules per their own scheme. */
  readonly id: string;
  readonly kind: TopoNodeKind;
  readonly column: number;
  readonly label: string;
  /** Secondary line (protocol and port, match summary, endpoint counts, ...). */
  readonly sublabel?: string;
  readonly namespace: string;
  readonly health: Health;
  /** The object this node is (for parts: the owning object). */
  readonly ref?: ObjectRef;
  readonly key?: ObjectKey;
  /** Referenced but absent from the input. */
  readonly ghost?: boolean;
  /**
   * On a ghost: the input does not hold every object of its kind (a folder of manifests, not a
   * synced cluster) or the reference is not checked, so the object is only not in the input,
   * not known to be missing (topology/absent.ts).
   */
  readonly notInInput?: boolean;
  /** For Policy nodes: the real kind (e.g. BackendTLSPolicy). */
  readonly realKind?: string;
  /** Kube context, when the input came from several clusters. */
  readonly cluster?: string;
  /** Node ids of the Gateways this node serves (for aggregation by gateway). */
  readonly gateways?: readonly string[];
}

export type TopoEdgeKind =
  | 'class'
  | 'listener'
  | 'listener-set'
  | 'parent'
  | 'rule'
  | 'backend'
  | 'mirror'
  | 'missing-reference-grant'
  | 'endpoints'
  | 'cluster'
  | 'export'
  | 'policy';

export interface TopoEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly kind: TopoEdgeKind;
  readonly health: Health;
  readonly label?: string;
  /** The ReferenceGrant that permits this cross-namespace edge. */
  readonly grant?: ObjectKey;
}

export interface Topology {
  /** Sorted by column, then id. */
  readonly nodes: readonly TopoNode[];
  /** Sorted by id. */
  readonly edges: readonly TopoEdge[];
}
