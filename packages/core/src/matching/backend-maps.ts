/**
 * The backend and mirror maps of updated tables: the old maps patched for the changed routes
 * when every other route resolves its backends exactly as before (compared value by value, in
 * analysis order, no keys built), otherwise built anew from the analysis.
 */
import type { Analysis, ResolvedBackend } from '../analysis/types.ts';
import type { ObjectKey } from '../model/identity.ts';
import { backendMaps } from './tables.ts';
import type { BackendMaps, RouteTables } from './tables.ts';

export function updatedBackends(
  tables: RouteTables,
  analysis: Analysis,
  changed: ReadonlySet<ObjectKey>,
): BackendMaps {
  if (!sameExcept(tables.resolved, analysis.backends, changed)) return backendMaps(analysis.backends);
  const backends = withoutRoutes(tables.backends, changed);
  const mirrors = withoutRoutes(tables.mirrors, changed);
  const added = backendMaps(analysis.backends.filter((b) => changed.has(b.route)));
  for (const [k, b] of added.backends) backends.set(k, b);
  for (const [k, b] of added.mirrors) mirrors.set(k, b);
  return { backends, mirrors };
}

function withoutRoutes(
  map: ReadonlyMap<string, ResolvedBackend>,
  routes: ReadonlySet<ObjectKey>,
): Map<string, ResolvedBackend> {
  const out = new Map(map);
  for (const [k, b] of out) if (routes.has(b.route)) out.delete(k);
  return out;
}

/** The two lists are equal once the changed routes' entries are left out of both. */
function sameExcept(
  a: readonly ResolvedBackend[],
  b: readonly ResolvedBackend[],
  changed: ReadonlySet<ObjectKey>,
): boolean {
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && changed.has((a[i] as ResolvedBackend).route)) i++;
    while (j < b.length && changed.has((b[j] as ResolvedBackend).route)) j++;
    const x = a[i];
    const y = b[j];
    if (x === undefined || y === undefined) return x === y;
    if (!equalData(x, y, 3)) return false;
    i++;
    j++;
  }
}

/** Structural equality of plain JSON-like data, `depth` levels down (then identity). */
function equalData(x: unknown, y: unknown, depth: number): boolean {
  if (x === y) return true;
  if (depth === 0 || typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (Array.isArray(x) !== Array.isArray(y)) return false;
  const xs = x as Record<string, unknown>;
  const ys = y as Record<string, unknown>;
  const keys = Object.keys(xs);
  if (keys.length !== Object.keys(ys).length) return false;
  return keys.every((k) => k in ys && equalData(xs[k], ys[k], depth - 1));
}
