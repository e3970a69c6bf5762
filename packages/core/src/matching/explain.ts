/**
 * explain(tables, request): the simulate result with the full human trace — the listener chosen
 * and why, the hostname intersection, every candidate route rule in precedence order with the
 * reason it lost (hostname, path, method, header, query, or precedence and which criterion), the
 * filters applied, and near misses for a 404.
 */
import type { HostnameRank } from './hostname.ts';
import { describeFailure, describeFix, describePath, httpMatchFailures } from './http-match.ts';
import type { MatchFailure } from './http-match.ts';
import { grpcCallOf, grpcMatchFailures } from './grpc-match.ts';
import { compareCreation, compareGrpc, compareHttp } from './precedence.ts';
import type { HttpPrecedence } from './precedence.ts';
import { routeHostRank } from './reference.ts';
import type { RequestView } from './request.ts';
import { simulateDetailed } from './simulate.ts';
import type { GrpcEntry, HttpEntry, ListenerTable, RouteInfo, RouteTables } from './tables.ts';
import type { SimRequest, SimResult } from './types.ts';

/** How many candidates are listed one by one (the rest are counted). */
const MAX_LISTED = 40;
const MAX_NEAR_MISSES = 5;

export function explain(tables: RouteTables, request: SimRequest): SimResult {
  const sim = simulateDetailed(tables, request);
  const { result, table, view } = sim;
  if (!table || sim.protocol === 'TLS' || sim.protocol === 'TCP' || sim.protocol === 'UDP') return result;
  const [head, ...rest] = result.explanation;
  const lines = head === undefined ? [] : [head];
  lines.push(...hostnameLines(table, view));
  const winner = result.route ? `${result.route.namespace}/${result.route.name}#${result.rule}` : null;
  lines.push(
    ...(sim.protocol === 'GRPC'
      ? grpcCandidates(table, request, view, winner)
      : httpCandidates(table, view, winner)),
  );
  lines.push(...rest);
  return { ...result, explanation: lines };
}

function hostnameLines(table: ListenerTable, view: RequestView): string[] {
  const host = view.host.name;
  const l = table.listener;
  const routes = new Map<string, RouteInfo>();
  for (const e of [...table.httpEntries, ...table.grpcEntries]) routes.set(e.route.key, e.route);
  const inter = [...routes.values()].map((r) => {
    const names = r.hostnames.map((h) => h || `(any${l.hostname ? `: ${l.hostname}` : ''})`).join(', ');
    const ok = routeHostRank(r, host) !== null;
    return `${r.kind} ${r.nsName} [${names}] ${ok ? 'matches' : 'does not match'}`;
  });
  const head = `Host ${host ?? '(IP address, matches no hostname)'}${view.host.port !== null ? ` (port ${view.host.port} ignored)` : ''}; listener hostname ${l.hostname ?? '(none: any host)'}; route hostnames intersected with the listener's:`;
  if (inter.length === 0) return [`${head} no routes are attached to listener ${l.name}.`];
  const shown = inter.slice(0, MAX_LISTED);
  const more = inter.length - shown.length;
  return [`${head} ${shown.join('; ')}${more > 0 ? `; and ${more} more routes` : ''}.`];
}

function ruleName(e: { route: RouteInfo; rule: { index: number }; matchIndex: number }): string {
  return `${e.route.kind} ${e.route.nsName} rule ${e.rule.index} match ${e.matchIndex}`;
}

/** The first precedence criterion on which `loser` is behind `winner` (precedence.ts numbering). */
function lostOn(loser: HttpPrecedence, lr: HostnameRank, winner: HttpPrecedence, wr: HostnameRank): string {
  if (lr.exactChars !== wr.exactChars || lr.chars !== wr.chars)
    return '0: the winner has a more specific hostname';
  if (loser.pathType !== winner.pathType) return `1: ${winner.pathType} path beats ${loser.pathType}`;
  if (loser.pathChars !== winner.pathChars && loser.pathType !== 'Exact')
    return '2: the winner has a longer path prefix';
  if (loser.hasMethod !== winner.hasMethod) return '3: the winner matches on method';
  if (loser.headerCount !== winner.headerCount)
    return `4: the winner has more header matches (${winner.headerCount} vs ${loser.headerCount})`;
  if (loser.queryCount !== winner.queryCount)
    return `5: the winner has more query param matches (${winner.queryCount} vs ${loser.queryCount})`;
  const c = compareCreation(winner.created, loser.created);
  if (c !== 0) {
    const how = winner.created.creationTimestamp
      ? 'creationTimestamp'
      : 'document order (no creationTimestamp)';
    return `6: the winner's route is older by ${how}`;
  }
  if (loser.nsName !== winner.nsName) return '7: the winner comes first in namespace/name order';
  return '8: an earlier rule (or match) of the same route matches';
}

function httpCandidates(table: ListenerTable, view: RequestView, winner: string | null): string[] {
  type Cand = { e: HttpEntry; rank: HostnameRank | null; failures: MatchFailure[] };
  const cands: Cand[] = table.httpEntries.map((e) => {
    const rank = routeHostRank(e.route, view.host.name);
    return { e, rank, failures: rank ? httpMatchFailures(e.match, view) : [] };
  });
  const inHost = cands.filter((c) => c.rank !== null) as (Cand & { rank: HostnameRank })[];
  inHost.sort((a, b) => compareHttp(a.e.prec, a.rank, b.e.prec, b.rank));
  const win = inHost.find((c) => c.failures.length === 0);
  const lines = [
    `Candidates in precedence order (${inHost.length} with a matching hostname, ${cands.length - inHost.length} without):`,
  ];
  for (const c of inHost.slice(0, MAX_LISTED)) {
    const name = `${ruleName(c.e)} (${describePath(c.e.match)})`;
    if (c === win) lines.push(`  ✔ ${name}: matches and wins.`);
    else if (c.failures.length > 0) lines.push(`  ✘ ${name}: ${c.failures.map(describeFailure).join('; ')}.`);
    else if (win) {
      lines.push(
        `  ✘ ${name}: matches but loses on precedence ${lostOn(c.e.prec, c.rank, win.e.prec, win.rank)}.`,
      );
    }
  }
  if (inHost.length > MAX_LISTED) lines.push(`  … and ${inHost.length - MAX_LISTED} more.`);
  if (!win && winner === null) lines.push(...nearMisses(inHost, view));
  return lines;
}

/**
 * Rules one condition away from matching: first those whose path matches and that miss one
 * header, query param or method; only when there are none, those that miss only the path.
 */
function nearMisses(
  cands: readonly { e: HttpEntry; failures: MatchFailure[] }[],
  view: RequestView,
): string[] {
  const single = cands.filter((c) => c.failures.length === 1);
  const pathOk = single.filter((c) => c.failures[0]?.on !== 'path');
  const near = (pathOk.length > 0 ? pathOk : single).slice(0, MAX_NEAR_MISSES);
  if (near.length === 0) return ['No rule is one condition away from matching.'];
  return near.map((c) => {
    const failure = c.failures[0];
    const fix = failure ? describeFix(failure) : '';
    return `Near miss: ${view.method} ${view.path} would match rule ${c.e.rule.index} of ${c.e.route.kind} ${c.e.route.nsName} if ${fix}.`;
  });
}

function grpcCandidates(
  table: ListenerTable,
  request: SimRequest,
  view: RequestView,
  winner: string | null,
): string[] {
  const call = grpcCallOf(request.grpc, view.path);
  type Cand = { e: GrpcEntry; rank: HostnameRank; failures: string[] };
  const cands: Cand[] = [];
  for (const e of table.grpcEntries) {
    const rank = routeHostRank(e.route, view.host.name);
    if (rank) cands.push({ e, rank, failures: grpcMatchFailures(e.match, call, view) });
  }
  cands.sort((a, b) => compareGrpc(a.e.prec, a.rank, b.e.prec, b.rank));
  const win = cands.find((c) => c.failures.length === 0);
  const lines = [`gRPC call ${call.service}/${call.method}; GRPCRoute candidates in precedence order:`];
  for (const c of cands.slice(0, MAX_LISTED)) {
    if (c === win) lines.push(`  ✔ ${ruleName(c.e)}: matches and wins.`);
    else if (c.failures.length > 0) lines.push(`  ✘ ${ruleName(c.e)}: ${c.failures.join('; ')}.`);
    else lines.push(`  ✘ ${ruleName(c.e)}: matches but loses on precedence to ${winner ?? 'the winner'}.`);
  }
  if (!win) lines.push('No GRPCRoute rule matches: the gateway answers UNIMPLEMENTED.');
  return lines;
}
