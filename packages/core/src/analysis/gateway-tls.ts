/**
 * Gateway-level TLS (apis/v1 gateway_types.go GatewayTLSConfig, GEP-91 and GEP-3155):
 * - spec.tls.frontend.default / perPort[].tls: client certificate validation for HTTPS listeners
 *   (perPort wins for its port). A CA ref that is missing (InvalidCACertificateRef), of a wrong
 *   kind (InvalidCACertificateKind) or cross-namespace without a ReferenceGrant (RefNotPermitted)
 *   leaves the listener Accepted=False with reason NoValidCACertificate.
 * - spec.tls.backend.clientCertificateRef: the client certificate the Gateway presents to
 *   backends; problems set the Gateway's ResolvedRefs=False (InvalidClientCertificateRef or
 *   RefNotPermitted) and leave it Accepted.
 */
import type { Diagnostic } from '../diagnostics/types.ts';
import { diagnose } from '../diagnostics/make.ts';
import { grantFixFor } from '../diagnostics/fixes.ts';
import { GATEWAY_GROUP, keyOf } from '../model/identity.ts';
import type { Gateway } from '../model/types.ts';
import type { AnalysisContext } from './context.ts';
import { findGrant } from './grants.ts';
import type { Absence } from './absent.ts';
import { caRefNotInInput, secretNotInInput } from './absent.ts';
import type { ListenerEval } from './listener-eval.ts';
import { listenerField, listenerLabel } from './listener-eval.ts';

interface RawRef {
  readonly group: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function str(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function toRef(value: unknown, namespace: string, defaultKind: string): RawRef | undefined {
  const r = record(value);
  if (r === undefined) return undefined;
  return {
    group: str(r['group'], ''),
    kind: str(r['kind'], defaultKind),
    name: str(r['name'], ''),
    namespace: str(r['namespace'], namespace),
  };
}

/** The caCertificateRefs that apply to a port, with the field path they came from. */
function validationFor(gateway: Gateway, port: number): { refs: RawRef[]; field: string } | undefined {
  const frontend = record(gateway.tls?.['frontend']);
  if (frontend === undefined) return undefined;
  const perPort = Array.isArray(frontend['perPort']) ? frontend['perPort'] : [];
  for (const [i, entry] of perPort.entries()) {
    const e = record(entry);
    if (e?.['port'] !== port) continue;
    const refs = record(record(e['tls'])?.['validation'])?.['caCertificateRefs'];
    return {
      refs: toRefs(refs, gateway.meta.namespace),
      field: `spec.tls.frontend.perPort[${i}].tls.validation.caCertificateRefs`,
    };
  }
  const refs = record(record(frontend['default'])?.['validation'])?.['caCertificateRefs'];
  if (refs === undefined) return undefined;
  return {
    refs: toRefs(refs, gateway.meta.namespace),
    field: 'spec.tls.frontend.default.validation.caCertificateRefs',
  };
}

function toRefs(value: unknown, namespace: string): RawRef[] {
  return (Array.isArray(value) ? value : []).flatMap((v) => toRef(v, namespace, 'ConfigMap') ?? []);
}

function grantFor(ctx: AnalysisContext, gateway: Gateway, ref: RawRef): boolean {
  if (ref.namespace === gateway.meta.namespace) return true;
  return (
    findGrant(ctx.referenceGrants, {
      fromGroup: GATEWAY_GROUP,
      fromKind: 'Gateway',
      fromNamespace: gateway.meta.namespace,
      toGroup: ref.group,
      toKind: ref.kind,
      toNamespace: ref.namespace,
      toName: ref.name,
    }) !== null
  );
}

/** Applies frontend client-certificate validation to the Gateway's own HTTPS listeners. */
export function applyFrontendValidation(
  ctx: AnalysisContext,
  gateway: Gateway,
  listeners: readonly ListenerEval[],
  out: Diagnostic[],
): void {
  for (const e of listeners) {
    if (e.listener.protocol !== 'HTTPS' || e.notAccepted !== undefined) continue;
    const validation = validationFor(gateway, e.listener.port);
    if (validation === undefined) continue;
    for (const [i, ref] of validation.refs.entries()) {
      const problem = caRefProblem(ctx, gateway, ref);
      if (problem === null) continue;
      const field = `${validation.field}[${i}]`;
      e.notAccepted = { reason: 'NoValidCACertificate', message: problem.message };
      e.refs = { ok: false, reason: problem.reason, message: problem.message, fromController: false };
      // RefNotPermitted has its own check (the fix is a ReferenceGrant); the rest are bad refs.
      const check =
        problem.notInInput !== undefined
          ? ref.kind === 'Secret'
            ? 'SecretNotInInput'
            : 'ConfigMapNotInInput'
          : problem.reason === 'RefNotPermitted'
            ? 'CACertificateRefNotPermitted'
            : 'ListenerInvalidCACertificateRef';
      out.push(
        diagnose(
          check,
          gateway,
          `${capitalize(listenerLabel(e))}: ${problem.message} (${field}); ${problem.notInInput === undefined ? '' : 'predicted as missing, '}the listener is not accepted.`,
          {
            field: listenerField(gateway, e.listener),
            ...problem.notInInput?.details,
            ...(problem.reason === 'RefNotPermitted' && problem.notInInput === undefined
              ? {
                  fix: grantFixFor(gateway, {
                    group: ref.group,
                    kind: ref.kind,
                    namespace: ref.namespace,
                    name: ref.name,
                  }),
                }
              : {
                  fix: {
                    summary:
                      problem.notInInput === undefined
                        ? `Fix ${field}: reference an existing ConfigMap with the CA bundle under ca.crt.`
                        : `Nothing to do if ${ref.kind} ${ref.namespace}/${ref.name} exists in the cluster with ca.crt; include it in the input to have it checked.`,
                  },
                }),
          },
        ),
      );
      break;
    }
  }
}

function caRefProblem(
  ctx: AnalysisContext,
  gateway: Gateway,
  ref: RawRef,
): { reason: string; message: string; notInInput?: Absence } | null {
  const what = `${ref.kind} ${ref.namespace}/${ref.name}`;
  if (ref.group !== '' || (ref.kind !== 'ConfigMap' && ref.kind !== 'Secret')) {
    return { reason: 'InvalidCACertificateKind', message: `caCertificateRef ${what} is not a ConfigMap` };
  }
  const absent = caRefNotInInput(ctx, ref, grantFor(ctx, gateway, ref));
  if (absent !== null) return absent;
  if (!grantFor(ctx, gateway, ref))
    return {
      reason: 'RefNotPermitted',
      message: `caCertificateRef ${what} is in another namespace and no ReferenceGrant permits it`,
    };
  const key = keyOf({ group: '', kind: ref.kind, namespace: ref.namespace, name: ref.name });
  const exists =
    ref.kind === 'ConfigMap'
      ? ctx.configMaps.has(key) || !ctx.options.configMapsVisible
      : ctx.secrets.has(key) || !ctx.options.secretsVisible;
  return exists
    ? null
    : { reason: 'InvalidCACertificateRef', message: `caCertificateRef ${what} does not exist` };
}

/** Gateway ResolvedRefs for spec.tls.backend.clientCertificateRef; undefined when not set. */
export function backendClientCertificate(
  ctx: AnalysisContext,
  gateway: Gateway,
  out: Diagnostic[],
): { ok: boolean; reason: string; message: string } | undefined {
  const ref = toRef(
    record(gateway.tls?.['backend'])?.['clientCertificateRef'],
    gateway.meta.namespace,
    'Secret',
  );
  if (ref === undefined) return undefined;
  const what = `${ref.group === '' ? '' : `${ref.group}/`}${ref.kind} ${ref.namespace}/${ref.name}`;
  const absent =
    ref.group === '' && ref.kind === 'Secret' && ctx.options.secretsVisible
      ? secretNotInInput(
          ctx,
          gateway,
          ref,
          `Gateway ${gateway.meta.namespace}/${gateway.meta.name}`,
          'clientCertificateRef',
          'spec.tls.backend.clientCertificateRef',
          grantFor(ctx, gateway, ref) ? 'InvalidClientCertificateRef' : 'RefNotPermitted',
        )
      : null;
  if (absent !== null) {
    out.push(absent.diagnostic);
    return { ok: false, reason: absent.reason, message: absent.message };
  }
  let problem: { reason: string; message: string } | null = null;
  if (ref.group !== '' || ref.kind !== 'Secret')
    problem = {
      reason: 'InvalidClientCertificateRef',
      message: `clientCertificateRef ${what} is not a core Secret.`,
    };
  else if (!grantFor(ctx, gateway, ref))
    problem = {
      reason: 'RefNotPermitted',
      message: `clientCertificateRef ${what} is in another namespace and no ReferenceGrant permits it.`,
    };
  else if (ctx.options.secretsVisible) {
    const secret = ctx.secrets.get(
      keyOf({ group: '', kind: 'Secret', namespace: ref.namespace, name: ref.name }),
    );
    if (secret === undefined)
      problem = {
        reason: 'InvalidClientCertificateRef',
        message: `clientCertificateRef ${what} does not exist.`,
      };
    else if (secret.secretType !== undefined && secret.secretType !== 'kubernetes.io/tls') {
      problem = {
        reason: 'InvalidClientCertificateRef',
        message: `clientCertificateRef ${what} is not a kubernetes.io/tls Secret.`,
      };
    } else if (secret.tlsData === 'not-pem') {
      // "or when the data within that resource is malformed" (GatewayReasonInvalidClientCertificateRef).
      problem = {
        reason: 'InvalidClientCertificateRef',
        message: `clientCertificateRef ${what} has tls.crt/tls.key that are not PEM.`,
      };
    }
  }
  if (problem === null) return { ok: true, reason: 'ResolvedRefs', message: 'All references are resolved.' };
  out.push(
    diagnose(
      'GatewayInvalidClientCertificateRef',
      gateway,
      `Gateway ${gateway.meta.namespace}/${gateway.meta.name}: ${problem.message}`,
      {
        field: 'spec.tls.backend.clientCertificateRef',
        fix:
          problem.reason === 'RefNotPermitted'
            ? grantFixFor(gateway, { group: '', kind: 'Secret', namespace: ref.namespace, name: ref.name })
            : { summary: 'Reference an existing kubernetes.io/tls Secret (group "", kind Secret).' },
      },
    ),
  );
  return { ok: false, ...problem };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
