/**
 * What the server keeps of each object (DESIGN.md live-mode and security rules): no managedFields,
 * no last-applied annotation; Secrets as identity metadata only (no annotations or labels);
 * EndpointSlices without addresses.
 */
import { apiVersionOf, type WatchTarget } from './kinds.ts';

export type RawObject = Record<string, unknown>;

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function isRecord(value: unknown): value is RawObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stripMetadata(metadata: unknown): RawObject {
  if (!isRecord(metadata)) return {};
  const { managedFields: _managed, ...rest } = metadata;
  if (isRecord(rest['annotations']) && LAST_APPLIED in rest['annotations']) {
    const { [LAST_APPLIED]: _lastApplied, ...annotations } = rest['annotations'];
    rest['annotations'] = annotations;
  }
  return rest;
}

/**
 * Metadata-only kinds (Secrets, with the optional role) keep their identity and nothing else:
 * annotations and labels of a Secret are written by tools that put tokens, hashes and URLs there
 * (e.g. a service-account token's annotations, cert-manager's issuer details), so they never
 * leave the server; neither do ownerReferences or finalizers.
 */
const IDENTITY_METADATA = ['name', 'namespace', 'uid', 'resourceVersion', 'creationTimestamp', 'generation'];

function identityMetadata(metadata: RawObject, annotations: readonly string[] = []): RawObject {
  const out: RawObject = {};
  for (const key of IDENTITY_METADATA) if (key in metadata) out[key] = metadata[key];
  const written = isRecord(metadata['annotations']) ? metadata['annotations'] : {};
  const kept = Object.fromEntries(
    annotations.filter((a) => typeof written[a] === 'string').map((a) => [a, written[a]]),
  );
  if (Object.keys(kept).length > 0) out['annotations'] = kept;
  return out;
}

/**
 * EndpointSlice reduced to what the analysis needs: the service label (in metadata), ports and
 * ready/total counts in `endpointCounts`, the reduced form the core normalizer reads. No
 * addresses, hostnames, nodes or targetRefs, and no per-endpoint entries: a slice holds up to
 * 1000 endpoints and only the counts are ever used.
 * `conditions.ready` absent counts as ready (discovery.k8s.io/v1 API docs).
 */
function reduceEndpointSlice(raw: RawObject): RawObject {
  const endpoints = Array.isArray(raw['endpoints']) ? (raw['endpoints'] as unknown[]) : [];
  const ready = endpoints.filter((endpoint) => {
    const conditions = isRecord(endpoint) && isRecord(endpoint['conditions']) ? endpoint['conditions'] : {};
    return conditions['ready'] !== false;
  }).length;
  return {
    addressType: raw['addressType'],
    ports: raw['ports'] ?? [],
    endpointCounts: { ready, total: endpoints.length },
  };
}

/**
 * Prepares one object from a list or watch event. List items of built-in kinds carry no
 * apiVersion/kind, and PartialObjectMetadata says `meta.k8s.io/v1`: both get the real ones.
 */
export function ingest(target: WatchTarget, raw: RawObject): RawObject {
  const identity = {
    apiVersion: apiVersionOf(target),
    kind: target.kind,
    metadata: stripMetadata(raw['metadata']),
  };
  if (target.metadataOnly)
    return { ...identity, metadata: identityMetadata(identity.metadata, target.annotations) };
  if (target.group === 'discovery.k8s.io' && target.kind === 'EndpointSlice') {
    return { ...identity, ...reduceEndpointSlice(raw) };
  }
  const { apiVersion: _v, kind: _k, metadata: _m, ...rest } = raw;
  return { ...identity, ...rest };
}

/** Whether the server holds this object at all (a kind's `keep` filter, e.g. only Gateway API CRDs). */
export function isKept(target: WatchTarget, raw: RawObject): boolean {
  return target.keep === undefined || target.keep(metaOf(raw).name);
}

export function metaOf(object: RawObject): { namespace: string; name: string; resourceVersion: string } {
  const metadata = isRecord(object['metadata']) ? object['metadata'] : {};
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  return {
    namespace: str(metadata['namespace']),
    name: str(metadata['name']),
    resourceVersion: str(metadata['resourceVersion']),
  };
}
