/**
 * What the gateway does once a rule matched: run its filters in order (redirect, rewrite, header
 * modifiers, mirrors, CORS, extension refs), then pick backends, then backendRef-level filters.
 */
import type { HTTPBackendRef, HTTPFilter } from '../model/types.ts';
import { ruleBackends } from './backends.ts';
import { forwardedHeaders } from './forward.ts';
import type { BackendOutcome, MEMO_OUTCOME, MEMO_OWNER } from './backends.ts';
import {
  applyHeaderModifier,
  bagOf,
  buildRedirect,
  corsPreflightHeaders,
  corsResponseHeaders,
  isPreflight,
  modifyPath,
  originAllowed,
  recordOf,
} from './filters.ts';
import type { HeaderBag } from './filters.ts';
import type { RequestView } from './request.ts';
import { mirrorKey } from './keys.ts';
import type { MemoOwner, RouteInfo, RouteTables } from './tables.ts';
import { applyTiming } from './timing.ts';
import type { EffectiveRetry } from './timing.ts';
import type {
  SimBackend,
  SimMirror,
  SimRedirect,
  SimRequest,
  SimRouteRef,
  SimUpstreamRequest,
} from './types.ts';

export interface MatchedRule {
  readonly route: RouteInfo;
  /** `route.ref`, one hop closer (the result's `route`). */
  readonly ref: SimRouteRef;
  readonly ruleIndex: number;
  /** The trace line saying this rule matched (request-independent, built with the tables). */
  readonly traceLine: string;
  readonly filters: readonly HTTPFilter[];
  readonly backendRefs: readonly HTTPBackendRef[];
  /** The PathPrefix value that matched (for ReplacePrefixMatch), null for other path types. */
  readonly matchedPrefix: string | null;
  readonly timeouts: { readonly request?: string; readonly backendRequest?: string } | undefined;
  /** The rule's retry stanza with the simulation's reading of it (timing.ts effectiveRetry). */
  readonly retry: EffectiveRetry | undefined;
  /**
   * No filters (rule or backendRef level), timeouts or retry: the result is the backends outcome
   * plus the request forwarded as is (forward.ts). Always false for a GRPCRoute rule (its
   * result needs a grpcCode; entries.ts).
   */
  readonly plain: boolean;
  /**
   * Mutable memo (backends.ts ruleBackends): the rule's backends outcome and the tables it was
   * computed for (their memoOwner token; null = not yet).
   */
  [MEMO_OWNER]: MemoOwner | null;
  [MEMO_OUTCOME]: BackendOutcome | null;
}

export interface ListenerFacts {
  readonly protocol: string;
  readonly port: number;
}

/** The result's fields that the matched rule decides, in contract key order. */
export interface Outcome {
  readonly status: number;
  readonly route: SimRouteRef;
  readonly rule: number;
  readonly backends: readonly SimBackend[];
  readonly redirect: SimRedirect | null;
  readonly upstreamRequest: SimUpstreamRequest | null;
  readonly responseHeaders: Readonly<Record<string, string>> | null;
  readonly mirrors: readonly SimMirror[];
  readonly timeouts: MatchedRule['timeouts'];
  readonly retry: MatchedRule['retry'];
  readonly extensionFilters: readonly string[] | undefined;
}

/**
 * The request and response being built by the filters. The header bags stay null until a filter
 * changes them (most rules have none): the request's own headers are read from the view.
 */
interface Working {
  host: string;
  path: string;
  request: HeaderBag | null;
  response: HeaderBag | null;
  readonly backendResponseHeaders: Readonly<Record<string, string>> | undefined;
  redirect: SimRedirect | null;
  preflight: Record<string, string> | null;
  mirrors: SimMirror[];
  extensions: string[] | null;
  notes: string[];
}

function requestBag(w: Working, view: RequestView): HeaderBag {
  if (w.request === null) {
    const bag: HeaderBag = new Map();
    if (view.hasHeaders)
      for (const [lower, value] of view.headers)
        bag.set(lower, { name: view.headerNames.get(lower) ?? lower, value });
    w.request = bag;
  }
  return w.request;
}

function responseBag(w: Working): HeaderBag {
  w.response ??= bagOf(w.backendResponseHeaders);
  return w.response;
}

/** The request's headers as forwarded: the client's spelling, Host excluded (it is `host`). */
function requestRecord(w: Working, view: RequestView): Record<string, string> {
  return w.request !== null ? recordOf(w.request) : forwardedHeaders(view);
}

function responseRecord(w: Working): Record<string, string> {
  if (w.response !== null) return recordOf(w.response);
  return w.backendResponseHeaders === undefined ? {} : recordOf(bagOf(w.backendResponseHeaders));
}

function addExtension(w: Working, name: string): void {
  (w.extensions ??= []).push(name);
}

function runFilters(
  w: Working,
  filters: readonly HTTPFilter[],
  tables: RouteTables,
  rule: MatchedRule,
  view: RequestView,
  listener: ListenerFacts,
  backendRefIndex?: number,
): void {
  for (let filterIndex = 0; filterIndex < filters.length; filterIndex++) {
    const f = filters[filterIndex];
    if (f === undefined) continue;
    switch (f.type) {
      case 'RequestRedirect':
        w.redirect = buildRedirect(f, {
          listenerProtocol: listener.protocol,
          listenerPort: listener.port,
          hostName: view.host.name ?? hostWithoutPort(view.host.header),
          path: w.path,
          rawQuery: view.rawQuery,
          matchedPrefix: rule.matchedPrefix,
        });
        w.notes.push(`RequestRedirect: ${w.redirect.statusCode} to ${w.redirect.location}.`);
        continue;
      case 'URLRewrite':
        if (f.hostname !== undefined) w.host = f.hostname;
        if (f.path) w.path = modifyPath(w.path, f.path, rule.matchedPrefix);
        w.notes.push(`URLRewrite: upstream request is ${w.host}${w.path}.`);
        continue;
      case 'RequestHeaderModifier':
        w.request = applyHeaderModifier(requestBag(w, view), f.modifier);
        w.notes.push(`RequestHeaderModifier: ${describeModifier(f.modifier)}.`);
        continue;
      case 'ResponseHeaderModifier':
        w.response = applyHeaderModifier(responseBag(w), f.modifier);
        w.notes.push(`ResponseHeaderModifier: ${describeModifier(f.modifier)}.`);
        continue;
      case 'RequestMirror':
        w.mirrors.push(mirrorOf(f, tables, rule, filterIndex, backendRefIndex));
        w.notes.push(
          `RequestMirror: a copy goes to ${f.backendRef.namespace}/${f.backendRef.name} (responses ignored).`,
        );
        continue;
      case 'CORS':
        applyCors(w, f, view);
        continue;
      case 'ExtensionRef':
        addExtension(w, `${f.ref.kind}.${f.ref.group}/${f.ref.name}`);
        w.notes.push(
          `ExtensionRef ${f.ref.kind} ${f.ref.name}: implementation-specific, shown but not executed.`,
        );
        continue;
      case 'ExternalAuth':
        addExtension(w, 'ExternalAuth');
        w.notes.push(
          'ExternalAuth: the request is first sent to an auth service; not simulated (assumed allowed).',
        );
        continue;
      case 'Unknown':
        addExtension(w, f.name);
        w.notes.push(`Filter ${f.name}: unknown to the simulator, not executed.`);
        continue;
    }
  }
}

/** For a request addressed by IP: the Host header's address, or a placeholder when unknown. */
function hostWithoutPort(header: string): string {
  const bare = header.startsWith('[')
    ? header.slice(0, header.indexOf(']') + 1)
    : header.replace(/:\d+$/, '');
  return bare === '' ? 'gateway-address.invalid' : bare;
}

function applyCors(w: Working, f: Extract<HTTPFilter, { type: 'CORS' }>, view: RequestView): void {
  const origin = view.headers.get('origin');
  if (origin === undefined) return;
  if (!originAllowed(f, origin)) {
    w.notes.push(`CORS: origin ${origin} is not allowed; no CORS headers are added.`);
    return;
  }
  if (isPreflight(view.method, view.headers)) {
    w.preflight = corsPreflightHeaders(f, view.headers);
    w.notes.push(`CORS: preflight from ${origin} is answered by the gateway (200).`);
    return;
  }
  for (const [name, value] of Object.entries(corsResponseHeaders(f, view.headers)))
    responseBag(w).set(name, { name, value });
  w.notes.push(`CORS: origin ${origin} allowed; CORS response headers added.`);
}

function mirrorOf(
  f: Extract<HTTPFilter, { type: 'RequestMirror' }>,
  tables: RouteTables,
  rule: MatchedRule,
  filterIndex: number,
  backendRefIndex: number | undefined,
): SimMirror {
  const resolved = tables.mirrors.get(
    mirrorKey(rule.route.key, rule.ruleIndex, filterIndex, backendRefIndex),
  );
  const ref = f.backendRef;
  const percent =
    f.percent ?? (f.fraction ? (f.fraction.numerator / (f.fraction.denominator || 100)) * 100 : 100);
  return {
    kind: ref.kind,
    namespace: ref.namespace,
    name: ref.name,
    port: resolved?.port ?? ref.port ?? null,
    percent,
  };
}

function describeModifier(m: {
  set: readonly { name: string; value: string }[];
  add: readonly { name: string; value: string }[];
  remove: readonly string[];
}): string {
  const parts = [
    ...m.set.map((h) => `set ${h.name}: ${h.value}`),
    ...m.add.map((h) => `add ${h.name}: ${h.value}`),
    ...m.remove.map((h) => `remove ${h}`),
  ];
  return parts.join(', ') || 'no change';
}

function upstreamOf(w: Working, view: RequestView, query: string): SimUpstreamRequest {
  return { method: view.method, host: w.host, path: w.path + query, headers: requestRecord(w, view) };
}

/** Run a matched rule: filters, then backends and backendRef-level filters. Notes go to `notes`. */
export function respond(
  tables: RouteTables,
  rule: MatchedRule,
  view: RequestView,
  listener: ListenerFacts,
  request: SimRequest,
  notes: string[],
): Outcome {
  // Path rewrites work on the path alone; the query string is carried along untouched.
  const query = view.rawQuery === '' ? '' : `?${view.rawQuery}`;
  const w: Working = {
    host: view.host.header,
    path: view.path,
    request: null,
    response: null,
    backendResponseHeaders: request.backendResponseHeaders,
    redirect: null,
    preflight: null,
    mirrors: [],
    extensions: null,
    notes,
  };
  if (rule.filters.length > 0) runFilters(w, rule.filters, tables, rule, view, listener);
  const early = w.redirect ?? w.preflight;
  if (early !== null) {
    return {
      status: w.redirect ? w.redirect.statusCode : 200,
      route: rule.ref,
      rule: rule.ruleIndex,
      backends: [],
      redirect: w.redirect,
      upstreamRequest: null,
      responseHeaders: w.redirect ? { location: w.redirect.location } : w.preflight,
      mirrors: w.mirrors,
      timeouts: rule.timeouts,
      retry: rule.retry,
      extensionFilters: w.extensions ?? undefined,
    };
  }
  const resolved = ruleBackends(tables, rule);
  for (const note of resolved.notes) notes.push(note);
  const status =
    rule.timeouts || rule.retry || request.backendBehavior
      ? timed(rule, resolved, request, notes)
      : resolved.status;
  const backends = hasBackendFilters(rule.backendRefs)
    ? resolved.backends.map((b, i) =>
        withBackendFilters(b, rule.backendRefs[i], w, tables, rule, view, listener, query),
      )
    : resolved.backends;
  const onlyIndex = onlyWithTraffic(backends);
  const only = onlyIndex === undefined ? undefined : backends[onlyIndex];
  const forwarded = resolved.status === 200;
  const refMirrors = backendMirrors(rule, tables, onlyIndex);
  return {
    status,
    route: rule.ref,
    rule: rule.ruleIndex,
    backends,
    redirect: null,
    upstreamRequest: forwarded ? (only?.upstreamRequest ?? upstreamOf(w, view, query)) : null,
    responseHeaders: forwarded ? (only?.responseHeaders ?? responseRecord(w)) : null,
    mirrors: refMirrors.length > 0 ? [...w.mirrors, ...refMirrors] : w.mirrors,
    timeouts: rule.timeouts,
    retry: rule.retry,
    extensionFilters: w.extensions ?? undefined,
  };
}

/** The status after timeouts and retry against the described backend behaviour (timing.ts). */
function timed(rule: MatchedRule, resolved: BackendOutcome, request: SimRequest, notes: string[]): number {
  const timing = applyTiming(resolved.status, rule, request.backendBehavior);
  for (const note of timing.notes) notes.push(note);
  return timing.status;
}

function hasBackendFilters(refs: readonly HTTPBackendRef[]): boolean {
  for (const ref of refs) if (ref.filters.length > 0) return true;
  return false;
}

/** The index of the one backend with traffic, when exactly one has a weight above 0. */
function onlyWithTraffic(backends: readonly SimBackend[]): number | undefined {
  let only: number | undefined;
  for (let i = 0; i < backends.length; i++) {
    if ((backends[i]?.weight ?? 0) <= 0) continue;
    if (only !== undefined) return undefined;
    only = i;
  }
  return only;
}

function withBackendFilters(
  b: SimBackend,
  ref: HTTPBackendRef | undefined,
  parent: Working,
  tables: RouteTables,
  rule: MatchedRule,
  view: RequestView,
  listener: ListenerFacts,
  query: string,
): SimBackend {
  if (!ref || ref.filters.length === 0) return b;
  const w: Working = {
    ...parent,
    request: parent.request && new Map(parent.request),
    response: parent.response && new Map(parent.response),
    mirrors: [],
    extensions: null,
    notes: [],
  };
  runFilters(w, ref.filters, tables, rule, view, listener, ref.index);
  // Extension filters on a backendRef are on the request's path too: listed with the rule's.
  for (const name of w.extensions ?? []) addExtension(parent, name);
  parent.notes.push(...w.notes.map((n) => `backendRef ${ref.name}: ${n}`));
  return {
    ...b,
    upstreamRequest: upstreamOf(w, view, query),
    responseHeaders: responseRecord(w),
  };
}

/** Mirrors declared on the backendRef that serves all traffic (others depend on the pick). */
function backendMirrors(rule: MatchedRule, tables: RouteTables, onlyIndex: number | undefined): SimMirror[] {
  const ref = onlyIndex === undefined ? undefined : rule.backendRefs[onlyIndex];
  if (!ref || ref.filters.length === 0) return NO_MIRRORS;
  const out: SimMirror[] = [];
  ref.filters.forEach((f, i) => {
    if (f.type === 'RequestMirror') out.push(mirrorOf(f, tables, rule, i, ref.index));
  });
  return out;
}

const NO_MIRRORS: SimMirror[] = [];
