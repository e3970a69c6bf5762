/**
 * Which group/kind maps to which model kind, which API versions are served for it, and which
 * kinds are cluster-scoped. Unknown kinds become Opaque (or Policy when policy-shaped).
 */
import { CORE_GROUP, GATEWAY_GROUP, GATEWAY_X_GROUP, MCS_GROUP } from '../identity.ts';
import type { ModelKind } from '../types.ts';

export interface KindInfo {
  readonly model: ModelKind;
  readonly versions: readonly string[];
  readonly clusterScoped: boolean;
}

const GATEWAY_VERSIONS = ['v1', 'v1beta1', 'v1alpha2', 'v1alpha3'];
const X_VERSIONS = ['v1alpha1'];
const MCS_VERSIONS = ['v1alpha1', 'v1beta1'];

function info(model: ModelKind, versions: readonly string[], clusterScoped = false): KindInfo {
  return { model, versions, clusterScoped };
}

const KNOWN: ReadonlyMap<string, KindInfo> = new Map([
  [`${GATEWAY_GROUP}/GatewayClass`, info('GatewayClass', GATEWAY_VERSIONS, true)],
  [`${GATEWAY_GROUP}/Gateway`, info('Gateway', GATEWAY_VERSIONS)],
  [`${GATEWAY_GROUP}/ListenerSet`, info('ListenerSet', GATEWAY_VERSIONS)],
  [`${GATEWAY_X_GROUP}/XListenerSet`, info('ListenerSet', X_VERSIONS)],
  [`${GATEWAY_GROUP}/HTTPRoute`, info('HTTPRoute', GATEWAY_VERSIONS)],
  [`${GATEWAY_GROUP}/GRPCRoute`, info('GRPCRoute', GATEWAY_VERSIONS)],
  [`${GATEWAY_GROUP}/TLSRoute`, info('TLSRoute', GATEWAY_VERSIONS)],
  [`${GATEWAY_GROUP}/TCPRoute`, info('TCPRoute', GATEWAY_VERSIONS)],
  [`${GATEWAY_GROUP}/UDPRoute`, info('UDPRoute', GATEWAY_VERSIONS)],
  [`${GATEWAY_GROUP}/ReferenceGrant`, info('ReferenceGrant', GATEWAY_VERSIONS)],
  [`${GATEWAY_GROUP}/BackendTLSPolicy`, info('BackendTLSPolicy', GATEWAY_VERSIONS)],
  [`${MCS_GROUP}/ServiceImport`, info('ServiceImport', MCS_VERSIONS)],
  [`${MCS_GROUP}/ServiceExport`, info('ServiceExport', MCS_VERSIONS)],
  [`${CORE_GROUP}/Service`, info('Service', ['v1'])],
  [`${CORE_GROUP}/Namespace`, info('Namespace', ['v1'], true)],
  [`${CORE_GROUP}/Secret`, info('Secret', ['v1'])],
  [`${CORE_GROUP}/ConfigMap`, info('ConfigMap', ['v1'])],
  ['discovery.k8s.io/EndpointSlice', info('EndpointSlice', ['v1', 'v1beta1'])],
]);

/** Common cluster-scoped kinds we do not model, so that Opaque objects get namespace "". */
const CLUSTER_SCOPED_OPAQUE = new Set([
  'Node',
  'PersistentVolume',
  'StorageClass',
  'PriorityClass',
  'RuntimeClass',
  'IngressClass',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'APIService',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'CertificateSigningRequest',
  'ClusterIssuer',
  'CSIDriver',
  'VolumeAttachment',
]);

export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: CORE_GROUP, version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

export function kindInfo(group: string, kind: string): KindInfo | undefined {
  return KNOWN.get(`${group}/${kind}`);
}

/** The group a modelled kind lives in, for `apiVersion: v1` + `kind: HTTPRoute` mistakes. */
export function knownGroupOf(kind: string): string | undefined {
  for (const key of KNOWN.keys()) {
    const slash = key.lastIndexOf('/');
    if (key.slice(slash + 1) === kind) return key.slice(0, slash);
  }
  return undefined;
}

export function isClusterScoped(group: string, kind: string): boolean {
  return kindInfo(group, kind)?.clusterScoped ?? CLUSTER_SCOPED_OPAQUE.has(kind);
}

/**
 * Policy-shaped: a kind named *Policy or in a *policy* group, with spec.targetRef(s) (GEP-713).
 * BackendTLSPolicy is modelled on its own and never reaches this.
 */
export function isPolicyKind(group: string, kind: string): boolean {
  return kind.endsWith('Policy') || group.toLowerCase().includes('policy');
}
