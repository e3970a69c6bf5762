/**
 * simulate(tables, request): where does this request go? Listener first (listener.ts), then the
 * winning route rule from the listener's indexed table, then filters and backends (respond.ts).
 */
import { candidatePatterns } from './hostname.ts';
import { lookupHttp } from './http-index.ts';
import { scanPacked } from './scan.ts';
import { grpcCallOf, grpcMatchHolds } from './grpc-match.ts';
import type { GrpcCall } from './grpc-match.ts';
import { chooseListener } from './listener.ts';
import { viewOf } from './request.ts';
import type { RequestView } from './request.ts';
import { plainResult } from './forward.ts';
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

/** Like iterating bucketsFor, without building the list (simulate's hot path). */
export function findHttp(table: ListenerTable, view: RequestView): HttpEntry | null {
  const host = view.host.name;
  if (host !== null && table.buckets.size > 0) {
    // candidatePatterns(host) starts with the host itself: try it before the memo lookup.
    const own = table.buckets.get(host);
    const first = own ? lookupBucket(own, view) : null;
    if (first) return first;
    const patterns = candidatePatterns(host);
    for (let i = 1; i < patterns.length; i++) {
      const b = table.buckets.get(patterns[i] ?? '');
      const hit = b ? lookupBucket(b, view) : null;
      if (hit) return hit;
    }
  }
  return table.catchAll ? lookupBucket(table.catchAll, view) : null;
}

function lookupBucket(bucket: HostBucket, view: RequestView): HttpEntry | null {
  return bucket.httpScan !== null ? scanPacked(bucket.httpScan, view) : lookupHttp(bucket.http, view);
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

/** How the winning rule is found: the index (default) or the reference scan (reference.ts). */
export interface Finder {
  readonly http: (table: ListenerTable, view: RequestView) => HttpEntry | null;
  readonly grpc: (table: ListenerTable, call: GrpcCall, view: RequestView) => GrpcEntry | null;
  readonly l4: (table: ListenerTable, protocol: SimProtocol, sni: string | null) => L4Entry | null;
}

export const INDEXED: Finder = { http: findHttp, grpc: findGrpc, l4: findL4 };

/**
 * The simulation with what explain needs to extend it. `detail` asks for the full listener line
 * (other listeners on the port); simulate's short trace leaves it out.
 */
export function simulateDetailed(
  tables: RouteTables,
  request: SimRequest,
  finder: Finder = INDEXED,
  detail = false,
): Simulation {
  const gw = tables.gateways.get(request.gateway);
  const view = viewOf(request, gw?.address ?? null);
  if (!gw) {
    const known = [...tables.gateways.keys()].join(', ') || 'none';
    const why = `No Gateway ${request.gateway} with listeners (known: ${known}).`;
    return { view, table: null, protocol: null, result: emptyResult(request, null, [why]) };
  }
  const choice = chooseListener(gw, request, view, detail);
  if (!choice.ok) {
    const result = emptyResult(request, choice.status, choice.trace);
    const isGrpc = request.protocol === 'GRPC' || request.grpc !== undefined;
    const withCode =
      isGrpc && choice.status !== null ? withGrpcCode(result, grpcCodeOf(choice.status)) : result;
    return { view, table: null, protocol: null, result: withCode };
  }
  const { table, protocol } = choice;
  const result =
    protocol === 'TLS' || protocol === 'TCP' || protocol === 'UDP'
      ? simulateL4(tables, request, view, table, protocol, choice.trace, finder)
      : simulateHttp(tables, request, view, table, protocol, choice.trace, finder);
  return { view, table, protocol, result };
}

/** HTTP and gRPC: the winning rule, then what it does (respond.ts). */
function simulateHttp(
  tables: RouteTables,
  request: SimRequest,
  view: RequestView,
  table: ListenerTable,
  protocol: SimProtocol,
  trace: string[],
  finder: Finder,
): SimResult {
  const rule = findRule(table, request, view, protocol, finder);
  const listener = table.listener.name;
  if (!rule) {
    trace.push(`No rule of the routes attached to listener ${listener} matches: 404.`);
    const result: SimResult = { ...emptyResult(request, 404, trace), listener };
    return protocol === 'GRPC' ? withGrpcCode(result, 'UNIMPLEMENTED') : result;
  }
  trace.push(rule.traceLine);
  // Only HTTPRoute rules are plain (a gRPC answer needs its grpcCode: respond.ts MatchedRule.plain).
  if (rule.plain && request.backendBehavior === undefined)
    return plainResult(tables, rule, view, request, listener, trace);
  // respond appends its notes to the trace and returns the result's keys in contract order.
  const o = respond(tables, rule, view, table.listener, request, trace);
  const plain =
    protocol !== 'GRPC' &&
    o.timeouts === undefined &&
    o.retry === undefined &&
    o.extensionFilters === undefined;
  if (plain) {
    // The common case as one literal (one object shape, no properties added afterwards). It
    // repeats the general path's keys on purpose: folding it into the general path measured
    // ~10 % slower per request on teams-10k (bench/tools/profile-simulate.ts).
    return {
      id: request.id ?? null,
      status: o.status,
      listener,
      route: o.route,
      rule: o.rule,
      backends: o.backends,
      redirect: o.redirect,
      upstreamRequest: o.upstreamRequest,
      responseHeaders: o.responseHeaders,
      mirrors: o.mirrors,
      explanation: trace,
    };
  }
  const result: Mutable<SimResult> = {
    id: request.id ?? null,
    status: o.status,
    listener,
    route: o.route,
    rule: o.rule,
    backends: o.backends,
    redirect: o.redirect,
    upstreamRequest: o.upstreamRequest,
    responseHeaders: o.responseHeaders,
    mirrors: o.mirrors,
  } as Mutable<SimResult>;
  // Extensions after the contract's keys, the trace last (DESIGN.md's key order).
  if (protocol === 'GRPC') result.grpcCode = grpcCodeOf(o.status);
  if (o.timeouts !== undefined) result.timeouts = o.timeouts;
  if (o.retry !== undefined) result.retry = o.retry;
  if (o.extensionFilters !== undefined) result.extensionFilters = o.extensionFilters;
  result.explanation = trace;
  return result;
}

/** The result with a gRPC status, the trace still last (contract key order). */
function withGrpcCode(result: SimResult, grpcCode: GrpcCode): SimResult {
  const { explanation, ...rest } = result;
  return { ...rest, grpcCode, explanation };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function findRule(
  table: ListenerTable,
  request: SimRequest,
  view: RequestView,
  protocol: SimProtocol,
  finder: Finder,
): MatchedRule | null {
  if (protocol === 'GRPC') {
    const hit = finder.grpc(table, grpcCallOf(request.grpc, view.path), view);
    return hit ? hit.matched : null;
  }
  const hit = finder.http(table, view);
  return hit ? hit.matched : null;
}

/** TLSRoute by SNI, TCPRoute/UDPRoute by listener port: no HTTP status, just where it goes. */
function simulateL4(
  tables: RouteTables,
  request: SimRequest,
  view: RequestView,
  table: ListenerTable,
  protocol: SimProtocol,
  trace: string[],
  finder: Finder,
): SimResult {
  const base = { id: request.id ?? null, listener: table.listener.name };
  const sni = request.sni ?? view.host.name;
  const hit = finder.l4(table, protocol, sni === null ? null : sni.toLowerCase());
  if (!hit) {
    trace.push('No route attached to this listener takes the connection: it is closed.');
    return { ...emptyResult(request, null, trace), ...base };
  }
  const ruleIndex = hit.rule?.index ?? 0;
  const outcome = resolveBackends(tables, hit.route.key, ruleIndex, hit.rule?.backendRefs ?? []);
  trace.push(`${hit.route.kind} ${hit.route.nsName} takes the connection.`, ...outcome.notes);
  return {
    ...emptyResult(request, null, trace),
    ...base,
    route: hit.route.ref,
    rule: hit.rule ? ruleIndex : null,
    backends: outcome.backends,
  };
}

export function simulate(tables: RouteTables, request: SimRequest): SimResult {
  return simulateDetailed(tables, request).result;
}
