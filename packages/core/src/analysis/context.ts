/**
 * The read-only index every analysis stage shares: objects by kind, namespace labels, reference
 * grants, backends and the spec's "oldest first" ordering. Built once per analyze() call.
 */
import type { Severity } from '../diagnostics/types.ts';
import type { ObjectKey } from '../model/identity.ts';
import { namespacedName } from '../model/identity.ts';
import type { Snapshot } from '../model/snapshot.ts';
import type {
  BackendTLSPolicy,
  ConfigMap,
  EndpointSlice,
  Gateway,
  GatewayClass,
  GwObject,
  ListenerSet,
  ObjectBase,
  Policy,
  ReferenceGrant,
  Route,
  Secret,
  Service,
  ServiceExport,
  ServiceImport,
} from '../model/types.ts';
import { isRoute } from '../model/types.ts';

export interface AnalyzeOptions {
  /**
   * Whether the input shows every Secret that exists (sandbox, CLI: yes). A live cluster without
   * Secret access says false: certificateRef health then comes from the controller's observed
   * listener conditions instead of being predicted.
   */
  readonly secretsVisible?: boolean;
  /**
   * Whether the input shows every ConfigMap that exists (sandbox, CLI: yes). The in-cluster role
   * reads no ConfigMaps, so live mode says false: CA bundle refs (BackendTLSPolicy, Gateway
   * frontend validation) are then not reported missing.
   */
  readonly configMapsVisible?: boolean;
  /** CRD channel the cluster serves; "standard" enables the experimental-field check. */
  readonly channel?: 'standard' | 'experimental';
  /** controllerName for route parent status when the Gateway's class is absent. */
  readonly defaultControllerName?: string;
  /**
   * Kinds the input holds completely (absent.ts): a reference to an object of such a kind that is
   * not in the input names an object that does not exist (an error). For every other kind it is
   * only "not in the input" (an info diagnostic): a folder of manifests is not a cluster. Kinds
   * are `Service`, `Secret` (core group) or `GatewayClass.gateway.networking.k8s.io`; 'all' says
   * the input is a whole cluster. Default: none (files, sandbox); live mode passes the kinds
   * whose watch is synced (visibility.ts).
   */
  readonly completeKinds?: readonly string[] | 'all';
  /** Severity of the "not in the input" diagnostics (default info; `analyze --absent=error`). */
  readonly absentSeverity?: Severity;
}

export const DEFAULT_CONTROLLER_NAME = 'gatescope.dev/offline-controller';

/** The implicit label every Namespace carries (Kubernetes ≥ 1.22). */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export interface AnalysisContext {
  readonly snapshot: Snapshot;
  readonly options: Required<Omit<AnalyzeOptions, 'channel'>> & Pick<AnalyzeOptions, 'channel'>;
  readonly gatewayClasses: ReadonlyMap<string, GatewayClass>;
  readonly gateways: readonly Gateway[];
  readonly listenerSets: readonly ListenerSet[];
  readonly routes: readonly Route[];
  readonly referenceGrants: readonly ReferenceGrant[];
  readonly backendTLSPolicies: readonly BackendTLSPolicy[];
  readonly policies: readonly Policy[];
  readonly services: ReadonlyMap<ObjectKey, Service>;
  readonly serviceImports: ReadonlyMap<ObjectKey, ServiceImport>;
  /**
   * `namespace/name` → ServiceExports of that name in any cluster of the input: the one lookup
   * that crosses clusters (MCS: exported in one cluster, imported in another).
   */
  readonly serviceExports: ReadonlyMap<string, readonly ServiceExport[]>;
  readonly secrets: ReadonlyMap<ObjectKey, Secret>;
  readonly configMaps: ReadonlyMap<ObjectKey, ConfigMap>;
  /** `namespace/serviceName` → slices of that Service. */
  readonly endpointSlices: ReadonlyMap<string, readonly EndpointSlice[]>;
  /** Labels of every namespace the input names (Namespace objects, or implied by objects). */
  readonly namespaceLabels: (namespace: string) => Readonly<Record<string, string>>;
  /** Whether a Namespace object for this name is in the input (labels are then authoritative). */
  readonly hasNamespaceObject: (namespace: string) => boolean;
}

/**
 * `allObjects`: every object of the input when `snapshot` is one cluster's share of it (see
 * analyze.ts); ServiceExports are looked up there.
 */
export function buildContext(
  snapshot: Snapshot,
  options: AnalyzeOptions = {},
  allObjects: readonly GwObject[] = snapshot.objects,
): AnalysisContext {
  const gatewayClasses = new Map<string, GatewayClass>();
  const services = new Map<ObjectKey, Service>();
  const serviceImports = new Map<ObjectKey, ServiceImport>();
  const secrets = new Map<ObjectKey, Secret>();
  const configMaps = new Map<ObjectKey, ConfigMap>();
  const endpointSlices = new Map<string, EndpointSlice[]>();
  const namespaces = new Map<string, Readonly<Record<string, string>>>();
  const lists = {
    gateways: [] as Gateway[],
    listenerSets: [] as ListenerSet[],
    routes: [] as Route[],
    referenceGrants: [] as ReferenceGrant[],
    backendTLSPolicies: [] as BackendTLSPolicy[],
    policies: [] as Policy[],
  };
  for (const object of snapshot.objects) {
    switch (object.kind) {
      case 'GatewayClass':
        gatewayClasses.set(object.meta.name, object);
        break;
      case 'Gateway':
        lists.gateways.push(object);
        break;
      case 'ListenerSet':
        lists.listenerSets.push(object);
        break;
      case 'ReferenceGrant':
        lists.referenceGrants.push(object);
        break;
      case 'BackendTLSPolicy':
        lists.backendTLSPolicies.push(object);
        break;
      case 'Policy':
        lists.policies.push(object);
        break;
      case 'Service':
        services.set(object.key, object);
        break;
      case 'ServiceImport':
        serviceImports.set(object.key, object);
        break;
      case 'Secret':
        secrets.set(object.key, object);
        break;
      case 'ConfigMap':
        configMaps.set(object.key, object);
        break;
      case 'EndpointSlice': {
        const id = `${object.meta.namespace}/${object.serviceName}`;
        endpointSlices.set(id, [...(endpointSlices.get(id) ?? []), object]);
        break;
      }
      case 'Namespace':
        namespaces.set(object.meta.name, object.meta.labels);
        break;
      default:
        if (isRoute(object)) lists.routes.push(object);
    }
  }
  return {
    snapshot,
    options: {
      secretsVisible: options.secretsVisible ?? true,
      configMapsVisible: options.configMapsVisible ?? true,
      defaultControllerName: options.defaultControllerName ?? DEFAULT_CONTROLLER_NAME,
      completeKinds: options.completeKinds ?? [],
      absentSeverity: options.absentSeverity ?? 'info',
      ...(options.channel === undefined ? {} : { channel: options.channel }),
    },
    gatewayClasses,
    ...lists,
    services,
    serviceImports,
    serviceExports: exportsByName(allObjects),
    secrets,
    configMaps,
    endpointSlices,
    namespaceLabels: (namespace) => ({
      ...(namespaces.get(namespace) ?? {}),
      [NAMESPACE_NAME_LABEL]: namespace,
    }),
    hasNamespaceObject: (namespace) => namespaces.has(namespace),
  };
}

function exportsByName(objects: readonly GwObject[]): Map<string, ServiceExport[]> {
  const out = new Map<string, ServiceExport[]>();
  for (const o of objects) {
    if (o.kind !== 'ServiceExport') continue;
    const id = `${o.meta.namespace}/${o.meta.name}`;
    const list = out.get(id);
    if (list === undefined) out.set(id, [o]);
    else list.push(o);
  }
  return out;
}

/**
 * The spec's tie-break (e.g. HTTPRoute/GRPCRoute collisions, ListenerSet precedence): the oldest
 * creationTimestamp first, then `{namespace}/{name}` alphabetically — also when the timestamps are
 * equal or both absent (YAML not yet applied: `kubectl apply` of one file usually stamps the same
 * second, so document order is not creation order). An object with a timestamp (it exists) comes
 * before one without (not applied yet). Same rule as matching/precedence.ts compareCreation.
 */
export function compareAge(a: ObjectBase<string>, b: ObjectBase<string>): number {
  const ta = a.meta.creationTimestamp;
  const tb = b.meta.creationTimestamp;
  // Kubernetes writes creationTimestamp as RFC 3339 UTC with second precision
  // (`2024-01-02T03:04:05Z`), so the strings order like the instants they name.
  if (ta !== undefined && tb !== undefined && ta !== tb) return ta < tb ? -1 : 1;
  if (ta !== undefined && tb === undefined) return -1;
  if (ta === undefined && tb !== undefined) return 1;
  const na = namespacedName(a.meta);
  const nb = namespacedName(b.meta);
  return na < nb ? -1 : na > nb ? 1 : 0;
}
