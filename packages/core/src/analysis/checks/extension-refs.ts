/**
 * Check "extensionRef filters": an HTTPRoute/GRPCRoute filter of type ExtensionRef names a
 * controller-specific object (Envoy Gateway's HTTPRouteFilter, NGINX Gateway Fabric's
 * SnippetsFilter, ...). Gatescope does not execute it (the simulator shows it, matching/respond.ts)
 * and cannot judge its kind, but a target absent from the input is said: the spec
 * (HTTPRouteFilter.ExtensionRef) requires a controller that cannot resolve it not to skip the
 * filter but to answer requests of that rule with an HTTP error, so the object had better exist.
 */
import { diagnose } from '../../diagnostics/make.ts';
import type { Diagnostic } from '../../diagnostics/types.ts';
import type { HTTPFilter, Route } from '../../model/types.ts';
import type { AnalysisContext } from '../context.ts';

export function checkExtensionRefs(ctx: AnalysisContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const route of ctx.routes) {
    for (const rule of route.rules) {
      const base = `spec.rules[${rule.index}]`;
      if ('filters' in rule) report(ctx, route, rule.filters, `${base}.filters`, out);
      for (const ref of rule.backendRefs) {
        if ('filters' in ref) {
          const filters = (ref as { filters: readonly HTTPFilter[] }).filters;
          report(ctx, route, filters, `${base}.backendRefs[${ref.index}].filters`, out);
        }
      }
    }
  }
  return out;
}

function report(
  ctx: AnalysisContext,
  route: Route,
  filters: readonly HTTPFilter[],
  base: string,
  out: Diagnostic[],
): void {
  filters.forEach((f, i) => {
    if (f.type !== 'ExtensionRef' || ctx.snapshot.byKey.has(f.ref.key)) return;
    const gk = f.ref.group === '' ? f.ref.kind : `${f.ref.group}/${f.ref.kind}`;
    const target = `${gk} ${f.ref.namespace}/${f.ref.name}`;
    out.push(
      diagnose(
        'ExtensionRefNotInInput',
        route,
        `${route.kind} ${route.meta.namespace}/${route.meta.name}: ExtensionRef filter ${target} is implementation-specific, not checked, and ${f.ref.kind} ${f.ref.namespace}/${f.ref.name} is not in the input.`,
        {
          field: `${base}[${i}].extensionRef`,
          fix: {
            summary: `Nothing to do if ${target} exists in the cluster; if the controller cannot resolve it, requests of this rule get an HTTP error (the filter is never skipped).`,
          },
          related: [f.ref.key],
        },
      ),
    );
  });
}
