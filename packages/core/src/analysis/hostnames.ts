/**
 * Hostname intersection between listeners and routes. Spec (apis/v1 HTTPRoute.spec.hostnames and
 * Listener.hostname): a leading `*.` label matches one or more labels, never the bare suffix;
 * a side without hostnames matches everything; comparison is case-insensitive.
 */

function isWildcard(name: string): boolean {
  return name.startsWith('*.');
}

/** Does a wildcard or exact pattern cover the concrete name? */
function covers(pattern: string, name: string): boolean {
  if (!isWildcard(pattern)) return pattern === name;
  const suffix = pattern.slice(1);
  return name.length > suffix.length && name.endsWith(suffix);
}

/** The more specific of two intersecting patterns, or null when they do not intersect. */
export function intersectHostname(a: string, b: string): string | null {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return x;
  if (isWildcard(x) && isWildcard(y)) {
    // `*.a.example.com` ∩ `*.example.com` = `*.a.example.com`.
    if (covers(y, x.slice(2))) return x;
    if (covers(x, y.slice(2))) return y;
    return null;
  }
  if (isWildcard(x)) return covers(x, y) ? y : null;
  if (isWildcard(y)) return covers(y, x) ? x : null;
  return null;
}

/**
 * Route hostnames effective on a listener: `[]` means "any host the listener accepts";
 * null means no intersection (the route does not attach to this listener).
 */
export function effectiveHostnames(
  listenerHostname: string | undefined,
  routeHostnames: readonly string[],
): string[] | null {
  if (routeHostnames.length === 0)
    return listenerHostname === undefined ? [] : [listenerHostname.toLowerCase()];
  if (listenerHostname === undefined) return [...new Set(routeHostnames.map((h) => h.toLowerCase()))].sort();
  const out = new Set<string>();
  for (const h of routeHostnames) {
    const i = intersectHostname(listenerHostname, h);
    if (i !== null) out.add(i);
  }
  return out.size === 0 ? null : [...out].sort();
}

/** Do two effective hostname sets (as from effectiveHostnames) share any host? `[]` = any. */
export function hostnameSetsIntersect(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  return a.some((x) => b.some((y) => intersectHostname(x, y) !== null));
}
