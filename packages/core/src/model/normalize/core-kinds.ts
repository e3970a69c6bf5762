/**
 * Core and discovery kinds (Service, Namespace, Secret, ConfigMap, EndpointSlice) and the MCS
 * kinds (ServiceImport, ServiceExport). Defaults: ServicePort.protocol TCP, Service.type
 * ClusterIP. EndpointSlices are reduced to counts; Secrets and ConfigMaps keep key names only.
 */
import type {
  ConfigMap,
  EndpointSlice,
  Namespace,
  OpaqueObject,
  Secret,
  Service,
  ServiceExport,
  ServiceImport,
  ServicePort,
} from '../types.ts';
import { int, isRec, report, rec, recList, str, strList, type FieldCtx, type Rec } from './fields.ts';
import { baseOf, type Header } from './meta.ts';
import { tlsDataVerdict } from './tls-verdict.ts';
import { conditions } from './status.ts';

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

function servicePorts(ctx: FieldCtx, spec: Rec, path: string): ServicePort[] {
  return recList(ctx, spec, 'ports', path, (p, pp) => {
    const port = int(ctx, p, 'port', pp);
    if (port === undefined) {
      if (p['port'] === undefined) report(ctx, 'MissingField', `${pp}.port`, 'is required');
      return undefined;
    }
    const name = str(ctx, p, 'name', pp);
    const appProtocol = str(ctx, p, 'appProtocol', pp);
    const target = p['targetPort'];
    const targetPort = typeof target === 'number' || typeof target === 'string' ? target : undefined;
    return {
      ...(name !== undefined && { name }),
      port,
      protocol: str(ctx, p, 'protocol', pp) ?? 'TCP',
      ...(appProtocol !== undefined && { appProtocol }),
      ...(targetPort !== undefined && { targetPort }),
    };
  });
}

export function normalizeService(h: Header): Service {
  const { ctx, spec } = h;
  const clusterIP = str(ctx, spec, 'clusterIP', 'spec');
  const externalName = str(ctx, spec, 'externalName', 'spec');
  return {
    kind: 'Service',
    ...baseOf(h),
    type: str(ctx, spec, 'type', 'spec') ?? 'ClusterIP',
    ports: servicePorts(ctx, spec, 'spec'),
    ...(clusterIP !== undefined && { clusterIP }),
    ...(externalName !== undefined && { externalName }),
  };
}

export function normalizeServiceImport(h: Header): ServiceImport {
  const { ctx, status } = h;
  // v1alpha1/v1beta1 keep the fields under spec; v1alpha2 had them at the root.
  const fields = h.raw['spec'] !== undefined ? h.spec : h.raw;
  const path = h.raw['spec'] !== undefined ? 'spec' : '';
  return {
    kind: 'ServiceImport',
    ...baseOf(h),
    type: str(ctx, fields, 'type', path) ?? 'ClusterSetIP',
    ports: servicePorts(ctx, fields, path),
    ips: strList(ctx, fields, 'ips', path),
    clusters:
      status === undefined
        ? []
        : recList(ctx, status, 'clusters', 'status', (c, p) => str(ctx, c, 'cluster', p)),
  };
}

export function normalizeServiceExport(h: Header): ServiceExport {
  return {
    kind: 'ServiceExport',
    ...baseOf(h),
    ...(h.status !== undefined && { observed: { conditions: conditions(h.ctx, h.status, 'status') } }),
  };
}

/** Ready/total endpoints of a slice. */
interface EndpointCounts {
  readonly ready: number;
  readonly total: number;
}

/** Endpoint conditions.ready: "nil should be interpreted as ready" (discovery/v1 EndpointConditions). */
function countEndpoints(ctx: FieldCtx, raw: Rec): EndpointCounts {
  let ready = 0;
  const endpoints = recList(ctx, raw, 'endpoints', '', (e, p) => {
    const value = rec(ctx, e, 'conditions', p)?.['ready'];
    if (value === undefined || value === null || value === true) ready += 1;
    return e;
  });
  return { ready, total: endpoints.length };
}

/**
 * `endpointCounts: {ready, total}` is Gatescope's reduced form (not a Kubernetes field): the live
 * server sends counts instead of one entry per endpoint, and the normalized `raw` carries them
 * so that a shared or exported snapshot keeps them. A negative count, or more ready than total,
 * is reported and the endpoints list is read instead.
 */
function reducedCounts(ctx: FieldCtx, raw: Rec): EndpointCounts | undefined {
  const counts = rec(ctx, raw, 'endpointCounts', '');
  if (counts === undefined) return undefined;
  const ready = int(ctx, counts, 'ready', 'endpointCounts');
  const total = int(ctx, counts, 'total', 'endpointCounts');
  if (ready === undefined || total === undefined || ready < 0 || ready > total) {
    report(
      ctx,
      'InvalidField',
      'endpointCounts',
      'needs integers 0 <= ready <= total: endpoints are counted instead',
    );
    return undefined;
  }
  return { ready, total };
}

export function normalizeEndpointSlice(h: Header): EndpointSlice {
  const counts = reducedCounts(h.ctx, h.raw) ?? countEndpoints(h.ctx, h.raw);
  // The addresses are never kept (DESIGN: reduce to counts on ingest), only the counts.
  const { endpoints: _endpoints, ...rest } = h.raw;
  return {
    kind: 'EndpointSlice',
    ...baseOf(h),
    serviceName: h.meta.labels[SERVICE_NAME_LABEL] ?? '',
    ready: counts.ready,
    total: counts.total,
    raw: { ...rest, endpointCounts: counts },
  };
}

export function normalizeNamespace(h: Header): Namespace {
  return { kind: 'Namespace', ...baseOf(h) };
}

/** Key names of data/binaryData/stringData; the values themselves are never read. */
function dataKeys(original: Rec, keys: readonly string[]): string[] {
  const names = new Set<string>();
  for (const key of keys) {
    const value = original[key];
    if (isRec(value)) for (const name of Object.keys(value)) names.add(name);
  }
  return [...names].sort();
}

export function normalizeSecret(h: Header, original: Rec): Secret {
  const secretType = typeof original['type'] === 'string' ? original['type'] : undefined;
  // The only read of Secret values: reduced to a verdict here, the values are not kept.
  const tlsData = tlsDataVerdict(original);
  return {
    kind: 'Secret',
    ...baseOf(h),
    ...(secretType !== undefined && { secretType }),
    dataKeys: dataKeys(original, ['data', 'stringData']),
    ...(tlsData !== undefined && { tlsData }),
  };
}

export function normalizeConfigMap(h: Header, original: Rec): ConfigMap {
  return { kind: 'ConfigMap', ...baseOf(h), dataKeys: dataKeys(original, ['data', 'binaryData']) };
}

export function normalizeOpaque(h: Header): OpaqueObject {
  return { kind: 'Opaque', ...baseOf(h), realKind: h.realKind, realGroup: h.group };
}
