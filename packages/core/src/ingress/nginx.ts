/**
 * ingress-nginx annotations that have a standard Gateway API equivalent. Everything else under
 * the nginx prefix is reported as not translated (see convert.ts). Reference:
 * https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/
 */
export const NGINX = 'nginx.ingress.kubernetes.io/';

export interface NginxSettings {
  /** Redirect HTTP to HTTPS: ssl-redirect (default true when the host has TLS) or force-ssl-redirect. */
  readonly sslRedirect: boolean | undefined;
  readonly forceSslRedirect: boolean;
  readonly redirectCode: number;
  readonly rewriteTarget?: string;
  readonly useRegex: boolean;
  readonly appRoot?: string;
  readonly permanentRedirect?: { readonly url: string; readonly code: number };
  readonly temporalRedirect?: { readonly url: string; readonly code: number };
  readonly canary?: {
    readonly weight?: number;
    readonly weightTotal: number;
    readonly header?: string;
    readonly headerValue?: string;
    readonly cookie?: string;
  };
  /** Annotation keys this module understood (the rest get a "not translated" note). */
  readonly handled: ReadonlySet<string>;
}

export function readNginx(annotations: Readonly<Record<string, string>>): NginxSettings {
  const handled = new Set<string>();
  const get = (name: string): string | undefined => {
    const value = annotations[NGINX + name];
    if (value !== undefined) handled.add(NGINX + name);
    return value;
  };
  const bool = (name: string): boolean | undefined => {
    const value = get(name);
    return value === undefined ? undefined : value.trim().toLowerCase() === 'true';
  };
  const int = (name: string): number | undefined => {
    const value = get(name);
    if (value === undefined) return undefined;
    const n = Number.parseInt(value, 10);
    return Number.isFinite(n) ? n : undefined;
  };
  const rewriteTarget = get('rewrite-target');
  const appRoot = get('app-root');
  const permanentUrl = get('permanent-redirect');
  const permanentCode = int('permanent-redirect-code') ?? 301;
  const temporalUrl = get('temporal-redirect');
  const temporalCode = int('temporal-redirect-code') ?? 302;
  const isCanary = bool('canary') === true;
  const canaryWeight = int('canary-weight');
  const canaryWeightTotal = int('canary-weight-total') ?? 100;
  const canaryHeader = get('canary-by-header');
  const canaryHeaderValue = get('canary-by-header-value');
  const canaryCookie = get('canary-by-cookie');
  return {
    sslRedirect: bool('ssl-redirect'),
    forceSslRedirect: bool('force-ssl-redirect') === true,
    redirectCode: int('http-redirect-code') ?? 308,
    useRegex: bool('use-regex') === true,
    ...(rewriteTarget === undefined ? {} : { rewriteTarget }),
    ...(appRoot === undefined ? {} : { appRoot }),
    ...(permanentUrl === undefined ? {} : { permanentRedirect: { url: permanentUrl, code: permanentCode } }),
    ...(temporalUrl === undefined ? {} : { temporalRedirect: { url: temporalUrl, code: temporalCode } }),
    ...(isCanary
      ? {
          canary: {
            weightTotal: canaryWeightTotal,
            ...(canaryWeight === undefined ? {} : { weight: canaryWeight }),
            ...(canaryHeader === undefined ? {} : { header: canaryHeader }),
            ...(canaryHeaderValue === undefined ? {} : { headerValue: canaryHeaderValue }),
            ...(canaryCookie === undefined ? {} : { cookie: canaryCookie }),
          },
        }
      : {}),
    handled,
  };
}

/** Gateway API RequestRedirect accepts these codes; others fall back to the nearest one. */
export function redirectStatus(code: number): number {
  return [301, 302, 303, 307, 308].includes(code) ? code : code >= 307 ? 308 : 302;
}

/** A redirect URL split into RequestRedirect fields. Null when it is not an absolute URL. */
export function redirectFilter(url: string, code: number): Record<string, unknown> | null {
  const match = /^(https?):\/\/([^/:?#]+)(?::(\d+))?([^?#]*)/i.exec(url.trim());
  if (match === null) return null;
  const [, scheme, hostname, port, path] = match;
  const redirect: Record<string, unknown> = {
    scheme: scheme!.toLowerCase(),
    hostname,
    statusCode: redirectStatus(code),
  };
  if (port !== undefined) redirect['port'] = Number(port);
  if (path !== undefined && path !== '')
    redirect['path'] = { type: 'ReplaceFullPath', replaceFullPath: path };
  return { type: 'RequestRedirect', requestRedirect: redirect };
}

/**
 * rewrite-target has a standard equivalent in two common shapes (ingress-nginx turns the path
 * into a regex and nginx's `rewrite` replaces the whole URI with the target):
 *  - a plain target (no capture groups): every matching request goes to exactly that path,
 *    i.e. URLRewrite ReplaceFullPath;
 *  - the "strip prefix" idiom `path: /foo(/|$)(.*)` + `rewrite-target: /$2`: PathPrefix /foo
 *    with ReplacePrefixMatch "/".
 * Other capture-group rewrites have no standard equivalent: null.
 */
export type Rewrite =
  | { readonly type: 'full'; readonly path: string }
  | { readonly type: 'strip-prefix'; readonly prefix: string };

export function rewriteFor(path: string, target: string): Rewrite | null {
  const strip = /^(\/[^()[\]*+?$^|\\]*?)\/?\(\/\|\$\)\(\.\*\)$/.exec(path);
  if (strip !== null && /^\/?\$2$/.test(target)) return { type: 'strip-prefix', prefix: strip[1] || '/' };
  if (target.includes('$')) return null;
  return { type: 'full', path: target };
}
