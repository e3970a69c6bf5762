/**
 * The REFERENCE implementation: no index. Scan every rule of every route attached to the
 * listener, keep those that match, sort by the one comparator (precedence.ts), take the first.
 * It is slow on purpose and simple enough to check by reading; a property test and the benchmark
 * check that the indexed tables give the same answers.
 */
import { hostnameMatches, hostnameRank, compareHostnameRank } from './hostname.ts';
import type { HostnameRank } from './hostname.ts';
import { httpMatchHolds } from './http-match.ts';
import { grpcMatchHolds } from './grpc-match.ts';
import type { GrpcCall } from './grpc-match.ts';
import { compareGrpc, compareHttp, compareL4 } from './precedence.ts';
import type { RequestView } from './request.ts';
import { simulateDetailed } from './simulate.ts';
import type { Finder } from './simulate.ts';
import type { GrpcEntry, HttpEntry, L4Entry, ListenerTable, RouteInfo, RouteTables } from './tables.ts';
import type { SimProtocol, SimRequest, SimResult } from './types.ts';

/** The most specific of the route's hostnames that matches `host` ("" matches any host). */
export function routeHostRank(route: RouteInfo, host: string | null): HostnameRank | null {
  let best: HostnameRank | null = null;
  for (const pattern of route.hostnames) {
    const ok = pattern === '' || (host !== null && hostnameMatches(pattern, host));
    if (!ok) continue;
    const rank = hostnameRank(pattern);
    if (!best || compareHostnameRank(rank, best) < 0) best = rank;
  }
  return best;
}

function bestOf<E>(
  candidates: { e: E; rank: HostnameRank }[],
  compare: (a: E, ar: HostnameRank, b: E, br: HostnameRank) => number,
): E | null {
  candidates.sort((a, b) => compare(a.e, a.rank, b.e, b.rank));
  return candidates[0]?.e ?? null;
}

export function scanHttp(table: ListenerTable, view: RequestView): HttpEntry | null {
  const matching: { e: HttpEntry; rank: HostnameRank }[] = [];
  for (const e of table.httpEntries) {
    const rank = routeHostRank(e.route, view.host.name);
    if (rank && httpMatchHolds(e.match, view)) matching.push({ e, rank });
  }
  return bestOf(matching, (a, ar, b, br) => compareHttp(a.prec, ar, b.prec, br));
}

export function scanGrpc(table: ListenerTable, call: GrpcCall, view: RequestView): GrpcEntry | null {
  const matching: { e: GrpcEntry; rank: HostnameRank }[] = [];
  for (const e of table.grpcEntries) {
    const rank = routeHostRank(e.route, view.host.name);
    if (rank && grpcMatchHolds(e.match, call, view)) matching.push({ e, rank });
  }
  return bestOf(matching, (a, ar, b, br) => compareGrpc(a.prec, ar, b.prec, br));
}

export function scanL4(table: ListenerTable, protocol: SimProtocol, sni: string | null): L4Entry | null {
  const matching: { e: L4Entry; rank: HostnameRank }[] = [];
  for (const e of table.l4Entries) {
    const rank = protocol === 'TLS' ? routeHostRank(e.route, sni) : hostnameRank('');
    if (rank) matching.push({ e, rank });
  }
  return bestOf(matching, (a, ar, b, br) => compareL4(a.route, ar, b.route, br));
}

export const REFERENCE: Finder = { http: scanHttp, grpc: scanGrpc, l4: scanL4 };

/** Same contract as simulate(), found by a full sorted scan. */
export function simulateReference(tables: RouteTables, request: SimRequest): SimResult {
  return simulateDetailed(tables, request, REFERENCE).result;
}
