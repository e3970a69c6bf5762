/**
 * "Absent is not missing." A reference whose target is not in the input names an object that
 * does not exist only when the input holds every object of that kind (a live cluster whose watch
 * of the kind is synced and readable). A folder of manifests is not a cluster: the GatewayClass
 * comes with the controller, Services and Secrets from other repos or from cert-manager, so for
 * those kinds the target is only "not in the input" — its own *NotInInput check, info by default
 * (`AnalyzeOptions.absentSeverity`, CLI `--absent`).
 *
 * The predicted status does not change: it is what a conformant controller would write if the
 * object really were missing (e.g. ResolvedRefs=False/BackendNotFound), so the JSON contract and
 * the conformance agreement stay as they are. Only the diagnostic (code, wording, severity) says
 * how sure we are.
 */
import type { CheckName } from '../diagnostics/catalogue.ts';
import { grantFixFor } from '../diagnostics/fixes.ts';
import { diagnose } from '../diagnostics/make.ts';
import type { Diagnostic, Severity } from '../diagnostics/types.ts';
import { MCS_GROUP, keyOf } from '../model/identity.ts';
import type { BackendRef, GwObject, LabelSelector, Route } from '../model/types.ts';
import type { AnalysisContext } from './context.ts';
import { NAMESPACE_NAME_LABEL } from './context.ts';
import type { ListenerEval } from './listener-eval.ts';
import { labelsToSatisfy } from './selectors.ts';

/** How `completeKinds` names a kind: `Service` (core group) or `GatewayClass.gateway.networking.k8s.io`. */
export function kindId(group: string, kind: string): string {
  return group === '' ? kind : `${kind}.${group}`;
}

/** Whether the input is authoritative for this kind (every object of it that exists is in it). */
export function isComplete(ctx: AnalysisContext, group: string, kind: string): boolean {
  const complete = ctx.options.completeKinds;
  return complete === 'all' || complete.includes(kindId(group, kind));
}

export interface Absence {
  /** True: the kind is complete, so the target does not exist (the *NotFound check, an error). */
  readonly missing: boolean;
  /** For messages: "does not exist" or "is not in the input". */
  readonly phrase: string;
  /** Diagnostic details for the check chosen: the configured severity of absent references. */
  readonly details: { readonly severity?: Severity };
}

/** How to report a referenced object of this kind that is not in the input. */
export function absence(ctx: AnalysisContext, group: string, kind: string): Absence {
  if (isComplete(ctx, group, kind)) return { missing: true, phrase: 'does not exist', details: {} };
  return { missing: false, phrase: 'is not in the input', details: { severity: ctx.options.absentSeverity } };
}

/**
 * The "not in the input" checks. Each pairs with the check that reports the same reference when
 * the target really does not exist (GatewayClassNotFound, BackendNotFound, ...).
 */
export const ABSENT_CHECKS = [
  'GatewayClassNotInInput',
  'ParametersRefNotInInput',
  'SecretNotInInput',
  'ListenerSetParentNotInInput',
  'RouteParentNotInInput',
  'NamespaceNotInInput',
  'BackendNotInInput',
  'ServiceExportNotInInput',
  'PolicyTargetNotInInput',
  'ConfigMapNotInInput',
] as const satisfies readonly CheckName[];

/** Object-level outcomes that follow from the per-reference diagnostics on the same object. */
const CONSEQUENCES = ['GatewayNotProgrammed', 'ListenerSetListenersNotValid'] as const;

function codeName(code: string): string {
  return code.slice(code.indexOf('-') + 1);
}

/** Whether a diagnostic code (`GS342-BackendNotInInput`) is one of the not-in-the-input checks. */
export function isAbsentCode(code: string): boolean {
  return (ABSENT_CHECKS as readonly string[]).includes(codeName(code));
}

/**
 * A Gateway "will not be programmed" because its only certificate Secret is not in the input is
 * not an error of the input either: when every error on an object is a not-in-the-input
 * reference, its object-level consequence (GatewayNotProgrammed, ListenerSetListenersNotValid)
 * takes the severity of absent references and says why. Anything else wrong keeps it an error.
 */
export function softenConsequences(diagnostics: Diagnostic[], severity: Severity): void {
  if (severity === 'error') return;
  const absent = new Set<string>();
  const otherErrors = new Set<string>();
  const isConsequence = (name: string): boolean => (CONSEQUENCES as readonly string[]).includes(name);
  for (const d of diagnostics) {
    const id = objectId(d);
    if (isAbsentCode(d.code)) absent.add(id);
    else if (d.severity === 'error' && !isConsequence(codeName(d.code))) otherErrors.add(id);
  }
  diagnostics.forEach((d, i) => {
    const id = objectId(d);
    if (!isConsequence(codeName(d.code)) || d.severity !== 'error') return;
    if (!absent.has(id) || otherErrors.has(id)) return;
    diagnostics[i] = {
      ...d,
      severity,
      message: `${d.message.replace(/\.$/, '')}; only because referenced objects are not in the input.`,
    };
  });
}

function objectId(d: Diagnostic): string {
  return `${d.object.group ?? ''}/${d.object.kind}/${d.object.namespace}/${d.object.name}`;
}

/** Whether "no ServiceExport in the input" proves that no cluster exports a Service. */
export function serviceExportAbsence(ctx: AnalysisContext): Absence {
  return absence(ctx, MCS_GROUP, 'ServiceExport');
}

/**
 * A Service or ServiceImport backend that is not in the input, of a kind the input does not hold
 * completely: BackendNotInInput (null otherwise: present, another kind, or really missing).
 * `grantMissing`: the reference crosses namespaces and no ReferenceGrant in the input permits it;
 * the grant lives beside the absent target, so it is not in the input either. The predicted
 * reason stays the spec's (RefNotPermitted before BackendNotFound).
 */
export function backendNotInInput(
  ctx: AnalysisContext,
  route: Route,
  ref: BackendRef,
  field: string,
  grantMissing: boolean,
): Diagnostic | null {
  const isService = ref.group === '' && ref.kind === 'Service';
  const isImport = ref.group === MCS_GROUP && ref.kind === 'ServiceImport';
  if (!isService && !isImport) return null;
  if ((isService ? ctx.services : ctx.serviceImports).has(ref.key)) return null;
  const a = absence(ctx, ref.group, ref.kind);
  if (a.missing) return null;
  const label = `${route.kind} ${route.meta.namespace}/${route.meta.name}`;
  const target = `${ref.kind} ${ref.namespace}/${ref.name}`;
  const grant = grantMissing
    ? `, nor is a ReferenceGrant in ${ref.namespace} that permits this cross-namespace reference`
    : '';
  const grantFix = grantMissing
    ? grantFixFor(route, { group: ref.group, kind: ref.kind, namespace: ref.namespace, name: ref.name })
    : undefined;
  return diagnose('BackendNotInInput', route, `${label}: backendRef ${target} is not in the input${grant}.`, {
    field,
    fix: {
      summary: grantMissing
        ? `Nothing to do if ${target} exists in the cluster with a ReferenceGrant in ${ref.namespace} for ${route.kind}s from ${route.meta.namespace}; otherwise create both.`
        : `Nothing to do if ${target} exists in the cluster; otherwise create it or fix the backendRef name/namespace.`,
      ...(grantFix?.yaml === undefined ? {} : { yaml: grantFix.yaml }),
    },
    related: [ref.key],
    ...a.details,
  });
}

/**
 * A certificate Secret a Gateway or ListenerSet references that is not in the input, when the
 * input does not hold every Secret (certificates rarely live in git): SecretNotInInput, with the
 * condition reason the controller would report if it were really missing (`reason`). Null when
 * the Secret is in the input or Secrets are complete.
 */
export function secretNotInInput(
  ctx: AnalysisContext,
  owner: GwObject,
  ref: { readonly namespace: string; readonly name: string },
  label: string,
  what: string,
  field: string,
  reason: string,
): { reason: string; message: string; diagnostic: Diagnostic } | null {
  const key = keyOf({ group: '', kind: 'Secret', namespace: ref.namespace, name: ref.name });
  if (ctx.secrets.has(key)) return null;
  const a = absence(ctx, '', 'Secret');
  if (a.missing) return null;
  const crosses = ref.namespace !== owner.meta.namespace && reason === 'RefNotPermitted';
  const message = `${what} names Secret ${ref.namespace}/${ref.name}, which is not in the input${crosses ? ` (nor is a ReferenceGrant in ${ref.namespace} that permits the reference)` : ''}.`;
  return {
    reason,
    message,
    diagnostic: diagnose('SecretNotInInput', owner, `${label}: ${message}`, {
      field,
      fix: {
        summary: `Nothing to do if Secret ${ref.namespace}/${ref.name} exists in the cluster as type kubernetes.io/tls${crosses ? ' with a ReferenceGrant' : ''}; otherwise create it (kubectl create secret tls ${ref.name} -n ${ref.namespace} --cert=tls.crt --key=tls.key).`,
      },
      related: [key],
      ...a.details,
    }),
  };
}

/**
 * A CA bundle (ConfigMap, or Secret) named by a caCertificateRef (Gateway frontend validation,
 * BackendTLSPolicy) that is not in the input, when the input does not hold every object of that
 * kind: the reason is the one a controller would give if it were missing (RefNotPermitted when no
 * grant in the input permits the cross-namespace reference: the grant lives beside the bundle).
 * Null when present, not visible at all (then nothing is judged), or really missing.
 */
export function caRefNotInInput(
  ctx: AnalysisContext,
  ref: { readonly kind: string; readonly namespace: string; readonly name: string },
  granted: boolean,
): { reason: 'InvalidCACertificateRef' | 'RefNotPermitted'; message: string; notInInput: Absence } | null {
  if (ref.kind !== 'ConfigMap' && ref.kind !== 'Secret') return null;
  const isConfigMap = ref.kind === 'ConfigMap';
  const key = keyOf({ group: '', kind: ref.kind, namespace: ref.namespace, name: ref.name });
  if (isConfigMap ? ctx.configMaps.has(key) : ctx.secrets.has(key)) return null;
  if (!(isConfigMap ? ctx.options.configMapsVisible : ctx.options.secretsVisible)) return null;
  const a = absence(ctx, '', ref.kind);
  if (a.missing) return null;
  const grant = granted ? '' : ` (nor is a ReferenceGrant in ${ref.namespace} that permits the reference)`;
  return {
    reason: granted ? 'InvalidCACertificateRef' : 'RefNotPermitted',
    message: `caCertificateRef ${ref.kind} ${ref.namespace}/${ref.name} is not in the input${grant}`,
    notInInput: a,
  };
}

/**
 * The labels a Selector listener needs on a namespace that is not in the input (so its labels
 * are unknown), when adding labels could satisfy the selector; null when the namespace is in the
 * input, Namespaces are complete, the listener is not a Selector, or no labels could help (e.g.
 * the selector refuses the namespace's name, which is known: kubernetes.io/metadata.name).
 */
export function namespaceLabelsUnknown(
  ctx: AnalysisContext,
  l: ListenerEval,
  namespace: string,
): Record<string, string> | null {
  if (l.listener.allowedRoutes.from !== 'Selector') return null;
  const selector = l.listener.allowedRoutes.selector ?? { matchLabels: {}, matchExpressions: [] };
  return selectorLabelsUnknown(ctx, selector, namespace);
}

/** The same for any namespace selector (e.g. a Gateway's allowedListeners). */
export function selectorLabelsUnknown(
  ctx: AnalysisContext,
  selector: LabelSelector,
  namespace: string,
): Record<string, string> | null {
  if (ctx.hasNamespaceObject(namespace) || absence(ctx, '', 'Namespace').missing) return null;
  const needed = labelsToSatisfy(selector, ctx.namespaceLabels(namespace));
  if (needed === null || NAMESPACE_NAME_LABEL in needed) return null;
  return needed;
}
