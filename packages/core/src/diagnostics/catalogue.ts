/**
 * The checks catalogue (DESIGN.md, "Checks catalogue"): one entry per check, each with a stable
 * code. GS0xx parse/normalize (parse-codes.ts), GS2xx GatewayClass/Gateway/listeners/ListenerSets,
 * GS3xx routes and backends, GS4xx policies, features and controller status. A code never changes
 * meaning once published; retired codes are not reused.
 */
import { PARSE_CODE_TABLE } from './parse-codes.ts';
import type { Severity } from './types.ts';

export interface CatalogueEntry {
  readonly code: string;
  readonly name: string;
  readonly severity: Severity;
  /** The Gateway API condition reason the check corresponds to, when there is one. */
  readonly reason?: string;
  readonly title: string;
  /** What to check and change, in one or two sentences. */
  readonly runbook: string;
}

const ANALYSIS_ENTRIES = [
  // GatewayClass, Gateway, listeners, ListenerSets
  e(
    'GS201',
    'GatewayClassNotFound',
    'error',
    'Pending',
    'Gateway names a GatewayClass that does not exist',
    'Create the GatewayClass or set spec.gatewayClassName to an installed class (`kubectl get gatewayclass`); until then no controller reconciles the Gateway.',
  ),
  e(
    'GS202',
    'GatewayClassNotAccepted',
    'error',
    'InvalidParameters',
    'GatewayClass is not accepted by its controller',
    'Read the GatewayClass Accepted condition message; check spec.controllerName and spec.parametersRef, and that the controller is running.',
  ),
  e(
    'GS203',
    'GatewayNotProgrammed',
    'error',
    'Invalid',
    'Gateway will not be programmed',
    'The Gateway has no valid listener (or is not accepted); fix the listener diagnostics listed for it.',
  ),
  e(
    'GS204',
    'GatewayInvalidParameters',
    'error',
    'InvalidParameters',
    'Gateway infrastructure.parametersRef cannot be resolved',
    'Point spec.infrastructure.parametersRef at an existing object of a kind the controller supports, or remove it.',
  ),
  e(
    'GS205',
    'GatewayInvalidClientCertificateRef',
    'error',
    'InvalidClientCertificateRef',
    'Gateway backend TLS clientCertificateRef cannot be used',
    'Point spec.tls.backend.clientCertificateRef at an existing kubernetes.io/tls Secret (add a ReferenceGrant when it is in another namespace).',
  ),
  e(
    'GS206',
    'GatewayInsecureFrontendValidationMode',
    'warning',
    'ConfigurationChanged',
    'Gateway accepts clients without a valid certificate (AllowInsecureFallback)',
    'spec.tls.frontend validation mode AllowInsecureFallback lets clients through without a valid certificate; set AllowValidOnly once clients present certificates.',
  ),
  e(
    'GS210',
    'ListenerUnsupportedProtocol',
    'error',
    'UnsupportedProtocol',
    'Listener protocol is not supported',
    'Use one of HTTP, HTTPS, TLS, TCP or UDP (or a protocol your implementation documents).',
  ),
  e(
    'GS224',
    'GatewayAddressesNotAssigned',
    'error',
    undefined,
    'Gateway controller could not assign the requested addresses',
    'The controller wrote AddressesAssigned=False: some (PartiallyAssigned, a warning) or all (NotAssigned) of spec.addresses cannot be used in this network. Request usable addresses or remove the unusable ones.',
  ),
  e(
    'GS223',
    'ListenerImplementationSpecificProtocol',
    'warning',
    undefined,
    'Listener protocol is implementation-specific and not checked',
    'A domain-prefixed protocol (example.com/proto) or a known vendor protocol (Istio HBONE) works only with the controller that defines it; Gatescope predicts the listener accepted and admits any route kind it lists.',
  ),
  e(
    'GS211',
    'ListenerProtocolConflict',
    'error',
    'ProtocolConflict',
    'Listeners on the same port use incompatible protocols',
    'Give the conflicting listener its own port, or use the same protocol as the listener that claims this port first.',
  ),
  e(
    'GS212',
    'ListenerHostnameConflict',
    'error',
    'HostnameConflict',
    'Listeners share port, protocol and hostname',
    'Give each listener on this port a distinct hostname, or a different port.',
  ),
  e(
    'GS213',
    'ListenerInvalidRouteKinds',
    'error',
    'InvalidRouteKinds',
    'allowedRoutes.kinds lists a kind this listener cannot serve',
    'Remove the kind from allowedRoutes.kinds or change the listener protocol (HTTP/HTTPS: HTTPRoute, GRPCRoute; TLS: TLSRoute; TCP: TCPRoute; UDP: UDPRoute).',
  ),
  e(
    'GS214',
    'ListenerInvalidTLSConfig',
    'error',
    'InvalidCertificateRef',
    'Listener TLS configuration is invalid',
    'HTTPS listeners need tls.mode Terminate with at least one certificateRef; TLS listeners need tls; HTTP, TCP and UDP listeners must not set tls.',
  ),
  e(
    'GS215',
    'ListenerInvalidCertificateRef',
    'error',
    'InvalidCertificateRef',
    'Listener certificateRef is missing or not a TLS Secret',
    'Reference an existing Secret of type kubernetes.io/tls with tls.crt and tls.key (group "", kind Secret).',
  ),
  e(
    'GS216',
    'ListenerCertificateRefNotPermitted',
    'error',
    'RefNotPermitted',
    'Cross-namespace certificateRef without a ReferenceGrant',
    "Add a ReferenceGrant in the Secret's namespace that allows the Gateway (or ListenerSet) namespace to reference the Secret.",
  ),
  e(
    'GS217',
    'ListenerCertificateUnverified',
    'info',
    undefined,
    'certificateRef health taken from the controller (Secrets not readable)',
    "Gatescope cannot read Secrets here; the listener's ResolvedRefs is the controller's observed condition. Grant the optional metadata-only Secret role to predict it.",
  ),
  e(
    'GS218',
    'ListenerInvalidCACertificateRef',
    'error',
    'NoValidCACertificate',
    'Client certificate validation has no usable CA certificate',
    'Fix spec.tls.frontend (default or the perPort entry for this port): caCertificateRefs must name existing ConfigMaps (ca.crt), with a ReferenceGrant when in another namespace.',
  ),
  e(
    'GS219',
    'ListenerOverlappingTLSConfig',
    'warning',
    'OverlappingHostnames',
    'HTTPS listeners on one port have overlapping hostnames',
    'HTTP/2 connection coalescing may reuse the TLS connection of one listener for the hosts of the other; use different ports or non-overlapping hostnames if that matters.',
  ),
  e(
    'GS220',
    'ListenerSetNotAllowed',
    'error',
    'NotAllowed',
    'Gateway does not allow ListenerSets from this namespace',
    "Set spec.allowedListeners.namespaces.from on the Gateway (Same, All or Selector) so that it admits this ListenerSet's namespace.",
  ),
  e(
    'GS221',
    'ListenerSetParentNotFound',
    'error',
    'ParentNotAccepted',
    'ListenerSet parentRef names no Gateway',
    'Point spec.parentRef at an existing Gateway (name and namespace).',
  ),
  e(
    'GS222',
    'ListenerSetListenersNotValid',
    'error',
    'ListenersNotValid',
    'ListenerSet has invalid or conflicting listeners',
    'Fix the listener diagnostics for this ListenerSet; a ListenerSet with no valid listener is not accepted.',
  ),
  // "Not in the input" (absent.ts): the referenced object may well exist in the cluster; info
  // unless the input holds every object of its kind (then the *NotFound check above applies).
  e(
    'GS230',
    'GatewayClassNotInInput',
    'info',
    'Pending',
    'Gateway names a GatewayClass that is not in the input',
    'GatewayClasses usually come with the controller, not with the manifests: nothing to do if the class is installed in the cluster (`kubectl get gatewayclass`). The predicted status is Accepted=Unknown/Pending, since no controller in the input reconciles the Gateway.',
  ),
  e(
    'GS231',
    'ParametersRefNotInInput',
    'info',
    undefined,
    'GatewayClass parametersRef or Gateway infrastructure.parametersRef names an object that is not in the input',
    'Nothing to do if the parameters object exists in the cluster; otherwise create it (a kind your controller supports) or remove parametersRef. Include it in the input to have it checked.',
  ),
  e(
    'GS232',
    'SecretNotInInput',
    'info',
    undefined,
    'TLS certificate Secret referenced by a Gateway is not in the input',
    'Certificate Secrets are rarely kept in git (cert-manager, external secrets): nothing to do if the Secret exists in the cluster as type kubernetes.io/tls. Include it (metadata is enough) to have it checked.',
  ),
  e(
    'GS233',
    'ListenerSetParentNotInInput',
    'info',
    undefined,
    'ListenerSet parentRef names a Gateway that is not in the input',
    'Nothing to do if the Gateway exists in the cluster and allows this ListenerSet; include it in the input to have the attachment checked.',
  ),
  // Routes: attachment
  e(
    'GS301',
    'RouteParentNotFound',
    'error',
    'NoMatchingParent',
    'Route parentRef names a Gateway or ListenerSet that does not exist',
    'Fix parentRefs name/namespace/kind, or create the parent.',
  ),
  e(
    'GS302',
    'RouteNoMatchingSection',
    'error',
    'NoMatchingParent',
    'parentRef sectionName/port names no listener of the parent',
    'Use the name (sectionName) and port of an existing listener of the parent, or drop them to attach to every listener.',
  ),
  e(
    'GS303',
    'RouteNamespaceNotAllowed',
    'error',
    'NotAllowedByListeners',
    "Listener allowedRoutes does not admit the route's namespace",
    "Change the listener's allowedRoutes.namespaces (All, or a Selector the namespace matches), or label the route's namespace to match the selector.",
  ),
  e(
    'GS304',
    'RouteKindNotAllowed',
    'error',
    'NotAllowedByListeners',
    'Listener does not accept this route kind or protocol',
    'Attach the route to a listener whose protocol serves this kind (or add the kind to allowedRoutes.kinds).',
  ),
  e(
    'GS305',
    'RouteNoMatchingListenerHostname',
    'error',
    'NoMatchingListenerHostname',
    'No route hostname intersects the listener hostname',
    'Make spec.hostnames intersect the listener hostname (e.g. add the listener hostname, or a wildcard that covers it).',
  ),
  e(
    'GS306',
    'RouteHostnameCollision',
    'error',
    'NotAllowedByListeners',
    'HTTPRoute and GRPCRoute claim the same hostname on one listener',
    'Only the route that takes precedence (oldest creationTimestamp; equal or absent timestamps: first {namespace}/{name}) is accepted; give the two routes different hostnames or attach them to different listeners.',
  ),
  e(
    'GS307',
    'RouteParentPending',
    'warning',
    'Pending',
    'Route parent is not reconciled by any controller',
    "The parent Gateway's GatewayClass is not in the input; create it (or include it) so a controller accepts the route.",
  ),
  e(
    'GS308',
    'RouteParentListenerSetNotAccepted',
    'error',
    'NoMatchingParent',
    'Route attaches to a ListenerSet that is not accepted',
    'Fix the ListenerSet diagnostics first (its Gateway must allow it and it needs a valid listener).',
  ),
  // Routes: backends
  e(
    'GS309',
    'RouteRuleInvalid',
    'warning',
    'UnsupportedValue',
    'Route rule is dropped (unsupported or incompatible filters)',
    'Remove unsupported filter types and do not combine RequestRedirect with URLRewrite; a route with some dropped rules is PartiallyInvalid, with none left it is not accepted.',
  ),
  e(
    'GS330',
    'InvalidRegularExpression',
    'error',
    'UnsupportedValue',
    'RegularExpression match is not valid RE2 syntax',
    'Gatescope evaluates RegularExpression matches with RE2 semantics (linear time); such a match never matches here. Rewrite it without backreferences or lookaround; controllers differ in the regex dialect they accept.',
  ),
  e(
    'GS336',
    'RegularExpressionTooComplex',
    'warning',
    undefined,
    'RegularExpression match is valid RE2 but too complex to evaluate safely',
    "Gatescope does not evaluate RE2 programs over its size bound (like Envoy's re2.max_program_size), so here the match never matches. Controllers differ: Envoy refuses programs over re2.max_program_size.error_level (default 100, often raised to about 1000). Simplify the pattern: smaller counted repetitions ({n,m}), fewer nested alternatives.",
  ),
  e(
    'GS331',
    'InvalidPathValue',
    'error',
    undefined,
    'HTTPRoute path match value is rejected by the API server',
    "The HTTPPathMatch CRD rules refuse the route (kubectl apply fails): an Exact or PathPrefix value must start with '/', must not contain '//', '/./', '/../', '%2f', '%2F' or '#', must not end with '/..' or '/.', and may only use URL path characters (others percent-encoded); a value of any type is at most 1024 characters.",
  ),
  e(
    'GS332',
    'InvalidPathModifierValue',
    'error',
    undefined,
    'RequestRedirect or URLRewrite path value is rejected by the API server',
    'The HTTPPathModifier CRD schema refuses the route (kubectl apply fails): replaceFullPath and replacePrefixMatch are at most 1024 characters, on a rule filter and on a backendRef filter alike.',
  ),
  e(
    'GS333',
    'ReplacePrefixMatchNeedsOnePathPrefix',
    'error',
    undefined,
    'replacePrefixMatch is used in a rule without exactly one PathPrefix match',
    'The HTTPRouteRule CRD rules refuse the route (kubectl apply fails): a rule whose RequestRedirect or URLRewrite filter (on the rule, or on one backendRef) uses path.replacePrefixMatch must have exactly one match, of type PathPrefix. Split the rule per PathPrefix match, or use ReplaceFullPath.',
  ),
  e(
    'GS334',
    'MeshRouteParent',
    'info',
    undefined,
    'Mesh route (GAMMA): the parent is a Service',
    'A route whose parentRef is a Service configures the service mesh, not a Gateway; Gatescope checks only that the Service is in the input. Mesh attachment and routing are up to the mesh implementation.',
  ),
  e(
    'GS335',
    'RouteParentImplementationSpecific',
    'info',
    undefined,
    'Route parentRef kind is implementation-specific and not checked',
    'A parentRef to a kind other than Gateway, ListenerSet or Service is up to the controller that owns that kind; Gatescope does not check it.',
  ),
  e(
    'GS340',
    'RouteParentNotInInput',
    'info',
    undefined,
    'Route parentRef names a Gateway or ListenerSet that is not in the input',
    'Shared Gateways often live in another repository: nothing to do if the parent exists in the cluster. Include it in the input to have attachment (listeners, hostnames, allowedRoutes) checked.',
  ),
  e(
    'GS341',
    'NamespaceNotInInput',
    'info',
    undefined,
    'Namespace is not in the input, so its labels for a namespace selector are unknown',
    "Nothing to do if the namespace carries the labels the selector needs (a listener's allowedRoutes, a Gateway's allowedListeners); include the Namespace object in the input to have the selector checked.",
  ),
  e(
    'GS342',
    'BackendNotInInput',
    'info',
    undefined,
    'Backend Service or ServiceImport is not in the input',
    'Services often come from another repository or chart: nothing to do if the backend exists in the cluster (with a ReferenceGrant in its namespace when the route is in another one). Include it in the input to have ports and grants checked.',
  ),
  e(
    'GS343',
    'ServiceExportNotInInput',
    'info',
    undefined,
    'ServiceImport backend has no exporting cluster in the input',
    'Nothing to do if a member cluster exports the Service; include its ServiceExport (or the ServiceImport status) in the input to have it checked.',
  ),
  e(
    'GS344',
    'RuleNameNotUnique',
    'error',
    undefined,
    'Two rules of a route have the same name',
    'Rule names must be unique within a route (CRD rule: "Rule name must be unique within the route"; the experimental-channel CRDs refuse the route). Rename or drop one of the names.',
  ),
  e(
    'GS310',
    'BackendNotFound',
    'error',
    'BackendNotFound',
    'backendRef names an object that does not exist',
    'Create the Service (or ServiceImport) or fix the backendRef name/namespace.',
  ),
  e(
    'GS311',
    'BackendInvalidKind',
    'error',
    'InvalidKind',
    'backendRef kind is not supported',
    'Use kind Service (group "") or ServiceImport (group multicluster.x-k8s.io).',
  ),
  e(
    'GS312',
    'BackendPortInvalid',
    'error',
    'BackendNotFound',
    'backendRef port is missing or not a port of the Service',
    "Set backendRefs[].port to one of the Service's spec.ports[].port values.",
  ),
  e(
    'GS313',
    'BackendRefNotPermitted',
    'error',
    'RefNotPermitted',
    'Cross-namespace backendRef without a ReferenceGrant',
    "Add a ReferenceGrant in the backend's namespace that allows the route's kind and namespace to reference it.",
  ),
  e(
    'GS314',
    'AllBackendWeightsZero',
    'warning',
    undefined,
    'Every backend of a rule has weight 0',
    'A rule whose backends all weigh 0 answers 500; give at least one backend a positive weight.',
  ),
  e(
    'GS315',
    'BackendNoReadyEndpoints',
    'warning',
    undefined,
    'Backend Service has no ready endpoints',
    'Check the Service selector and the Pods behind it (`kubectl get endpointslices -l kubernetes.io/service-name=NAME`).',
  ),
  e(
    'GS316',
    'ServiceImportNoClusters',
    'warning',
    undefined,
    'ServiceImport has no exporting cluster',
    'Create a ServiceExport for the Service in at least one member cluster and check the MCS controller.',
  ),
  e(
    'GS317',
    'BackendImplementationSpecific',
    'info',
    undefined,
    'backendRef kind is implementation-specific and not checked',
    'Kinds other than Service and ServiceImport (Envoy Gateway Backend, InferencePool, Istio Hostname, route delegation, ...) work only with a controller that supports them; Gatescope leaves them unchecked and routes to them as given.',
  ),
  e(
    'GS318',
    'ExtensionRefNotInInput',
    'info',
    undefined,
    'ExtensionRef filter names an object that is not in the input',
    'ExtensionRef filters are implementation-specific (Envoy Gateway HTTPRouteFilter, NGINX Gateway Fabric SnippetsFilter, ...): nothing to do if the object exists in the cluster. A controller that cannot resolve it answers the rule with an HTTP error.',
  ),
  e(
    'GS320',
    'RouteShadowed',
    'warning',
    undefined,
    'Route can never receive traffic',
    'A route on the same listener that is more specific or wins the tie-break (oldest creationTimestamp, then {namespace}/{name}) takes every request this route matches; remove it or make its matches or hostnames distinct.',
  ),
  e(
    'GS321',
    'RuleShadowed',
    'warning',
    undefined,
    'Route rule can never receive traffic',
    'An earlier rule (or a route that wins the tie-break: oldest creationTimestamp, then {namespace}/{name}) with identical matches on the same hostnames wins every tie; remove the rule or change its matches.',
  ),
  // Policies, features, controller status
  e(
    'GS401',
    'PolicyTargetNotFound',
    'warning',
    'TargetNotFound',
    'Policy targetRef names an object that does not exist',
    'Fix the targetRef (group, kind, name, sectionName) or create the target.',
  ),
  e(
    'GS402',
    'PolicyConflict',
    'warning',
    'Conflicted',
    'Two policies of the same kind target the same object',
    'Only the older policy applies; merge them or target different objects/sections.',
  ),
  e(
    'GS403',
    'BackendTLSPolicyInvalidCACertificateRef',
    'error',
    'InvalidCACertificateRef',
    'BackendTLSPolicy CA certificate ref is missing or of an unsupported kind',
    "Reference an existing ConfigMap (key ca.crt) in the policy's namespace, or use wellKnownCACertificates: System.",
  ),
  e(
    'GS404',
    'CACertificateRefNotPermitted',
    'error',
    'RefNotPermitted',
    'CA certificate ref crosses namespaces without a ReferenceGrant',
    "Add a ReferenceGrant in the CA bundle's namespace that allows the referrer (Gateway frontend validation, or a policy) to reference it, or move the bundle into the referrer's namespace.",
  ),
  e(
    'GS430',
    'PolicyTargetNotInInput',
    'info',
    undefined,
    'Policy targetRef names an object that is not in the input',
    'Nothing to do if the target exists in the cluster; include it in the input to have the policy attachment checked.',
  ),
  e(
    'GS431',
    'ConfigMapNotInInput',
    'info',
    undefined,
    'CA certificate ConfigMap is not in the input',
    'Nothing to do if the ConfigMap exists in the cluster with the CA bundle under ca.crt; include it in the input to have it checked.',
  ),
  e(
    'GS410',
    'FeatureNotSupported',
    'warning',
    'UnsupportedValue',
    'Feature not listed in GatewayClass.status.supportedFeatures',
    'The controller does not declare support for this feature; expect it to be ignored or rejected. Use another class or drop the feature.',
  ),
  e(
    'GS411',
    'ExperimentalFieldOnStandardChannel',
    'warning',
    undefined,
    'Experimental field used where only standard-channel CRDs are served',
    'The API server drops fields unknown to the standard-channel CRDs; install the experimental channel or remove the field.',
  ),
  e(
    'GS420',
    'StatusDisagreesWithPrediction',
    'warning',
    undefined,
    'Controller status disagrees with the spec prediction',
    'The controller wrote a different condition than a conformant controller would; read its message, or the input may be missing objects the controller sees.',
  ),
  e(
    'GS421',
    'StaleObservedGeneration',
    'warning',
    undefined,
    'Status observedGeneration is older than metadata.generation',
    'The controller has not processed the latest spec yet (or is down); wait or check the controller logs.',
  ),
] as const;

function e<N extends string>(
  code: string,
  name: N,
  severity: Severity,
  reason: string | undefined,
  title: string,
  runbook: string,
): CatalogueEntry & { readonly name: N } {
  return reason === undefined
    ? { code, name, severity, title, runbook }
    : { code, name, severity, reason, title, runbook };
}

/** The name of every analysis check (the catalogue above is the single source). */
export type CheckName = (typeof ANALYSIS_ENTRIES)[number]['name'];

const PARSE_RUNBOOK = 'Fix the input at the reported file:line:col; the rest of the input still loads.';

/** Every code: parse/normalize codes first, then the analysis checks; sorted by code. */
export const CATALOGUE: readonly CatalogueEntry[] = [
  ...PARSE_CODE_TABLE.map((c) => ({ ...c, runbook: PARSE_RUNBOOK })),
  ...ANALYSIS_ENTRIES,
].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

const BY_NAME = new Map<string, CatalogueEntry>(CATALOGUE.map((entry) => [entry.name, entry]));

export function catalogueEntry(name: CheckName): CatalogueEntry {
  const entry = BY_NAME.get(name);
  if (entry === undefined) throw new Error(`catalogue has no check ${name}`); // a bug, not user data
  return entry;
}

/** `GS303-RouteNamespaceNotAllowed`: the string written into Diagnostic.code. */
export function codeOf(name: CheckName): string {
  const entry = catalogueEntry(name);
  return `${entry.code}-${entry.name}`;
}

/** Look up an entry by the Diagnostic.code string (`GS303-...`) or the bare code (`GS303`). */
export function entryForCode(code: string): CatalogueEntry | undefined {
  const bare = code.split('-')[0];
  return CATALOGUE.find((entry) => entry.code === bare);
}
