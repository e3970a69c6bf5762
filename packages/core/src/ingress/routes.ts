/**
 * HTTPRoutes for one (non-canary) Ingress: one route per host, one rule per path, plus a
 * redirect route on the HTTP listener when ingress-nginx would redirect to HTTPS, and a
 * catch-all route for spec.defaultBackend.
 */
import { isNginxIngress, otherControllersPolicy } from './controllers.ts';
import { httpsListenerFor, type GatewayDraft } from './gateways.ts';
import { readNginx, redirectFilter, rewriteFor, type NginxSettings } from './nginx.ts';
import { slug, type IngressInfo } from './read.ts';
import type { BackendTarget, IngressNote, IngressPath, Json } from './types.ts';

export interface RuleDraft {
  /** host|match type|path: how a canary Ingress finds the rule it splits. */
  readonly key: string;
  matches: Json[];
  filters: Json[];
  backendRefs: Json[];
}

export interface RouteDraft {
  readonly name: string;
  readonly namespace: string;
  readonly hostnames: string[];
  readonly parentRefs: Json[];
  readonly rules: RuleDraft[];
}

export type ServicePorts = ReadonlyMap<string, ReadonlyMap<string, number>>;

const REGEX_CHARS = /[()[\]*+?^$|\\{}]/;

export interface Context {
  readonly notes: IngressNote[];
  readonly servicePorts: ServicePorts;
}

export function routesForIngress(ingress: IngressInfo, gateway: GatewayDraft, ctx: Context): RouteDraft[] {
  const nginx = readNginx(ingress.annotations);
  const others = otherControllersPolicy(ingress.annotations);
  const byHost = new Map<string, IngressPath[]>();
  for (const p of ingress.paths) byHost.set(p.host, [...(byHost.get(p.host) ?? []), p]);
  const routes: RouteDraft[] = [];
  for (const [host, paths] of byHost) {
    const name = byHost.size === 1 ? ingress.name : `${ingress.name}-${slug(host || 'any-host')}`;
    const rules = paths.map((p) => ruleFor(p, ingress, nginx, ctx));
    if (nginx.appRoot !== undefined) rules.unshift(appRootRule(host, nginx.appRoot));
    const tlsListener = host === '' ? undefined : httpsListenerFor(gateway, host);
    const wantsRedirect = isNginxIngress(ingress.className, ingress.annotations)
      ? nginx.sslRedirect !== false || nginx.forceSslRedirect
      : others.redirect;
    const redirect = tlsListener !== undefined && wantsRedirect && others.allowHttp;
    const httpsOnly = tlsListener !== undefined && (redirect || !others.allowHttp);
    if (nginx.forceSslRedirect && tlsListener === undefined) {
      ctx.notes.push({
        ingress: ingress.id,
        severity: 'warning',
        field: 'nginx.ingress.kubernetes.io/force-ssl-redirect',
        message: `force-ssl-redirect for ${host || 'any host'} without TLS on this Ingress (TLS ends before the controller): not translated; add an HTTPS listener and a RequestRedirect route.`,
      });
    }
    const parentRefs: Json[] = httpsOnly
      ? [{ name: gateway.name, sectionName: tlsListener.name }]
      : [{ name: gateway.name }];
    routes.push({
      name,
      namespace: ingress.namespace,
      hostnames: host === '' ? [] : [host],
      parentRefs,
      rules,
    });
    if (redirect) routes.push(sslRedirectRoute(name, ingress, host, gateway, nginx, rules));
  }
  if (ingress.defaultBackend !== null) {
    const backendRefs = backendRefsFor(ingress.defaultBackend, ingress, 'spec.defaultBackend', ctx);
    routes.push({
      name: `${ingress.name}-default-backend`,
      namespace: ingress.namespace,
      hostnames: [],
      parentRefs: [{ name: gateway.name }],
      rules: [
        {
          key: '|default',
          matches: [{ path: { type: 'PathPrefix', value: '/' } }],
          filters: [],
          backendRefs,
        },
      ],
    });
    ctx.notes.push({
      ingress: ingress.id,
      severity: 'info',
      field: 'spec.defaultBackend',
      message:
        'defaultBackend became a catch-all HTTPRoute without hostnames: host-specific routes win for their hosts, as with Ingress.',
    });
  }
  return routes;
}

function ruleFor(p: IngressPath, ingress: IngressInfo, nginx: NginxSettings, ctx: Context): RuleDraft {
  const filters: Json[] = [];
  const match = pathMatch(p, nginx, ingress, ctx);
  if (nginx.rewriteTarget !== undefined) {
    const rewrite = rewriteFor(p.path, nginx.rewriteTarget);
    if (rewrite === null) {
      ctx.notes.push({
        ingress: ingress.id,
        severity: 'warning',
        field: 'nginx.ingress.kubernetes.io/rewrite-target',
        message: `rewrite-target ${nginx.rewriteTarget} on ${p.path} uses capture groups with no Gateway API equivalent; not translated.`,
      });
    } else if (rewrite.type === 'strip-prefix') {
      filters.push({
        type: 'URLRewrite',
        urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' } },
      });
    } else {
      filters.push({
        type: 'URLRewrite',
        urlRewrite: { path: { type: 'ReplaceFullPath', replaceFullPath: rewrite.path } },
      });
    }
  }
  const staticRedirect = nginx.permanentRedirect ?? nginx.temporalRedirect;
  if (staticRedirect !== undefined) {
    const filter = redirectFilter(staticRedirect.url, staticRedirect.code);
    if (filter !== null) {
      return { key: ruleKey(p.host, match), matches: [{ path: match }], filters: [filter], backendRefs: [] };
    }
    ctx.notes.push({
      ingress: ingress.id,
      severity: 'warning',
      message: `Redirect target ${staticRedirect.url} is not an absolute http(s) URL; not translated.`,
    });
  }
  const backendRefs = p.backend === null ? [] : backendRefsFor(p.backend, ingress, `${p.field}.backend`, ctx);
  return { key: ruleKey(p.host, match), matches: [{ path: match }], filters, backendRefs };
}

export function ruleKey(host: string, match: { type: string; value: string }): string {
  return `${host}|${match.type}|${match.value}`;
}

/** Ingress pathType → HTTPRoute path match (Ingress Prefix is element-wise, like PathPrefix). */
export function pathMatch(
  p: IngressPath,
  nginx: NginxSettings,
  ingress: IngressInfo,
  ctx: Context,
): { type: string; value: string } {
  if (p.pathType === 'Exact') return { type: 'Exact', value: p.path };
  // The strip-prefix idiom's regex path is really a prefix (see rewriteFor).
  const rewrite = nginx.rewriteTarget === undefined ? null : rewriteFor(p.path, nginx.rewriteTarget);
  if (rewrite?.type === 'strip-prefix') return { type: 'PathPrefix', value: rewrite.prefix };
  if (p.pathType === 'Prefix') return { type: 'PathPrefix', value: p.path };
  const regex = (nginx.useRegex || nginx.rewriteTarget !== undefined) && REGEX_CHARS.test(p.path);
  if (regex) {
    ctx.notes.push({
      ingress: ingress.id,
      severity: 'warning',
      field: p.field,
      message: `Regex path ${p.path} became a RegularExpression match (implementation-specific support; PCRE and RE2 dialects differ).`,
    });
    return { type: 'RegularExpression', value: p.path };
  }
  if (!regex) {
    ctx.notes.push({
      ingress: ingress.id,
      severity: 'info',
      field: p.field,
      message: `pathType ImplementationSpecific on ${p.path} became PathPrefix (what ingress-nginx does for non-regex paths).`,
    });
  }
  return { type: 'PathPrefix', value: p.path };
}

export function backendRefsFor(
  target: BackendTarget,
  ingress: IngressInfo,
  field: string,
  ctx: Context,
): Json[] {
  if (target.type === 'resource') {
    ctx.notes.push({
      ingress: ingress.id,
      severity: 'warning',
      field,
      message: `Resource backend ${target.kind}/${target.name} has no HTTPRoute equivalent; the rule has no backend.`,
    });
    return [];
  }
  let port = target.port;
  if (port === undefined && target.portName !== undefined) {
    port = ctx.servicePorts.get(`${ingress.namespace}/${target.name}`)?.get(target.portName);
    if (port === undefined) {
      ctx.notes.push({
        ingress: ingress.id,
        severity: 'warning',
        field,
        message: `Service port "${target.portName}" of ${target.name} is a name; backendRefs need a number. Include the Service in the input or set the port.`,
      });
    }
  }
  return [{ name: target.name, ...(port === undefined ? {} : { port }) }];
}

function appRootRule(host: string, appRoot: string): RuleDraft {
  return {
    key: `${host}|app-root`,
    matches: [{ path: { type: 'Exact', value: '/' } }],
    filters: [
      {
        type: 'RequestRedirect',
        requestRedirect: { path: { type: 'ReplaceFullPath', replaceFullPath: appRoot }, statusCode: 302 },
      },
    ],
    backendRefs: [],
  };
}

function sslRedirectRoute(
  name: string,
  ingress: IngressInfo,
  host: string,
  gateway: GatewayDraft,
  nginx: NginxSettings,
  rules: readonly RuleDraft[],
): RouteDraft {
  const code = [301, 302, 303, 307, 308].includes(nginx.redirectCode) ? nginx.redirectCode : 308;
  return {
    name: `${name}-ssl-redirect`,
    namespace: ingress.namespace,
    hostnames: host === '' ? [] : [host],
    parentRefs: [{ name: gateway.name, sectionName: 'http' }],
    rules: [
      {
        key: `${host}|ssl-redirect`,
        matches: rules.flatMap((r) => r.matches),
        filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: code } }],
        backendRefs: [],
      },
    ],
  };
}

export function routeObject(route: RouteDraft): Json {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: route.name, namespace: route.namespace },
    spec: {
      parentRefs: route.parentRefs,
      ...(route.hostnames.length === 0 ? {} : { hostnames: route.hostnames }),
      rules: route.rules.map((r) => ({
        matches: r.matches,
        ...(r.filters.length === 0 ? {} : { filters: r.filters }),
        ...(r.backendRefs.length === 0 ? {} : { backendRefs: r.backendRefs }),
      })),
    },
  };
}
