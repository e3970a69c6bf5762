/**
 * Checks "features" and "channel": features a route uses that its GatewayClass does not declare
 * in status.supportedFeatures (pkg/features names), and experimental-channel fields/kinds used
 * where only standard-channel CRDs are served.
 */
import type { Diagnostic } from '../../diagnostics/types.ts';
import { diagnose } from '../../diagnostics/make.ts';
import { GATEWAY_GROUP, GATEWAY_X_GROUP } from '../../model/identity.ts';
import type { GwObject, HTTPFilter, Route } from '../../model/types.ts';
import type { ParentEval } from '../attach.ts';
import type { AnalysisContext } from '../context.ts';
import { atLeast, crdBundle } from '../crd-bundle.ts';

function filterFeatures(filters: readonly HTTPFilter[], backendLevel: boolean): string[] {
  const out: string[] = [];
  const mirrors = filters.filter((f) => f.type === 'RequestMirror');
  if (mirrors.length > 0) out.push('HTTPRouteRequestMirror');
  if (mirrors.length > 1) out.push('HTTPRouteRequestMultipleMirrors');
  for (const f of filters) {
    if (f.type === 'RequestMirror' && (f.percent !== undefined || f.fraction !== undefined))
      out.push('HTTPRouteRequestPercentageMirror');
    if (f.type === 'ResponseHeaderModifier') out.push('HTTPRouteResponseHeaderModification');
    if (f.type === 'RequestHeaderModifier' && backendLevel)
      out.push('HTTPRouteBackendRequestHeaderModification');
    if (f.type === 'CORS') out.push('HTTPRouteCORS');
    if (f.type === 'RequestRedirect') {
      if (f.port !== undefined) out.push('HTTPRoutePortRedirect');
      if (f.scheme !== undefined) out.push('HTTPRouteSchemeRedirect');
      if (f.path !== undefined) out.push('HTTPRoutePathRedirect');
    }
    if (f.type === 'URLRewrite') {
      if (f.hostname !== undefined) out.push('HTTPRouteHostRewrite');
      if (f.path !== undefined) out.push('HTTPRoutePathRewrite');
    }
  }
  return out;
}

/** Feature names (sigs.k8s.io/gateway-api/pkg/features) a route relies on. */
export function routeFeatures(route: Route): string[] {
  const features = new Set<string>([route.kind]);
  if (route.kind === 'HTTPRoute') {
    for (const rule of route.rules) {
      if (rule.name !== undefined) features.add('HTTPRouteNamedRouteRule');
      if (rule.matches.some((m) => m.method !== undefined)) features.add('HTTPRouteMethodMatching');
      if (rule.matches.some((m) => m.queryParams.length > 0)) features.add('HTTPRouteQueryParamMatching');
      if (rule.timeouts?.request !== undefined) features.add('HTTPRouteRequestTimeout');
      if (rule.timeouts?.backendRequest !== undefined) features.add('HTTPRouteBackendTimeout');
      if (rule.retry !== undefined) features.add('HTTPRouteRetry');
      if (rule.sessionPersistence !== undefined) features.add('HTTPRouteSessionPersistence');
      filterFeatures(rule.filters, false).forEach((f) => features.add(f));
      for (const b of rule.backendRefs) filterFeatures(b.filters, true).forEach((f) => features.add(f));
    }
  }
  if (route.kind === 'GRPCRoute') {
    for (const rule of route.rules) if (rule.name !== undefined) features.add('GRPCRouteNamedRouteRule');
  }
  return [...features].sort();
}

export function checkFeatures(parents: readonly ParentEval[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const done = new Set<string>();
  for (const p of parents) {
    const gc = p.gateway?.gatewayClass;
    const supported = gc?.observed?.supportedFeatures ?? [];
    if (gc === undefined || supported.length === 0) continue;
    const id = `${p.route.key}|${gc.key}`;
    if (done.has(id)) continue;
    done.add(id);
    const missing = routeFeatures(p.route).filter((f) => !supported.includes(f));
    for (const feature of missing) {
      out.push(
        diagnose(
          'FeatureNotSupported',
          p.route,
          `${p.route.kind} ${p.route.meta.namespace}/${p.route.meta.name} uses ${feature}, which GatewayClass ${gc.meta.name} does not list in status.supportedFeatures.`,
          {
            fix: {
              summary: `Remove the ${feature} usage, or use a GatewayClass whose controller supports it.`,
            },
            related: [gc.key],
          },
        ),
      );
    }
  }
  return out;
}

/**
 * Fields and kinds only the experimental-channel CRDs serve, in release `version` (major.minor of
 * the input's CRDs; unknown: v1.6, the release the analysis follows by default). v1.7 moved
 * HTTPRoute retry to the standard channel.
 */
function experimentalUses(object: GwObject, version: string | undefined): string[] {
  const retryStandard = atLeast(version, 1, 7);
  const uses: string[] = [];
  if (object.ref.group === GATEWAY_X_GROUP) uses.push(`kind ${object.ref.kind} (${GATEWAY_X_GROUP})`);
  if (object.ref.group === GATEWAY_GROUP && /alpha/.test(object.apiVersion))
    uses.push(`apiVersion ${object.apiVersion}`);
  if (object.kind === 'HTTPRoute') {
    for (const rule of object.rules) {
      if (rule.retry !== undefined && !retryStandard) uses.push(`spec.rules[${rule.index}].retry`);
      if (rule.sessionPersistence !== undefined) uses.push(`spec.rules[${rule.index}].sessionPersistence`);
      rule.filters.forEach((f, i) => {
        if (f.type === 'ExternalAuth') uses.push(`spec.rules[${rule.index}].filters[${i}] (ExternalAuth)`);
      });
    }
  }
  if (object.kind === 'GRPCRoute') {
    for (const rule of object.rules) {
      if (rule.sessionPersistence !== undefined) uses.push(`spec.rules[${rule.index}].sessionPersistence`);
    }
  }
  return uses;
}

export function checkChannel(ctx: AnalysisContext): Diagnostic[] {
  // The caller's channel (CLI flag, live discovery) wins; otherwise the input's CRDs say.
  const bundle = crdBundle(ctx.snapshot.objects);
  if ((ctx.options.channel ?? bundle.channel) !== 'standard') return [];
  const out: Diagnostic[] = [];
  for (const object of ctx.snapshot.objects) {
    for (const use of experimentalUses(object, bundle.version)) {
      out.push(
        diagnose(
          'ExperimentalFieldOnStandardChannel',
          object,
          `${object.ref.kind} ${object.meta.namespace}/${object.meta.name} uses ${use}, which only the experimental-channel CRDs serve; the API server drops or rejects it here.`,
          {
            fix: { summary: 'Install the experimental-channel CRDs, or remove the field.' },
          },
        ),
      );
    }
  }
  return out;
}
