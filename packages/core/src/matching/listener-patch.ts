/**
 * patchListener: a listener table after some of its routes changed, equal to compileListener on
 * the new attachments but rebuilding only the hostname buckets those routes were or are in (one
 * listener often carries thousands of routes over thousands of hostnames). Entries and route
 * infos of unchanged routes are shared with the old table.
 */
import type { ResolvedListener, RouteAttachment } from '../analysis/types.ts';
import type { ObjectKey } from '../model/identity.ts';
import { concatEntries, effectiveHostnames, routeEntries, routeInfo } from './entries.ts';
import type { RouteEntries } from './entries.ts';
import { compileListener, makeBucket } from './tables.ts';
import type {
  GrpcEntry,
  HostBucket,
  HttpEntry,
  L4Entry,
  ListenerTable,
  RouteInfo,
  RouteLookup,
} from './tables.ts';

/** `listener` must resolve like `old.listener` (same hostname, port, protocol, readiness). */
export function patchListener(
  old: ListenerTable,
  listener: ResolvedListener,
  attachments: readonly RouteAttachment[],
  routeOf: RouteLookup,
  changed: ReadonlySet<ObjectKey>,
): ListenerTable {
  const routes: RouteInfo[] = [];
  const entries: RouteEntries[] = [];
  const touched: RouteInfo[] = []; // gone from the old table or built anew
  const seen = new Set<ObjectKey>();
  let j = 0; // walks the old routes: unchanged routes keep their relative order
  for (const att of attachments) {
    if (seen.has(att.route)) continue;
    const route = routeOf(att.route);
    if (!route) continue;
    seen.add(att.route);
    if (!changed.has(att.route)) {
      while (j < old.routes.length && old.routes[j]?.key !== att.route) skip(old, j++, touched);
      const info = old.routes[j];
      const kept = old.routeEntries[j];
      if (info === undefined || kept === undefined) return compileListener(listener, attachments, routeOf);
      j++;
      if (sameHostnames(info.attached, att.hostnames, listener.hostname)) {
        routes.push(info);
        entries.push(kept);
        continue;
      }
      touched.push(info);
    }
    const info = routeInfo(route, att.hostnames, listener.hostname);
    routes.push(info);
    entries.push(routeEntries(route, info));
    touched.push(info);
  }
  while (j < old.routes.length) skip(old, j++, touched);
  if (touched.length === 0) return old;
  const { http, grpc, l4 } = concatEntries(entries);
  const buckets = new Map(old.buckets);
  let catchAll = old.catchAll;
  for (const pattern of new Set(touched.flatMap((info) => info.hostnames))) {
    const bucket = bucketOf(pattern, http, grpc, l4);
    if (pattern === '') catchAll = bucket;
    else if (bucket) buckets.set(pattern, bucket);
    else buckets.delete(pattern);
  }
  return {
    ...old,
    listener,
    buckets,
    catchAll,
    routes,
    routeEntries: entries,
    httpEntries: http,
    grpcEntries: grpc,
    l4Entries: l4,
  };
}

/** The old route at `j` is skipped over (changed, deleted or no longer attached here). */
function skip(old: ListenerTable, j: number, touched: RouteInfo[]): void {
  const info = old.routes[j];
  if (info) touched.push(info);
}

/** The bucket of one hostname pattern from the listener's entries, or null when none is left. */
function bucketOf(
  pattern: string,
  http: readonly HttpEntry[],
  grpc: readonly GrpcEntry[],
  l4: readonly L4Entry[],
): HostBucket | null {
  const has = (e: { readonly route: RouteInfo }): boolean => e.route.hostnames.includes(pattern);
  const h = http.filter(has);
  const g = grpc.filter(has);
  const l = l4.filter(has);
  return h.length + g.length + l.length === 0 ? null : makeBucket(pattern, h, g, l);
}

/** Would the attachment give these effective hostnames? (no allocation in the common case) */
export function sameHostnames(
  current: readonly string[],
  attached: readonly string[],
  listenerHost: string | undefined,
): boolean {
  if (attached.length === current.length) {
    let same = true;
    for (let i = 0; i < attached.length && same; i++) same = attached[i]?.toLowerCase() === current[i];
    if (same && attached.length > 0) return true;
  }
  return sameList(current, effectiveHostnames(attached, listenerHost));
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
