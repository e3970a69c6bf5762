/**
 * The relation table (gwctl style): one row per relation between kinds. Each row derives its
 * edges from the Analysis; the graph builder (build.ts) is generic and knows no kind.
 */
import type { Analysis } from '../analysis/types.ts';
import type { Diagnostic } from '../diagnostics/types.ts';
import { GATEWAY_GROUP, keyOf, parseKey } from '../model/identity.ts';
import type { ObjectKey } from '../model/identity.ts';
import { objectsOfKind } from '../model/snapshot.ts';
import { isRoute, ROUTE_KINDS } from '../model/types.ts';
import type { GwObject, Route, ServiceExport } from '../model/types.ts';
import { unlessOnlyAbsent } from './absent.ts';
import { conditionsHealth, diagnosticsHealth, worse, worst } from './health.ts';
import { clusterSeed, endpointsSeed, listenerSeed, placeKind, ruleSeed } from './nodes.ts';
import type { NodeSeed } from './nodes.ts';
import type { Health, TopoEdgeKind } from './types.ts';
import { backendEdges, routeParentEdges } from './route-relations.ts';

/** An edge end: an object (the builder makes its node, or a ghost) or a part with its own seed. */
export type Endpoint =
  | {
      readonly key: ObjectKey;
      readonly column?: number;
      /** Health of the node when the object is not in the input (default: error). */
      readonly ghostHealth?: Health;
    }
  | { readonly part: NodeSeed }
  /** A node another relation made (a listener or a rule); the edge is dropped if it is absent. */
  | { readonly id: string };

export interface RelationEdge {
  readonly source: Endpoint;
  readonly target: Endpoint;
  readonly kind: TopoEdgeKind;
  /** Defaults to ok, or error when either end is a ghost. */
  readonly health?: Health;
  readonly label?: string;
  readonly grant?: ObjectKey;
}

export interface RelationContext {
  readonly analysis: Analysis;
  /** Diagnostics by node id of their object. */
  readonly diagnosticsById: ReadonlyMap<string, readonly Diagnostic[]>;
  /** Objects referenced but not in the input, with the health their absence gives (absent.ts). */
  readonly absent: ReadonlyMap<string, Health>;
}

export interface Relation {
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly derive: (context: RelationContext) => Iterable<RelationEdge>;
}

function routes(analysis: Analysis): Route[] {
  return analysis.snapshot.objects.filter(isRoute);
}

function* classToGateway({ analysis }: RelationContext): Iterable<RelationEdge> {
  for (const gateway of objectsOfKind(analysis.snapshot, 'Gateway')) {
    const classKey = keyOf({
      group: GATEWAY_GROUP,
      kind: 'GatewayClass',
      namespace: '',
      name: gateway.gatewayClassName,
    });
    yield { source: { key: classKey }, target: { key: gateway.key }, kind: 'class' };
  }
}

function* gatewayToListenerSet({ analysis }: RelationContext): Iterable<RelationEdge> {
  for (const set of objectsOfKind(analysis.snapshot, 'ListenerSet')) {
    yield { source: { key: set.parentRef.key }, target: { key: set.key }, kind: 'listener-set' };
  }
}

function* ownerToListener({ analysis, diagnosticsById }: RelationContext): Iterable<RelationEdge> {
  for (const listener of analysis.listeners) {
    const owner = parseKey(listener.owner);
    // A listener's problems are diagnosed on its owner (fields spec.listeners[i]...).
    const health = unlessOnlyAbsent(
      worse(conditionsHealth(listener.conditions), listener.ready ? 'ok' : 'error'),
      diagnosticsById.get(`${owner.kind}/${owner.namespace}/${owner.name}`) ?? [],
    );
    // From its owner: the Gateway, or the ListenerSet that contributed it.
    yield {
      source: { key: listener.owner },
      target: { part: listenerSeed(listener, health) },
      kind: 'listener',
      health,
    };
  }
}

/**
 * Per rule (`<route key>#<rule index>`): how many non-mirror backends it has, how many are
 * invalid, and how many of those only because their target is not in the input (absent.ts).
 */
type RuleBackendCounts = Map<string, { total: number; invalid: number; absent: number }>;

/** One pass over every backend, so that each rule's health is a lookup (linear, not per-rule scans). */
function countRuleBackends({ analysis, absent }: RelationContext): RuleBackendCounts {
  const counts: RuleBackendCounts = new Map();
  for (const b of analysis.backends) {
    if (b.mirror !== undefined) continue;
    const id = `${b.route}#${b.ruleIndex}`;
    let sum = counts.get(id);
    if (sum === undefined) counts.set(id, (sum = { total: 0, invalid: 0, absent: 0 }));
    sum.total++;
    if (b.valid) continue;
    if (absent.get(b.target.key) === 'unknown') sum.absent++;
    else sum.invalid++;
  }
  return counts;
}

function ruleHealth(
  context: RelationContext,
  backendCounts: RuleBackendCounts,
  route: Route,
  index: number,
): Health {
  const prefix = `spec.rules[${index}]`;
  const own = (
    context.diagnosticsById.get(`${route.ref.kind}/${route.ref.namespace}/${route.ref.name}`) ?? []
  ).filter((d) => d.field !== undefined && d.field.startsWith(prefix));
  const { total, invalid, absent } = backendCounts.get(`${route.key}#${index}`) ?? {
    total: 0,
    invalid: 0,
    absent: 0,
  };
  // Some invalid backends: that share of requests gets 500s; all invalid: the rule is broken.
  // Backends only not in the input may well exist: unknown, not broken.
  const backendHealth: Health =
    invalid === 0 ? (absent === 0 ? 'ok' : 'unknown') : invalid === total ? 'error' : 'warning';
  return worst([diagnosticsHealth(own), backendHealth]);
}

function* routeToRule(context: RelationContext): Iterable<RelationEdge> {
  const backendCounts = countRuleBackends(context);
  for (const route of routes(context.analysis)) {
    for (let index = 0; index < route.rules.length; index++) {
      const health = ruleHealth(context, backendCounts, route, index);
      yield {
        source: { key: route.key },
        target: { part: ruleSeed(route, index, health) },
        kind: 'rule',
        health,
      };
    }
  }
}

function serviceEndpoints(analysis: Analysis): Map<string, { ready: number; total: number }> {
  const counts = new Map<string, { ready: number; total: number }>();
  for (const slice of objectsOfKind(analysis.snapshot, 'EndpointSlice')) {
    const id = `${slice.ref.namespace}/${slice.serviceName}`;
    const sum = counts.get(id) ?? { ready: 0, total: 0 };
    counts.set(id, { ready: sum.ready + slice.ready, total: sum.total + slice.total });
  }
  return counts;
}

function* serviceToEndpoints({ analysis }: RelationContext): Iterable<RelationEdge> {
  const counts = serviceEndpoints(analysis);
  const seen = new Set<string>();
  for (const backend of analysis.backends) {
    const target = backend.target;
    if (target.kind !== 'Service' || target.group !== '' || seen.has(target.key)) continue;
    seen.add(target.key);
    const fromSlices = counts.get(`${target.namespace}/${target.name}`);
    const known = backend.endpoints ?? fromSlices;
    if (known === undefined || !analysis.snapshot.byKey.has(target.key)) continue;
    const seed = endpointsSeed(target, known.ready, known.total);
    yield {
      source: { key: target.key },
      target: { part: seed },
      kind: 'endpoints',
      health: seed.health ?? 'ok',
    };
  }
}

/** ServiceImport → exporting clusters; ServiceExport (another cluster) → the ServiceImport it feeds. */
function* importToClusters({ analysis }: RelationContext): Iterable<RelationEdge> {
  // Indexed by namespace/name once: one lookup per import instead of a scan of every export.
  const exportsByName = new Map<string, ServiceExport[]>();
  for (const e of objectsOfKind(analysis.snapshot, 'ServiceExport')) {
    const id = `${e.ref.namespace}/${e.ref.name}`;
    const list = exportsByName.get(id);
    if (list === undefined) exportsByName.set(id, [e]);
    else list.push(e);
  }
  for (const imported of objectsOfKind(analysis.snapshot, 'ServiceImport')) {
    const matching = exportsByName.get(`${imported.ref.namespace}/${imported.ref.name}`) ?? [];
    const exportClusters = new Set(matching.map((e) => e.meta.cluster));
    for (const exported of matching) {
      const health = conditionsHealth(exported.observed?.conditions ?? []);
      const label = exported.meta.cluster === '' ? 'exported' : `exported by ${exported.meta.cluster}`;
      yield { source: { key: imported.key }, target: { key: exported.key }, kind: 'export', health, label };
    }
    for (const cluster of imported.clusters) {
      if (exportClusters.has(cluster)) continue;
      yield { source: { key: imported.key }, target: { part: clusterSeed(cluster, 'ok') }, kind: 'cluster' };
    }
  }
}

function* policyToTarget({ analysis }: RelationContext): Iterable<RelationEdge> {
  const policies = analysis.snapshot.objects.filter(
    (o): o is Extract<GwObject, { kind: 'Policy' | 'BackendTLSPolicy' }> =>
      o.kind === 'Policy' || o.kind === 'BackendTLSPolicy',
  );
  for (const policy of policies) {
    for (const target of policy.targetRefs) {
      const column = placeKind(target.kind).column;
      // The policy node names its kind; the edge only needs to say which section it targets.
      yield {
        source: { key: policy.key, column },
        target: { key: target.key },
        kind: 'policy',
        ...(target.sectionName === undefined ? {} : { label: `section ${target.sectionName}` }),
      };
    }
  }
}

/** One row per relation. Order matters only for readability; the builder sorts its output. */
export const RELATIONS: readonly Relation[] = [
  { name: 'class', from: 'GatewayClass', to: 'Gateway', derive: classToGateway },
  { name: 'listener-set', from: 'Gateway', to: 'ListenerSet', derive: gatewayToListenerSet },
  { name: 'listener', from: 'Gateway | ListenerSet', to: 'Listener', derive: ownerToListener },
  { name: 'parent', from: 'Listener | Gateway', to: 'Route', derive: routeParentEdges },
  { name: 'rule', from: 'Route', to: 'Rule', derive: routeToRule },
  { name: 'backend', from: 'Rule', to: 'Service | ServiceImport | Backend', derive: backendEdges },
  { name: 'endpoints', from: 'Service', to: 'Endpoints', derive: serviceToEndpoints },
  { name: 'clusters', from: 'ServiceImport', to: 'Cluster | ServiceExport', derive: importToClusters },
  { name: 'policy', from: 'Policy', to: 'any', derive: policyToTarget },
];

/** Kinds that get a node even when no relation touches them (a lone route is still shown). */
export const STANDALONE_KINDS: ReadonlySet<string> = new Set([
  'GatewayClass',
  'Gateway',
  'ListenerSet',
  ...ROUTE_KINDS,
  'ServiceImport',
  'Policy',
  'BackendTLSPolicy',
]);
