/**
 * Hostname semantics of the Gateway API (spec: `Hostname` type and `Listener.hostname` /
 * `HTTPRoute.spec.hostnames` docs in apis/v1/shared_types.go, gateway_types.go, httproute_types.go):
 * - a hostname is an RFC 1123 name, optionally prefixed by a lone `*.` wildcard label;
 * - a wildcard label matches ONE OR MORE labels: `*.example.com` matches `a.example.com` and
 *   `a.b.example.com` but not `example.com`;
 * - matching is case-insensitive (DNS names) and any port in the Host header is ignored;
 * - IP addresses are not hostnames: a request addressed by IP matches only listeners and routes
 *   that set no hostname.
 */

/** A host as the simulator uses it: lower-case, no port; `null` for IP addresses or none. */
export interface RequestHost {
  /** The Host header as the client sent it (forwarded unchanged unless a filter rewrites it). */
  readonly header: string;
  /** Lower-case name without port, or null when the request used an IP address / no host. */
  readonly name: string | null;
  readonly port: number | null;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Splits `name[:port]` / `[v6]:port`. Spec (HTTPRoute hostnames): the port is ignored. */
export function parseHost(raw: string | null | undefined): RequestHost {
  if (raw == null || raw === '') return { header: '', name: null, port: null };
  let host = raw.trim();
  let port: number | null = null;
  if (host.startsWith('[')) {
    // IPv6 literal: never a hostname.
    const end = host.indexOf(']');
    const rest = end < 0 ? '' : host.slice(end + 1);
    if (rest.startsWith(':')) port = toPort(rest.slice(1));
    return { header: raw, name: null, port };
  }
  const colon = host.lastIndexOf(':');
  if (colon >= 0 && host.indexOf(':') === colon) {
    port = toPort(host.slice(colon + 1));
    host = host.slice(0, colon);
  } else if (colon >= 0) {
    return { header: raw, name: null, port: null }; // bare IPv6
  }
  const lower = host.toLowerCase();
  const name = lower.endsWith('.') ? lower.slice(0, -1) : lower;
  return { header: raw, name: isIpv4(name) || name === '' ? null : name, port };
}

function toPort(text: string): number | null {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 && n < 65536 ? n : null;
}

/** Only a name starting with a digit can be an IPv4 address (skips the regex for names). */
function isIpv4(name: string): boolean {
  const first = name.charCodeAt(0);
  return first >= 0x30 && first <= 0x39 && IPV4.test(name);
}

export function isIpAddress(host: string): boolean {
  return IPV4.test(host) || host.includes(':');
}

export function isWildcard(pattern: string): boolean {
  return pattern.startsWith('*.');
}

/**
 * Does `pattern` (listener or route hostname, possibly `*.suffix`) match the concrete host name?
 * Spec: "*.example.com" matches "foo.example.com" and "foo.bar.example.com", not "example.com".
 */
export function hostnameMatches(pattern: string, host: string): boolean {
  return lowerPatternMatches(pattern.toLowerCase(), host);
}

/** hostnameMatches for a pattern already in lower case, comparing in place (no strings built). */
export function lowerPatternMatches(pattern: string, host: string): boolean {
  if (!isWildcard(pattern)) return pattern === host;
  // The suffix is the pattern without its `*` (".example.com"); at least one label precedes it.
  const n = pattern.length - 1;
  const offset = host.length - n;
  if (offset <= 0) return false;
  for (let i = 0; i < n; i++) if (host.charCodeAt(offset + i) !== pattern.charCodeAt(i + 1)) return false;
  return true;
}

/**
 * Intersection of two hostname patterns (listener vs route), narrowed to the more specific side,
 * or null when they do not intersect. Spec (HTTPRoute.spec.hostnames): listener `*.example.com`
 * accepts route `test.example.com` and `foo.test.example.com`, not `example.com`.
 */
export function intersectHostnames(a: string, b: string): string | null {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return x;
  if (!isWildcard(x) && !isWildcard(y)) return null;
  if (isWildcard(x) && !isWildcard(y)) return hostnameMatches(x, y) ? y : null;
  if (!isWildcard(x) && isWildcard(y)) return hostnameMatches(y, x) ? x : null;
  // Both wildcards: the longer suffix is the intersection when it lies under the shorter one.
  const [long, short] = x.length >= y.length ? [x, y] : [y, x];
  return long.endsWith(short.slice(1)) ? long : null;
}

/**
 * Specificity of a hostname pattern, larger is more specific. Spec (Listener.hostname and
 * HTTPRoute.spec.hostnames precedence): exact names before wildcards, longer wildcards before
 * shorter ones, the empty (catch-all) hostname last; "more characters in a matching non-wildcard
 * hostname" first, then "more characters in a matching hostname".
 */
export interface HostnameRank {
  readonly exactChars: number;
  readonly chars: number;
}

export function hostnameRank(pattern: string | undefined): HostnameRank {
  if (pattern === undefined || pattern === '') return { exactChars: 0, chars: 0 };
  return isWildcard(pattern)
    ? { exactChars: 0, chars: pattern.length }
    : { exactChars: pattern.length, chars: pattern.length };
}

/** Negative when `a` is more specific than `b` (sorts first). */
export function compareHostnameRank(a: HostnameRank, b: HostnameRank): number {
  return b.exactChars - a.exactChars || b.chars - a.chars;
}

const patternCache = new Map<string, readonly string[]>();
const PATTERN_CACHE_LIMIT = 4096;

/**
 * Every pattern that can match `host`, most specific first: the name itself, then `*.`+suffixes.
 * Memoized (hosts repeat across requests); the cache is bounded and cleared when full.
 */
export function candidatePatterns(host: string): readonly string[] {
  const hit = patternCache.get(host);
  if (hit) return hit;
  const out = computePatterns(host);
  if (patternCache.size >= PATTERN_CACHE_LIMIT) patternCache.clear();
  patternCache.set(host, out);
  return out;
}

function computePatterns(host: string): string[] {
  const out = [host];
  let dot = host.indexOf('.');
  // `*.b.c` matches `a.b.c`; the wildcard needs at least one label before the suffix.
  while (dot >= 0 && dot < host.length - 1) {
    out.push(`*${host.slice(dot)}`);
    dot = host.indexOf('.', dot + 1);
  }
  return out;
}
