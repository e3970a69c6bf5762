/**
 * What one route contributes to a listener's table: its RouteInfo (hostnames on that listener,
 * as written and as intersected; precedence facts) and its compiled HTTP/gRPC/L4 entries, each with the MatchedRule
 * respond() needs when it wins (built once here, not per request).
 */
import { namespacedName } from '../model/identity.ts';
import type { GRPCRoute, HTTPRoute, Route } from '../model/types.ts';
import { MEMO_OUTCOME, MEMO_OWNER } from './backends.ts';
import { compileGrpcMatch } from './grpc-match.ts';
import { compileHttpMatch } from './http-match.ts';
import { hostnameRank, intersectHostnames } from './hostname.ts';
import { compareGrpcStatic, compareL4 } from './precedence.ts';
import type { MatchedRule } from './respond.ts';
import { effectiveRetry } from './timing.ts';
import type { GrpcEntry, HttpEntry, L4Entry, RouteInfo } from './tables.ts';

/** The entries one route contributes to a listener. */
export interface RouteEntries {
  readonly http: readonly HttpEntry[];
  readonly grpc: readonly GrpcEntry[];
  readonly l4: readonly L4Entry[];
}

export function routeEntries(route: Route, info: RouteInfo): RouteEntries {
  if (route.kind === 'HTTPRoute') return { http: httpEntriesOf(route, info), grpc: [], l4: [] };
  if (route.kind === 'GRPCRoute') return { http: [], grpc: grpcEntriesOf(route, info), l4: [] };
  return { http: [], grpc: [], l4: [{ route: info, rule: route.rules[0] }] };
}

/** The listener's entry lists, in route order (HTTP) and precedence order (gRPC, L4). */
export function concatEntries(list: readonly RouteEntries[]): {
  http: HttpEntry[];
  grpc: GrpcEntry[];
  l4: L4Entry[];
} {
  const http: HttpEntry[] = [];
  const grpc: GrpcEntry[] = [];
  const l4: L4Entry[] = [];
  for (const e of list) {
    for (const x of e.http) http.push(x);
    for (const x of e.grpc) grpc.push(x);
    for (const x of e.l4) l4.push(x);
  }
  grpc.sort((a, b) => compareGrpcStatic(a.prec, b.prec));
  l4.sort((a, b) => compareL4(a.route, hostnameRank(''), b.route, hostnameRank('')));
  return { http, grpc, l4 };
}

/**
 * Spec (HTTPRoute.spec.hostnames): a route without hostnames takes the listener's hostname; the
 * attachment already narrowed route hostnames to their intersection with the listener's.
 */
export function effectiveHostnames(attached: readonly string[], listenerHost: string | undefined): string[] {
  const hostnames = attached.length > 0 ? attached : [listenerHost ?? ''];
  return [...new Set(hostnames.map((h) => h.toLowerCase()))];
}

/**
 * The hostnames that rank the route on this listener: those of its `spec.hostnames` AS WRITTEN
 * that intersect the listener's hostname, or "" (any host) when it sets none. Spec (v1.7
 * HTTPRoute/GRPCRoute/TLSRoute `hostnames`): "When multiple [routes] attach to the same Listener
 * and yield identical Listener/Route intersected hostnames, implementations SHOULD evaluate
 * precedence using the original hostnames configured on the Route, not the calculated
 * Listener/Route hostname intersection" (feature GatewayRouteHostnameIntersectionPrecedence).
 *
 * Ranking by the original alone is the same order as "intersection first, then original": the
 * request already matched the listener's hostname L, so the matching intersection of a route
 * hostname h is the more specific of h and L, which never ranks a less specific h higher. A
 * request reaches the listener only when its host matches L, so a bucket keyed by h (even a
 * wider one, `*.com` under `abc.example.com`) is only ever consulted for hosts inside L.
 * A route without hostnames is the least specific ("", ranked below every name).
 */
export function precedenceHostnames(
  written: readonly string[],
  attached: readonly string[],
  listenerHost: string | undefined,
): string[] {
  if (written.length === 0) return [''];
  const out = new Set<string>();
  for (const h of written) {
    const lower = h.toLowerCase();
    if (listenerHost === undefined || listenerHost === '' || intersectHostnames(lower, listenerHost) !== null)
      out.add(lower);
  }
  return out.size > 0 ? [...out] : effectiveHostnames(attached, listenerHost);
}

export function routeInfo(
  route: Route,
  attached: readonly string[],
  listenerHost: string | undefined,
): RouteInfo {
  return {
    key: route.key,
    kind: route.kind,
    namespace: route.meta.namespace,
    name: route.meta.name,
    nsName: namespacedName(route.meta),
    created: {
      ...(route.meta.creationTimestamp !== undefined
        ? { creationTimestamp: route.meta.creationTimestamp }
        : {}),
      order: route.order,
    },
    hostnames: precedenceHostnames(route.hostnames, attached, listenerHost),
    attached: effectiveHostnames(attached, listenerHost),
    ref: { kind: route.kind, namespace: route.meta.namespace, name: route.meta.name },
  };
}

function httpEntriesOf(route: HTTPRoute, info: RouteInfo): HttpEntry[] {
  const out: HttpEntry[] = [];
  route.rules.forEach((rule) => {
    rule.matches.forEach((m, matchIndex) => {
      const match = compileHttpMatch(m);
      out.push({
        route: info,
        rule,
        matchIndex,
        match,
        matched: matchedRule(info, rule, {
          matchedPrefix: match.pathType === 'PathPrefix' ? match.pathValue : null,
          timeouts: rule.timeouts,
          retry: rule.retry ? effectiveRetry(rule.retry) : undefined,
          plain: isPlain(rule.filters, rule.backendRefs) && !rule.timeouts && !rule.retry,
        }),
        prec: {
          created: info.created,
          nsName: info.nsName,
          ruleIndex: rule.index,
          matchIndex,
          pathType: match.pathType,
          pathChars: match.pathValue.length,
          hasMethod: match.method !== undefined,
          headerCount: match.headers.length,
          queryCount: match.query.length,
        },
      });
    });
  });
  return out;
}

/** No filter on the rule or on any of its backendRefs. */
function isPlain(
  filters: readonly unknown[],
  refs: readonly { readonly filters: readonly unknown[] }[],
): boolean {
  return filters.length === 0 && refs.every((r) => r.filters.length === 0);
}

/**
 * What the answer needs of a matched rule, built once with the tables. One object shape for every
 * HTTP and gRPC rule (all fields always present, none added later), so the hot path stays
 * monomorphic; the backends memo starts empty.
 */
function matchedRule(
  info: RouteInfo,
  rule: Pick<MatchedRule, 'filters' | 'backendRefs'> & { readonly index: number },
  fields: Pick<MatchedRule, 'matchedPrefix' | 'timeouts' | 'retry' | 'plain'>,
): MatchedRule {
  return {
    route: info,
    ref: info.ref,
    ruleIndex: rule.index,
    traceLine: `Matched ${info.kind} ${info.nsName} rule ${rule.index}.`,
    filters: rule.filters,
    backendRefs: rule.backendRefs,
    matchedPrefix: fields.matchedPrefix,
    timeouts: fields.timeouts,
    retry: fields.retry,
    plain: fields.plain,
    [MEMO_OWNER]: null,
    [MEMO_OUTCOME]: null,
  };
}

function grpcEntriesOf(route: GRPCRoute, info: RouteInfo): GrpcEntry[] {
  const out: GrpcEntry[] = [];
  for (const rule of route.rules) {
    // Spec (GRPCRouteRule.matches): no matches = match every gRPC request.
    const matches = rule.matches.length > 0 ? rule.matches : [{ headers: [] }];
    matches.forEach((m, matchIndex) => {
      const match = compileGrpcMatch(m);
      out.push({
        route: info,
        rule,
        matchIndex,
        match,
        // Never plain: a gRPC answer carries its grpcCode, which only respond() adds.
        matched: matchedRule(info, rule, {
          matchedPrefix: null,
          timeouts: undefined,
          retry: undefined,
          plain: false,
        }),
        prec: {
          created: info.created,
          nsName: info.nsName,
          ruleIndex: rule.index,
          matchIndex,
          serviceChars: match.service?.length ?? 0,
          methodChars: match.method?.length ?? 0,
          headerCount: match.headers.length,
        },
      });
    });
  }
  return out;
}
