/**
 * HTTP filters, applied in list order (spec: HTTPRouteFilter doc in apis/v1/httproute_types.go).
 * Each function is pure: it takes the request/response being built and returns the new one.
 */
import type { HeaderModifier, HTTPFilter, PathModifier } from '../model/types.ts';
import type { SimRedirect } from './types.ts';

/** Headers by lower-case name, keeping the spelling of whoever set them last. */
export type HeaderBag = Map<string, { readonly name: string; readonly value: string }>;

export function bagOf(headers: Readonly<Record<string, string>> | undefined): HeaderBag {
  const bag: HeaderBag = new Map();
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    if (!bag.has(lower)) bag.set(lower, { name, value: String(value) });
  }
  return bag;
}

export function recordOf(bag: HeaderBag): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { name, value } of bag.values()) out[name] = value;
  return out;
}

/**
 * Spec (HTTPHeaderFilter): names are case-insensitive; `set` overwrites, `add` appends to any
 * existing value (HTTP list semantics: joined with ","), `remove` deletes. Order: set, add, remove
 * as the Go doc lists them; a name appears in at most one list (CRD validation).
 */
export function applyHeaderModifier(bag: HeaderBag, mod: HeaderModifier): HeaderBag {
  const out: HeaderBag = new Map(bag);
  for (const { name, value } of mod.set) out.set(name.toLowerCase(), { name, value });
  for (const { name, value } of mod.add) {
    const prev = out.get(name.toLowerCase());
    out.set(name.toLowerCase(), { name: prev?.name ?? name, value: prev ? `${prev.value},${value}` : value });
  }
  for (const name of mod.remove) out.delete(name.toLowerCase());
  return out;
}

/**
 * Spec (HTTPPathModifier): ReplaceFullPath replaces the whole path; ReplacePrefixMatch replaces
 * the part matched by the PathPrefix match, on segment boundaries, e.g. (from the Go doc table)
 * /foo/bar with prefix /foo and replacement /xyz → /xyz/bar; /foo/ with /foo and "" → /;
 * /foo with prefix /foo and replacement / → /.
 */
export function modifyPath(path: string, mod: PathModifier, matchedPrefix: string | null): string {
  if (mod.type === 'ReplaceFullPath') return mod.value;
  if (matchedPrefix === null) return path; // only valid with a PathPrefix match (CRD validation)
  const prefix = matchedPrefix.replace(/\/+$/, '');
  const rest = path.slice(prefix.length);
  const replacement = mod.value.replace(/\/+$/, '');
  const joined = `${replacement}${rest}`;
  if (joined === '') return '/';
  return joined.startsWith('/') ? joined : `/${joined}`;
}

export interface RedirectContext {
  readonly listenerProtocol: string;
  readonly listenerPort: number;
  /** Host name without port (the Host header's name, or "" when addressed by IP). */
  readonly hostName: string;
  readonly path: string;
  readonly rawQuery: string;
  readonly matchedPrefix: string | null;
}

const WELL_KNOWN_PORT: Record<string, number> = { http: 80, https: 443 };

/**
 * Spec (HTTPRequestRedirectFilter):
 * - scheme: the filter's, else the request's (listener protocol);
 * - hostname: the filter's, else the request's Host (without port);
 * - port: the filter's; else, when the filter sets a scheme, that scheme's well-known port (http
 *   80, https 443); else the listener's port;
 * - the port is left out of Location when it is the scheme's well-known one (http:80, https:443);
 * - path: modified by ReplaceFullPath / ReplacePrefixMatch, else the request's; query kept;
 * - statusCode: defaulted to 302 in normalize.
 */
export function buildRedirect(
  filter: Extract<HTTPFilter, { type: 'RequestRedirect' }>,
  ctx: RedirectContext,
): SimRedirect {
  const scheme = (filter.scheme ?? (ctx.listenerProtocol === 'HTTPS' ? 'https' : 'http')).toLowerCase();
  const host = filter.hostname ?? ctx.hostName;
  const port =
    filter.port ??
    (filter.scheme !== undefined ? (WELL_KNOWN_PORT[scheme] ?? ctx.listenerPort) : ctx.listenerPort);
  const path = filter.path ? modifyPath(ctx.path, filter.path, ctx.matchedPrefix) : ctx.path;
  const showPort = WELL_KNOWN_PORT[scheme] !== port;
  const query = ctx.rawQuery === '' ? '' : `?${ctx.rawQuery}`;
  const location = `${scheme}://${host}${showPort ? `:${port}` : ''}${path}${query}`;
  return { scheme, host, port, path, statusCode: filter.statusCode, location };
}

type CorsFilter = Extract<HTTPFilter, { type: 'CORS' }>;

/** Spec (HTTPCORSFilter.allowOrigins): `*` matches any origin; `scheme://*.host` any subdomain depth. */
export function originAllowed(cors: CorsFilter, origin: string): boolean {
  const o = origin.toLowerCase();
  return cors.allowOrigins.some((pattern) => {
    const p = pattern.toLowerCase();
    if (p === '*') return true;
    const star = p.indexOf('://*.');
    if (star < 0) return p === o;
    const scheme = p.slice(0, star + 3);
    const suffix = p.slice(star + 4); // ".bar.com"
    return o.startsWith(scheme) && o.length > scheme.length + suffix.length && o.endsWith(suffix);
  });
}

export function isPreflight(method: string, headers: ReadonlyMap<string, string>): boolean {
  return method === 'OPTIONS' && headers.has('origin') && headers.has('access-control-request-method');
}

/**
 * Spec (HTTPCORSFilter): the gateway answers a preflight itself with the allowed origin, methods,
 * headers, exposed headers, max age and credentials; for credentialed configs a `*` in methods or
 * headers is answered with the requested value, and a `*` origin with the request's Origin.
 */
export function corsPreflightHeaders(
  cors: CorsFilter,
  headers: ReadonlyMap<string, string>,
): Record<string, string> {
  const origin = headers.get('origin') ?? '';
  const out: Record<string, string> = {
    'access-control-allow-origin': allowOriginValue(cors, origin, isCredentialed(headers)),
  };
  const methods = cors.allowMethods.includes('*')
    ? cors.allowCredentials
      ? (headers.get('access-control-request-method') ?? '*')
      : '*'
    : cors.allowMethods.join(', ');
  if (methods !== '') out['access-control-allow-methods'] = methods;
  const requested = headers.get('access-control-request-headers');
  const allowHeaders = cors.allowHeaders.includes('*')
    ? cors.allowCredentials && requested !== undefined
      ? requested
      : '*'
    : cors.allowHeaders.join(', ');
  if (allowHeaders !== '') out['access-control-allow-headers'] = allowHeaders;
  if (cors.exposeHeaders.length > 0) out['access-control-expose-headers'] = cors.exposeHeaders.join(', ');
  out['access-control-max-age'] = String(cors.maxAge);
  if (cors.allowCredentials) out['access-control-allow-credentials'] = 'true';
  return out;
}

/** Headers added to an actual (non-preflight) cross-origin response. */
export function corsResponseHeaders(
  cors: CorsFilter,
  headers: ReadonlyMap<string, string>,
): Record<string, string> {
  const origin = headers.get('origin') ?? '';
  const out: Record<string, string> = {
    'access-control-allow-origin': allowOriginValue(cors, origin, isCredentialed(headers)),
  };
  if (cors.exposeHeaders.length > 0) out['access-control-expose-headers'] = cors.exposeHeaders.join(', ');
  if (cors.allowCredentials) out['access-control-allow-credentials'] = 'true';
  return out;
}

/**
 * Spec (HTTPCORSFilter.allowOrigins): with a `*` origin and no credentials the gateway may answer
 * `*`; a credentialed request (Authorization or Cookie) always gets its own Origin echoed.
 */
function allowOriginValue(cors: CorsFilter, origin: string, credentialed: boolean): string {
  return cors.allowOrigins.includes('*') && !cors.allowCredentials && !credentialed ? '*' : origin;
}

function isCredentialed(headers: ReadonlyMap<string, string>): boolean {
  return headers.has('authorization') || headers.has('cookie');
}
