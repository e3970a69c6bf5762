/**
 * HTTP→HTTPS behaviour of common ingress controllers other than ingress-nginx, where Gateway API
 * has the standard equivalent (a RequestRedirect route on the HTTP listener, or no HTTP route):
 *  - AWS Load Balancer Controller: alb.ingress.kubernetes.io/ssl-redirect: '443'
 *  - HAProxy (haproxy.org, haproxy-ingress) and Traefik v1: ssl-redirect / redirect-entry-point
 *  - GKE: kubernetes.io/ingress.allow-http: "false" (no HTTP at all)
 * ingress-nginx redirects by default when the host has TLS; these controllers only when asked.
 */
import { NGINX } from './nginx.ts';

export interface HttpsPolicy {
  /** Redirect HTTP to HTTPS for hosts with TLS. */
  readonly redirect: boolean;
  /** Serve plain HTTP at all (GKE allow-http: "false" turns it off). */
  readonly allowHttp: boolean;
  readonly handled: ReadonlySet<string>;
}

const TRUE_KEYS = [
  'haproxy.org/ssl-redirect',
  'haproxy-ingress.github.io/ssl-redirect',
  'ingress.kubernetes.io/ssl-redirect',
];

export function isNginxIngress(className: string, annotations: Readonly<Record<string, string>>): boolean {
  return /nginx/i.test(className) || Object.keys(annotations).some((k) => k.startsWith(NGINX));
}

export function otherControllersPolicy(annotations: Readonly<Record<string, string>>): HttpsPolicy {
  const handled = new Set<string>();
  let redirect = false;
  const alb = annotations['alb.ingress.kubernetes.io/ssl-redirect'];
  if (alb !== undefined) {
    handled.add('alb.ingress.kubernetes.io/ssl-redirect');
    redirect = alb.trim() !== '';
  }
  for (const key of TRUE_KEYS) {
    const value = annotations[key];
    if (value === undefined) continue;
    handled.add(key);
    redirect = value.trim().toLowerCase() === 'true';
  }
  const traefik = annotations['traefik.ingress.kubernetes.io/redirect-entry-point'];
  if (traefik !== undefined) {
    handled.add('traefik.ingress.kubernetes.io/redirect-entry-point');
    redirect = /https|websecure|443/i.test(traefik);
  }
  const allowHttpValue = annotations['kubernetes.io/ingress.allow-http'];
  if (allowHttpValue !== undefined) handled.add('kubernetes.io/ingress.allow-http');
  const allowHttp = allowHttpValue === undefined || allowHttpValue.trim().toLowerCase() !== 'false';
  return { redirect, allowHttp, handled };
}
