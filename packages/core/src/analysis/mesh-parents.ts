/**
 * parentRefs that are not Gateways or ListenerSets. A Service parent (group "", kind Service) is
 * a mesh route (GAMMA, GEP-1426/GEP-1294): it configures traffic to that Service inside the mesh
 * and attaches to no listener. A "producer" route lives in the Service's namespace, a "consumer"
 * route in another one (the spec exempts consumer routes' cross-namespace Service parentRefs from
 * ReferenceGrant). Gatescope checks only that the Service is in the input (and that parentRef
 * port, when set, is one of its ports); mesh attachment and status belong to the mesh, so no
 * route parent status is predicted for these parents. Any other kind is up to its controller.
 */
import type { Diagnostic } from '../diagnostics/types.ts';
import { diagnose } from '../diagnostics/make.ts';
import type { ParentRef, Route } from '../model/types.ts';
import type { AnalysisContext } from './context.ts';

export function isMeshServiceParent(ref: ParentRef): boolean {
  return ref.group === '' && ref.kind === 'Service';
}

export function otherParentDiagnostic(ctx: AnalysisContext, route: Route, ref: ParentRef): Diagnostic {
  const label = `${route.kind} ${route.meta.namespace}/${route.meta.name}`;
  const field = `spec.parentRefs[${ref.index}]`;
  if (!isMeshServiceParent(ref)) {
    const gk = ref.group === '' ? ref.kind : `${ref.group}/${ref.kind}`;
    return diagnose(
      'RouteParentImplementationSpecific',
      route,
      `${label}: parentRef ${gk} ${ref.namespace}/${ref.name} is implementation-specific, not checked: only the controller that owns ${gk} attaches routes to it.`,
      {
        field,
        fix: {
          summary: `Nothing to change if your controller supports ${gk} parents; Gateway API parents are Gateway, ListenerSet (group gateway.networking.k8s.io) or Service (mesh).`,
        },
        related: [ref.key],
      },
    );
  }
  const role =
    ref.namespace === route.meta.namespace
      ? 'producer route'
      : `consumer route: it applies to clients in namespace ${route.meta.namespace}`;
  const head = `${label}: parentRef Service ${ref.namespace}/${ref.name} makes this a mesh route (GAMMA, ${role}); mesh attachment is checked only for the Service's existence, and routing is up to the mesh.`;
  const svc = ctx.services.get(ref.key);
  if (svc === undefined) {
    return diagnose(
      'MeshRouteParent',
      route,
      `${head} Service ${ref.namespace}/${ref.name} is not in the input.`,
      {
        field,
        fix: {
          summary: `Nothing to do if Service ${ref.namespace}/${ref.name} exists in the cluster; include it in the input to have it checked.`,
        },
        related: [ref.key],
      },
    );
  }
  const ports = svc.ports.map((p) => p.port);
  if (ref.port !== undefined && ports.length > 0 && !ports.includes(ref.port)) {
    return diagnose(
      'MeshRouteParent',
      route,
      `${head} parentRef port ${ref.port} is not a port of the Service (${ports.join(', ')}), so the route applies to no traffic.`,
      {
        field: `${field}.port`,
        severity: 'warning',
        fix: { summary: `Set the parentRef port to one of the Service's ports: ${ports.join(', ')}.` },
        related: [ref.key],
      },
    );
  }
  return diagnose('MeshRouteParent', route, `${head} The Service is in the input.`, {
    field,
    fix: { summary: 'Nothing to change; check the route status the mesh writes for its own verdict.' },
    related: [ref.key],
  });
}
