/**
 * updateRouteTables: the tables after some routes changed (added, modified or deleted), equal to
 * compileRouteTables(analysis) but rebuilding only what those routes touch: the hostname buckets
 * of the listeners they were or are attached to (listener-patch.ts). A listener that is new or
 * resolved differently (an edited listener or Gateway) is compiled anew; unchanged listener
 * tables are shared with the old tables.
 *
 * `analysis` must be the analysis of the new snapshot. A change that alters the backends of a
 * route that is not in `changedRoutes` (e.g. a Service or ReferenceGrant) is still picked up:
 * the backend maps are rebuilt from the analysis (cheaper than comparing them) and the backends
 * memo starts empty.
 */
import type { Analysis, ResolvedListener, RouteAttachment } from '../analysis/types.ts';
import type { Diagnostic } from '../diagnostics/types.ts';
import { keyOf } from '../model/identity.ts';
import { isRoute } from '../model/types.ts';
import type { ObjectKey } from '../model/identity.ts';
import { regexDiagnostics } from './diagnostics.ts';
import { withBackendTls } from './backend-tls.ts';
import { gatewayTables } from './gateways.ts';
import { patchListener, sameHostnames } from './listener-patch.ts';
import { attachmentsByListener, backendMaps, compileListener, newMemoOwner, routeLookup } from './tables.ts';
import type { ListenerTable, RouteInfo, RouteTables } from './tables.ts';

export function updateRouteTables(
  tables: RouteTables,
  analysis: Analysis,
  changedRoutes: Iterable<ObjectKey>,
): RouteTables {
  const changed = new Set(changedRoutes);
  const old = listenersById(tables);
  const byListener = attachmentsByListener(analysis.attachments, null);
  const touched = listenersTouched(old, analysis, changed, byListener);
  const routeOf = routeLookup(analysis);
  const listeners = analysis.listeners.map((l) => {
    const before = old.get(l.id);
    const attachments = byListener.get(l.id) ?? [];
    if (!before || !sameListener(before.listener, l)) return compileListener(l, attachments, routeOf);
    return touched.has(l.id) ? patchListener(before, l, attachments, routeOf, changed) : before;
  });
  return {
    gateways: gatewayTables(analysis, listeners),
    ...backendMaps(withBackendTls(analysis)),
    diagnostics: updatedDiagnostics(tables, analysis, changed),
    backendCache: new Map(),
    memoOwner: newMemoOwner(),
  };
}

/**
 * The regex diagnostics in snapshot order (as compileRouteTables gives them): those of changed
 * routes anew, the others kept (a route's diagnostics depend on that route alone).
 */
function updatedDiagnostics(
  tables: RouteTables,
  analysis: Analysis,
  changed: ReadonlySet<ObjectKey>,
): Diagnostic[] {
  const kept = new Map<ObjectKey, Diagnostic[]>();
  for (const d of tables.diagnostics) {
    const { group = GATEWAY_GROUP, kind, namespace, name } = d.object;
    const key = keyOf({ group, kind, namespace, name });
    const list = kept.get(key);
    if (list) list.push(d);
    else kept.set(key, [d]);
  }
  const out: Diagnostic[] = [];
  for (const o of analysis.snapshot.objects) {
    if (changed.has(o.key)) {
      if (isRoute(o)) out.push(...regexDiagnostics([o]));
    } else if (kept.size > 0) out.push(...(kept.get(o.key) ?? []));
  }
  return out;
}

const GATEWAY_GROUP = 'gateway.networking.k8s.io';

function listenersById(tables: RouteTables): Map<string, ListenerTable> {
  const out = new Map<string, ListenerTable>();
  for (const gw of tables.gateways.values()) for (const t of gw.listeners) out.set(t.listener.id, t);
  return out;
}

/**
 * Listeners whose routes changed: those a changed route was attached to (old tables) or is
 * attached to (new analysis), and those whose attached routes differ (a change can make another
 * route win or lose a hostname collision, so attachments are compared, not assumed).
 */
function listenersTouched(
  old: ReadonlyMap<string, ListenerTable>,
  analysis: Analysis,
  changed: ReadonlySet<ObjectKey>,
  byListener: ReadonlyMap<string, readonly RouteAttachment[]>,
): Set<string> {
  const out = new Set<string>();
  for (const [id, t] of old) {
    if (t.routes.some((r) => changed.has(r.key))) out.add(id);
  }
  for (const att of analysis.attachments) if (changed.has(att.route)) out.add(att.listenerId);
  for (const l of analysis.listeners) {
    if (out.has(l.id)) continue;
    const before = old.get(l.id);
    if (before && !sameRoutes(before.routes, byListener.get(l.id) ?? [], l.hostname)) out.add(l.id);
  }
  return out;
}

/** The attachments give the same routes, in the same order, with the same hostnames. */
function sameRoutes(
  routes: readonly RouteInfo[],
  attachments: readonly RouteAttachment[],
  listenerHost: string | undefined,
): boolean {
  let i = 0;
  const seen = new Set<ObjectKey>();
  for (const att of attachments) {
    if (seen.has(att.route)) continue;
    seen.add(att.route);
    const info = routes[i++];
    if (info === undefined || info.key !== att.route) return false;
    if (!sameHostnames(info.attached, att.hostnames, listenerHost)) return false;
  }
  return i === routes.length;
}

/** Same resolution (every field the tables read, conditions included) as plain data. */
function sameListener(a: ResolvedListener, b: ResolvedListener): boolean {
  if (a === b) return true;
  if (a.name !== b.name || a.port !== b.port || a.protocol !== b.protocol) return false;
  if (a.hostname !== b.hostname || a.ready !== b.ready || a.gateway !== b.gateway) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
