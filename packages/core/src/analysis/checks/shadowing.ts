/**
 * Check "shadowing" (conservative): a rule can never win when, on the same listener and for the
 * same effective hostnames, a rule that wins every tie has an identical match for each of its
 * matches. Identical matches tie on every precedence criterion (spec/matching-precedence.md §3
 * and §4), so the tie-break decides: the older route by creationTimestamp, then namespace/name
 * (equal or absent timestamps), then the earlier rule in the same route. Anything short of identity is not reported.
 */
import type { Diagnostic } from '../../diagnostics/types.ts';
import { diagnose } from '../../diagnostics/make.ts';
import type { GRPCRoute, HTTPRoute, HTTPRouteMatch, GRPCRouteMatch } from '../../model/types.ts';
import type { ParentEval } from '../attach.ts';
import { compareAge } from '../context.ts';
import { precedenceReason } from '../tie-break.ts';

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

/**
 * Walks the routes of one listener in tie-break order (oldest route first, rules in order) and
 * records, per route kind and effective hostname set, which exact matches are already claimed.
 * A rule all of whose matches are already claimed never wins: for any request it matches, an
 * identical match of an earlier rule matches too and wins the tie. Linear in the number of matches.
 */
function shadowedOnListener(entries: readonly Entry[]): Map<string, Map<number, string>> {
  const claimed = new Map<string, Map<string, { route: MatchRoute; rule: number }>>();
  const result = new Map<string, Map<number, string>>();
  for (const entry of [...entries].sort((a, b) => compareAge(a.route, b.route))) {
    const group = `${entry.route.kind}|${entry.hostKey}`;
    const seen = claimed.get(group) ?? new Map<string, { route: MatchRoute; rule: number }>();
    claimed.set(group, seen);
    for (const rule of entry.route.rules) {
      const keys = ruleMatchKeys(entry.route, rule.index);
      const owners = keys.map((k) => seen.get(k));
      if (keys.length > 0 && owners.every((o) => o !== undefined)) {
        const names = owners.map((o) =>
          o === undefined
            ? ''
            : o.route.key === entry.route.key
              ? `rule ${o.rule} of the same route`
              : `rule ${o.rule} of ${o.route.kind} ${o.route.meta.namespace}/${o.route.meta.name}, which takes precedence (${precedenceReason(o.route, entry.route)})`,
        );
        const routeMap = result.get(entry.route.key) ?? new Map<number, string>();
        routeMap.set(rule.index, [...new Set(names)].join(' and '));
        result.set(entry.route.key, routeMap);
      }
      for (const k of keys) if (!seen.has(k)) seen.set(k, { route: entry.route, rule: rule.index });
    }
  }
  return result;
}

export function checkShadowing(parents: readonly ParentEval[]): Diagnostic[] {
  const byListener = new Map<string, Entry[]>();
  const seen = new Set<string>();
  const listenersOf = new Map<string, Set<string>>();
  const routes = new Map<string, MatchRoute>();
  for (const p of parents) {
    if (p.outcome.kind !== 'accepted') continue;
    const route = p.route;
    if (route.kind !== 'HTTPRoute' && route.kind !== 'GRPCRoute') continue;
    routes.set(route.key, route);
    for (const a of p.outcome.listeners) {
      const list = byListener.get(a.listener.id) ?? [];
      const id = `${a.listener.id}|${route.key}`;
      if (!seen.has(id)) list.push({ route, hostKey: a.hostnames.join(',') });
      seen.add(id);
      byListener.set(a.listener.id, list);
      listenersOf.set(route.key, (listenersOf.get(route.key) ?? new Set()).add(a.listener.id));
    }
  }
  const perListener = new Map<string, Map<string, Map<number, string>>>();
  for (const [id, entries] of byListener) perListener.set(id, shadowedOnListener(entries));
  const out: Diagnostic[] = [];
  for (const [key, route] of routes) {
    const listeners = [...(listenersOf.get(key) ?? [])];
    const shadowed: { index: number; by: string }[] = [];
    for (const rule of route.rules) {
      // Reported only when the rule is unreachable on every listener the route attaches to.
      const bys = listeners.map((id) => perListener.get(id)?.get(key)?.get(rule.index));
      const first = bys[0];
      if (first !== undefined && bys.every((b) => b !== undefined))
        shadowed.push({ index: rule.index, by: first });
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
