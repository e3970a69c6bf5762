/**
 * ingress-nginx canary Ingresses (canary: "true") do not route on their own: they split traffic
 * of the primary Ingress with the same host and path. Gateway API expresses that inside the
 * primary's rule: canary-weight becomes backendRef weights, canary-by-header a rule with a
 * header match placed before it (more matches win by precedence).
 */
import type { NginxSettings } from './nginx.ts';
import type { IngressInfo } from './read.ts';
import { backendRefsFor, pathMatch, ruleKey, type Context, type RouteDraft } from './routes.ts';
import type { Json } from './types.ts';

export function applyCanary(
  ingress: IngressInfo,
  nginx: NginxSettings,
  routes: readonly RouteDraft[],
  ctx: Context,
): void {
  const canary = nginx.canary;
  if (canary === undefined) return;
  if (canary.cookie !== undefined) {
    ctx.notes.push({
      ingress: ingress.id,
      severity: 'warning',
      field: 'nginx.ingress.kubernetes.io/canary-by-cookie',
      message: `canary-by-cookie ${canary.cookie} has no standard equivalent (a Cookie header regex would be fragile); not translated.`,
    });
  }
  for (const p of ingress.paths) {
    const match = pathMatch(p, nginx, ingress, ctx);
    const key = ruleKey(p.host, match);
    const route = routes.find(
      (r) => r.namespace === ingress.namespace && r.rules.some((rule) => rule.key === key),
    );
    const index = route?.rules.findIndex((rule) => rule.key === key) ?? -1;
    const rule = route?.rules[index];
    if (route === undefined || rule === undefined || p.backend === null) {
      ctx.notes.push({
        ingress: ingress.id,
        severity: 'warning',
        field: p.field,
        message: `Canary path ${p.host || '*'}${p.path} has no primary Ingress with the same host and path; not translated.`,
      });
      continue;
    }
    const canaryRefs = backendRefsFor(p.backend, ingress, `${p.field}.backend`, ctx);
    if (canary.header !== undefined) {
      const value = canary.headerValue ?? 'always';
      const matches: Json[] = rule.matches.map((m) => ({
        ...m,
        headers: [{ type: 'Exact', name: canary.header, value }],
      }));
      route.rules.splice(index, 0, {
        key: `${key}|canary-header`,
        matches,
        filters: [...rule.filters],
        backendRefs: canaryRefs,
      });
      if (canary.headerValue === undefined) {
        ctx.notes.push({
          ingress: ingress.id,
          severity: 'info',
          field: 'nginx.ingress.kubernetes.io/canary-by-header',
          message: `canary-by-header ${canary.header}: "always" routes to the canary (translated); "never" has no equivalent and falls to the weights.`,
        });
      }
    }
    if (canary.weight !== undefined && canary.weight > 0) splitWeights(rule.backendRefs, canaryRefs, canary);
  }
}

/** Primary backends share weightTotal - weight; the canary gets weight (out of weightTotal). */
function splitWeights(
  primary: Json[],
  canaryRefs: readonly Json[],
  canary: NonNullable<NginxSettings['canary']>,
): void {
  const weight = Math.min(canary.weight ?? 0, canary.weightTotal);
  const rest = canary.weightTotal - weight;
  const each = primary.length === 0 ? 0 : Math.floor(rest / primary.length);
  primary.forEach((ref, i) => {
    ref['weight'] = i === 0 ? rest - each * (primary.length - 1) : each;
  });
  for (const ref of canaryRefs) primary.push({ ...ref, weight: Math.floor(weight / canaryRefs.length) });
}
