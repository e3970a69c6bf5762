/**
 * The normalized model: one internal shape per kind, whatever API version the input used.
 * Every optional field of the API that has a default gets it here, in normalize, exactly once;
 * later stages never read raw optional fields. References carry full group/kind/namespace.
 */
import type { GroupKind, ObjectKey, ObjectRef } from './identity.ts';

/** Where an object (or a problem) came from in the input text. Lines and columns are 1-based. */
export interface SourcePos {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface Condition {
  readonly type: string;
  readonly status: 'True' | 'False' | 'Unknown';
  readonly reason: string;
  readonly message: string;
  readonly observedGeneration?: number;
  readonly lastTransitionTime?: string;
}

export interface ObjectMeta {
  readonly name: string;
  /** "" for cluster-scoped kinds; defaulted to "default" for namespaced kinds without one. */
  readonly namespace: string;
  readonly uid?: string;
  readonly generation?: number;
  readonly resourceVersion?: string;
  /**
   * RFC 3339 as written; absent for pasted YAML. Precedence ties (equal or absent timestamps)
   * fall to `{namespace}/{name}`, never to document order (matching/precedence.ts).
   */
  readonly creationTimestamp?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  /** Which cluster (kube context) the object came from; "" for single-source input. */
  readonly cluster: string;
}

export interface ObjectBase<K extends string> {
  /**
   * The model's discriminator. For most kinds it equals ref.kind; ListenerSet also covers
   * XListenerSet, and Policy/Opaque cover many real kinds: ref.group/ref.kind is the real one.
   */
  readonly kind: K;
  readonly key: ObjectKey;
  readonly ref: ObjectRef;
  readonly apiVersion: string;
  readonly meta: ObjectMeta;
  /** Document order over all input (files in the order given); display order, not precedence. */
  readonly order: number;
  readonly source?: SourcePos;
  /**
   * The object as received, stripped of managedFields, the last-applied annotation and any
   * Secret data. Used for the YAML view and share links, never by analysis.
   */
  readonly raw: Readonly<Record<string, unknown>>;
}

// ---------------------------------------------------------------------------------------------
// Shared pieces

export interface LabelSelectorRequirement {
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  readonly values: readonly string[];
}

export interface LabelSelector {
  readonly matchLabels: Readonly<Record<string, string>>;
  readonly matchExpressions: readonly LabelSelectorRequirement[];
}

/** A reference with every default resolved (group, kind and namespace always present). */
export interface ResolvedRef extends ObjectRef {
  readonly key: ObjectKey;
}

export interface ParentRef extends ResolvedRef {
  readonly sectionName?: string;
  readonly port?: number;
  /** Index in spec.parentRefs: status.parents and diagnostics point back to it. */
  readonly index: number;
}

export interface HeaderMatch {
  readonly type: 'Exact' | 'RegularExpression';
  readonly name: string;
  readonly value: string;
}

export interface HeaderModifier {
  readonly set: readonly { readonly name: string; readonly value: string }[];
  readonly add: readonly { readonly name: string; readonly value: string }[];
  readonly remove: readonly string[];
}

export interface BackendRef extends ResolvedRef {
  readonly port?: number;
  /** Defaulted to 1. */
  readonly weight: number;
  /** Index in the rule's backendRefs. */
  readonly index: number;
}

export interface HTTPBackendRef extends BackendRef {
  readonly filters: readonly HTTPFilter[];
}

export interface PathModifier {
  readonly type: 'ReplaceFullPath' | 'ReplacePrefixMatch';
  readonly value: string;
}

export type HTTPFilter =
  | { readonly type: 'RequestHeaderModifier'; readonly modifier: HeaderModifier }
  | { readonly type: 'ResponseHeaderModifier'; readonly modifier: HeaderModifier }
  | {
      readonly type: 'RequestRedirect';
      readonly scheme?: string;
      readonly hostname?: string;
      readonly path?: PathModifier;
      readonly port?: number;
      /** Defaulted to 302. */
      readonly statusCode: number;
    }
  | { readonly type: 'URLRewrite'; readonly hostname?: string; readonly path?: PathModifier }
  | {
      readonly type: 'RequestMirror';
      readonly backendRef: BackendRef;
      /** 0–100; absent with no fraction means 100. */
      readonly percent?: number;
      readonly fraction?: { readonly numerator: number; readonly denominator: number };
    }
  | {
      readonly type: 'CORS';
      readonly allowOrigins: readonly string[];
      readonly allowCredentials: boolean;
      readonly allowMethods: readonly string[];
      readonly allowHeaders: readonly string[];
      readonly exposeHeaders: readonly string[];
      /** Seconds; defaulted to 5. */
      readonly maxAge: number;
    }
  | { readonly type: 'ExtensionRef'; readonly ref: ResolvedRef }
  | { readonly type: 'ExternalAuth'; readonly raw: Readonly<Record<string, unknown>> }
  | { readonly type: 'Unknown'; readonly name: string; readonly raw: Readonly<Record<string, unknown>> };

// ---------------------------------------------------------------------------------------------
// GatewayClass, Gateway, ListenerSet

export interface GatewayClass extends ObjectBase<'GatewayClass'> {
  readonly controllerName: string;
  readonly parametersRef?: ResolvedRef;
  readonly description?: string;
  readonly observed?: {
    readonly conditions: readonly Condition[];
    readonly supportedFeatures: readonly string[];
  };
}

export type ProtocolType = 'HTTP' | 'HTTPS' | 'TLS' | 'TCP' | 'UDP' | (string & {});

export interface AllowedRoutes {
  /** Defaulted to Same. */
  readonly from: 'All' | 'Same' | 'Selector' | 'None';
  readonly selector?: LabelSelector;
  /** null: not specified, the controller picks by protocol (analysis does that). */
  readonly kinds: readonly GroupKind[] | null;
}

export interface ListenerTLS {
  /** Defaulted to Terminate. */
  readonly mode: 'Terminate' | 'Passthrough';
  readonly certificateRefs: readonly ResolvedRef[];
  readonly options: Readonly<Record<string, string>>;
  /** Listener-level frontend validation (experimental in older versions). */
  readonly frontendValidation?: Readonly<Record<string, unknown>>;
}

export interface Listener {
  readonly name: string;
  readonly hostname?: string;
  readonly port: number;
  readonly protocol: ProtocolType;
  readonly tls?: ListenerTLS;
  readonly allowedRoutes: AllowedRoutes;
  /** Index in spec.listeners. */
  readonly index: number;
}

export interface ObservedListenerStatus {
  readonly name: string;
  readonly attachedRoutes: number;
  readonly supportedKinds: readonly GroupKind[];
  readonly conditions: readonly Condition[];
}

export interface ObservedGatewayStatus {
  readonly conditions: readonly Condition[];
  readonly listeners: readonly ObservedListenerStatus[];
  readonly addresses: readonly { readonly type: string; readonly value: string }[];
  readonly attachedListenerSets?: number;
}

export interface Gateway extends ObjectBase<'Gateway'> {
  readonly gatewayClassName: string;
  readonly listeners: readonly Listener[];
  readonly addresses: readonly { readonly type: string; readonly value: string }[];
  /** spec.allowedListeners: which namespaces' ListenerSets may attach. Defaulted to None. */
  readonly allowedListeners: {
    readonly from: 'All' | 'Same' | 'Selector' | 'None';
    readonly selector?: LabelSelector;
  };
  /** spec.tls (frontend/backend TLS at the Gateway level), kept for checks. */
  readonly tls?: Readonly<Record<string, unknown>>;
  readonly infrastructure?: Readonly<Record<string, unknown>>;
  readonly observed?: ObservedGatewayStatus;
}

export interface ListenerSet extends ObjectBase<'ListenerSet'> {
  /** The Gateway this ListenerSet attaches to (spec.parentRef). */
  readonly parentRef: ResolvedRef;
  readonly listeners: readonly Listener[];
  readonly observed?: {
    readonly conditions: readonly Condition[];
    readonly listeners: readonly ObservedListenerStatus[];
  };
}

// ---------------------------------------------------------------------------------------------
// Routes

/** status.parents[].parentRef / status.ancestors[].ancestorRef, every field resolved. */
export interface StatusParentRef {
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly sectionName?: string;
  readonly port?: number;
}

export interface ObservedRouteParentStatus {
  readonly parentRef: StatusParentRef;
  readonly controllerName: string;
  readonly conditions: readonly Condition[];
}

export interface RouteBase<K extends string, R> extends ObjectBase<K> {
  readonly parentRefs: readonly ParentRef[];
  readonly hostnames: readonly string[];
  readonly rules: readonly R[];
  readonly observed?: { readonly parents: readonly ObservedRouteParentStatus[] };
}

export interface HTTPRouteMatch {
  /** Defaulted to PathPrefix "/". */
  readonly path: { readonly type: 'Exact' | 'PathPrefix' | 'RegularExpression'; readonly value: string };
  readonly headers: readonly HeaderMatch[];
  readonly queryParams: readonly HeaderMatch[];
  readonly method?: string;
}

export interface HTTPRouteRule {
  readonly name?: string;
  /** Defaulted to [{ path: PathPrefix "/" }] when absent or empty. */
  readonly matches: readonly HTTPRouteMatch[];
  readonly filters: readonly HTTPFilter[];
  readonly backendRefs: readonly HTTPBackendRef[];
  readonly timeouts?: { readonly request?: string; readonly backendRequest?: string };
  readonly retry?: {
    readonly codes: readonly number[];
    readonly attempts?: number;
    readonly backoff?: string;
  };
  readonly sessionPersistence?: Readonly<Record<string, unknown>>;
  readonly index: number;
}

export type HTTPRoute = RouteBase<'HTTPRoute', HTTPRouteRule>;

export interface GRPCMethodMatch {
  /** Defaulted to Exact. */
  readonly type: 'Exact' | 'RegularExpression';
  readonly service?: string;
  readonly method?: string;
}

export interface GRPCRouteMatch {
  readonly method?: GRPCMethodMatch;
  readonly headers: readonly HeaderMatch[];
}

export interface GRPCRouteRule {
  readonly name?: string;
  /** Empty: matches every gRPC request. */
  readonly matches: readonly GRPCRouteMatch[];
  readonly filters: readonly HTTPFilter[];
  readonly backendRefs: readonly HTTPBackendRef[];
  readonly sessionPersistence?: Readonly<Record<string, unknown>>;
  readonly index: number;
}

export type GRPCRoute = RouteBase<'GRPCRoute', GRPCRouteRule>;

export interface L4RouteRule {
  readonly name?: string;
  readonly backendRefs: readonly BackendRef[];
  readonly index: number;
}

export type TLSRoute = RouteBase<'TLSRoute', L4RouteRule>;
export type TCPRoute = RouteBase<'TCPRoute', L4RouteRule>;
export type UDPRoute = RouteBase<'UDPRoute', L4RouteRule>;

export type Route = HTTPRoute | GRPCRoute | TLSRoute | TCPRoute | UDPRoute;
export type RouteKind = Route['kind'];
export const ROUTE_KINDS: readonly RouteKind[] = [
  'HTTPRoute',
  'GRPCRoute',
  'TLSRoute',
  'TCPRoute',
  'UDPRoute',
];

const ROUTE_KIND_SET: ReadonlySet<string> = new Set(ROUTE_KINDS);

/** The one is-route test: every stage asks this instead of listing the five kinds again. */
export function isRouteKind(kind: string): kind is RouteKind {
  return ROUTE_KIND_SET.has(kind);
}

export function isRoute(object: { readonly kind: string }): object is Route {
  return ROUTE_KIND_SET.has(object.kind);
}

// ---------------------------------------------------------------------------------------------
// References, policies and backends

export interface ReferenceGrant extends ObjectBase<'ReferenceGrant'> {
  readonly from: readonly { readonly group: string; readonly kind: string; readonly namespace: string }[];
  /** name absent: every object of that group/kind in the grant's namespace. */
  readonly to: readonly { readonly group: string; readonly kind: string; readonly name?: string }[];
}

export interface PolicyTargetRef {
  readonly group: string;
  readonly kind: string;
  /** Policies target objects in their own namespace. */
  readonly namespace: string;
  readonly name: string;
  readonly key: ObjectKey;
  readonly sectionName?: string;
}

export interface BackendTLSPolicy extends ObjectBase<'BackendTLSPolicy'> {
  readonly targetRefs: readonly PolicyTargetRef[];
  readonly validation: {
    readonly caCertificateRefs: readonly ResolvedRef[];
    readonly wellKnownCACertificates?: string;
    readonly hostname: string;
    readonly subjectAltNames: readonly Readonly<Record<string, unknown>>[];
  };
  readonly observed?: { readonly ancestors: readonly ObservedRouteParentStatus[] };
}

/** Any other policy-shaped object (spec.targetRef or spec.targetRefs). */
export interface Policy extends ObjectBase<'Policy'> {
  /** The real kind, e.g. "ClientTrafficPolicy". */
  readonly policyKind: string;
  readonly policyGroup: string;
  readonly targetRefs: readonly PolicyTargetRef[];
  readonly observed?: { readonly ancestors: readonly ObservedRouteParentStatus[] };
}

export interface ServicePort {
  readonly name?: string;
  readonly port: number;
  readonly protocol: string;
  readonly appProtocol?: string;
  readonly targetPort?: number | string;
}

export interface Service extends ObjectBase<'Service'> {
  readonly type: string;
  readonly ports: readonly ServicePort[];
  readonly clusterIP?: string;
  readonly externalName?: string;
}

export interface ServiceImport extends ObjectBase<'ServiceImport'> {
  readonly type: string;
  readonly ports: readonly ServicePort[];
  readonly ips: readonly string[];
  /** status.clusters[].cluster: the clusters that export this service. */
  readonly clusters: readonly string[];
}

export interface ServiceExport extends ObjectBase<'ServiceExport'> {
  readonly observed?: { readonly conditions: readonly Condition[] };
}

/** Reduced on ingest to counts; the addresses are never kept. */
export interface EndpointSlice extends ObjectBase<'EndpointSlice'> {
  /** Name of the Service (label kubernetes.io/service-name). */
  readonly serviceName: string;
  readonly ready: number;
  readonly total: number;
}

export type Namespace = ObjectBase<'Namespace'>;

/** Metadata only: Secret data is never kept (one verdict about it is, see tlsData). */
export interface Secret extends ObjectBase<'Secret'> {
  readonly secretType?: string;
  /** Key names only, when the input had data (pasted YAML); values are dropped on ingest. */
  readonly dataKeys: readonly string[];
  /**
   * Whether tls.crt and tls.key were PEM, decided in normalize while the data was at hand
   * (normalize/tls-verdict.ts); the data itself is dropped. Absent = unknown (no data in the
   * input, e.g. live mode's metadata-only Secrets): nothing is claimed.
   */
  readonly tlsData?: 'pem' | 'not-pem';
}

export interface ConfigMap extends ObjectBase<'ConfigMap'> {
  readonly dataKeys: readonly string[];
}

/** A kind the project does not model: kept, shown, never analysed. */
export interface OpaqueObject extends ObjectBase<'Opaque'> {
  readonly realKind: string;
  readonly realGroup: string;
}

export type GwObject =
  | GatewayClass
  | Gateway
  | ListenerSet
  | HTTPRoute
  | GRPCRoute
  | TLSRoute
  | TCPRoute
  | UDPRoute
  | ReferenceGrant
  | BackendTLSPolicy
  | Policy
  | Service
  | ServiceImport
  | ServiceExport
  | EndpointSlice
  | Namespace
  | Secret
  | ConfigMap
  | OpaqueObject;

export type ModelKind = GwObject['kind'];
