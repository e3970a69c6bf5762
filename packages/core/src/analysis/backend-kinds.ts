/**
 * Which backendRef kinds the analysis checks, and which it leaves to the controller.
 *
 * BackendObjectReference (apis/v1 shared_types.go) has Core support for Service only; any other
 * group/kind is "Implementation-specific", and an implementation that does not support it sets
 * ResolvedRefs=False with reason InvalidKind. Gatescope predicts for an unknown controller, so a
 * kind only some implementation serves (Envoy Gateway `Backend`, Inference Extension
 * `InferencePool`, Istio `Hostname`, kgateway route delegation to an HTTPRoute, ...) is not an
 * error: it is reported as implementation-specific and left unchecked. Only references no
 * implementation can serve are InvalidKind:
 * - the core group ("") with a kind other than Service (Pods, Secrets, ... are not backends);
 * - Gateway API's own groups with a kind other than HTTPRoute (route delegation), and the MCS
 *   group with a kind other than ServiceImport: those groups define no other backend kind;
 * - a group without a dot: CRD groups must contain one, and the dotless built-in groups (apps,
 *   batch, ...) hold no backends;
 * - a group under a domain reserved for documentation and testing (RFC 2606 / RFC 6761:
 *   example.com/.net/.org, .example, .test, .invalid, .localhost): no shipped controller owns an
 *   API group there (the conformance tests' `unknownkind.example.com` is one).
 */
import type { Diagnostic } from '../diagnostics/types.ts';
import { diagnose } from '../diagnostics/make.ts';
import { CORE_GROUP, GATEWAY_GROUP, GATEWAY_X_GROUP, MCS_GROUP } from '../model/identity.ts';
import type { BackendRef, Route } from '../model/types.ts';
import type { AnalysisContext } from './context.ts';
import type { ResolvedBackend } from './types.ts';

export type BackendKindClass =
  | { readonly kind: 'service' }
  | { readonly kind: 'serviceImport' }
  | { readonly kind: 'implementationSpecific'; readonly project?: string }
  | { readonly kind: 'invalid'; readonly why: string };

/** Groups whose extension backends are documented by their project (for the message only). */
const PROJECTS: Readonly<Record<string, string>> = {
  'gateway.envoyproxy.io': 'Envoy Gateway',
  'inference.networking.k8s.io': 'Gateway API Inference Extension',
  'inference.networking.x-k8s.io': 'Gateway API Inference Extension',
  'networking.istio.io': 'Istio',
  'delegation.kgateway.dev': 'kgateway route delegation',
  'gateway.kgateway.dev': 'kgateway',
  'gateway.nginx.org': 'NGINX Gateway Fabric',
  'projectcontour.io': 'Contour',
  'cilium.io': 'Cilium',
  'net.gke.io': 'GKE multi-cluster Services',
};

const RESERVED_DOMAINS = [
  'example.com',
  'example.net',
  'example.org',
  'example',
  'test',
  'invalid',
  'localhost',
];

function underReservedDomain(group: string): string | undefined {
  return RESERVED_DOMAINS.find((d) => group === d || group.endsWith(`.${d}`));
}

export function classifyBackendKind(group: string, kind: string): BackendKindClass {
  if (group === CORE_GROUP) {
    return kind === 'Service'
      ? { kind: 'service' }
      : { kind: 'invalid', why: `the core API group has no backend kind ${kind} (only Service)` };
  }
  if (group === MCS_GROUP) {
    return kind === 'ServiceImport'
      ? { kind: 'serviceImport' }
      : { kind: 'invalid', why: `${MCS_GROUP} has no backend kind ${kind} (only ServiceImport)` };
  }
  if (group === GATEWAY_GROUP && kind === 'HTTPRoute') {
    return { kind: 'implementationSpecific', project: 'route delegation, e.g. kgateway' };
  }
  if (group === GATEWAY_GROUP || group === GATEWAY_X_GROUP) {
    return { kind: 'invalid', why: `Gateway API defines no backend kind ${group}/${kind}` };
  }
  if (!group.includes('.')) {
    // A CRD's group must contain a dot; dotless groups are built-in APIs (apps, batch, ...), and
    // none of them holds a backend.
    return {
      kind: 'invalid',
      why: `group ${group} has no dot, so no CRD defines it, and no built-in API group holds backends`,
    };
  }
  const reserved = underReservedDomain(group);
  if (reserved !== undefined) {
    return {
      kind: 'invalid',
      why: `group ${group} is under "${reserved}", a domain reserved for documentation and testing, so no controller implements it`,
    };
  }
  const project = PROJECTS[group];
  return project === undefined
    ? { kind: 'implementationSpecific' }
    : { kind: 'implementationSpecific', project };
}

/** Route delegation (a backendRef to an HTTPRoute) is not a reference a ReferenceGrant governs. */
export function isRouteDelegation(group: string, kind: string): boolean {
  return group === GATEWAY_GROUP && kind === 'HTTPRoute';
}

/**
 * The info diagnostic for an implementation-specific backendRef: what it is, that it is not
 * checked, and whether the object is in the input (an absent object is not called missing: the
 * controller's own resources are often applied separately).
 */
export function implementationSpecificDiagnostic(
  ctx: AnalysisContext,
  route: Route,
  ref: BackendRef,
  field: string,
  project: string | undefined,
): Diagnostic {
  const gk = `${ref.group}/${ref.kind}`;
  const target = `${gk} ${ref.namespace}/${ref.name}`;
  const present = ctx.snapshot.byKey.has(ref.key);
  const where = present
    ? 'It is in the input.'
    : `${ref.kind} ${ref.namespace}/${ref.name} is not in the input.`;
  const delegation =
    isRouteDelegation(ref.group, ref.kind) && ref.namespace !== route.meta.namespace
      ? ' Route delegation is not governed by ReferenceGrant, so none is looked for.'
      : '';
  return diagnose(
    'BackendImplementationSpecific',
    route,
    `${route.kind} ${route.meta.namespace}/${route.meta.name}: backendRef ${target} is implementation-specific${project === undefined ? '' : ` (${project})`}, not checked: it works only with a controller that supports ${gk}. ${where}${delegation}`,
    {
      field,
      fix: {
        summary: `Nothing to change if your controller supports ${gk}; one that does not sets ResolvedRefs=False (InvalidKind) and answers 500 for this backend's share.`,
      },
      related: [ref.key],
    },
  );
}

/** The ResolvedRefs=True message of a route with unchecked implementation-specific backends. */
export function withUncheckedNote<T extends { readonly message: string }>(
  refs: T,
  unchecked: readonly ResolvedBackend[],
): T {
  if (unchecked.length === 0) return refs;
  const kinds = [...new Set(unchecked.map((b) => `${b.target.group}/${b.target.kind}`))].sort().join(', ');
  return {
    ...refs,
    message: `All references Gatescope checks are resolved; implementation-specific backendRefs (${kinds}) are left to the controller, which sets ResolvedRefs=False (InvalidKind) if it does not support them.`,
  };
}
