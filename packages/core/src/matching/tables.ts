/**
 * compileRouteTables: from an Analysis (only attached routes and resolved backends count) to one
 * table per listener, indexed for fast lookup: hostname buckets (exact names, wildcard suffixes,
 * catch-all), and per bucket the HTTP path index (http-index.ts) and the sorted gRPC/L4 lists.
 */
import type { Analysis, ResolvedBackend, ResolvedListener, RouteAttachment } from '../analysis/types.ts';
import type { Diagnostic } from '../diagnostics/types.ts';
import { keyOf } from '../model/identity.ts';
import type { ObjectKey } from '../model/identity.ts';
import { isRoute } from '../model/types.ts';
import type { GRPCRouteRule, HTTPRouteRule, L4RouteRule, Route } from '../model/types.ts';
import type { CompiledGrpcMatch } from './grpc-match.ts';
import type { CompiledHttpMatch } from './http-match.ts';
import type { HostnameRank } from './hostname.ts';
import { buildHttpIndex } from './http-index.ts';
import { backendKey, mirrorKey } from './keys.ts';
import type { HttpIndex } from './http-index.ts';
import type { PackedScan } from './scan.ts';
import { compareHttpStatic } from './precedence.ts';
import type { CreationKey, GrpcPrecedence, HttpPrecedence } from './precedence.ts';
import { choiceReason } from './listener.ts';
import { regexDiagnostics } from './diagnostics.ts';
import { concatEntries, routeEntries, routeInfo } from './entries.ts';
import type { RouteEntries } from './entries.ts';
import { gatewayTables } from './gateways.ts';
import { withBackendTls } from './backend-tls.ts';
import type { BackendOutcome } from './backends.ts';
import type { MatchedRule } from './respond.ts';
import type { SimRouteRef } from './types.ts';

export interface RouteInfo {
  readonly key: ObjectKey;
  readonly kind: Route['kind'];
  readonly namespace: string;
  readonly name: string;
  readonly nsName: string;
  readonly created: CreationKey;
  /**
   * The hostname patterns that file and rank the route on this listener: its spec.hostnames as
   * written that intersect the listener's ("" = none set: any host the listener accepts); see
   * entries.ts precedenceHostnames.
   */
  readonly hostnames: readonly string[];
  /** Effective hostnames on this listener: as intersected with the listener's (change detection, display). */
  readonly attached: readonly string[];
  /** The result's `route` value, shared by every result (readonly). */
  readonly ref: SimRouteRef;
}

export interface HttpEntry {
  readonly route: RouteInfo;
  readonly rule: HTTPRouteRule;
  readonly matchIndex: number;
  readonly match: CompiledHttpMatch;
  readonly prec: HttpPrecedence;
  /** What respond() needs when this entry wins (request-independent, built once). */
  readonly matched: MatchedRule;
}

export interface GrpcEntry {
  readonly route: RouteInfo;
  readonly rule: GRPCRouteRule;
  readonly matchIndex: number;
  readonly match: CompiledGrpcMatch;
  readonly prec: GrpcPrecedence;
  readonly matched: MatchedRule;
}

export interface L4Entry {
  readonly route: RouteInfo;
  readonly rule: L4RouteRule | undefined;
}

export interface HostBucket {
  readonly pattern: string;
  readonly http: HttpIndex;
  /** `http.packed`, one hop closer (simulate reads it for every request to a small bucket). */
  readonly httpScan: PackedScan | null;
  /** The same HTTP entries in precedence order (criteria 1–8 of compareHttp), for explain. */
  readonly httpSorted: readonly HttpEntry[];
  /** The distinct routes with an entry in this bucket (any kind), for explain. */
  readonly routes: readonly RouteInfo[];
  /** In precedence order (criteria 1–6 of compareGrpc). */
  readonly grpc: readonly GrpcEntry[];
  /** In precedence order (generic conflict rule). */
  readonly l4: readonly L4Entry[];
}

export interface ListenerTable {
  readonly listener: ResolvedListener;
  /** Why this listener takes a request (for the trace), from its hostname. */
  readonly reason: string;
  /** Exact names and `*.suffix` patterns → bucket. */
  readonly buckets: ReadonlyMap<string, HostBucket>;
  /** Routes that match any host the listener accepts (no hostname anywhere). */
  readonly catchAll: HostBucket | null;
  /** The routes attached to this listener (explain lists them). */
  readonly routes: readonly RouteInfo[];
  /** The entries of each route, parallel to `routes` (for incremental updates). */
  readonly routeEntries: readonly RouteEntries[];
  /** Every entry, unindexed: used by explain and the reference implementation. */
  readonly httpEntries: readonly HttpEntry[];
  readonly grpcEntries: readonly GrpcEntry[];
  readonly l4Entries: readonly L4Entry[];
}

export interface GatewayTable {
  readonly key: ObjectKey;
  readonly namespace: string;
  readonly name: string;
  /** The Gateway's address (status, else spec), the Host of requests sent without a hostname. */
  readonly address: string | null;
  /**
   * Why no listener of the Gateway serves at all, when that is the Gateway's doing (e.g. its
   * GatewayClass is not in the input): simulate names it instead of a bare refused connection.
   */
  readonly notServing?: string;
  readonly listeners: readonly ListenerTable[];
  /** Listeners by port, with the ready ones indexed by hostname (listener selection). */
  readonly ports: ReadonlyMap<number, PortListeners>;
}

export interface PortListeners {
  readonly all: readonly ListenerTable[];
  readonly ready: readonly ListenerTable[];
  /** Ready listeners by their protocol (HTTP, HTTPS, TLS, TCP, UDP, ...). */
  readonly readyByProtocol: ReadonlyMap<string, readonly ListenerTable[]>;
  /** Ready listeners by lower-case hostname ("" = no hostname), in listener order. */
  readonly byHostname: ReadonlyMap<string, readonly ListenerTable[]>;
  /** The same without the catch-all, as a list (listener choice scans a port's few hostnames). */
  readonly hostnames: readonly {
    readonly pattern: string;
    readonly rank: HostnameRank;
    readonly listeners: readonly ListenerTable[];
  }[];
}

export interface RouteTables {
  /** By `namespace/name` of the Gateway. */
  readonly gateways: ReadonlyMap<string, GatewayTable>;
  /** Non-mirror backends by `route#rule#backendIndex`. */
  readonly backends: ReadonlyMap<string, ResolvedBackend>;
  /** Mirror targets by `route#rule#filterIndex#backendRefIndex`. */
  readonly mirrors: ReadonlyMap<string, ResolvedBackend>;
  /** Invalid regular expressions and similar problems found while compiling. */
  readonly diagnostics: readonly Diagnostic[];
  /**
   * Memo of request-independent work (a rule's backends outcome), filled on first use; keyed by
   * the rule's backendRefs array. Not part of the value: never serialized.
   */
  readonly backendCache: Map<readonly object[], BackendOutcome>;
  /**
   * A token of these tables alone, which a rule's backends memo names as its owner (backends.ts
   * ruleBackends): an empty object, so a rule shared with later tables holds no old cache.
   */
  readonly memoOwner: MemoOwner;
}

/** Identity only (compared with ===); see RouteTables.memoOwner. */
export type MemoOwner = Readonly<Record<never, never>>;

/** A new owner token; an object, not a counter, so tables derived twice from the same tables differ. */
export function newMemoOwner(): MemoOwner {
  return Object.freeze({});
}

export function compileRouteTables(analysis: Analysis): RouteTables {
  const routeOf = routeLookup(analysis);
  const byListener = attachmentsByListener(analysis.attachments, null);
  const listeners = analysis.listeners.map((l) => compileListener(l, byListener.get(l.id) ?? [], routeOf));
  return {
    gateways: gatewayTables(analysis, listeners),
    ...backendMaps(withBackendTls(analysis)),
    diagnostics: routeDiagnostics(analysis),
    backendCache: new Map(),
    memoOwner: newMemoOwner(),
  };
}

export type RouteLookup = (key: ObjectKey) => Route | undefined;

export function routeLookup(analysis: Analysis): RouteLookup {
  return (key) => {
    const o = analysis.snapshot.byKey.get(key);
    return o !== undefined && isRoute(o) ? o : undefined;
  };
}

/** Attachments by listener id, in analysis order; only the listeners in `only` when given. */
export function attachmentsByListener(
  attachments: readonly RouteAttachment[],
  only: ReadonlySet<string> | null,
): Map<string, RouteAttachment[]> {
  const out = new Map<string, RouteAttachment[]>();
  for (const att of attachments) {
    if (only !== null && !only.has(att.listenerId)) continue;
    const list = out.get(att.listenerId);
    if (list) list.push(att);
    else out.set(att.listenerId, [att]);
  }
  return out;
}

export interface BackendMaps {
  readonly backends: Map<string, ResolvedBackend>;
  readonly mirrors: Map<string, ResolvedBackend>;
}

/** The resolved backends and mirror targets by their keys (backendKey, mirrorKey). */
export function backendMaps(list: Iterable<ResolvedBackend>): BackendMaps {
  const backends = new Map<string, ResolvedBackend>();
  const mirrors = new Map<string, ResolvedBackend>();
  for (const b of list) {
    if (b.mirror) {
      mirrors.set(mirrorKey(b.route, b.ruleIndex, b.mirror.filterIndex, b.mirror.backendRefIndex), b);
    } else backends.set(backendKey(b.route, b.ruleIndex, b.backendIndex), b);
  }
  return { backends, mirrors };
}

/** Invalid regular expressions of every route, in snapshot order. */
export function routeDiagnostics(analysis: Analysis): Diagnostic[] {
  return regexDiagnostics(analysis.snapshot.objects.filter(isRoute));
}

export function compileListener(
  listener: ResolvedListener,
  attachments: readonly RouteAttachment[],
  routeOf: RouteLookup,
): ListenerTable {
  const infos: RouteInfo[] = [];
  const entries: RouteEntries[] = [];
  const seen = new Set<ObjectKey>();
  for (const att of attachments) {
    if (seen.has(att.route)) continue;
    const route = routeOf(att.route);
    if (!route) continue;
    seen.add(att.route);
    const info = routeInfo(route, att.hostnames, listener.hostname);
    infos.push(info);
    entries.push(routeEntries(route, info));
  }
  const { http, grpc, l4 } = concatEntries(entries);
  return {
    listener,
    reason: choiceReason(listener.hostname),
    ...bucketize(http, grpc, l4),
    routes: infos,
    routeEntries: entries,
    httpEntries: http,
    grpcEntries: grpc,
    l4Entries: l4,
  };
}

function bucketize(
  http: readonly HttpEntry[],
  grpc: readonly GrpcEntry[],
  l4: readonly L4Entry[],
): { buckets: Map<string, HostBucket>; catchAll: HostBucket | null } {
  const groups = new Map<string, { http: HttpEntry[]; grpc: GrpcEntry[]; l4: L4Entry[] }>();
  const group = (pattern: string): { http: HttpEntry[]; grpc: GrpcEntry[]; l4: L4Entry[] } => {
    let g = groups.get(pattern);
    if (!g) groups.set(pattern, (g = { http: [], grpc: [], l4: [] }));
    return g;
  };
  for (const e of http) for (const h of e.route.hostnames) group(h).http.push(e);
  for (const e of grpc) for (const h of e.route.hostnames) group(h).grpc.push(e);
  for (const e of l4) for (const h of e.route.hostnames) group(h).l4.push(e);
  const buckets = new Map<string, HostBucket>();
  let catchAll: HostBucket | null = null;
  for (const [pattern, g] of groups) {
    const bucket = makeBucket(pattern, g.http, g.grpc, g.l4);
    if (pattern === '') catchAll = bucket;
    else buckets.set(pattern, bucket);
  }
  return { buckets, catchAll };
}

/** One hostname bucket from its entries (route order for HTTP, precedence order for the rest). */
export function makeBucket(
  pattern: string,
  http: readonly HttpEntry[],
  grpc: readonly GrpcEntry[],
  l4: readonly L4Entry[],
): HostBucket {
  const httpSorted = [...http].sort((a, b) => compareHttpStatic(a.prec, b.prec));
  const routes = [...new Set([...http, ...grpc, ...l4].map((e) => e.route))];
  const index = buildHttpIndex(http);
  return { pattern, http: index, httpScan: index.packed, httpSorted, routes, grpc, l4 };
}

export function gatewayRefKey(namespace: string, name: string): ObjectKey {
  return keyOf({ group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace, name });
}
