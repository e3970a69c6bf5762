/**
 * Node seeds: how an object key, a listener, a rule or an endpoint fact becomes a node. Ids follow
 * the DESIGN.md automation hooks: `<Kind>/<namespace>/<name>`, `Listener/<ns>/<gateway>/<listener>`,
 * `Rule/<ns>/<route kind>/<route>/<index>`.
 */
import { nodeIdOf, parseKey } from '../model/identity.ts';
import type { ObjectKey, ObjectRef } from '../model/identity.ts';
import type { GwObject, HTTPRouteMatch, Route } from '../model/types.ts';
import { isRouteKind } from '../model/types.ts';
import type { ResolvedListener } from '../analysis/types.ts';
import { COLUMN } from './types.ts';
import type { Health, TopoNodeKind } from './types.ts';

/** A node before the builder resolves its health (object nodes) or takes it as given (parts). */
export interface NodeSeed {
  readonly id: string;
  readonly kind: TopoNodeKind;
  readonly column: number;
  readonly label: string;
  readonly sublabel?: string;
  readonly namespace: string;
  readonly ref?: ObjectRef;
  readonly key?: ObjectKey;
  readonly realKind?: string;
  readonly cluster?: string;
  /** Parts (listener, rule, endpoints, cluster) carry their own health. */
  readonly health?: Health;
}

const POLICY_KINDS = new Set(['BackendTLSPolicy', 'Policy']);

export function ruleNodeId(route: ObjectRef, index: number): string {
  return `Rule/${route.namespace}/${route.kind}/${route.name}/${index}`;
}

export function endpointsNodeId(service: ObjectRef): string {
  return `Endpoints/${service.namespace}/${service.name}`;
}

export function clusterNodeId(name: string): string {
  return `Cluster//${name}`;
}

/** The node kind and column of an object kind (a real kind, or the model kind). */
export function placeKind(kind: string, modelKind?: string): { kind: TopoNodeKind; column: number } {
  if (modelKind !== undefined && POLICY_KINDS.has(modelKind)) return { kind: 'Policy', column: COLUMN.Rule };
  if (kind === 'GatewayClass') return { kind, column: COLUMN.GatewayClass };
  if (kind === 'Gateway') return { kind, column: COLUMN.Gateway };
  if (kind === 'ListenerSet' || kind === 'XListenerSet')
    return { kind: 'ListenerSet', column: COLUMN.Gateway };
  if (isRouteKind(kind)) return { kind, column: COLUMN.Route };
  if (kind === 'Service' || kind === 'ServiceImport') return { kind, column: COLUMN.Backend };
  if (kind === 'ServiceExport') return { kind, column: COLUMN.Leaf };
  return { kind: 'Backend', column: COLUMN.Backend };
}

/** The seed of an object node; a ghost when the key is not in the input. */
export function objectSeed(key: ObjectKey, object: GwObject | undefined): NodeSeed {
  const ref = object?.ref ?? parseKey(key);
  const place = placeKind(ref.kind, object?.kind);
  const seed: NodeSeed = {
    id: nodeIdOf(ref),
    kind: place.kind,
    column: place.column,
    label: ref.name,
    sublabel: objectSublabel(ref, object),
    namespace: ref.namespace,
    ref,
    key,
  };
  const extra: { realKind?: string; cluster?: string } = {};
  if (place.kind === 'Policy' || place.kind === 'Backend') extra.realKind = ref.kind;
  if (object !== undefined && object.meta.cluster !== '') extra.cluster = object.meta.cluster;
  return { ...seed, ...extra };
}

function objectSublabel(ref: ObjectRef, object: GwObject | undefined): string {
  const where = ref.namespace === '' ? ref.kind : `${ref.kind} · ${ref.namespace}`;
  if (object === undefined) return `${where} · missing`;
  switch (object.kind) {
    case 'GatewayClass':
      return object.controllerName;
    case 'Gateway':
      return `${where} · class ${object.gatewayClassName}`;
    case 'Service':
      return `${where} · ${object.ports.map((p) => p.port).join(', ') || 'no ports'}`;
    case 'ServiceExport':
      return object.meta.cluster === '' ? where : `${where} · ${object.meta.cluster}`;
    default:
      return where;
  }
}

export function listenerSeed(listener: ResolvedListener, health: Health): NodeSeed {
  const owner = parseKey(listener.owner);
  const host = listener.hostname ?? '*';
  return {
    id: listener.id,
    kind: 'Listener',
    column: COLUMN.Listener,
    label: listener.name,
    sublabel: `${listener.protocol}:${listener.port} · ${host}`,
    namespace: owner.namespace,
    ref: owner,
    key: listener.owner,
    health,
  };
}

function describeHttpMatch(match: HTTPRouteMatch): string {
  const parts = [
    `${match.path.type === 'Exact' ? '=' : match.path.type === 'PathPrefix' ? '' : '~'}${match.path.value}`,
  ];
  if (match.method !== undefined) parts.unshift(match.method);
  if (match.headers.length > 0) parts.push(`+${match.headers.length} header`);
  if (match.queryParams.length > 0) parts.push(`+${match.queryParams.length} query`);
  return parts.join(' ');
}

/** A short, human summary of what a rule matches. */
export function ruleSummary(route: Route, index: number): string {
  if (route.kind === 'HTTPRoute') {
    const rule = route.rules[index];
    if (rule === undefined) return '';
    const first = rule.matches[0];
    const more = rule.matches.length > 1 ? ` (+${rule.matches.length - 1})` : '';
    return first === undefined ? 'any' : `${describeHttpMatch(first)}${more}`;
  }
  if (route.kind === 'GRPCRoute') {
    const method = route.rules[index]?.matches[0]?.method;
    if (method === undefined) return 'any';
    return `${method.service ?? '*'}/${method.method ?? '*'}`;
  }
  return 'any';
}

export function ruleSeed(route: Route, index: number, health: Health): NodeSeed {
  const name = route.rules[index]?.name;
  return {
    id: ruleNodeId(route.ref, index),
    kind: 'Rule',
    column: COLUMN.Rule,
    label: name === undefined ? `rule ${index}` : `${name} (${index})`,
    sublabel: ruleSummary(route, index),
    namespace: route.ref.namespace,
    ref: route.ref,
    key: route.key,
    health,
  };
}

export function endpointsSeed(service: ObjectRef, ready: number, total: number): NodeSeed {
  const health: Health = total === 0 || ready === 0 ? 'error' : ready < total ? 'warning' : 'ok';
  return {
    id: endpointsNodeId(service),
    kind: 'Endpoints',
    column: COLUMN.Leaf,
    label: `${ready}/${total} ready`,
    sublabel: `endpoints of ${service.name}`,
    namespace: service.namespace,
    ref: service,
    health,
  };
}

export function clusterSeed(name: string, health: Health): NodeSeed {
  return {
    id: clusterNodeId(name),
    kind: 'Cluster',
    column: COLUMN.Leaf,
    label: name,
    sublabel: 'exporting cluster',
    namespace: '',
    health,
  };
}
