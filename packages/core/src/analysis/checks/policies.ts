/**
 * Checks on policies (GEP-713 policy attachment; apis/v1 BackendTLSPolicy): targetRefs must name
 * existing objects; two policies of one kind on the same target (and sectionName) conflict and
 * the older one wins; BackendTLSPolicy CA certificate refs must resolve.
 */
import type { Diagnostic } from '../../diagnostics/types.ts';
import { diagnose } from '../../diagnostics/make.ts';
import { referenceGrantFix } from '../../diagnostics/fixes.ts';
import { GATEWAY_GROUP, keyOf } from '../../model/identity.ts';
import type { BackendTLSPolicy, Policy, PolicyTargetRef } from '../../model/types.ts';
import type { AnalysisContext } from '../context.ts';
import { compareAge } from '../context.ts';
import { findGrant } from '../grants.ts';

type AnyPolicy = BackendTLSPolicy | Policy;

function kindOf(p: AnyPolicy): string {
  return p.kind === 'Policy' ? `${p.policyKind}.${p.policyGroup}` : `BackendTLSPolicy.${GATEWAY_GROUP}`;
}

function label(p: AnyPolicy): string {
  return `${p.ref.kind} ${p.meta.namespace}/${p.meta.name}`;
}

function targetLabel(t: PolicyTargetRef): string {
  return `${t.group === '' ? '' : `${t.group}/`}${t.kind} ${t.namespace}/${t.name}${t.sectionName === undefined ? '' : ` (section ${t.sectionName})`}`;
}

export function checkPolicies(ctx: AnalysisContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const policies: AnyPolicy[] = [...ctx.backendTLSPolicies, ...ctx.policies].sort(compareAge);
  const claimed = new Map<string, AnyPolicy>();
  for (const policy of policies) {
    policy.targetRefs.forEach((t, i) => {
      const field = `spec.targetRefs[${i}]`;
      const missingSection = sectionProblem(ctx, t);
      if (missingSection !== null) {
        out.push(
          diagnose(
            'PolicyTargetNotFound',
            policy,
            `${label(policy)} targets ${targetLabel(t)}: ${missingSection}`,
            {
              field: `${field}.sectionName`,
              fix: {
                summary: `Set ${field}.sectionName to an existing section (for a Service: a named port), or drop it.`,
              },
              related: [t.key],
            },
          ),
        );
        return;
      }
      if (!ctx.snapshot.byKey.has(t.key)) {
        out.push(
          diagnose(
            'PolicyTargetNotFound',
            policy,
            `${label(policy)} targets ${targetLabel(t)}, which does not exist.`,
            {
              field,
              fix: { summary: `Fix ${field} (group, kind, name) or create the target.` },
              related: [t.key],
            },
          ),
        );
        return;
      }
      const slot = `${kindOf(policy)}|${t.key}|${t.sectionName ?? ''}`;
      const winner = claimed.get(slot);
      if (winner === undefined) {
        claimed.set(slot, policy);
        return;
      }
      out.push(
        diagnose(
          'PolicyConflict',
          policy,
          `${label(policy)} and the older ${label(winner)} both target ${targetLabel(t)}; only the older one applies.`,
          {
            field,
            fix: { summary: `Merge the two policies or target different objects/sections.` },
            related: [winner.key],
          },
        ),
      );
    });
  }
  for (const policy of ctx.backendTLSPolicies) out.push(...checkCARefs(ctx, policy));
  return out;
}

function checkCARefs(ctx: AnalysisContext, policy: BackendTLSPolicy): Diagnostic[] {
  const out: Diagnostic[] = [];
  policy.validation.caCertificateRefs.forEach((ref, i) => {
    const field = `spec.validation.caCertificateRefs[${i}]`;
    const what = `${ref.kind} ${ref.namespace}/${ref.name}`;
    const supported = ref.group === '' && (ref.kind === 'ConfigMap' || ref.kind === 'Secret');
    if (!supported) {
      out.push(
        diagnose(
          'BackendTLSPolicyInvalidCACertificateRef',
          policy,
          `${label(policy)}: caCertificateRef ${ref.group === '' ? '' : `${ref.group}/`}${what} is not a ConfigMap (InvalidKind).`,
          {
            field,
            fix: { summary: 'Reference a ConfigMap (group "", kind ConfigMap) holding ca.crt.' },
          },
        ),
      );
      return;
    }
    if (ref.namespace !== policy.meta.namespace) {
      const grant = findGrant(ctx.referenceGrants, {
        fromGroup: GATEWAY_GROUP,
        fromKind: 'BackendTLSPolicy',
        fromNamespace: policy.meta.namespace,
        toGroup: '',
        toKind: ref.kind,
        toNamespace: ref.namespace,
        toName: ref.name,
      });
      if (grant === null) {
        out.push(
          diagnose(
            'CACertificateRefNotPermitted',
            policy,
            `${label(policy)}: caCertificateRef ${what} is in another namespace and no ReferenceGrant permits it.`,
            {
              field,
              fix: referenceGrantFix(
                {
                  toNamespace: ref.namespace,
                  toGroup: '',
                  toKind: ref.kind,
                  toName: ref.name,
                  fromGroup: GATEWAY_GROUP,
                  fromKind: 'BackendTLSPolicy',
                  fromNamespace: policy.meta.namespace,
                },
                `Apply this ReferenceGrant in namespace ${ref.namespace}.`,
              ),
            },
          ),
        );
        return;
      }
    }
    const key = keyOf({ group: '', kind: ref.kind, namespace: ref.namespace, name: ref.name });
    const exists =
      ref.kind === 'ConfigMap'
        ? ctx.configMaps.has(key) || !ctx.options.configMapsVisible
        : ctx.secrets.has(key) || !ctx.options.secretsVisible;
    if (!exists) {
      out.push(
        diagnose(
          'BackendTLSPolicyInvalidCACertificateRef',
          policy,
          `${label(policy)}: caCertificateRef ${what} does not exist.`,
          {
            field,
            fix: {
              summary: `Create ${ref.kind} ${ref.name} in namespace ${ref.namespace} with the CA bundle under ca.crt.`,
              command: `kubectl create ${ref.kind === 'ConfigMap' ? 'configmap' : 'secret generic'} ${ref.name} -n ${ref.namespace} --from-file=ca.crt`,
            },
            related: [key],
          },
        ),
      );
    }
  });
  return out;
}

/** A sectionName must name a section of the target: a Service port name, a listener, a rule. */
function sectionProblem(ctx: AnalysisContext, t: PolicyTargetRef): string | null {
  const target = ctx.snapshot.byKey.get(t.key);
  if (target === undefined || t.sectionName === undefined) return null;
  let sections: readonly string[] | undefined;
  if (target.kind === 'Service' || target.kind === 'ServiceImport')
    sections = target.ports.flatMap((p) => (p.name === undefined ? [] : [p.name]));
  else if (target.kind === 'Gateway' || target.kind === 'ListenerSet')
    sections = target.listeners.map((l) => l.name);
  else if ('rules' in target) sections = target.rules.flatMap((r) => (r.name === undefined ? [] : [r.name]));
  if (sections === undefined || sections.includes(t.sectionName)) return null;
  return `sectionName "${t.sectionName}" names no section of it (${sections.length === 0 ? 'it has no named sections' : `sections: ${sections.join(', ')}`}).`;
}
