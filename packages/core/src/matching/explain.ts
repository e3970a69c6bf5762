/**
 * explain(tables, request): the simulate result with the full human trace — the listener chosen
 * and why, the hostname intersection, the candidate route rules in precedence order with the
 * reason each lost (hostname, path, method, header, query, or precedence and which criterion),
 * the filters applied, and near misses for a 404. Bounded work: candidates come from the
 * listener's hostname buckets, already in precedence order, and only MAX_LISTED are described.
 */
import type { HostnameRank } from './hostname.ts';
import {
  describeFailure,
  describeFix,
  describePath,
  httpMatchFailures,
  httpRestHolds,
  pathMatches,
} from './http-match.ts';
import type { MatchFailure } from './http-match.ts';
import { grpcCallOf, grpcMatchFailures } from './grpc-match.ts';
import { compareCreation, compareGrpc } from './precedence.ts';
import type { HttpPrecedence } from './precedence.ts';
import { routeHostRank } from './reference.ts';
import type { RequestView } from './request.ts';
import { INDEXED, bucketsFor, findHttp, simulateDetailed } from './simulate.ts';
import type { GrpcEntry, HttpEntry, ListenerTable, RouteInfo, RouteTables } from './tables.ts';
import type { SimRequest, SimResult } from './types.ts';

/** How many candidates (and routes) are described one by one; the rest are counted. */
const MAX_LISTED = 40;
/**
 * Hostnames shown per listed route: a route may list hundreds, and the line is built for every
 * request of a batch (40 routes × 2000 names was ~640 KB of text per request).
 */
const MAX_HOSTNAMES = 4;
const MAX_NEAR_MISSES = 5;

export function explain(tables: RouteTables, request: SimRequest): SimResult {
  const sim = simulateDetailed(tables, request, INDEXED, true);
  const { result, table, view } = sim;
  if (!table || sim.protocol === 'TLS' || sim.protocol === 'TCP' || sim.protocol === 'UDP') return result;
  const [head, ...rest] = result.explanation;
  const lines = head === undefined ? [] : [head];
  if (sim.protocol === 'GRPC') {
    const grpc = grpcInHost(table, view);
    lines.push(hostnameLine(table, view), ...grpcCandidates(grpc, request, view));
  } else {
    const inHost = inHostOrder(table, view.host.name);
    lines.push(hostnameLine(table, view), ...httpCandidates(table, inHost, view));
  }
  lines.push(...rest);
  return { ...result, explanation: lines };
}

interface Ranked<E> {
  readonly e: E;
  readonly rank: HostnameRank;
}

/**
 * The HTTP entries whose route hostname matches the host, in precedence order: the listener's
 * hostname buckets are visited most specific first and each bucket is already sorted, so the
 * concatenation (first occurrence of each entry) is the spec order without sorting anything.
 */
function inHostOrder(table: ListenerTable, host: string | null): readonly HttpEntry[] {
  const buckets = bucketsFor(table, host);
  if (buckets.length === 1) return buckets[0]?.httpSorted ?? [];
  return unionInOrder(buckets.map((b) => b.httpSorted));
}

/** Concatenation keeping the first occurrence; only multi-hostname routes can repeat. */
function unionInOrder<T extends { readonly route: RouteInfo }>(lists: readonly (readonly T[])[]): T[] {
  const seen = new Set<T>();
  const out: T[] = [];
  for (const list of lists) {
    for (const item of list) {
      if (item.route.hostnames.length > 1) {
        if (seen.has(item)) continue;
        seen.add(item);
      }
      out.push(item);
    }
  }
  return out;
}

function hostnameLine(table: ListenerTable, view: RequestView): string {
  const host = view.host.name;
  const l = table.listener;
  const buckets = bucketsFor(table, host);
  const matching =
    buckets.length === 1
      ? (buckets[0]?.routes ?? [])
      : unionInOrder(buckets.map((b) => b.routes.map((route) => ({ route })))).map((x) => x.route);
  const shown = matching.slice(0, MAX_LISTED).map((r) => {
    const names = r.hostnames
      .slice(0, MAX_HOSTNAMES)
      .map((h) => h || `(any${l.hostname ? `: ${l.hostname}` : ''})`)
      .join(', ');
    const rest = r.hostnames.length - MAX_HOSTNAMES;
    return `${r.kind} ${r.nsName} [${names}${rest > 0 ? `, +${rest} more` : ''}]`;
  });
  const more = matching.length > MAX_LISTED ? `, and ${matching.length - MAX_LISTED} more` : '';
  const port = view.host.port !== null ? ` (port ${view.host.port} ignored)` : '';
  const others = table.routes.length - matching.length;
  return (
    `Host ${host ?? '(IP address, matches no hostname)'}${port}; listener hostname ${l.hostname ?? '(none: any host)'}; ` +
    `${table.routes.length} route(s) attached; route hostnames (as written, those intersecting the listener's) that match: ` +
    `${shown.join('; ') || 'none'}${more}${others > 0 ? `; ${others} route(s) do not match this host` : ''}.`
  );
}

function ruleName(e: { route: RouteInfo; rule: { index: number }; matchIndex: number }): string {
  return `${e.route.kind} ${e.route.nsName} rule ${e.rule.index} match ${e.matchIndex}`;
}

/** The first precedence criterion on which `loser` is behind `winner` (precedence.ts numbering). */
function lostOn(loser: HttpPrecedence, lr: HostnameRank, winner: HttpPrecedence, wr: HostnameRank): string {
  if (lr.exactChars !== wr.exactChars || lr.chars !== wr.chars)
    return '0: the winner has a more specific hostname (as written in spec.hostnames)';
  if (loser.pathType !== winner.pathType) return `1: ${winner.pathType} path beats ${loser.pathType}`;
  if (loser.pathChars !== winner.pathChars && loser.pathType !== 'Exact') {
    return '2: the winner has a longer path prefix';
  }
  if (loser.hasMethod !== winner.hasMethod) return '3: the winner matches on method';
  if (loser.headerCount !== winner.headerCount) {
    return `4: the winner has more header matches (${winner.headerCount} vs ${loser.headerCount})`;
  }
  if (loser.queryCount !== winner.queryCount) {
    return `5: the winner has more query param matches (${winner.queryCount} vs ${loser.queryCount})`;
  }
  if (compareCreation(winner.created, loser.created) !== 0) {
    return loser.created.creationTimestamp === undefined
      ? "6: the winner's route has a creationTimestamp (it exists); the other is not applied yet"
      : `6: the winner's route is older by creationTimestamp (${winner.created.creationTimestamp} < ${loser.created.creationTimestamp})`;
  }
  if (loser.nsName !== winner.nsName) {
    const why =
      winner.created.creationTimestamp === undefined ? 'no creationTimestamps' : 'equal creationTimestamps';
    return `7: ${why}, so the winner comes first in namespace/name order`;
  }
  return '8: an earlier rule (or match) of the same route matches';
}

function httpCandidates(table: ListenerTable, inHost: readonly HttpEntry[], view: RequestView): string[] {
  // The index finds the same winner as the first holding entry of `inHost` (the reference
  // agreement property), without testing thousands of header-only-discriminated rules.
  const win = findHttp(table, view) ?? undefined;
  const winRank = win ? routeHostRank(win.route, view.host.name) : null;
  const lines = [
    `Candidates in precedence order (${inHost.length} with a matching hostname, ${table.httpEntries.length - inHost.length} without):`,
  ];
  for (const e of inHost.slice(0, MAX_LISTED)) {
    const name = `${ruleName(e)} (${describePath(e.match)})`;
    const failures = httpMatchFailures(e.match, view);
    const rank = routeHostRank(e.route, view.host.name);
    if (e === win) lines.push(`  ✔ ${name}: matches and wins.`);
    else if (failures.length > 0) lines.push(`  ✘ ${name}: ${failures.map(describeFailure).join('; ')}.`);
    else if (win && winRank && rank) {
      lines.push(`  ✘ ${name}: matches but loses on precedence ${lostOn(e.prec, rank, win.prec, winRank)}.`);
    }
  }
  if (inHost.length > MAX_LISTED) lines.push(`  … and ${inHost.length - MAX_LISTED} more.`);
  if (!win) lines.push(...nearMisses(inHost, view));
  return lines;
}

/**
 * Rules one condition away from matching: first those whose path matches and that miss one
 * header, query param or method; only when there are none, those that miss only the path.
 */
function nearMisses(inHost: readonly HttpEntry[], view: RequestView): string[] {
  const pathOk: { e: HttpEntry; f: MatchFailure }[] = [];
  const pathOnly: { e: HttpEntry; f: MatchFailure }[] = [];
  for (const e of inHost) {
    if (pathMatches(e.match, view.path)) {
      if (pathOk.length >= MAX_NEAR_MISSES) continue;
      const failures = httpMatchFailures(e.match, view);
      const f = failures[0];
      if (failures.length === 1 && f) pathOk.push({ e, f });
    } else if (pathOnly.length < MAX_NEAR_MISSES && httpRestHolds(e.match, view)) {
      pathOnly.push({ e, f: { on: 'path', want: describePath(e.match) } });
    }
  }
  const near = pathOk.length > 0 ? pathOk : pathOnly;
  if (near.length === 0) return ['No rule is one condition away from matching.'];
  return near.map(
    ({ e, f }) =>
      `Near miss: ${view.method} ${view.path} would match rule ${e.rule.index} of ${e.route.kind} ${e.route.nsName} if ${describeFix(f)}.`,
  );
}

function grpcInHost(table: ListenerTable, view: RequestView): Ranked<GrpcEntry>[] {
  const out: Ranked<GrpcEntry>[] = [];
  for (const e of table.grpcEntries) {
    const rank = routeHostRank(e.route, view.host.name);
    if (rank) out.push({ e, rank });
  }
  return out.sort((a, b) => compareGrpc(a.e.prec, a.rank, b.e.prec, b.rank));
}

function grpcCandidates(
  inHost: readonly Ranked<GrpcEntry>[],
  request: SimRequest,
  view: RequestView,
): string[] {
  const call = grpcCallOf(request.grpc, view.path);
  const cands = inHost.map((c) => ({ ...c, failures: grpcMatchFailures(c.e.match, call, view) }));
  const win = cands.find((c) => c.failures.length === 0);
  const lines = [`gRPC call ${call.service}/${call.method}; GRPCRoute candidates in precedence order:`];
  for (const c of cands.slice(0, MAX_LISTED)) {
    if (c === win) lines.push(`  ✔ ${ruleName(c.e)}: matches and wins.`);
    else if (c.failures.length > 0) lines.push(`  ✘ ${ruleName(c.e)}: ${c.failures.join('; ')}.`);
    else
      lines.push(
        `  ✘ ${ruleName(c.e)}: matches but loses on precedence (service, method, headers, age, name).`,
      );
  }
  if (cands.length > MAX_LISTED) lines.push(`  … and ${cands.length - MAX_LISTED} more.`);
  if (!win) lines.push('No GRPCRoute rule matches: the gateway answers UNIMPLEMENTED.');
  return lines;
}
