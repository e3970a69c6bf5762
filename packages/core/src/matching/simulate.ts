/**
 * simulate(tables, request): where does this request go? Listener first (listener.ts), then the
 * winning route rule from the listener's indexed table, then filters and backends (respond.ts).
 */
import { candidatePatterns } from './hostname.ts';
import { lookupHttp } from './http-index.ts';
import { grpcCallOf, grpcMatchHolds } from './grpc-match.ts';
import type { GrpcCall } from './grpc-match.ts';
import { chooseListener } from './listener.ts';
import { viewOf } from './request.ts';
import type { RequestView } from './request.ts';
import { respond } from './respond.ts';
import type { MatchedRule } from './respond.ts';
import { resolveBackends } from './backends.ts';
import type { GrpcEntry, HostBucket, HttpEntry, L4Entry, ListenerTable, RouteTables } from './tables.ts';
import type { GrpcCode, SimProtocol, SimRequest, SimResult } from './types.ts';

/** The hostname buckets that can serve `host`, most specific first (spec: hostname precedence). */
export function bucketsFor(table: ListenerTable, host: string | null): HostBucket[] {
  const out: HostBucket[] = [];
  if (host !== null) {
    for (const p of candidatePatterns(host)) {
      const b = table.buckets.get(p);
      if (b) out.push(b);
    }
  }
  if (table.catchAll) out.push(table.catchAll);
  return out;
}

export function findHttp(table: ListenerTable, view: RequestView): HttpEntry | null {
  for (const bucket of bucketsFor(table, view.host.name)) {
    const hit = lookupHttp(bucket.http, view);
    if (hit) return hit;
  }
  return null;
}

export function findGrpc(table: ListenerTable, call: GrpcCall, view: RequestView): GrpcEntry | null {
  for (const bucket of bucketsFor(table, view.host.name)) {
    const hit = bucket.grpc.find((e) => grpcMatchHolds(e.match, call, view));
    if (hit) return hit;
  }
  return null;
}

export function findL4(table: ListenerTable, protocol: SimProtocol, sni: string | null): L4Entry | null {
  if (protocol !== 'TLS') return table.l4Entries[0] ?? null;
  for (const bucket of bucketsFor(table, sni)) {
    const hit = bucket.l4[0];
    if (hit) return hit;
  }
  return null;
}

/** The result's keys in the order of DESIGN.md's contract (extensions before the trace). */
function inContractOrder(r: SimResult): SimResult {
  return {
    id: r.id,
    status: r.status,
    listener: r.listener,
    route: r.route,
    rule: r.rule,
    backends: r.backends,
    redirect: r.redirect,
    upstreamRequest: r.upstreamRequest,
    responseHeaders: r.responseHeaders,
    mirrors: r.mirrors,
    ...(r.grpcCode !== undefined ? { grpcCode: r.grpcCode } : {}),
    ...(r.timeouts !== undefined ? { timeouts: r.timeouts } : {}),
    ...(r.retry !== undefined ? { retry: r.retry } : {}),
    ...(r.extensionFilters !== undefined ? { extensionFilters: r.extensionFilters } : {}),
    explanation: r.explanation,
  };
}

export function emptyResult(request: SimRequest, status: number | null, explanation: string[]): SimResult {
  return {
    id: request.id ?? null,
    status,
    listener: null,
    route: null,
    rule: null,
    backends: [],
    redirect: null,
    upstreamRequest: null,
    responseHeaders: null,
    mirrors: [],
    explanation,
  };
}

export function matchedHttpRule(e: HttpEntry): MatchedRule {
  return {
    route: e.route,
    ruleIndex: e.rule.index,
    filters: e.rule.filters,
    backendRefs: e.rule.backendRefs,
    matchedPrefix: e.match.pathType === 'PathPrefix' ? e.match.pathValue : null,
    ...(e.rule.timeouts ? { timeouts: e.rule.timeouts } : {}),
    ...(e.rule.retry ? { retry: e.rule.retry } : {}),
  };
}

export function matchedGrpcRule(e: GrpcEntry): MatchedRule {
  return {
    route: e.route,
    ruleIndex: e.rule.index,
    filters: e.rule.filters,
    backendRefs: e.rule.backendRefs,
    matchedPrefix: null,
  };
}

/** gRPC status for an HTTP status (gRPC's "HTTP to gRPC status code mapping" doc). */
export function grpcCodeOf(status: number | null): GrpcCode {
  if (status === 200) return 'OK';
  if (status === 404) return 'UNIMPLEMENTED';
  if (status === 503 || status === 502 || status === 504) return 'UNAVAILABLE';
  return 'UNKNOWN';
}

export interface Simulation {
  readonly result: SimResult;
  readonly view: RequestView;
  readonly table: ListenerTable | null;
  readonly protocol: SimProtocol | null;
}

/** A request without a Host goes to the Gateway's address: that is its Host header. */
function withGatewayAddress(view: RequestView, address: string | null): RequestView {
  if (view.host.header !== '' || address === null) return view;
  return { ...view, host: { ...view.host, header: address } };
}

/** How the winning rule is found: the index (default) or the reference scan (reference.ts). */
export interface Finder {
  readonly http: (table: ListenerTable, view: RequestView) => HttpEntry | null;
  readonly grpc: (table: ListenerTable, call: GrpcCall, view: RequestView) => GrpcEntry | null;
  readonly l4: (table: ListenerTable, protocol: SimProtocol, sni: string | null) => L4Entry | null;
}

export const INDEXED: Finder = { http: findHttp, grpc: findGrpc, l4: findL4 };

export function simulateDetailed(
  tables: RouteTables,
  request: SimRequest,
  finder: Finder = INDEXED,
): Simulation {
  const gw = tables.gateways.get(request.gateway);
  const view = withGatewayAddress(viewOf(request), gw?.address ?? null);
  if (!gw) {
    const known = [...tables.gateways.keys()].join(', ') || 'none';
    const why = `No Gateway ${request.gateway} with listeners (known: ${known}).`;
    return { view, table: null, protocol: null, result: emptyResult(request, null, [why]) };
  }
  const choice = chooseListener(gw, request, view);
  if (!choice.ok) {
    const result = emptyResult(request, choice.status, choice.trace);
    const isGrpc = request.protocol === 'GRPC' || request.grpc !== undefined;
    const withCode =
      isGrpc && choice.status !== null ? { ...result, grpcCode: grpcCodeOf(choice.status) } : result;
    return { view, table: null, protocol: null, result: withCode };
  }
  const { table, protocol } = choice;
  const done = (result: SimResult): Simulation => ({
    view,
    table,
    protocol,
    result: inContractOrder(result),
  });
  if (protocol === 'TLS' || protocol === 'TCP' || protocol === 'UDP') {
    return done(simulateL4(tables, request, view, table, protocol, choice.trace, finder));
  }
  const base = { id: request.id ?? null, listener: table.listener.name };
  const rule = findRule(table, request, view, protocol, finder);
  if (!rule) {
    const explanation = [
      ...choice.trace,
      `No rule of the routes attached to listener ${table.listener.name} matches: 404.`,
    ];
    const result = { ...emptyResult(request, 404, explanation), ...base };
    return done(protocol === 'GRPC' ? { ...result, grpcCode: 'UNIMPLEMENTED' } : result);
  }
  const listenerFacts = { protocol: table.listener.protocol, port: table.listener.port };
  const { notes, ...rest } = respond(
    tables,
    rule,
    view,
    listenerFacts,
    request.backendResponseHeaders,
    request.backendBehavior,
  );
  const matched = `Matched ${rule.route.kind} ${rule.route.nsName} rule ${rule.ruleIndex}.`;
  const result: SimResult = { ...rest, ...base, explanation: [...choice.trace, matched, ...notes] };
  return done(protocol === 'GRPC' ? { ...result, grpcCode: grpcCodeOf(result.status) } : result);
}

function findRule(
  table: ListenerTable,
  request: SimRequest,
  view: RequestView,
  protocol: SimProtocol,
  finder: Finder,
): MatchedRule | null {
  if (protocol === 'GRPC') {
    const hit = finder.grpc(table, grpcCallOf(request.grpc, view.path), view);
    return hit ? matchedGrpcRule(hit) : null;
  }
  const hit = finder.http(table, view);
  return hit ? matchedHttpRule(hit) : null;
}

/** TLSRoute by SNI, TCPRoute/UDPRoute by listener port: no HTTP status, just where it goes. */
function simulateL4(
  tables: RouteTables,
  request: SimRequest,
  view: RequestView,
  table: ListenerTable,
  protocol: SimProtocol,
  listenerTrace: readonly string[],
  finder: Finder,
): SimResult {
  const base = { id: request.id ?? null, listener: table.listener.name };
  const sni = request.sni ?? view.host.name;
  const hit = finder.l4(table, protocol, sni === null ? null : sni.toLowerCase());
  if (!hit) {
    const why = 'No route attached to this listener takes the connection: it is closed.';
    return { ...emptyResult(request, null, [...listenerTrace, why]), ...base };
  }
  const ruleIndex = hit.rule?.index ?? 0;
  const outcome = resolveBackends(tables, hit.route.key, ruleIndex, hit.rule?.backendRefs ?? []);
  const route = { kind: hit.route.kind, namespace: hit.route.namespace, name: hit.route.name };
  const trace = [
    ...listenerTrace,
    `${route.kind} ${hit.route.nsName} takes the connection.`,
    ...outcome.notes,
  ];
  return {
    ...emptyResult(request, null, trace),
    ...base,
    route,
    rule: hit.rule ? ruleIndex : null,
    backends: outcome.backends,
  };
}

export function simulate(tables: RouteTables, request: SimRequest): SimResult {
  return simulateDetailed(tables, request).result;
}
