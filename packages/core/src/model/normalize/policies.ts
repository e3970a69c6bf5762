/**
 * ReferenceGrant (apis/v1beta1/referencegrant_types.go), BackendTLSPolicy
 * (apis/v1/backendtlspolicy_types.go) and generic policies (GEP-713: spec.targetRef or
 * spec.targetRefs, LocalPolicyTargetReference, namespace = the policy's).
 */
import type { BackendTLSPolicy, Policy, PolicyTargetRef, ReferenceGrant } from '../types.ts';
import { rec, recList, reqStr, str, type FieldCtx, type Rec } from './fields.ts';
import { baseOf, type Header } from './meta.ts';
import { localRef, policyTargetRef } from './refs.ts';
import { observedParents } from './status.ts';

export function normalizeReferenceGrant(h: Header): ReferenceGrant {
  const { ctx, spec } = h;
  return {
    kind: 'ReferenceGrant',
    ...baseOf(h),
    from: recList(ctx, spec, 'from', 'spec', (f, p) => ({
      group: reqStrAllowEmpty(ctx, f, 'group', p),
      kind: reqStr(ctx, f, 'kind', p),
      namespace: reqStr(ctx, f, 'namespace', p),
    })),
    to: recList(ctx, spec, 'to', 'spec', (t, p) => {
      const name = str(ctx, t, 'name', p);
      return {
        group: reqStrAllowEmpty(ctx, t, 'group', p),
        kind: reqStr(ctx, t, 'kind', p),
        ...(name !== undefined && name !== '' && { name }),
      };
    }),
  };
}

/** Group fields are required but "" (the core group) is a valid value. */
function reqStrAllowEmpty(ctx: FieldCtx, raw: Rec, key: string, path: string): string {
  return raw[key] === '' ? '' : reqStr(ctx, raw, key, path);
}

function targetRefs(h: Header): PolicyTargetRef[] {
  const { ctx, spec, ref } = h;
  const many = recList(ctx, spec, 'targetRefs', 'spec', (t, p) => policyTargetRef(ctx, t, p, ref.namespace));
  const single = rec(ctx, spec, 'targetRef', 'spec');
  const one =
    single === undefined ? undefined : policyTargetRef(ctx, single, 'spec.targetRef', ref.namespace);
  return one === undefined ? many : [...many, one];
}

export function normalizeBackendTLSPolicy(h: Header): BackendTLSPolicy {
  const { ctx, spec, status, ref } = h;
  const validation = rec(ctx, spec, 'validation', 'spec') ?? {};
  const wellKnown = str(ctx, validation, 'wellKnownCACertificates', 'spec.validation');
  return {
    kind: 'BackendTLSPolicy',
    ...baseOf(h),
    targetRefs: targetRefs(h),
    validation: {
      caCertificateRefs: recList(ctx, validation, 'caCertificateRefs', 'spec.validation', (c, p) =>
        localRef(ctx, { group: '', ...c }, p, ref.namespace),
      ),
      ...(wellKnown !== undefined && { wellKnownCACertificates: wellKnown }),
      hostname: reqStr(ctx, validation, 'hostname', 'spec.validation'),
      subjectAltNames: recList(ctx, validation, 'subjectAltNames', 'spec.validation', (s) => s),
    },
    ...(status !== undefined && {
      observed: { ancestors: observedParents(ctx, status, 'ancestors', ref.namespace) },
    }),
  };
}

export function hasTargetRefs(spec: Rec): boolean {
  return spec['targetRef'] !== undefined || spec['targetRefs'] !== undefined;
}

export function normalizePolicy(h: Header): Policy {
  return {
    kind: 'Policy',
    ...baseOf(h),
    policyKind: h.realKind,
    policyGroup: h.group,
    targetRefs: targetRefs(h),
    ...(h.status !== undefined && {
      observed: { ancestors: observedParents(h.ctx, h.status, 'ancestors', h.ref.namespace) },
    }),
  };
}
