/**
 * What the server watches: group + kind only. Versions come from API discovery at run time
 * (DESIGN.md live-mode rules: never hard-code versions).
 */
export interface WantedKind {
  readonly group: string;
  readonly kind: string;
  /** Requested as PartialObjectMetadata: Secrets (never data), CRDs (never their schemas). */
  readonly metadataOnly?: boolean;
  /** Only readable with the opt-in role (deploy/optional): Secrets. */
  readonly optIn?: boolean;
  /**
   * Metadata-only kinds keep identity metadata and only these annotations (none by default), and
   * only the objects `keep` accepts (all by default).
   */
  readonly annotations?: readonly string[];
  readonly keep?: (name: string) => boolean;
}

/** The annotations every upstream Gateway API CRD carries: release and channel. */
export const GATEWAY_BUNDLE_ANNOTATIONS = [
  'gateway.networking.k8s.io/bundle-version',
  'gateway.networking.k8s.io/channel',
] as const;

/** A Gateway API CRD by name (`<plural>.<group>`): the only CRDs whose metadata matters here. */
export function isGatewayApiCrd(name: string): boolean {
  return name.endsWith('.gateway.networking.k8s.io') || name.endsWith('.gateway.networking.x-k8s.io');
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
  { group: '', kind: 'Secret', metadataOnly: true, optIn: true },
  // Which Gateway API release and channel the cluster serves (v1.6 and v1.7 side by side): the
  // analysis reads the bundle annotations of these CRDs as it does for CRDs in pasted YAML.
  {
    group: 'apiextensions.k8s.io',
    kind: 'CustomResourceDefinition',
    metadataOnly: true,
    annotations: GATEWAY_BUNDLE_ANNOTATIONS,
    keep: isGatewayApiCrd,
  },
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
