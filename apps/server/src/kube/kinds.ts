/**
 * What the server watches: group + kind only. Versions come from API discovery at run time
 * (DESIGN.md live-mode rules: never hard-code versions).
 */
export interface WantedKind {
  readonly group: string;
  readonly kind: string;
  /** Secrets: PartialObjectMetadata only, never data. */
  readonly metadataOnly?: boolean;
}

const GATEWAY = 'gateway.networking.k8s.io';
const GATEWAY_X = 'gateway.networking.x-k8s.io';
const MCS = 'multicluster.x-k8s.io';

export const WANTED_KINDS: readonly WantedKind[] = [
  { group: GATEWAY, kind: 'GatewayClass' },
  { group: GATEWAY, kind: 'Gateway' },
  { group: GATEWAY, kind: 'ListenerSet' },
  { group: GATEWAY_X, kind: 'XListenerSet' },
  { group: GATEWAY, kind: 'HTTPRoute' },
  { group: GATEWAY, kind: 'GRPCRoute' },
  { group: GATEWAY, kind: 'TLSRoute' },
  { group: GATEWAY, kind: 'TCPRoute' },
  { group: GATEWAY, kind: 'UDPRoute' },
  { group: GATEWAY, kind: 'ReferenceGrant' },
  { group: GATEWAY, kind: 'BackendTLSPolicy' },
  { group: MCS, kind: 'ServiceImport' },
  { group: MCS, kind: 'ServiceExport' },
  { group: '', kind: 'Service' },
  { group: '', kind: 'Namespace' },
  { group: 'discovery.k8s.io', kind: 'EndpointSlice' },
  { group: '', kind: 'Secret', metadataOnly: true },
];

/** A kind as the cluster serves it: the version discovery chose and the plural resource name. */
export interface WatchTarget extends WantedKind {
  readonly version: string;
  readonly resource: string;
  readonly namespaced: boolean;
}

export function groupKindId(kind: { readonly group: string; readonly kind: string }): string {
  return `${kind.group}/${kind.kind}`;
}

export function apiVersionOf(target: WatchTarget): string {
  return target.group === '' ? target.version : `${target.group}/${target.version}`;
}

/** Collection path for list and watch (all namespaces). */
export function collectionPath(target: WatchTarget): string {
  const base = target.group === '' ? `/api/${target.version}` : `/apis/${target.group}/${target.version}`;
  return `${base}/${target.resource}`;
}

/** A plausible plural for kinds the cluster does not serve (status messages, RBAC hints). */
export function guessResource(kind: string): string {
  // English plural as the apiserver spells resources: policy → policies, gateway → gateways,
  // class → classes.
  const lower = kind.toLowerCase();
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${lower}es`;
  return `${lower}s`;
}
