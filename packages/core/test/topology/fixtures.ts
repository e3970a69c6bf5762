/**
 * Hand-written normalized objects and a hand-written Analysis for the topology tests, so these
 * tests exercise the graph builder alone (analysis has its own tests).
 */
import { CORE_GROUP, GATEWAY_GROUP, MCS_GROUP, keyOf } from '../../src/model/identity.ts';
import type { ObjectKey, ObjectRef } from '../../src/model/identity.ts';
import { createSnapshot } from '../../src/model/snapshot.ts';
import type {
  Condition,
  EndpointSlice,
  Gateway,
  GatewayClass,
  GwObject,
  HTTPRoute,
  HTTPRouteRule,
  Policy,
  Service,
  ServiceExport,
  ServiceImport,
} from '../../src/model/types.ts';
import type { Analysis, PredictedStatus, ResolvedBackend } from '../../src/analysis/types.ts';
import type { Diagnostic } from '../../src/diagnostics/types.ts';

let order = 0;

function base<K extends string>(kind: K, group: string, namespace: string, name: string, cluster = '') {
  const ref: ObjectRef = { group, kind, namespace, name };
  return {
    kind,
    key: keyOf(ref),
    ref,
    apiVersion: group === '' ? 'v1' : `${group}/v1`,
    meta: { name, namespace, labels: {}, annotations: {}, cluster },
    order: order++,
    raw: { kind, metadata: { name, namespace } },
  };
}

export function cond(type: string, status: Condition['status'], reason: string): Condition {
  return { type, status, reason, message: `${type} ${status}` };
}

export function gatewayClass(name: string): GatewayClass {
  return { ...base('GatewayClass', GATEWAY_GROUP, '', name), controllerName: 'example.com/ctrl' };
}

export function gateway(namespace: string, name: string, className: string): Gateway {
  return {
    ...base('Gateway', GATEWAY_GROUP, namespace, name),
    gatewayClassName: className,
    listeners: [
      {
        name: 'http',
        port: 80,
        protocol: 'HTTP',
        hostname: '*.example.com',
        allowedRoutes: { from: 'All', kinds: null },
        index: 0,
      },
    ],
    addresses: [],
    allowedListeners: { from: 'None' },
  };
}

function rule(index: number, backends: readonly ObjectRef[]): HTTPRouteRule {
  return {
    index,
    matches: [{ path: { type: 'PathPrefix', value: `/r${index}` }, headers: [], queryParams: [] }],
    filters: [],
    backendRefs: backends.map((b, i) => ({
      ...b,
      key: keyOf(b),
      port: 80,
      weight: 1,
      index: i,
      filters: [],
    })),
  };
}

export function httpRoute(
  namespace: string,
  name: string,
  parent: Gateway,
  hostnames: readonly string[],
  backends: readonly ObjectRef[][],
): HTTPRoute {
  return {
    ...base('HTTPRoute', GATEWAY_GROUP, namespace, name),
    parentRefs: [{ ...parent.ref, key: parent.key, index: 0 }],
    hostnames,
    rules: backends.map((b, i) => rule(i, b)),
  };
}

export function service(namespace: string, name: string): Service {
  return {
    ...base('Service', CORE_GROUP, namespace, name),
    type: 'ClusterIP',
    ports: [{ port: 80, protocol: 'TCP' }],
  };
}

export function slice(namespace: string, serviceName: string, ready: number, total: number): EndpointSlice {
  return {
    ...base('EndpointSlice', 'discovery.k8s.io', namespace, `${serviceName}-abc`),
    serviceName,
    ready,
    total,
  };
}

export function serviceImport(namespace: string, name: string, clusters: readonly string[]): ServiceImport {
  return {
    ...base('ServiceImport', MCS_GROUP, namespace, name),
    type: 'ClusterSetIP',
    ports: [],
    ips: [],
    clusters,
  };
}

export function serviceExport(namespace: string, name: string, cluster: string): ServiceExport {
  return base('ServiceExport', MCS_GROUP, namespace, name, cluster);
}

export function policy(namespace: string, name: string, target: ObjectRef): Policy {
  return {
    ...base('Policy', 'policy.example.com', namespace, name),
    kind: 'Policy',
    ref: { group: 'policy.example.com', kind: 'RetryPolicy', namespace, name },
    key: keyOf({ group: 'policy.example.com', kind: 'RetryPolicy', namespace, name }),
    policyKind: 'RetryPolicy',
    policyGroup: 'policy.example.com',
    targetRefs: [{ ...target, key: keyOf(target) }],
  };
}

export function svcRef(namespace: string, name: string): ObjectRef {
  return { group: CORE_GROUP, kind: 'Service', namespace, name };
}

export function backend(
  route: HTTPRoute,
  ruleIndex: number,
  target: ObjectRef,
  extra: Partial<Pick<ResolvedBackend, 'valid' | 'reason' | 'grantedBy' | 'mirror' | 'weight'>> = {},
): ResolvedBackend {
  return {
    route: route.key,
    ruleIndex,
    backendIndex: 0,
    target: { ...target, key: keyOf(target) },
    port: 80,
    weight: 1,
    valid: true,
    ...extra,
  };
}

export interface AnalysisParts {
  objects: GwObject[];
  predicted?: [ObjectKey, PredictedStatus][];
  attachments?: Analysis['attachments'];
  listeners?: Analysis['listeners'];
  backends?: ResolvedBackend[];
  diagnostics?: Diagnostic[];
}

export function analysisOf(parts: AnalysisParts): Analysis {
  return {
    snapshot: createSnapshot(parts.objects),
    predicted: new Map(parts.predicted ?? []),
    listeners: parts.listeners ?? [],
    attachments: parts.attachments ?? [],
    backends: parts.backends ?? [],
    diagnostics: parts.diagnostics ?? [],
  };
}
