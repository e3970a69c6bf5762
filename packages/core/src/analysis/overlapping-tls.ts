/**
 * Listener condition OverlappingTLSConfig (apis/v1 gateway_types.go,
 * ListenerConditionOverlappingTLSConfig): "TLS configuration within this Listener conflicts with
 * TLS configuration in another Listener on the same port", e.g. Listener A `*.example.com` and
 * Listener B `foo.example.com`. "Controllers MUST detect the presence of overlapping hostnames"
 * and the condition "MUST be set on all Listeners with overlapping TLS config"; it is negative
 * polarity and never written as False. Reason OverlappingHostnames (overlapping certificates
 * would need certificate SANs, which Gatescope does not read).
 *
 * Scope: HTTPS listeners (where HTTP/2 connection coalescing reuses a connection across them),
 * as Envoy Gateway's translator does; accepted and not Conflicted, across the Gateway's merged
 * listener list (its own and its ListenerSets'). A listener without hostname matches every host,
 * so it overlaps every other HTTPS listener on its port. Identical hostnames are HostnameConflict
 * (listener-conflicts.ts), not this.
 */
import type { Diagnostic } from '../diagnostics/types.ts';
import { diagnose } from '../diagnostics/make.ts';
import { intersectHostname } from './hostnames.ts';
import type { ListenerEval } from './listener-eval.ts';
import { listenerField, listenerLabel } from './listener-eval.ts';

function overlaps(a: ListenerEval, b: ListenerEval): boolean {
  const ha = a.listener.hostname;
  const hb = b.listener.hostname;
  if (ha === undefined || hb === undefined) return true;
  return intersectHostname(ha, hb) !== null;
}

function hostLabel(e: ListenerEval): string {
  return e.listener.hostname === undefined ? '(any hostname)' : `"${e.listener.hostname}"`;
}

export function markOverlappingTLS(listeners: readonly ListenerEval[], out: Diagnostic[]): void {
  const https = listeners.filter(
    (e) => e.listener.protocol === 'HTTPS' && e.notAccepted === undefined && e.conflict === undefined,
  );
  for (const e of https) {
    const others = https.filter((o) => o !== e && o.listener.port === e.listener.port && overlaps(e, o));
    if (others.length === 0) continue;
    const names = others.map((o) => `${listenerLabel(o)} (${hostLabel(o)})`).join(', ');
    const message = `Hostname ${hostLabel(e)} overlaps ${names} on port ${e.listener.port}.`;
    e.overlappingTLS = { reason: 'OverlappingHostnames', message };
    out.push(
      diagnose(
        'ListenerOverlappingTLSConfig',
        e.owner,
        `${capitalize(listenerLabel(e))}: hostname ${hostLabel(e)} overlaps ${names} on port ${e.listener.port}; clients that coalesce HTTP/2 connections may reuse one listener's TLS connection for the other's hosts (OverlappingTLSConfig=True, OverlappingHostnames).`,
        {
          field: listenerField(e.owner, e.listener, '.hostname'),
          fix: {
            summary:
              'Usually fine (the more specific hostname wins); to avoid coalescing surprises give the overlapping listeners different ports or non-overlapping hostnames, or serve them with one certificate.',
          },
          ...relatedOwners(e, others),
        },
      ),
    );
  }
}

function relatedOwners(e: ListenerEval, others: readonly ListenerEval[]): { related?: string[] } {
  const keys = [...new Set(others.map((o) => o.owner.key as string))].filter((k) => k !== e.owner.key);
  return keys.length === 0 ? {} : { related: keys };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
