/**
 * Stage "collisions": GRPCRoute and HTTPRoute on the same listener with intersecting hostnames.
 * Spec (apis/v1 grpcroute_types.go, GRPCRoute docs): "If an implementation ... [has] an HTTPRoute
 * and a GRPCRoute with intersecting hostnames ... only one of the two routes may be accepted":
 * the older by creationTimestamp, then by {namespace}/{name} (also when the timestamps are equal
 * or absent). The other loses that listener; the message says which tie-break decided.
 */
import type { Diagnostic } from '../diagnostics/types.ts';
import { diagnose } from '../diagnostics/make.ts';
import type { ParentEval } from './attach.ts';
import { compareAge } from './context.ts';
import { hostnameSetsIntersect } from './hostnames.ts';
import { listenerLabel } from './listener-eval.ts';
import { precedenceReason } from './tie-break.ts';

export function resolveCollisions(parents: readonly ParentEval[], out: Diagnostic[]): void {
  const byListener = new Map<string, { parent: ParentEval; hostnames: readonly string[] }[]>();
  for (const parent of parents) {
    if (parent.outcome.kind !== 'accepted') continue;
    if (parent.route.kind !== 'HTTPRoute' && parent.route.kind !== 'GRPCRoute') continue;
    for (const a of parent.outcome.listeners) {
      const list = byListener.get(a.listener.id) ?? [];
      list.push({ parent, hostnames: a.hostnames });
      byListener.set(a.listener.id, list);
    }
  }
  for (const [listenerId, entries] of byListener) {
    const grpc = entries.filter((e) => e.parent.route.kind === 'GRPCRoute');
    const http = entries.filter((e) => e.parent.route.kind === 'HTTPRoute');
    for (const g of grpc) {
      for (const h of http) {
        if (!hostnameSetsIntersect(g.hostnames, h.hostnames)) continue;
        const [winner, loser] = compareAge(g.parent.route, h.parent.route) <= 0 ? [g, h] : [h, g];
        drop(loser.parent, listenerId, winner.parent, out);
      }
    }
  }
}

function drop(loser: ParentEval, listenerId: string, winner: ParentEval, out: Diagnostic[]): void {
  if (loser.outcome.kind !== 'accepted') return;
  const lost = loser.outcome.listeners.find((a) => a.listener.id === listenerId);
  if (lost === undefined) return;
  loser.outcome.listeners = loser.outcome.listeners.filter((a) => a !== lost);
  const w = `${winner.route.kind} ${winner.route.meta.namespace}/${winner.route.meta.name}`;
  const l = `${loser.route.kind} ${loser.route.meta.namespace}/${loser.route.meta.name}`;
  out.push(
    diagnose(
      'RouteHostnameCollision',
      loser.route,
      `${l} and ${w} claim intersecting hostnames on ${listenerLabel(lost.listener)}; only ${w} is accepted there (${precedenceReason(winner.route, loser.route)}).`,
      {
        field: 'spec.hostnames',
        fix: {
          summary: `Give ${l} hostnames that do not intersect ${w}'s, or attach it to another listener.`,
        },
        related: [winner.route.key],
      },
    ),
  );
  if (loser.outcome.listeners.length === 0) {
    loser.outcome = {
      kind: 'rejected',
      reason: 'NotAllowedByListeners',
      message: `Hostnames collide with ${w} on every listener; ${w} takes precedence (${precedenceReason(winner.route, loser.route)}).`,
    };
  }
}
