/**
 * Which routes can change each other's analysis. Route-to-route effects all happen on one
 * listener between routes whose hostnames intersect: HTTPRoute/GRPCRoute hostname collisions
 * (collisions.ts) and identical-match shadowing (checks/shadowing.ts); the one effect across
 * listeners is route delegation (a route whose backendRef is another route: node `R|<key>`,
 * shared by the delegating route and its target). Counts (attachedRoutes)
 * and BackendTLSPolicy ancestors are sums over routes and are recomputed, not grouped.
 *
 * Each route is linked to "scope nodes": per parent (a Gateway parentRef selects only the
 * Gateway's own listeners, a ListenerSet parentRef only the set's, attach.ts parentTarget; the
 * parent is coarser than its listeners), one node per exact hostname, or the parent's wide node
 * when the route has a wildcard hostname or none (it may intersect any hostname there). A wide
 * node reaches every hostname node of its parent. Routes reachable from each other through
 * shared nodes form a group; a group is closed under every route-to-route effect, so analysing
 * the Gateway-side objects plus one group gives that group's routes exactly their full result.
 */
import type { ObjectKey } from '../../model/identity.ts';
import { GATEWAY_GROUP } from '../../model/identity.ts';
import type { Route } from '../../model/types.ts';
import { isRouteKind } from '../../model/types.ts';
import { isGatewayParent, isListenerSetParent } from '../attach.ts';

export class RouteGroupIndex {
  private readonly nodesOfRoute = new Map<ObjectKey, readonly string[]>();
  private readonly routesOfNode = new Map<string, Set<ObjectKey>>();
  /** Parent scope → its hostname nodes (what a wide node reaches). */
  private readonly hostNodesOfScope = new Map<string, Set<string>>();

  add(route: Route): void {
    const nodes = this.nodesOf(route);
    this.nodesOfRoute.set(route.key, nodes);
    for (const node of nodes) {
      let routes = this.routesOfNode.get(node);
      if (routes === undefined) this.routesOfNode.set(node, (routes = new Set()));
      routes.add(route.key);
      if (node.startsWith('H|')) {
        const scope = scopeOfHostNode(node);
        let hosts = this.hostNodesOfScope.get(scope);
        if (hosts === undefined) this.hostNodesOfScope.set(scope, (hosts = new Set()));
        hosts.add(node);
      }
    }
  }

  remove(key: ObjectKey): void {
    for (const node of this.nodesOfRoute.get(key) ?? []) {
      const routes = this.routesOfNode.get(node);
      routes?.delete(key);
      if (routes === undefined || routes.size > 0) continue;
      this.routesOfNode.delete(node);
      if (node.startsWith('H|')) this.hostNodesOfScope.get(scopeOfHostNode(node))?.delete(node);
    }
    this.nodesOfRoute.delete(key);
  }

  /** Every route key connected to one of `starts` (including the starts that are indexed). */
  groupsOf(starts: Iterable<ObjectKey>): Set<ObjectKey> {
    const routes = new Set<ObjectKey>();
    const seenNodes = new Set<string>();
    const pending: ObjectKey[] = [];
    const visitRoute = (key: ObjectKey): void => {
      if (routes.has(key) || !this.nodesOfRoute.has(key)) return;
      routes.add(key);
      pending.push(key);
    };
    const visitNode = (node: string): void => {
      if (seenNodes.has(node)) return;
      seenNodes.add(node);
      for (const r of this.routesOfNode.get(node) ?? []) visitRoute(r);
      if (node.startsWith('W|')) {
        for (const h of this.hostNodesOfScope.get(node.slice(2)) ?? []) visitNode(h);
      } else if (this.routesOfNode.has(`W|${scopeOfHostNode(node)}`)) {
        visitNode(`W|${scopeOfHostNode(node)}`);
      }
    };
    for (const s of starts) visitRoute(s);
    for (let key = pending.pop(); key !== undefined; key = pending.pop()) {
      for (const node of this.nodesOfRoute.get(key) ?? []) visitNode(node);
    }
    return routes;
  }

  private nodesOf(route: Route): string[] {
    const hostnames = 'hostnames' in route ? route.hostnames : [];
    const wide = hostnames.length === 0 || hostnames.some((h) => h.startsWith('*'));
    const nodes = new Set<string>();
    for (const ref of route.parentRefs) {
      if (!isGatewayParent(ref) && !isListenerSetParent(ref)) continue;
      const scope = ref.key;
      if (wide) nodes.add(`W|${scope}`);
      else for (const h of hostnames) nodes.add(`H|${scope}|${h}`);
    }
    // Route delegation (a backendRef to a route, analysis/backend-kinds.ts): the delegating
    // route's report says whether the target route is in the input, so the two are one group.
    nodes.add(`R|${route.key}`);
    for (const rule of route.rules) {
      for (const b of rule.backendRefs)
        if (isRouteKind(b.kind) && b.group === GATEWAY_GROUP) nodes.add(`R|${b.key}`);
    }
    return [...nodes];
  }
}

/** `H|<parent key>|<hostname>` → `<parent key>` (keys hold no `|`). */
function scopeOfHostNode(node: string): string {
  return node.slice(2, node.indexOf('|', 2));
}
