/**
 * Match precedence: ONE comparator per route type, criteria numbered as in the spec
 * (../shared/spec/matching-precedence.md; Go docs of HTTPRouteRule / GRPCRouteRule in
 * apis/v1/httproute_types.go and grpcroute_types.go, v1.6.1, and the v1.7 `hostnames` docs of
 * HTTPRoute/GRPCRoute/TLSRoute). Both the indexed tables and the reference scan sort with these
 * functions, so they cannot disagree about order.
 *
 * The hostname criterion (0) ranks the route's matching hostname AS WRITTEN in spec.hostnames,
 * not its intersection with the listener's (v1.7: "implementations SHOULD evaluate precedence
 * using the original hostnames configured on the Route, not the calculated Listener/Route
 * hostname intersection"; entries.ts precedenceHostnames says why this one rank is the same
 * order as "intersection, then original"). So on a listener `abc.example.com` a route written
 * `abc.example.com` beats one written `*.example.com` before paths, methods or age count.
 */
import { compareHostnameRank } from './hostname.ts';
import type { HostnameRank } from './hostname.ts';

/**
 * Who created a route first. Spec: oldest creationTimestamp wins; with equal or absent timestamps
 * the next criterion (`{namespace}/{name}`) decides. `order` (document order) is kept for
 * display only: it never decides precedence.
 */
export interface CreationKey {
  readonly creationTimestamp?: string;
  readonly order: number;
}

/** Static, request-independent part of an HTTP match's precedence. */
export interface HttpPrecedence {
  readonly created: CreationKey;
  /** `namespace/name` of the route. */
  readonly nsName: string;
  readonly ruleIndex: number;
  readonly matchIndex: number;
  readonly pathType: 'Exact' | 'PathPrefix' | 'RegularExpression';
  readonly pathChars: number;
  readonly hasMethod: boolean;
  readonly headerCount: number;
  readonly queryCount: number;
}

/**
 * Path classes. Spec: 1. Exact, 2. longest PathPrefix. "RegularExpression" precedence is
 * implementation-specific; we rank it between Exact and PathPrefix (as Envoy Gateway does),
 * longer patterns first.
 */
const PATH_CLASS = { Exact: 0, RegularExpression: 1, PathPrefix: 2 } as const;

/**
 * Spec tie-break after the match criteria: oldest creationTimestamp; 0 when the timestamps are
 * equal or both absent, so that `{namespace}/{name}` decides (apis/v1 Listener.AllowedRoutes:
 * "If everything else is equivalent, the Route appearing first in alphabetical order
 * (namespace/name)"). Document order is not creation order: `kubectl apply` of one file usually
 * stamps every object with the same second, and then the API's own rule is namespace/name.
 */
export function compareCreation(a: CreationKey, b: CreationKey): number {
  const ta = a.creationTimestamp;
  const tb = b.creationTimestamp;
  if (ta !== undefined && tb !== undefined && ta !== tb) return ta < tb ? -1 : 1;
  // An object read from the cluster (has a timestamp) is older than one not yet applied.
  if (ta !== undefined && tb === undefined) return -1;
  if (ta === undefined && tb !== undefined) return 1;
  return 0;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Negative when `a` wins over `b`. Criteria, in order (spec, HTTPRouteRule.matches doc):
 *  0. the route with the most specific matching hostname as written in its spec.hostnames
 *     (non-wildcard characters, then characters; no hostnames = least specific);
 *  1. an Exact path match (then RegularExpression, implementation-specific, see PATH_CLASS);
 *  2. the PathPrefix (or regex) with the most characters;
 *  3. a method match;
 *  4. the largest number of header matches;
 *  5. the largest number of query param matches;
 *  6. the oldest route by creationTimestamp (a route with one before a route without);
 *  7. the route first in alphabetical order of `{namespace}/{name}` (equal or absent timestamps);
 *  8. the first matching rule in the route's list, then the first match in the rule.
 */
export function compareHttp(
  a: HttpPrecedence,
  aHost: HostnameRank,
  b: HttpPrecedence,
  bHost: HostnameRank,
): number {
  return compareHostnameRank(aHost, bHost) || compareHttpStatic(a, b);
}

/** Criteria 1–8 (everything but the request-dependent hostname criterion 0). */
export function compareHttpStatic(a: HttpPrecedence, b: HttpPrecedence): number {
  return (
    PATH_CLASS[a.pathType] - PATH_CLASS[b.pathType] || // 1
    (a.pathType === 'Exact' ? 0 : b.pathChars - a.pathChars) || // 2
    Number(b.hasMethod) - Number(a.hasMethod) || // 3
    b.headerCount - a.headerCount || // 4
    b.queryCount - a.queryCount || // 5
    compareCreation(a.created, b.created) || // 6
    compareStrings(a.nsName, b.nsName) || // 7
    a.ruleIndex - b.ruleIndex || // 8
    a.matchIndex - b.matchIndex
  );
}

/** Static part of a GRPCRoute match's precedence. */
export interface GrpcPrecedence {
  readonly created: CreationKey;
  readonly nsName: string;
  readonly ruleIndex: number;
  readonly matchIndex: number;
  readonly serviceChars: number;
  readonly methodChars: number;
  readonly headerCount: number;
}

/**
 * Negative when `a` wins. Spec (GRPCRouteRule doc): the largest number of
 *  0. characters in a matching non-wildcard hostname, then characters in a matching hostname
 *     (hostnames as written, as for HTTP);
 *  1. characters in a matching `service`;
 *  2. characters in a matching `method`;
 *  3. header matches;
 *  then 4. oldest creationTimestamp, 5. `{namespace}/{name}`, 6. first matching rule.
 */
export function compareGrpc(
  a: GrpcPrecedence,
  aHost: HostnameRank,
  b: GrpcPrecedence,
  bHost: HostnameRank,
): number {
  return compareHostnameRank(aHost, bHost) || compareGrpcStatic(a, b);
}

export function compareGrpcStatic(a: GrpcPrecedence, b: GrpcPrecedence): number {
  return (
    b.serviceChars - a.serviceChars || // 1
    b.methodChars - a.methodChars || // 2
    b.headerCount - a.headerCount || // 3
    compareCreation(a.created, b.created) || // 4
    compareStrings(a.nsName, b.nsName) || // 5
    a.ruleIndex - b.ruleIndex || // 6
    a.matchIndex - b.matchIndex
  );
}

/**
 * L4 routes (TLS by SNI, TCP/UDP by port): hostname specificity (as written, as for HTTP; v1.7
 * TLSRouteMultipleRoutesAttachmentSameHostnameIntersection), then the generic conflict rule.
 */
export function compareL4(
  a: { readonly created: CreationKey; readonly nsName: string },
  aHost: HostnameRank,
  b: { readonly created: CreationKey; readonly nsName: string },
  bHost: HostnameRank,
): number {
  return (
    compareHostnameRank(aHost, bHost) ||
    compareCreation(a.created, b.created) ||
    compareStrings(a.nsName, b.nsName)
  );
}
