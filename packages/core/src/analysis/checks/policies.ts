/**
 * Checks on policies (GEP-713 policy attachment; apis/v1 BackendTLSPolicy): targetRefs must name
 * existing objects; two policies of one kind on the same target (and sectionName) conflict and
 * the older one wins; BackendTLSPolicy CA certificate refs must resolve.
 */
import type { Diagnostic } from '../../diagnostics/types.ts';
import { diagnose } from '../../diagnostics/make.ts';
import { grantFixFor } from '../../diagnostics/fixes.ts';
import { keyOf } from '../../model/identity.ts';
import type { BackendTLSPolicy, PolicyTargetRef } from '../../model/types.ts';
import type { AnyPolicy } from '../backend-tls.ts';
import { caRefProblem, policyConflicts } from '../backend-tls.ts';
import type { AnalysisContext } from '../context.ts';
import { absence } from '../absent.ts';
import { compareAge } from '../context.ts';

function label(p: AnyPolicy): string {
  return `${p.ref.kind} ${p.meta.namespace}/${p.meta.name}`;
}

function targetLabel(t: PolicyTargetRef): string {
  return `${t.group === '' ? '' : `${t.group}/`}${t.kind} ${t.namespace}/${t.name}${t.sectionName === undefined ? '' : ` (section ${t.sectionName})`}`;
}

export function checkPolicies(ctx: AnalysisContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const conflicts = policyConflicts(ctx);
  const policies: AnyPolicy[] = [...ctx.backendTLSPolicies, ...ctx.policies].sort(compareAge);
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
        const a = absence(ctx, t.group, t.kind);
        out.push(
          diagnose(
            a.missing ? 'PolicyTargetNotFound' : 'PolicyTargetNotInInput',
            policy,
            `${label(policy)} targets ${targetLabel(t)}, which ${a.phrase}.`,
            {
              field,
              fix: {
                summary: a.missing
                  ? `Fix ${field} (group, kind, name) or create the target.`
                  : `Nothing to do if the target exists in the cluster; otherwise fix ${field} (group, kind, name) or create it.`,
              },
              related: [t.key],
              ...a.details,
            },
          ),
        );
      }
    });
    const conflict = conflicts.get(policy.key);
    if (conflict === undefined) continue;
    const t = policy.targetRefs[conflict.targetIndex];
    if (t === undefined) continue;
    out.push(
      diagnose(
        'PolicyConflict',
        policy,
        `${label(policy)} and the older ${label(conflict.winner)} both target ${targetLabel(t)}; only the older one applies.`,
        {
          field: `spec.targetRefs[${conflict.targetIndex}]`,
          fix: { summary: `Merge the two policies or target different objects/sections.` },
          related: [conflict.winner.key],
        },
      ),
    );
  }
  for (const policy of ctx.backendTLSPolicies) out.push(...checkCARefs(ctx, policy));
  return out;
}

function checkCARefs(ctx: AnalysisContext, policy: BackendTLSPolicy): Diagnostic[] {
  const out: Diagnostic[] = [];
  policy.validation.caCertificateRefs.forEach((ref, i) => {
    const problem = caRefProblem(ctx, policy, ref);
    if (problem === null) return;
    const field = `spec.validation.caCertificateRefs[${i}]`;
    const message = `${label(policy)}: ${problem.message}`;
    const key = keyOf({ group: '', kind: ref.kind, namespace: ref.namespace, name: ref.name });
    if (problem.notInInput !== undefined) {
      out.push(
        diagnose(ref.kind === 'Secret' ? 'SecretNotInInput' : 'ConfigMapNotInInput', policy, message, {
          field,
          fix: {
            summary: `Nothing to do if ${ref.kind} ${ref.namespace}/${ref.name} exists in the cluster with the CA bundle under ca.crt; include it in the input to have it checked.`,
          },
          related: [key],
          ...problem.notInInput.details,
        }),
      );
      return;
    }
    switch (problem.reason) {
      case 'InvalidKind':
        out.push(
          diagnose('BackendTLSPolicyInvalidCACertificateRef', policy, message, {
            field,
            fix: { summary: 'Reference a ConfigMap (group "", kind ConfigMap) holding ca.crt.' },
          }),
        );
        return;
      case 'RefNotPermitted':
        out.push(
          diagnose('CACertificateRefNotPermitted', policy, message, {
            field,
            fix: grantFixFor(policy, { group: '', kind: ref.kind, namespace: ref.namespace, name: ref.name }),
          }),
        );
        return;
      case 'MissingCAKey':
        out.push(
          diagnose('BackendTLSPolicyInvalidCACertificateRef', policy, message, {
            field,
            fix: {
              summary: `Put the PEM CA bundle under the key ca.crt of ${ref.kind} ${ref.namespace}/${ref.name}.`,
            },
            related: [key],
          }),
        );
        return;
      case 'InvalidCACertificateRef':
        out.push(
          diagnose('BackendTLSPolicyInvalidCACertificateRef', policy, message, {
            field,
            fix: {
              summary: `Create ${ref.kind} ${ref.name} in namespace ${ref.namespace} with the CA bundle under ca.crt.`,
              command: `kubectl create ${ref.kind === 'ConfigMap' ? 'configmap' : 'secret generic'} ${ref.name} -n ${ref.namespace} --from-file=ca.crt`,
            },
            related: [key],
          }),
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
