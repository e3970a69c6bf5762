/**
 * Builders for raw Kubernetes objects as a controller would see them from the apiserver
 * (apiVersion/kind/metadata with uid, resourceVersion and creationTimestamp).
 */
import type { Json } from './yaml.ts';

export type RawObject = { readonly [key: string]: Json };

export const GW_V1 = 'gateway.networking.k8s.io/v1';
const BASE_TIME = Date.UTC(2026, 0, 1, 0, 0, 0);

/** Deterministic metadata: creation time and uid derive from a running counter. */
export class MetaFactory {
  private counter = 0;

  meta(name: string, namespace?: string, labels?: Record<string, string>): Record<string, Json> {
    const n = this.counter++;
    const meta: Record<string, Json> = { name };
    if (namespace !== undefined) meta['namespace'] = namespace;
    meta['uid'] = `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
    meta['resourceVersion'] = String(1000 + n);
    meta['generation'] = 1;
    meta['creationTimestamp'] = new Date(BASE_TIME + n * 1000).toISOString().replace('.000Z', 'Z');
    if (labels !== undefined) meta['labels'] = labels;
    return meta;
  }
}

export function namespace(mf: MetaFactory, name: string, labels: Record<string, string>): RawObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: mf.meta(name, undefined, labels) };
}

export function gatewayClass(mf: MetaFactory, name: string): RawObject {
  return {
    apiVersion: GW_V1,
    kind: 'GatewayClass',
    metadata: mf.meta(name),
    spec: { controllerName: 'example.com/gateway-controller' },
  };
}

export interface ListenerSpec {
  readonly name: string;
  readonly port: number;
  readonly protocol: 'HTTP' | 'HTTPS';
  readonly hostname?: string;
  /** Namespaces allowed: Same, All, or a label selector (key=value). */
  readonly from: 'Same' | 'All' | { readonly label: string; readonly value: string };
  readonly certificate?: string;
}

function listener(spec: ListenerSpec): Record<string, Json> {
  const out: Record<string, Json> = { name: spec.name, port: spec.port, protocol: spec.protocol };
  if (spec.hostname !== undefined) out['hostname'] = spec.hostname;
  if (spec.certificate !== undefined) {
    out['tls'] = { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: spec.certificate }] };
  }
  const from = spec.from;
  out['allowedRoutes'] =
    typeof from === 'string'
      ? { namespaces: { from } }
      : { namespaces: { from: 'Selector', selector: { matchLabels: { [from.label]: from.value } } } };
  return out;
}

export function gateway(
  mf: MetaFactory,
  ns: string,
  name: string,
  className: string,
  listeners: readonly ListenerSpec[],
  allowListenerSets = false,
): RawObject {
  const spec: Record<string, Json> = { gatewayClassName: className, listeners: listeners.map(listener) };
  if (allowListenerSets) spec['allowedListeners'] = { namespaces: { from: 'All' } };
  return { apiVersion: GW_V1, kind: 'Gateway', metadata: mf.meta(name, ns), spec };
}

export function listenerSet(
  mf: MetaFactory,
  ns: string,
  name: string,
  parent: { readonly namespace: string; readonly name: string },
  listeners: readonly ListenerSpec[],
): RawObject {
  return {
    apiVersion: GW_V1,
    kind: 'ListenerSet',
    metadata: mf.meta(name, ns),
    spec: {
      parentRef: { group: 'gateway.networking.k8s.io', kind: 'Gateway', ...parent },
      listeners: listeners.map(listener),
    },
  };
}

export function service(mf: MetaFactory, ns: string, name: string, port: number): RawObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: mf.meta(name, ns, { app: name }),
    spec: {
      type: 'ClusterIP',
      selector: { app: name },
      ports: [{ name: 'http', port, protocol: 'TCP', targetPort: 8080 }],
    },
  };
}

export function endpointSlice(mf: MetaFactory, ns: string, svc: string, ready: number): RawObject {
  const endpoints: Json[] = [];
  for (let i = 0; i < ready; i++) {
    endpoints.push({ addresses: [`10.1.${i >> 8}.${i & 255}`], conditions: { ready: true } });
  }
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: mf.meta(`${svc}-abc12`, ns, { 'kubernetes.io/service-name': svc }),
    addressType: 'IPv4',
    endpoints,
    ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
  };
}

/** base64 of a PEM block whose body is an empty DER SEQUENCE (what the PEM verdict checks). */
function pemBase64(label: string): string {
  return Buffer.from(`-----BEGIN ${label}-----\nMAA=\n-----END ${label}-----\n`).toString('base64');
}

/** A TLS Secret; the data is PEM-shaped, not a key (Gatescope drops Secret values on ingest anyway). */
export function tlsSecret(mf: MetaFactory, ns: string, name: string): RawObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: mf.meta(name, ns),
    type: 'kubernetes.io/tls',
    // PEM-shaped data (a CERTIFICATE and a PRIVATE KEY block, each an empty DER SEQUENCE): the
    // engine judges tls.crt/tls.key structure (not-PEM data makes the HTTPS listener
    // InvalidCertificateRef), and the HTTPS probes must reach their routes.
    data: { 'tls.crt': pemBase64('CERTIFICATE'), 'tls.key': pemBase64('PRIVATE KEY') },
  };
}

export function referenceGrant(mf: MetaFactory, ns: string, name: string, fromNs: string): RawObject {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1beta1',
    kind: 'ReferenceGrant',
    metadata: mf.meta(name, ns),
    spec: {
      from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: fromNs }],
      to: [{ group: '', kind: 'Service' }],
    },
  };
}

export interface MatchSpec {
  readonly path?: { readonly type: 'Exact' | 'PathPrefix' | 'RegularExpression'; readonly value: string };
  readonly headers?: readonly {
    readonly name: string;
    readonly value: string;
    readonly type?: 'Exact' | 'RegularExpression';
  }[];
  readonly queryParams?: readonly { readonly name: string; readonly value: string }[];
  readonly method?: string;
}

export interface RuleSpec {
  readonly matches: readonly MatchSpec[];
  readonly backends: readonly {
    readonly name: string;
    readonly namespace?: string;
    readonly port: number;
    readonly weight?: number;
  }[];
  readonly filters?: readonly Json[];
}

export interface ParentSpec {
  readonly namespace: string;
  readonly name: string;
  readonly kind?: 'Gateway' | 'ListenerSet';
  readonly sectionName?: string;
}

export function httpRoute(
  mf: MetaFactory,
  ns: string,
  name: string,
  parents: readonly ParentSpec[],
  hostnames: readonly string[],
  rules: readonly RuleSpec[],
): RawObject {
  const spec: Record<string, Json> = {
    parentRefs: parents.map((p) => {
      const ref: Record<string, Json> = { name: p.name, namespace: p.namespace };
      if (p.kind === 'ListenerSet') {
        ref['group'] = 'gateway.networking.k8s.io';
        ref['kind'] = 'ListenerSet';
      }
      if (p.sectionName !== undefined) ref['sectionName'] = p.sectionName;
      return ref;
    }),
  };
  if (hostnames.length > 0) spec['hostnames'] = [...hostnames];
  spec['rules'] = rules.map((r) => {
    const rule: Record<string, Json> = {
      matches: r.matches.map((m) => ({ ...m }) as Json),
      backendRefs: r.backends.map((b) => ({ ...b }) as Json),
    };
    if (r.filters !== undefined) rule['filters'] = [...r.filters];
    return rule;
  });
  return { apiVersion: GW_V1, kind: 'HTTPRoute', metadata: mf.meta(name, ns), spec };
}
