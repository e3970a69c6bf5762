/**
 * explain(tables, request): the simulate result with the full human trace — the listener chosen
 * and why, the hostname intersection, the candidate route rules in precedence order with the
 * reason each lost (hostname, path, method, header, query, or precedence and which criterion),
 * the filters applied, and near misses for a 404. Bounded work: only the first MAX_LISTED
 * candidates are described, selected without sorting everything.
 */
import type { HostnameRank } from './hostname.ts';
import {
  describeFailure,
  describeFix,
  describePath,
  httpMatchFailures,
  httpMatchHolds,
} from './http-match.ts';
import type { MatchFailure } from './http-match.ts';
import { grpcCallOf, grpcMatchFailures } from './grpc-match.ts';
import { compareCreation, compareGrpc, compareHttp } from './precedence.ts';
import type { HttpPrecedence } from './precedence.ts';
import { routeHostRank } from './reference.ts';
import type { RequestView } from './request.ts';
import { simulateDetailed } from './simulate.ts';
import type { GrpcEntry, HttpEntry, ListenerTable, RouteInfo, RouteTables } from './tables.ts';
import type { SimRequest, SimResult } from './types.ts';

/** How many candidates (and routes) are described one by one; the rest are counted. */
const MAX_LISTED = 40;
const MAX_NEAR_MISSES = 5;

export function explain(tables: RouteTables, request: SimRequest): SimResult {
  const sim = simulateDetailed(tables, request);
  const { result, table, view } = sim;
  if (!table || sim.protocol === 'TLS' || sim.protocol === 'TCP' || sim.protocol === 'UDP') return result;
  const [head, ...rest] = result.explanation;
  const lines = head === undefined ? [] : [head];
  lines.push(hostnameLine(table, view));
  lines.push(
    ...(sim.protocol === 'GRPC' ? grpcCandidates(table, request, view) : httpCandidates(table, view)),
  );
  lines.push(...rest);
  return { ...result, explanation: lines };
}

interface Ranked<E> {
  readonly e: E;
  readonly rank: HostnameRank;
}

/** The `k` smallest items by `compare`, in order, without sorting the whole list. */
function firstK<T>(items: Iterable<T>, k: number, compare: (a: T, b: T) => number): T[] {
  const out: T[] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    if (out.length >= k && last !== undefined && compare(item, last) >= 0) continue;
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(out[mid] as T, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, item);
    if (out.length > k) out.pop();
  }
  return out;
}

function hostnameLine(table: ListenerTable, view: RequestView): string {
  const host = view.host.name;
  const l = table.listener;
  const matching: RouteInfo[] = [];
  for (const r of table.routes) if (routeHostRank(r, host) !== null) matching.push(r);
  const shown = matching.slice(0, MAX_LISTED).map((r) => {
    const names = r.hostnames.map((h) => h || `(any${l.hostname ? `: ${l.hostname}` : ''})`).join(', ');
    return `${r.kind} ${r.nsName} [${names}]`;
  });
  const more = matching.length > MAX_LISTED ? `, and ${matching.length - MAX_LISTED} more` : '';
  const port = view.host.port !== null ? ` (port ${view.host.port} ignored)` : '';
  const others = table.routes.length - matching.length;
  return (
    `Host ${host ?? '(IP address, matches no hostname)'}${port}; listener hostname ${l.hostname ?? '(none: any host)'}; ` +
    `${table.routes.length} route(s) attached; route hostnames (intersected with the listener's) that match: ` +
    `${shown.join('; ') || 'none'}${more}${others > 0 ? `; ${others} route(s) do not match this host` : ''}.`
  );
}

function ruleName(e: { route: RouteInfo; rule: { index: number }; matchIndex: number }): string {
  return `${e.route.kind} ${e.route.nsName} rule ${e.rule.index} match ${e.matchIndex}`;
}

/** The first precedence criterion on which `loser` is behind `winner` (precedence.ts numbering). */
function lostOn(loser: HttpPrecedence, lr: HostnameRank, winner: HttpPrecedence, wr: HostnameRank): string {
  if (lr.exactChars !== wr.exactChars || lr.chars !== wr.chars)
    return '0: the winner has a more specific hostname';
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
    const how = winner.created.creationTimestamp
      ? 'creationTimestamp'
      : 'document order (no creationTimestamp)';
    return `6: the winner's route is older by ${how}`;
  }
  if (loser.nsName !== winner.nsName) return '7: the winner comes first in namespace/name order';
  return '8: an earlier rule (or match) of the same route matches';
}

function httpCandidates(table: ListenerTable, view: RequestView): string[] {
  const inHost: Ranked<HttpEntry>[] = [];
  for (const e of table.httpEntries) {
    const rank = routeHostRank(e.route, view.host.name);
    if (rank) inHost.push({ e, rank });
  }
  const cmp = (a: Ranked<HttpEntry>, b: Ranked<HttpEntry>): number =>
    compareHttp(a.e.prec, a.rank, b.e.prec, b.rank);
  const holding = inHost.filter((c) => httpMatchHolds(c.e.match, view));
  const win = firstK(holding, 1, cmp)[0];
  const lines = [
    `Candidates in precedence order (${inHost.length} with a matching hostname, ${table.httpEntries.length - inHost.length} without):`,
  ];
  for (const c of firstK(inHost, MAX_LISTED, cmp)) {
    const name = `${ruleName(c.e)} (${describePath(c.e.match)})`;
    const failures = httpMatchFailures(c.e.match, view);
    if (c === win) lines.push(`  ✔ ${name}: matches and wins.`);
    else if (failures.length > 0) lines.push(`  ✘ ${name}: ${failures.map(describeFailure).join('; ')}.`);
    else if (win)
      lines.push(
        `  ✘ ${name}: matches but loses on precedence ${lostOn(c.e.prec, c.rank, win.e.prec, win.rank)}.`,
      );
  }
  if (inHost.length > MAX_LISTED) lines.push(`  … and ${inHost.length - MAX_LISTED} more.`);
  if (!win) lines.push(...nearMisses(inHost, view, cmp));
  return lines;
}

/**
 * Rules one condition away from matching: first those whose path matches and that miss one
 * header, query param or method; only when there are none, those that miss only the path.
 */
function nearMisses(
  inHost: readonly Ranked<HttpEntry>[],
  view: RequestView,
  cmp: (a: Ranked<HttpEntry>, b: Ranked<HttpEntry>) => number,
): string[] {
  const single: (Ranked<HttpEntry> & { f: MatchFailure })[] = [];
  for (const c of inHost) {
    const failures = httpMatchFailures(c.e.match, view);
    const f = failures[0];
    if (failures.length === 1 && f) single.push({ ...c, f });
  }
  const pathOk = single.filter((c) => c.f.on !== 'path');
  const near = firstK(pathOk.length > 0 ? pathOk : single, MAX_NEAR_MISSES, cmp);
  if (near.length === 0) return ['No rule is one condition away from matching.'];
  return near.map(
    (c) =>
      `Near miss: ${view.method} ${view.path} would match rule ${c.e.rule.index} of ${c.e.route.kind} ${c.e.route.nsName} if ${describeFix(c.f)}.`,
  );
}

function grpcCandidates(table: ListenerTable, request: SimRequest, view: RequestView): string[] {
  const call = grpcCallOf(request.grpc, view.path);
  const cands: (Ranked<GrpcEntry> & { failures: string[] })[] = [];
  for (const e of table.grpcEntries) {
    const rank = routeHostRank(e.route, view.host.name);
    if (rank) cands.push({ e, rank, failures: grpcMatchFailures(e.match, call, view) });
  }
  const cmp = (a: Ranked<GrpcEntry>, b: Ranked<GrpcEntry>): number =>
    compareGrpc(a.e.prec, a.rank, b.e.prec, b.rank);
  const win = firstK(
    cands.filter((c) => c.failures.length === 0),
    1,
    cmp,
  )[0];
  const lines = [`gRPC call ${call.service}/${call.method}; GRPCRoute candidates in precedence order:`];
  for (const c of firstK(cands, MAX_LISTED, cmp)) {
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
