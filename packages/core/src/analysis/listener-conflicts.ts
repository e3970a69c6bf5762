/**
 * Stage "listeners", part 2: conflicts. Spec (apis/v1 gateway_types.go, Listener docs, and
 * GEP-1713 for ListenerSets): listeners sharing a port must be distinct — HTTP/HTTPS/TLS by
 * hostname, TCP/UDP by port alone — and protocols on one port must be compatible (HTTPS and TLS
 * may share a port, distinguished by SNI). Within one object's spec there is no winner: every
 * non-distinct listener is Conflicted. Across a Gateway and its ListenerSets, listener precedence
 * decides (Gateway listeners first, then ListenerSets oldest first, then by namespace/name): the
 * earlier listener keeps the port and the later one is Conflicted (ListenerSetProtocolConflict /
 * ListenerSetHostnameConflict conformance tests).
 */
import type { Diagnostic } from '../diagnostics/types.ts';
import { diagnose } from '../diagnostics/make.ts';
import type { ListenerEval } from './listener-eval.ts';
import { listenerField, listenerLabel } from './listener-eval.ts';
import { precedenceReason } from './tie-break.ts';

/** Protocols that may share a port, distinguished by hostname (HTTPS and TLS both use SNI). */
function portFamily(protocol: string): string {
  if (protocol === 'HTTPS' || protocol === 'TLS') return 'tls';
  return protocol.toLowerCase();
}

/** UDP listens on a different transport than everything else and never shares a TCP port. */
function transport(protocol: string): 'udp' | 'tcp' {
  return protocol === 'UDP' ? 'udp' : 'tcp';
}

function hostnameOf(e: ListenerEval): string {
  return (e.listener.hostname ?? '').toLowerCase();
}

function conflictBetween(a: ListenerEval, b: ListenerEval): 'ProtocolConflict' | 'HostnameConflict' | null {
  if (a.listener.port !== b.listener.port) return null;
  if (transport(a.listener.protocol) !== transport(b.listener.protocol)) return null;
  const fa = portFamily(a.listener.protocol);
  if (fa !== portFamily(b.listener.protocol)) return 'ProtocolConflict';
  if (fa === 'tcp' || fa === 'udp') return 'ProtocolConflict'; // only the port distinguishes them
  return hostnameOf(a) === hostnameOf(b) ? 'HostnameConflict' : null;
}

/** Marks conflicts on listeners already in precedence order. */
export function markConflicts(ordered: readonly ListenerEval[], out: Diagnostic[]): void {
  const lostToEarlierObject = new Set<ListenerEval>();
  for (const [i, later] of ordered.entries()) {
    if (later.notAccepted !== undefined) continue;
    // A listener that lost to an earlier object claims nothing: it cannot conflict with others.
    const earlier = ordered
      .slice(0, i)
      .filter((e) => e.notAccepted === undefined && !lostToEarlierObject.has(e));
    const winner = earlier.find((e) => e.owner.key !== later.owner.key && conflictBetween(e, later) !== null);
    if (winner !== undefined) {
      const why =
        winner.owner.kind === 'Gateway'
          ? "the Gateway's own listeners take precedence over ListenerSet listeners"
          : `${winner.owner.ref.kind} ${winner.owner.meta.namespace}/${winner.owner.meta.name} takes precedence (${precedenceReason(winner.owner, later.owner)})`;
      setConflict(later, winner, conflictBetween(winner, later) ?? 'ProtocolConflict', out, why);
      lostToEarlierObject.add(later);
      continue;
    }
    // Same object: no winner, both are conflicted.
    for (const e of earlier.filter((x) => x.owner.key === later.owner.key)) {
      const reason = conflictBetween(e, later);
      if (reason === null) continue;
      if (e.conflict === undefined) setConflict(e, later, reason, out);
      if (later.conflict === undefined) setConflict(later, e, reason, out);
    }
  }
}

function setConflict(
  loser: ListenerEval,
  other: ListenerEval,
  reason: 'ProtocolConflict' | 'HostnameConflict',
  out: Diagnostic[],
  /** Across objects: why the other listener keeps the port (listener precedence). */
  why?: string,
): void {
  const what =
    reason === 'ProtocolConflict'
      ? `protocol ${loser.listener.protocol} conflicts with ${other.listener.protocol} of ${listenerLabel(other)} on port ${loser.listener.port}`
      : `port ${loser.listener.port}, protocol ${loser.listener.protocol} and hostname "${loser.listener.hostname ?? ''}" are the same as ${listenerLabel(other)}`;
  loser.conflict = { reason, message: `Listener conflicts: ${what}.` };
  out.push(
    diagnose(
      reason === 'ProtocolConflict' ? 'ListenerProtocolConflict' : 'ListenerHostnameConflict',
      loser.owner,
      `${capitalize(listenerLabel(loser))}: ${what}; it is Conflicted and serves no traffic${why === undefined ? '' : ` (${why})`}.`,
      {
        field: listenerField(
          loser.owner,
          loser.listener,
          reason === 'ProtocolConflict' ? '.protocol' : '.hostname',
        ),
        fix: {
          summary:
            reason === 'ProtocolConflict'
              ? `Move listener "${loser.listener.name}" to a port no ${other.listener.protocol} listener uses.`
              : `Give listener "${loser.listener.name}" a hostname distinct from "${other.listener.hostname ?? '(none)'}", or another port.`,
        },
        related: [other.owner.key],
      },
    ),
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
