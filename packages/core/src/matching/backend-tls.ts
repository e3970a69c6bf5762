/**
 * Traffic to a backend whose BackendTLSPolicy cannot be used fails. Spec (BackendTLSPolicy,
 * apis/v1 backendtlspolicy_types.go; conformance BackendTLSPolicyInvalidCACertificateRef and
 * BackendTLSPolicyInvalidKind: "HTTP requests to a backend targeted by this policy should fail
 * with a 5xx response"): a policy with no usable CA certificate (Accepted=False,
 * NoValidCACertificate) or an unsupported wellKnownCACertificates (Invalid) still targets the
 * Service, and the Gateway must not fall back to plaintext. A policy that lost a conflict
 * (Conflicted) does not apply: the winner does. The verdict comes from the analysis's predicted
 * policy status; which policy a request meets is the one whose target (and sectionName = the
 * Service port's name, when set) matches the backend.
 */
import type { Analysis, ResolvedBackend } from '../analysis/types.ts';
import type { ObjectKey } from '../model/identity.ts';

/** Accepted=False reasons that leave a targeted backend unusable. */
const BLOCKING = new Set(['NoValidCACertificate', 'Invalid']);

interface Block {
  readonly policy: string;
  readonly reason: string;
  /** Service port name the policy names; undefined = every port. */
  readonly sectionName: string | undefined;
}

/** Blocking policies by targeted Service key. */
function blocksOf(analysis: Analysis): Map<ObjectKey, Block[]> {
  const out = new Map<ObjectKey, Block[]>();
  for (const o of analysis.snapshot.objects) {
    if (o.kind !== 'BackendTLSPolicy') continue;
    const predicted = analysis.predicted.get(o.key);
    if (predicted?.kind !== 'BackendTLSPolicy') continue;
    const accepted = predicted.conditions.find((c) => c.type === 'Accepted');
    if (accepted?.status !== 'False' || !BLOCKING.has(accepted.reason)) continue;
    for (const t of o.targetRefs) {
      if (t.group !== '' || t.kind !== 'Service') continue;
      const block = {
        policy: `${o.meta.namespace}/${o.meta.name}`,
        reason: accepted.reason,
        sectionName: t.sectionName,
      };
      const list = out.get(t.key);
      if (list) list.push(block);
      else out.set(t.key, [block]);
    }
  }
  return out;
}

/** The port name of `port` on the Service `key`, if the snapshot has it. */
function portName(analysis: Analysis, key: ObjectKey, port: number | undefined): string | undefined {
  const svc = analysis.snapshot.byKey.get(key);
  if (svc?.kind !== 'Service' || port === undefined) return undefined;
  return svc.ports.find((p) => p.port === port)?.name;
}

/**
 * The analysis's backends with those behind an unusable BackendTLSPolicy marked invalid (their
 * share of requests gets a 5xx, as for any invalid backend). The same list when none is.
 */
export function withBackendTls(analysis: Analysis): readonly ResolvedBackend[] {
  const blocks = blocksOf(analysis);
  if (blocks.size === 0) return analysis.backends;
  return analysis.backends.map((b) => {
    const list = b.valid ? blocks.get(b.target.key) : undefined;
    if (!list) return b;
    const name = portName(analysis, b.target.key, b.port);
    const hit = list.find((x) => x.sectionName === undefined || x.sectionName === name);
    return hit ? { ...b, valid: false, reason: `${hit.reason} (BackendTLSPolicy ${hit.policy})` } : b;
  });
}
