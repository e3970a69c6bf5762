/**
 * Which diagnostics explain a failed simulated request (pure): a 500 is explained by the errors on
 * the route that matched (its backends); a 404 or no answer by the errors on the Gateway and on
 * the routes that name it as a parent (not accepted, hostname mismatch, ...).
 */
import type { Analysis, Diagnostic } from '@gatescope/core';
import type { SimRequest, SimResult } from '@gatescope/core/matching/index';

const MAX = 5;

function gatewayOf(request: SimRequest): { namespace: string; name: string } {
  const [namespace = '', name = ''] = request.gateway.split('/');
  return { namespace, name };
}

export function explainingDiagnostics(
  analysis: Analysis,
  request: SimRequest,
  result: SimResult,
): Diagnostic[] {
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  const on = (kind: string, namespace: string, name: string) => (d: Diagnostic) =>
    d.object.kind === kind && d.object.namespace === namespace && d.object.name === name;
  if (result.status !== null && result.status >= 500 && result.route !== null) {
    const route = result.route;
    return errors.filter(on(route.kind, route.namespace, route.name)).slice(0, MAX);
  }
  if (result.status !== 404 && result.status !== null) return [];
  const gateway = gatewayOf(request);
  const routes = new Set<string>();
  for (const o of analysis.snapshot.objects) {
    if (!('parentRefs' in o)) continue;
    const named = o.parentRefs.some(
      (p) => p.kind === 'Gateway' && p.namespace === gateway.namespace && p.name === gateway.name,
    );
    if (named) routes.add(`${o.kind}/${o.meta.namespace}/${o.meta.name}`);
  }
  return errors
    .filter(
      (d) =>
        on('Gateway', gateway.namespace, gateway.name)(d) ||
        routes.has(`${d.object.kind}/${d.object.namespace}/${d.object.name}`),
    )
    .slice(0, MAX);
}
