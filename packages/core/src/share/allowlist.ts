/**
 * What a share link or bundle may carry, by allowlist: a field is shared only if it is named
 * here. Everything else (Secret data, managedFields, uid, ownerReferences, unknown annotations,
 * the spec of kinds the project does not model) is dropped and reported in the preview.
 */

/** metadata fields kept: identity, selectors, and what precedence tie-breaks need. */
export const METADATA_FIELDS: ReadonlySet<string> = new Set([
  'name',
  'namespace',
  'labels',
  'annotations',
  'creationTimestamp',
  'generation',
]);

/** Annotation key prefixes worth sharing (routing behaviour); all others are dropped. */
export const ANNOTATION_PREFIXES: readonly string[] = [
  'gateway.networking.k8s.io/',
  'gatescope.dev/',
  'nginx.ingress.kubernetes.io/',
  'kubernetes.io/ingress.class',
];

/** Annotations never shared, whatever their prefix. */
export const DROPPED_ANNOTATIONS: ReadonlySet<string> = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
]);

/** API groups whose objects are routing configuration: spec and status are shared whole. */
const CONFIG_GROUPS: ReadonlySet<string> = new Set([
  'gateway.networking.k8s.io',
  'gateway.networking.x-k8s.io',
  'multicluster.x-k8s.io',
]);

/**
 * Top-level fields kept per kind (besides apiVersion, kind, metadata), and for some kinds the
 * nested fields kept. `null` means "the whole value".
 */
type FieldRule = null | { readonly [field: string]: FieldRule };

const SERVICE_SPEC: FieldRule = {
  type: null,
  ports: null,
  selector: null,
  clusterIP: null,
  clusterIPs: null,
  externalName: null,
  ipFamilies: null,
};

const BY_KIND: Readonly<Record<string, Readonly<Record<string, FieldRule>>>> = {
  Service: { spec: SERVICE_SPEC },
  Namespace: {},
  // Only the type: a Secret's data and stringData are never shared.
  Secret: { type: null },
  ConfigMap: {},
  EndpointSlice: {
    addressType: null,
    ports: null,
    endpoints: { conditions: null },
    endpointCounts: null,
  },
  Ingress: { spec: null },
  IngressClass: { spec: null },
};

function groupOf(apiVersion: unknown): string {
  if (typeof apiVersion !== 'string') return '';
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** The field rules for one object, from its apiVersion and kind. */
export function rulesFor(apiVersion: unknown, kind: string): Readonly<Record<string, FieldRule>> {
  if (CONFIG_GROUPS.has(groupOf(apiVersion))) return { spec: null, status: null };
  // Implementation-specific policies (any group) describe routing, not data.
  if (kind.endsWith('Policy')) return { spec: null, status: null };
  return BY_KIND[kind] ?? {};
}

export function annotationAllowed(key: string): boolean {
  if (DROPPED_ANNOTATIONS.has(key)) return false;
  return ANNOTATION_PREFIXES.some((prefix) => key.startsWith(prefix));
}

export type { FieldRule };
