/**
 * Routes (apis/v1/httproute_types.go, grpcroute_types.go, tlsroute_types.go, tcproute_types.go,
 * udproute_types.go). Defaults applied here:
 * - HTTPRouteRule.matches: `[{path: {type: PathPrefix, value: "/"}}]` when absent or empty (the
 *   API server defaults only an absent list, but the spec gives no matches the same meaning; the
 *   one difference, replacePrefixMatch's CEL rules, is checked in empty-matches.ts); a match
 *   without path gets the same path.
 * - HTTPPathMatch.type PathPrefix, value "/"; HTTPHeaderMatch / HTTPQueryParamMatch.type Exact.
 * - GRPCMethodMatch.type Exact; GRPCHeaderMatch.type Exact.
 * - parentRefs and backendRefs: see refs.ts.
 */
import type {
  GRPCRoute,
  GRPCRouteMatch,
  GRPCRouteRule,
  HTTPBackendRef,
  HTTPRoute,
  HTTPRouteMatch,
  HTTPRouteRule,
  HeaderMatch,
  L4RouteRule,
  ParentRef,
  RouteKind,
  TCPRoute,
  TLSRoute,
  UDPRoute,
} from '../types.ts';
import {
  int,
  intList,
  oneOf,
  rec,
  recList,
  reqStr,
  str,
  strList,
  type FieldCtx,
  type Rec,
} from './fields.ts';
import { checkEmptyMatches } from './empty-matches.ts';
import type { FilterOwner } from './filter-union.ts';
import { filters } from './filters.ts';
import { baseOf, type Header } from './meta.ts';
import { backendRef, parentRef } from './refs.ts';
import { observedParents } from './status.ts';

const MATCH_TYPES = ['Exact', 'RegularExpression'] as const;
const PATH_TYPES = ['Exact', 'PathPrefix', 'RegularExpression'] as const;
const DEFAULT_PATH = { type: 'PathPrefix', value: '/' } as const;

function headerMatches(ctx: FieldCtx, raw: Rec, key: string, path: string): HeaderMatch[] {
  return recList(ctx, raw, key, path, (h, p) => ({
    type: oneOf(ctx, h, 'type', p, MATCH_TYPES, 'Exact'),
    name: reqStr(ctx, h, 'name', p),
    value: reqStr(ctx, h, 'value', p),
  }));
}

function routeCommon(h: Header): {
  parentRefs: ParentRef[];
  hostnames: string[];
  observed?: { parents: ReturnType<typeof observedParents> };
} {
  const { ctx, spec, status, ref } = h;
  return {
    parentRefs: recList(ctx, spec, 'parentRefs', 'spec', (p, path, index) =>
      parentRef(ctx, p, path, ref.namespace, index),
    ),
    hostnames: strList(ctx, spec, 'hostnames', 'spec'),
    ...(status !== undefined && {
      observed: { parents: observedParents(ctx, status, 'parents', ref.namespace) },
    }),
  };
}

function httpBackendRefs(
  ctx: FieldCtx,
  rule: Rec,
  path: string,
  namespace: string,
  owner: FilterOwner,
): HTTPBackendRef[] {
  return recList(ctx, rule, 'backendRefs', path, (b, p, index) => {
    const ref = backendRef(ctx, b, p, namespace, index);
    return ref === undefined ? undefined : { ...ref, filters: filters(ctx, b, p, namespace, owner) };
  });
}

function httpMatch(ctx: FieldCtx, m: Rec, p: string): HTTPRouteMatch {
  const pathRaw = rec(ctx, m, 'path', p);
  const method = str(ctx, m, 'method', p);
  return {
    path:
      pathRaw === undefined
        ? DEFAULT_PATH
        : {
            type: oneOf(ctx, pathRaw, 'type', `${p}.path`, PATH_TYPES, 'PathPrefix'),
            value: str(ctx, pathRaw, 'value', `${p}.path`) ?? '/',
          },
    headers: headerMatches(ctx, m, 'headers', p),
    queryParams: headerMatches(ctx, m, 'queryParams', p),
    ...(method !== undefined && { method }),
  };
}

function httpRule(ctx: FieldCtx, r: Rec, p: string, index: number, namespace: string): HTTPRouteRule {
  const name = str(ctx, r, 'name', p);
  const matches = recList(ctx, r, 'matches', p, (m, mp) => httpMatch(ctx, m, mp));
  checkEmptyMatches(ctx, r, p);
  const timeoutsRaw = rec(ctx, r, 'timeouts', p);
  const retryRaw = rec(ctx, r, 'retry', p);
  const sessionPersistence = rec(ctx, r, 'sessionPersistence', p);
  return {
    ...(name !== undefined && { name }),
    matches: matches.length === 0 ? [{ path: DEFAULT_PATH, headers: [], queryParams: [] }] : matches,
    filters: filters(ctx, r, p, namespace, 'HTTPRoute'),
    backendRefs: httpBackendRefs(ctx, r, p, namespace, 'HTTPRoute'),
    ...(timeoutsRaw !== undefined && { timeouts: timeouts(ctx, timeoutsRaw, `${p}.timeouts`) }),
    ...(retryRaw !== undefined && { retry: retry(ctx, retryRaw, `${p}.retry`) }),
    ...(sessionPersistence !== undefined && { sessionPersistence }),
    index,
  };
}

function timeouts(ctx: FieldCtx, raw: Rec, path: string): { request?: string; backendRequest?: string } {
  const request = str(ctx, raw, 'request', path);
  const backendRequest = str(ctx, raw, 'backendRequest', path);
  return {
    ...(request !== undefined && { request }),
    ...(backendRequest !== undefined && { backendRequest }),
  };
}

function retry(ctx: FieldCtx, raw: Rec, path: string): NonNullable<HTTPRouteRule['retry']> {
  const attempts = int(ctx, raw, 'attempts', path);
  const backoff = str(ctx, raw, 'backoff', path);
  return {
    codes: intList(ctx, raw, 'codes', path),
    ...(attempts !== undefined && { attempts }),
    ...(backoff !== undefined && { backoff }),
  };
}

export function normalizeHTTPRoute(h: Header): HTTPRoute {
  const ns = h.ref.namespace;
  // HTTPRouteSpec.rules: +kubebuilder:default={{matches: {{path: {type: "PathPrefix", value: "/"}}}}}
  // (applied when the field is absent, not when it is an empty list).
  const rules = h.spec['rules'] === undefined || h.spec['rules'] === null ? { rules: [{}] } : h.spec;
  return {
    kind: 'HTTPRoute',
    ...baseOf(h),
    ...routeCommon(h),
    rules: recList(h.ctx, rules, 'rules', 'spec', (r, p, i) => httpRule(h.ctx, r, p, i, ns)),
  };
}

function grpcMatch(ctx: FieldCtx, m: Rec, p: string): GRPCRouteMatch {
  const methodRaw = rec(ctx, m, 'method', p);
  const mp = `${p}.method`;
  const service = methodRaw === undefined ? undefined : str(ctx, methodRaw, 'service', mp);
  const method = methodRaw === undefined ? undefined : str(ctx, methodRaw, 'method', mp);
  return {
    ...(methodRaw !== undefined && {
      method: {
        type: oneOf(ctx, methodRaw, 'type', mp, MATCH_TYPES, 'Exact'),
        ...(service !== undefined && { service }),
        ...(method !== undefined && { method }),
      },
    }),
    headers: headerMatches(ctx, m, 'headers', p),
  };
}

function grpcRule(ctx: FieldCtx, r: Rec, p: string, index: number, namespace: string): GRPCRouteRule {
  const name = str(ctx, r, 'name', p);
  const sessionPersistence = rec(ctx, r, 'sessionPersistence', p);
  return {
    ...(name !== undefined && { name }),
    matches: recList(ctx, r, 'matches', p, (m, mp) => grpcMatch(ctx, m, mp)),
    filters: filters(ctx, r, p, namespace, 'GRPCRoute'),
    backendRefs: httpBackendRefs(ctx, r, p, namespace, 'GRPCRoute'),
    ...(sessionPersistence !== undefined && { sessionPersistence }),
    index,
  };
}

export function normalizeGRPCRoute(h: Header): GRPCRoute {
  const ns = h.ref.namespace;
  return {
    kind: 'GRPCRoute',
    ...baseOf(h),
    ...routeCommon(h),
    rules: recList(h.ctx, h.spec, 'rules', 'spec', (r, p, i) => grpcRule(h.ctx, r, p, i, ns)),
  };
}

function l4Rule(ctx: FieldCtx, r: Rec, p: string, index: number, namespace: string): L4RouteRule {
  const name = str(ctx, r, 'name', p);
  return {
    ...(name !== undefined && { name }),
    backendRefs: recList(ctx, r, 'backendRefs', p, (b, bp, i) => backendRef(ctx, b, bp, namespace, i)),
    index,
  };
}

type L4Kind = Extract<RouteKind, 'TLSRoute' | 'TCPRoute' | 'UDPRoute'>;

export function normalizeL4Route<K extends L4Kind>(h: Header, kind: K): TLSRoute | TCPRoute | UDPRoute {
  const ns = h.ref.namespace;
  return {
    kind,
    ...baseOf(h),
    ...routeCommon(h),
    rules: recList(h.ctx, h.spec, 'rules', 'spec', (r, p, i) => l4Rule(h.ctx, r, p, i, ns)),
  } as TLSRoute | TCPRoute | UDPRoute;
}
