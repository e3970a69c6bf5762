/**
 * HTTP hardening (DESIGN.md security rules): Host allowlist and Origin check against DNS
 * rebinding and cross-site requests, security headers with a CSP without unsafe-eval.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface SecurityOptions {
  /** Extra Host names (without port) to accept, e.g. the name a port-forward or ingress uses. */
  readonly allowedHosts?: readonly string[];
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]', '::1'];

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // React Flow positions nodes with inline style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/** Host header → lower-case name without port (IPv6 keeps its brackets). */
export function hostName(host: string): string {
  const value = host.trim().toLowerCase();
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    return end < 0 ? value : value.slice(0, end + 1);
  }
  const colon = value.lastIndexOf(':');
  return colon < 0 ? value : value.slice(0, colon);
}

export function isAllowedHost(host: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (host === undefined || host === '') return false;
  return allowed.has(hostName(host));
}

/** Same-origin: the Origin's host:port is exactly the request's Host. */
export function isSameOrigin(origin: string, host: string): boolean {
  try {
    const url = new URL(origin);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.host.toLowerCase() === host.trim().toLowerCase()
    );
  } catch {
    return false;
  }
}

/**
 * A top-level navigation to a page of the SPA (not the API): a share link clicked in a chat or an
 * issue arrives as a cross-site navigation and must open. It is harmless: a GET of static HTML
 * that no other site can frame (frame-ancestors 'none') or read (no CORS); the page's own API
 * calls are then same-origin.
 */
function isPageNavigation(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '';
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    request.headers['sec-fetch-mode'] === 'navigate' &&
    request.headers['sec-fetch-dest'] === 'document' &&
    !isApiPath(path)
  );
}

/**
 * Whether a path is, or may be routed as, the API or /metrics. The router decodes percent
 * escapes (`/%61pi` is `/api`), and proxies or other routers may also fold `//`, `%2F`, `\`,
 * dot segments and case: a path is treated as an API path unless, in every one of those
 * readings, it is not one. Page paths (`/`, `/sandbox`, assets) never need any of these, and a
 * share link's state lives in the fragment, which never reaches the server.
 */
export function isApiPath(rawPath: string): boolean {
  if (/%|\\|\/\/|\/\.\.?(\/|$)/.test(rawPath)) return true;
  const path = rawPath.toLowerCase();
  return path === '/api' || path.startsWith('/api/') || path === '/metrics' || path.startsWith('/metrics/');
}

function reject(reply: FastifyReply, message: string): FastifyReply {
  return reply
    .code(403)
    .header('content-type', 'application/json; charset=utf-8')
    .send({ error: 'Forbidden', message });
}

export function registerSecurity(app: FastifyInstance, options: SecurityOptions): void {
  const allowed = new Set([...LOOPBACK_NAMES, ...(options.allowedHosts ?? []).map((h) => hostName(h))]);
  // Also on send: replies that skip onRequest (errors Fastify raises before the hooks, such as a
  // malformed URL) or that a handler built from scratch still carry every security header.
  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    return payload;
  });
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    const host = request.headers.host;
    if (!isAllowedHost(host, allowed)) return reject(reply, 'Host not allowed (DNS rebinding protection)');
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== 'null' && !isSameOrigin(origin, host ?? '')) {
      return reject(reply, 'cross-origin request refused');
    }
    if (origin === 'null') return reject(reply, 'cross-origin request refused');
    if (request.headers['sec-fetch-site'] === 'cross-site' && !isPageNavigation(request))
      return reject(reply, 'cross-site request refused');
    return undefined;
  });
}
