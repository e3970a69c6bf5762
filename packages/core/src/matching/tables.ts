/**
 * compileRouteTables: from an Analysis (only attached routes and resolved backends count) to one
 * table per listener, indexed for fast lookup: hostname buckets (exact names, wildcard suffixes,
 * catch-all), and per bucket the HTTP path index (http-index.ts) and the sorted gRPC/L4 lists.
 */
import type { Analysis, ResolvedBackend, ResolvedListener, RouteAttachment } from '../analysis/types.ts';
import type { Diagnostic } from '../diagnostics/types.ts';
import { keyOf, namespacedName } from '../model/identity.ts';
import type { ObjectKey } from '../model/identity.ts';
import type {
  Gateway,
  GRPCRoute,
  GRPCRouteRule,
  HTTPRoute,
  HTTPRouteRule,
  L4RouteRule,
  Route,
} from '../model/types.ts';
import { compileGrpcMatch } from './grpc-match.ts';
import type { CompiledGrpcMatch } from './grpc-match.ts';
import { compileHttpMatch } from './http-match.ts';
import type { CompiledHttpMatch } from './http-match.ts';
import { buildHttpIndex } from './http-index.ts';
import type { HttpIndex } from './http-index.ts';
import { compareGrpcStatic, compareHttpStatic, compareL4 } from './precedence.ts';
import type { CreationKey, GrpcPrecedence, HttpPrecedence } from './precedence.ts';
import { hostnameRank } from './hostname.ts';
import { choiceReason } from './listener.ts';
import { regexDiagnostics } from './diagnostics.ts';
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
  /** Effective hostname patterns on this listener ("" = any host the listener accepts). */
  readonly hostnames: readonly string[];
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
}

export function backendKey(route: ObjectKey, rule: number, backend: number): string {
  return `${route}#${rule}#${backend}`;
}

export function mirrorKey(route: ObjectKey, rule: number, filter: number, backendRef?: number): string {
  return `${route}#${rule}#${filter}#${backendRef ?? ''}`;
}

export function compileRouteTables(analysis: Analysis): RouteTables {
  const routes = new Map<ObjectKey, Route>();
  for (const o of analysis.snapshot.objects) {
    if (o.kind === 'HTTPRoute' || o.kind === 'GRPCRoute' || o.kind === 'TLSRoute') routes.set(o.key, o);
    else if (o.kind === 'TCPRoute' || o.kind === 'UDPRoute') routes.set(o.key, o);
  }
  const gateways = new Map<string, { key: ObjectKey; listeners: ListenerTable[] }>();
  const attachmentsByListener = new Map<string, RouteAttachment[]>();
  for (const att of analysis.attachments) {
    const list = attachmentsByListener.get(att.listenerId);
    if (list) list.push(att);
    else attachmentsByListener.set(att.listenerId, [att]);
  }
  for (const listener of analysis.listeners) {
    const gw = gatewayEntry(gateways, listener.gateway);
    gw.listeners.push(compileListener(listener, attachmentsByListener.get(listener.id) ?? [], routes));
  }
  const backends = new Map<string, ResolvedBackend>();
  const mirrors = new Map<string, ResolvedBackend>();
  for (const b of analysis.backends) {
    if (b.mirror) {
      mirrors.set(mirrorKey(b.route, b.ruleIndex, b.mirror.filterIndex, b.mirror.backendRefIndex), b);
    } else backends.set(backendKey(b.route, b.ruleIndex, b.backendIndex), b);
  }
  const tables = new Map<string, GatewayTable>();
  for (const [nsName, gw] of gateways) {
    const [namespace = '', name = ''] = nsName.split('/');
    const object = analysis.snapshot.byKey.get(gw.key);
    const address = object?.kind === 'Gateway' ? addressOf(object) : null;
    const ports = indexPorts(gw.listeners);
    tables.set(nsName, { key: gw.key, namespace, name, address, listeners: gw.listeners, ports });
  }
  return {
    gateways: tables,
    backends,
    mirrors,
    diagnostics: regexDiagnostics(routes.values()),
    backendCache: new Map(),
  };
}

function indexPorts(listeners: readonly ListenerTable[]): Map<number, PortListeners> {
  type Mutable = {
    all: ListenerTable[];
    ready: ListenerTable[];
    readyByProtocol: Map<string, ListenerTable[]>;
    byHostname: Map<string, ListenerTable[]>;
  };
  const out = new Map<number, Mutable>();
  const add = (map: Map<string, ListenerTable[]>, key: string, t: ListenerTable): void => {
    const list = map.get(key);
    if (list) list.push(t);
    else map.set(key, [t]);
  };
  for (const t of listeners) {
    let entry = out.get(t.listener.port);
    if (!entry) {
      entry = { all: [], ready: [], readyByProtocol: new Map(), byHostname: new Map() };
      out.set(t.listener.port, entry);
    }
    entry.all.push(t);
    if (!t.listener.ready) continue;
    entry.ready.push(t);
    add(entry.readyByProtocol, t.listener.protocol, t);
    add(entry.byHostname, (t.listener.hostname ?? '').toLowerCase(), t);
  }
  return out;
}

function addressOf(gw: Gateway): string | null {
  return gw.observed?.addresses[0]?.value ?? gw.addresses[0]?.value ?? null;
}

function gatewayEntry(
  map: Map<string, { key: ObjectKey; listeners: ListenerTable[] }>,
  key: ObjectKey,
): { key: ObjectKey; listeners: ListenerTable[] } {
  const slash = key.indexOf('/');
  const nsName = key.slice(slash + 1);
  let entry = map.get(nsName);
  if (!entry) {
    entry = { key, listeners: [] };
    map.set(nsName, entry);
  }
  return entry;
}

function compileListener(
  listener: ResolvedListener,
  attachments: readonly RouteAttachment[],
  routes: ReadonlyMap<ObjectKey, Route>,
): ListenerTable {
  const httpEntries: HttpEntry[] = [];
  const grpcEntries: GrpcEntry[] = [];
  const l4Entries: L4Entry[] = [];
  const seen = new Set<ObjectKey>();
  const infos: RouteInfo[] = [];
  for (const att of attachments) {
    if (seen.has(att.route)) continue;
    const route = routes.get(att.route);
    if (!route) continue;
    seen.add(att.route);
    const info = routeInfo(route, att.hostnames, listener.hostname);
    infos.push(info);
    if (route.kind === 'HTTPRoute') httpEntries.push(...httpEntriesOf(route, info));
    else if (route.kind === 'GRPCRoute') grpcEntries.push(...grpcEntriesOf(route, info));
    else l4Entries.push({ route: info, rule: route.rules[0] });
  }
  grpcEntries.sort((a, b) => compareGrpcStatic(a.prec, b.prec));
  l4Entries.sort((a, b) => compareL4(a.route, hostnameRank(''), b.route, hostnameRank('')));
  return {
    listener,
    reason: choiceReason(listener.hostname),
    ...bucketize(httpEntries, grpcEntries, l4Entries),
    routes: infos,
    httpEntries,
    grpcEntries,
    l4Entries,
  };
}

function routeInfo(route: Route, attached: readonly string[], listenerHost: string | undefined): RouteInfo {
  // Spec (HTTPRoute.spec.hostnames): a route without hostnames takes the listener's hostname;
  // the attachment already narrowed route hostnames to their intersection with the listener's.
  const hostnames = attached.length > 0 ? attached : [listenerHost ?? ''];
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
    hostnames: [...new Set(hostnames.map((h) => h.toLowerCase()))],
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
        matched: {
          route: info,
          ruleIndex: rule.index,
          traceLine: matchedLine(info, rule.index),
          filters: rule.filters,
          backendRefs: rule.backendRefs,
          matchedPrefix: match.pathType === 'PathPrefix' ? match.pathValue : null,
          ...(rule.timeouts ? { timeouts: rule.timeouts } : {}),
          ...(rule.retry ? { retry: rule.retry } : {}),
        },
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

function matchedLine(info: RouteInfo, ruleIndex: number): string {
  return `Matched ${info.kind} ${info.nsName} rule ${ruleIndex}.`;
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
        matched: {
          route: info,
          ruleIndex: rule.index,
          traceLine: matchedLine(info, rule.index),
          filters: rule.filters,
          backendRefs: rule.backendRefs,
          matchedPrefix: null,
        },
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
    const httpSorted = [...g.http].sort((a, b) => compareHttpStatic(a.prec, b.prec));
    const routes = [...new Set([...g.http, ...g.grpc, ...g.l4].map((e) => e.route))];
    const http = buildHttpIndex(g.http);
    const bucket: HostBucket = { pattern, http, httpSorted, routes, grpc: g.grpc, l4: g.l4 };
    if (pattern === '') catchAll = bucket;
    else buckets.set(pattern, bucket);
  }
  return { buckets, catchAll };
}

export function gatewayRefKey(namespace: string, name: string): ObjectKey {
  return keyOf({ group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace, name });
}
