/**
 * Stage "backend TLS": the status a conformant controller writes on each BackendTLSPolicy
 * (apis/v1 backendtlspolicy_types.go, PolicyStatus of GEP-713). One ancestor per Gateway through
 * whose accepted routes a targeted Service is used as a backend, each with:
 *   - Accepted: False/Conflicted when an older policy (then the first name alphabetically) has
 *     the same target and sectionName; False/NoValidCACertificate when every caCertificateRef is
 *     invalid; False/Invalid for a wellKnownCACertificates value other than "System"; else True.
 *   - ResolvedRefs: False with InvalidKind (not a core ConfigMap/Secret) or
 *     InvalidCACertificateRef (missing, another namespace without a grant, no `ca.crt` key) for
 *     the first invalid ref; else True/ResolvedRefs.
 * A policy no Gateway uses gets no ancestors (a controller writes nothing); its conditions are
 * still computed for views that show one list.
 */
import type { ObjectKey } from '../model/identity.ts';
import { GATEWAY_GROUP, keyOf } from '../model/identity.ts';
import type { BackendTLSPolicy, Condition, Policy, PolicyTargetRef, ResolvedRef } from '../model/types.ts';
import { cond } from './conditions.ts';
import type { AnalysisContext } from './context.ts';
import { compareAge } from './context.ts';
import { findGrant } from './grants.ts';
import type { Absence } from './absent.ts';
import { caRefNotInInput } from './absent.ts';
import type {
  PredictedPolicyAncestorStatus,
  PredictedStatus,
  ResolvedBackend,
  RouteAttachment,
} from './types.ts';

export type AnyPolicy = BackendTLSPolicy | Policy;

/** Why one caCertificateRef cannot be used (null: it can). */
export interface CARefProblem {
  readonly reason: 'InvalidKind' | 'InvalidCACertificateRef' | 'RefNotPermitted' | 'MissingCAKey';
  readonly message: string;
  /** Set when the bundle is only not in the input (absent.ts), not known to be missing. */
  readonly notInInput?: Absence;
}

/** A policy that loses a target to an older one (GEP-713 conflict resolution). */
export interface PolicyConflict {
  readonly targetIndex: number;
  readonly winner: AnyPolicy;
}

const CA_KEY = 'ca.crt';

function refLabel(ref: ResolvedRef): string {
  return `${ref.group === '' ? '' : `${ref.group}/`}${ref.kind} ${ref.namespace}/${ref.name}`;
}

/** The checks in the order the upstream reasons are listed: kind, namespace, existence, content. */
export function caRefProblem(
  ctx: AnalysisContext,
  policy: BackendTLSPolicy,
  ref: ResolvedRef,
): CARefProblem | null {
  const what = refLabel(ref);
  if (ref.group !== '' || (ref.kind !== 'ConfigMap' && ref.kind !== 'Secret'))
    return { reason: 'InvalidKind', message: `caCertificateRef ${what} is not a ConfigMap (InvalidKind).` };
  const absent = caRefNotInInput(
    ctx,
    ref,
    ref.namespace === policy.meta.namespace || grantFor(ctx, policy, ref),
  );
  if (absent !== null) return { ...absent, message: `${absent.message}.` };
  if (ref.namespace !== policy.meta.namespace) {
    if (!grantFor(ctx, policy, ref))
      return {
        reason: 'RefNotPermitted',
        message: `caCertificateRef ${what} is in another namespace and no ReferenceGrant permits it.`,
      };
  }
  const key = keyOf({ group: '', kind: ref.kind, namespace: ref.namespace, name: ref.name });
  if (ref.kind === 'ConfigMap') {
    if (!ctx.options.configMapsVisible) return null;
    const cm = ctx.configMaps.get(key);
    if (cm === undefined)
      return { reason: 'InvalidCACertificateRef', message: `caCertificateRef ${what} does not exist.` };
    // "misconfigured (e.g., a ConfigMap does not contain a key named `ca.crt`)" (apis/v1).
    if (!cm.dataKeys.includes(CA_KEY))
      return { reason: 'MissingCAKey', message: `caCertificateRef ${what} has no ${CA_KEY} key.` };
    return null;
  }
  if (ctx.secrets.has(key) || !ctx.options.secretsVisible) return null;
  return { reason: 'InvalidCACertificateRef', message: `caCertificateRef ${what} does not exist.` };
}

function grantFor(ctx: AnalysisContext, policy: BackendTLSPolicy, ref: ResolvedRef): boolean {
  const grant = findGrant(ctx.referenceGrants, {
    fromGroup: GATEWAY_GROUP,
    fromKind: 'BackendTLSPolicy',
    fromNamespace: policy.meta.namespace,
    toGroup: '',
    toKind: ref.kind,
    toNamespace: ref.namespace,
    toName: ref.name,
  });
  return grant !== null;
}

/** The ResolvedRefs reason a problem maps to (apis/v1 BackendTLSPolicyReason*). */
function resolvedRefsReason(p: CARefProblem): string {
  return p.reason === 'InvalidKind' ? 'InvalidKind' : 'InvalidCACertificateRef';
}

/** The policy kind a conflict is judged within (BackendTLSPolicy, or group/kind of the policy). */
function kindOf(p: AnyPolicy): string {
  return p.kind === 'Policy' ? `${p.policyKind}.${p.policyGroup}` : `BackendTLSPolicy.${GATEWAY_GROUP}`;
}

/**
 * Per policy key, the first target it loses: same policy kind, same target and sectionName, the
 * older (then alphabetically first) policy wins (backendtlspolicy_types.go TargetRefs).
 * Targets that do not exist are not claimed.
 */
export function policyConflicts(ctx: AnalysisContext): Map<ObjectKey, PolicyConflict> {
  const policies: AnyPolicy[] = [...ctx.backendTLSPolicies, ...ctx.policies].sort(compareAge);
  const claimed = new Map<string, AnyPolicy>();
  const lost = new Map<ObjectKey, PolicyConflict>();
  for (const policy of policies) {
    policy.targetRefs.forEach((t, targetIndex) => {
      if (!ctx.snapshot.byKey.has(t.key)) return;
      const slot = `${kindOf(policy)}|${t.key}|${t.sectionName ?? ''}`;
      const winner = claimed.get(slot);
      if (winner === undefined) claimed.set(slot, policy);
      else if (!lost.has(policy.key)) lost.set(policy.key, { targetIndex, winner });
    });
  }
  return lost;
}

/** The conditions a policy gets on each ancestor (they do not depend on the ancestor). */
export function backendTLSConditions(
  ctx: AnalysisContext,
  policy: BackendTLSPolicy,
  conflict: PolicyConflict | undefined,
): Condition[] {
  const refs = policy.validation.caCertificateRefs;
  const problems = refs.map((ref) => caRefProblem(ctx, policy, ref));
  const first = problems.find((p): p is CARefProblem => p !== null);
  const resolved =
    first === undefined
      ? cond('ResolvedRefs', true, 'ResolvedRefs', 'All CA certificate references are resolved.')
      : cond('ResolvedRefs', false, resolvedRefsReason(first), first.message);
  const wellKnown = policy.validation.wellKnownCACertificates;
  let accepted: Condition;
  if (conflict !== undefined) {
    const w = conflict.winner;
    accepted = cond(
      'Accepted',
      false,
      'Conflicted',
      `The older ${w.ref.kind} ${w.meta.namespace}/${w.meta.name} has the same target; it takes precedence.`,
    );
  } else if (refs.length > 0 && problems.every((p) => p !== null)) {
    accepted = cond('Accepted', false, 'NoValidCACertificate', 'No caCertificateRef of the policy is valid.');
  } else if (refs.length === 0 && wellKnown !== undefined && wellKnown !== 'System') {
    accepted = cond(
      'Accepted',
      false,
      'Invalid',
      `wellKnownCACertificates "${wellKnown}" is not recognized.`,
    );
  } else {
    accepted = cond('Accepted', true, 'Accepted', 'Policy is accepted.');
  }
  return [accepted, resolved];
}

/** Gateways using a backend, by target key and by `key|port` (for sectionName targets). */
export type BackendUse = ReadonlyMap<string, readonly ObjectKey[]>;

/**
 * Gateways that use each Service (or ServiceImport) as a valid backend of an accepted route,
 * sorted by key: the policy ancestors. Indexed by the target key, and by `key|port` for
 * targetRefs whose sectionName names one port of the Service.
 */
export function gatewaysByBackend(
  backends: readonly ResolvedBackend[],
  attachments: readonly RouteAttachment[],
): BackendUse {
  const gatewaysOfRoute = new Map<ObjectKey, Set<ObjectKey>>();
  for (const a of attachments) {
    const set = gatewaysOfRoute.get(a.route) ?? new Set<ObjectKey>();
    set.add(a.gateway);
    gatewaysOfRoute.set(a.route, set);
  }
  const byBackend = new Map<string, Set<ObjectKey>>();
  const add = (id: string, gateways: ReadonlySet<ObjectKey>): void => {
    const set = byBackend.get(id) ?? new Set<ObjectKey>();
    for (const g of gateways) set.add(g);
    byBackend.set(id, set);
  };
  for (const b of backends) {
    const gateways = gatewaysOfRoute.get(b.route);
    if (!b.valid || gateways === undefined) continue;
    add(b.target.key, gateways);
    if (b.port !== undefined) add(`${b.target.key}|${b.port}`, gateways);
  }
  return new Map([...byBackend].map(([k, set]) => [k, [...set].sort()]));
}

/** The use index entry of one targetRef: the whole Service, or the port its sectionName names. */
function useOf(ctx: AnalysisContext, t: PolicyTargetRef, use: BackendUse): readonly ObjectKey[] {
  if (t.sectionName === undefined) return use.get(t.key) ?? [];
  const target = ctx.snapshot.byKey.get(t.key);
  const ports = target?.kind === 'Service' || target?.kind === 'ServiceImport' ? target.ports : [];
  const port = ports.find((p) => p.name === t.sectionName)?.port;
  return port === undefined ? [] : (use.get(`${t.key}|${port}`) ?? []);
}

/** Predicted status of every BackendTLSPolicy, by key. */
export function backendTLSPolicyStatuses(
  ctx: AnalysisContext,
  use: BackendUse,
  controllerOf: (gateway: ObjectKey) => string,
): Map<ObjectKey, PredictedStatus> {
  const conflicts = policyConflicts(ctx);
  const out = new Map<ObjectKey, PredictedStatus>();
  for (const policy of ctx.backendTLSPolicies) {
    const conditions = backendTLSConditions(ctx, policy, conflicts.get(policy.key));
    const ancestorKeys = new Set(policy.targetRefs.flatMap((t) => useOf(ctx, t, use)));
    const ancestors: PredictedPolicyAncestorStatus[] = [...ancestorKeys].sort().map((gw) => {
      const g = ctx.snapshot.byKey.get(gw);
      return {
        ancestorRef: {
          group: GATEWAY_GROUP,
          kind: 'Gateway',
          namespace: g?.meta.namespace ?? '',
          name: g?.meta.name ?? gw,
        },
        controllerName: controllerOf(gw),
        conditions,
      };
    });
    out.set(policy.key, { kind: 'BackendTLSPolicy', conditions, ancestors });
  }
  return out;
}
