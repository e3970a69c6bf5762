/**
 * Check "shadowing" (conservative): a rule can never win when, on the same listener and for the
 * same effective hostnames, a rule that wins every tie has an identical match for each of its
 * matches. Identical matches tie on every precedence criterion (spec/matching-precedence.md §3
 * and §4), so the tie-break decides: the older route (creationTimestamp, then namespace/name),
 * then the earlier rule in the same route. Anything short of identity is not reported.
 */
import type { Diagnostic } from '../../diagnostics/types.ts';
import { diagnose } from '../../diagnostics/make.ts';
import type { GRPCRoute, HTTPRoute, HTTPRouteMatch, GRPCRouteMatch } from '../../model/types.ts';
import type { ParentEval } from '../attach.ts';
import { compareAge } from '../context.ts';

type MatchRoute = HTTPRoute | GRPCRoute;

interface Entry {
  readonly route: MatchRoute;
  readonly hostKey: string;
}

/** A canonical string for a match: equal strings ⇔ the match selects exactly the same requests. */
function matchKey(match: HTTPRouteMatch | GRPCRouteMatch): string {
  const headers = [...match.headers]
    .map((h) => `${h.type}:${h.name.toLowerCase()}=${h.value}`)
    .sort()
    .join('&');
  if ('path' in match) {
    const query = [...match.queryParams]
      .map((q) => `${q.type}:${q.name}=${q.value}`)
      .sort()
      .join('&');
    return `path=${match.path.type}:${match.path.value}|m=${match.method ?? ''}|h=${headers}|q=${query}`;
  }
  const m = match.method;
  return `grpc=${m === undefined ? '' : `${m.type}:${m.service ?? ''}/${m.method ?? ''}`}|h=${headers}`;
}

function ruleMatchKeys(route: MatchRoute, ruleIndex: number): string[] {
  const rule = route.rules[ruleIndex];
  if (rule === undefined) return [];
  // A GRPCRoute rule without matches matches every request.
  if (rule.matches.length === 0) return ['*'];
  return rule.matches.map(matchKey);
}

function shadowedBy(entries: readonly Entry[], me: Entry, ruleIndex: number): string | null {
  const mine = ruleMatchKeys(me.route, ruleIndex);
  for (const other of entries) {
    if (other.route.kind !== me.route.kind || other.hostKey !== me.hostKey) continue;
    const sameRoute = other.route.key === me.route.key;
    if (!sameRoute && compareAge(other.route, me.route) >= 0) continue;
    const limit = sameRoute ? ruleIndex : other.route.rules.length;
    for (let r = 0; r < limit; r += 1) {
      const theirs = new Set(ruleMatchKeys(other.route, r));
      if (mine.every((k) => theirs.has(k))) {
        return sameRoute
          ? `rule ${r} of the same route`
          : `rule ${r} of the older ${other.route.kind} ${other.route.meta.namespace}/${other.route.meta.name}`;
      }
    }
  }
  return null;
}

export function checkShadowing(parents: readonly ParentEval[]): Diagnostic[] {
  const byListener = new Map<string, Entry[]>();
  const listenersOf = new Map<string, Set<string>>();
  const routes = new Map<string, MatchRoute>();
  for (const p of parents) {
    if (p.outcome.kind !== 'accepted') continue;
    const route = p.route;
    if (route.kind !== 'HTTPRoute' && route.kind !== 'GRPCRoute') continue;
    routes.set(route.key, route);
    for (const a of p.outcome.listeners) {
      const list = byListener.get(a.listener.id) ?? [];
      if (!list.some((e) => e.route.key === route.key)) list.push({ route, hostKey: a.hostnames.join(',') });
      byListener.set(a.listener.id, list);
      listenersOf.set(route.key, (listenersOf.get(route.key) ?? new Set()).add(a.listener.id));
    }
  }
  const out: Diagnostic[] = [];
  for (const [key, route] of routes) {
    const shadowed: { index: number; by: string }[] = [];
    for (const rule of route.rules) {
      let by: string | null = null;
      for (const listenerId of listenersOf.get(key) ?? []) {
        const entries = byListener.get(listenerId) ?? [];
        const me = entries.find((e) => e.route.key === key);
        by = me === undefined ? null : shadowedBy(entries, me, rule.index);
        if (by === null) break; // reachable on this listener
      }
      if (by !== null) shadowed.push({ index: rule.index, by });
    }
    out.push(...report(route, shadowed));
  }
  return out;
}

function report(route: MatchRoute, shadowed: readonly { index: number; by: string }[]): Diagnostic[] {
  const label = `${route.kind} ${route.meta.namespace}/${route.meta.name}`;
  if (shadowed.length > 0 && shadowed.length === route.rules.length) {
    return [
      diagnose(
        'RouteShadowed',
        route,
        `${label} never receives traffic: every rule has an identical match in a rule that wins the tie (${shadowed.map((s) => `rule ${s.index} → ${s.by}`).join('; ')}).`,
        {
          fix: { summary: 'Delete the route or give it distinct hostnames or matches.' },
        },
      ),
    ];
  }
  return shadowed.map((s) =>
    diagnose(
      'RuleShadowed',
      route,
      `${label}: rule ${s.index} never receives traffic; ${s.by} has identical matches on the same hostnames and wins the tie.`,
      {
        field: `spec.rules[${s.index}]`,
        fix: { summary: `Remove rule ${s.index} or make its matches distinct.` },
      },
    ),
  );
}
