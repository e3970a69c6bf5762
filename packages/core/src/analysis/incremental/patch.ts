/**
 * Building the next Analysis from the previous one without passes over every route: lists
 * ordered by route get the changed routes' segments replaced (found by binary search), sorted
 * diagnostics get the changed ones merged in.
 */
import { compareDiagnostics } from '../../diagnostics/make.ts';
import type { Diagnostic } from '../../diagnostics/types.ts';
import type { ObjectKey } from '../../model/identity.ts';

/** First index in `list[from..]` whose route key is not below `key` (list ordered by route). */
function lowerBound(list: readonly { readonly route: ObjectKey }[], key: ObjectKey, from: number): number {
  let lo = from;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const route = list[mid]?.route;
    if (route !== undefined && route < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `previous` with the entries of each route in `keys` (sorted ascending) replaced by
 * `fresh(key)`. Like analyze(), `previous` holds each route's entries together, routes in key
 * order (the Snapshot's order).
 */
export function replaceSegments<T extends { readonly route: ObjectKey }>(
  previous: readonly T[],
  keys: readonly ObjectKey[],
  fresh: (key: ObjectKey) => readonly T[],
): T[] {
  const pieces: (readonly T[])[] = [];
  let pos = 0;
  for (const key of keys) {
    const start = lowerBound(previous, key, pos);
    pieces.push(previous.slice(pos, start), fresh(key));
    pos = start;
    while (previous[pos]?.route === key) pos += 1;
  }
  pieces.push(previous.slice(pos));
  return ([] as T[]).concat(...pieces);
}

/** Two lists sorted by compareDiagnostics as one sorted list. */
export function mergeDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  let i = 0;
  let j = 0;
  for (;;) {
    const x = a[i];
    const y = b[j];
    if (x === undefined && y === undefined) return out;
    if (y === undefined || (x !== undefined && compareDiagnostics(x, y) <= 0)) {
      if (x !== undefined) out.push(x);
      i += 1;
    } else {
      out.push(y);
      j += 1;
    }
  }
}
