/**
 * What the gateway does once a rule matched: run its filters in order (redirect, rewrite, header
 * modifiers, mirrors, CORS, extension refs), then pick backends, then backendRef-level filters.
 */
import type { HTTPBackendRef, HTTPFilter } from '../model/types.ts';
import { resolveBackends } from './backends.ts';
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
import { mirrorKey } from './tables.ts';
import type { RouteInfo, RouteTables } from './tables.ts';
import { applyTiming } from './timing.ts';
import type {
  SimBackend,
  SimMirror,
  SimRedirect,
  SimRequest,
  SimResult,
  SimUpstreamRequest,
} from './types.ts';

export interface MatchedRule {
  readonly route: RouteInfo;
  readonly ruleIndex: number;
  readonly filters: readonly HTTPFilter[];
  readonly backendRefs: readonly HTTPBackendRef[];
  /** The PathPrefix value that matched (for ReplacePrefixMatch), null for other path types. */
  readonly matchedPrefix: string | null;
  readonly timeouts?: { readonly request?: string; readonly backendRequest?: string };
  readonly retry?: {
    readonly codes: readonly number[];
    readonly attempts?: number;
    readonly backoff?: string;
  };
}

export interface ListenerFacts {
  readonly protocol: string;
  readonly port: number;
}

type Outcome = Omit<SimResult, 'id' | 'listener' | 'explanation' | 'grpcCode'> & { readonly notes: string[] };

interface Working {
  host: string;
  path: string;
  request: HeaderBag;
  response: HeaderBag;
  redirect: SimRedirect | null;
  preflight: Record<string, string> | null;
  mirrors: SimMirror[];
  extensions: string[];
  notes: string[];
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
  filters.forEach((f, filterIndex) => {
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
        return;
      case 'URLRewrite':
        if (f.hostname !== undefined) w.host = f.hostname;
        if (f.path) w.path = modifyPath(w.path, f.path, rule.matchedPrefix);
        w.notes.push(`URLRewrite: upstream request is ${w.host}${w.path}.`);
        return;
      case 'RequestHeaderModifier':
        w.request = applyHeaderModifier(w.request, f.modifier);
        w.notes.push(`RequestHeaderModifier: ${describeModifier(f.modifier)}.`);
        return;
      case 'ResponseHeaderModifier':
        w.response = applyHeaderModifier(w.response, f.modifier);
        w.notes.push(`ResponseHeaderModifier: ${describeModifier(f.modifier)}.`);
        return;
      case 'RequestMirror':
        w.mirrors.push(mirrorOf(f, tables, rule, filterIndex, backendRefIndex));
        w.notes.push(
          `RequestMirror: a copy goes to ${f.backendRef.namespace}/${f.backendRef.name} (responses ignored).`,
        );
        return;
      case 'CORS':
        applyCors(w, f, view);
        return;
      case 'ExtensionRef':
        w.extensions.push(`${f.ref.kind}.${f.ref.group}/${f.ref.name}`);
        w.notes.push(
          `ExtensionRef ${f.ref.kind} ${f.ref.name}: implementation-specific, shown but not executed.`,
        );
        return;
      case 'ExternalAuth':
        w.extensions.push('ExternalAuth');
        w.notes.push(
          'ExternalAuth: the request is first sent to an auth service; not simulated (assumed allowed).',
        );
        return;
      case 'Unknown':
        w.extensions.push(f.name);
        w.notes.push(`Filter ${f.name}: unknown to the simulator, not executed.`);
        return;
    }
  });
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
    w.response.set(name, { name, value });
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

function upstreamOf(w: Working, method: string): SimUpstreamRequest {
  return { method, host: w.host, path: w.path, headers: recordOf(w.request) };
}

function fresh(
  view: RequestView,
  backendResponseHeaders: Readonly<Record<string, string>> | undefined,
): Working {
  const request: HeaderBag = new Map();
  for (const [lower, value] of view.headers)
    request.set(lower, { name: view.headerNames.get(lower) ?? lower, value });
  return {
    host: view.host.header,
    path: view.path + (view.rawQuery === '' ? '' : `?${view.rawQuery}`),
    request,
    response: bagOf(backendResponseHeaders),
    redirect: null,
    preflight: null,
    mirrors: [],
    extensions: [],
    notes: [],
  };
}

/** Run a matched rule: filters, then backends and backendRef-level filters. */
export function respond(
  tables: RouteTables,
  rule: MatchedRule,
  view: RequestView,
  listener: ListenerFacts,
  backendResponseHeaders: Readonly<Record<string, string>> | undefined,
  behavior?: SimRequest['backendBehavior'],
): Outcome {
  const w = fresh(view, backendResponseHeaders);
  // Path rewrites work on the path alone; the query string is carried along untouched.
  const query = view.rawQuery === '' ? '' : `?${view.rawQuery}`;
  w.path = view.path;
  runFilters(w, rule.filters, tables, rule, view, listener);
  const routeRef = { kind: rule.route.kind, namespace: rule.route.namespace, name: rule.route.name };
  const base = {
    route: routeRef,
    rule: rule.ruleIndex,
    mirrors: w.mirrors,
    ...(rule.timeouts ? { timeouts: rule.timeouts } : {}),
    ...(rule.retry ? { retry: rule.retry } : {}),
    ...(w.extensions.length > 0 ? { extensionFilters: w.extensions } : {}),
  };
  if (w.redirect) {
    return {
      ...base,
      status: w.redirect.statusCode,
      backends: [],
      redirect: w.redirect,
      upstreamRequest: null,
      responseHeaders: { location: w.redirect.location },
      notes: w.notes,
    };
  }
  if (w.preflight) {
    return {
      ...base,
      status: 200,
      backends: [],
      redirect: null,
      upstreamRequest: null,
      responseHeaders: w.preflight,
      notes: w.notes,
    };
  }
  const resolved = resolveBackends(tables, rule.route.key, rule.ruleIndex, rule.backendRefs);
  w.notes.push(...resolved.notes);
  const timing = applyTiming(resolved.status, rule, behavior);
  w.notes.push(...timing.notes);
  const outcome = { ...resolved, status: timing.status };
  const backends = outcome.backends.map((b, i) =>
    withBackendFilters(b, rule.backendRefs[i], w, tables, rule, view, listener, query),
  );
  const withTraffic = backends.flatMap((b, i) => (b.weight > 0 ? [i] : []));
  const onlyIndex = withTraffic.length === 1 ? withTraffic[0] : undefined;
  const only = onlyIndex === undefined ? undefined : backends[onlyIndex];
  const forwarded = resolved.status === 200;
  return {
    ...base,
    mirrors: [...w.mirrors, ...backendMirrors(rule, tables, onlyIndex)],
    status: outcome.status,
    backends,
    redirect: null,
    upstreamRequest: forwarded
      ? (only?.upstreamRequest ?? upstreamOf({ ...w, path: w.path + query }, view.method))
      : null,
    responseHeaders: forwarded ? (only?.responseHeaders ?? recordOf(w.response)) : null,
    notes: w.notes,
  };
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
    request: new Map(parent.request),
    response: new Map(parent.response),
    mirrors: [],
    notes: [],
  };
  runFilters(w, ref.filters, tables, rule, view, listener, ref.index);
  parent.notes.push(...w.notes.map((n) => `backendRef ${ref.name}: ${n}`));
  return {
    ...b,
    upstreamRequest: upstreamOf({ ...w, path: w.path + query }, view.method),
    responseHeaders: recordOf(w.response),
  };
}

/** Mirrors declared on the backendRef that serves all traffic (others depend on the pick). */
function backendMirrors(rule: MatchedRule, tables: RouteTables, onlyIndex: number | undefined): SimMirror[] {
  const ref = onlyIndex === undefined ? undefined : rule.backendRefs[onlyIndex];
  if (!ref) return [];
  const out: SimMirror[] = [];
  ref.filters.forEach((f, i) => {
    if (f.type === 'RequestMirror') out.push(mirrorOf(f, tables, rule, i, ref.index));
  });
  return out;
}
