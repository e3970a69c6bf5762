/**
 * Choosing the listener for a request. Spec (Listener docs in apis/v1/gateway_types.go):
 * - the port and protocol pick the candidate listeners (only ready ones serve traffic);
 * - among listeners that differ by hostname, the most specific match wins: exact names, then
 *   wildcards with more characters, then the empty (catch-all) hostname;
 * - listener isolation: a request is handled by at most one listener, so routes of a less
 *   specific listener never see a host claimed by a more specific one;
 * - for TLS (HTTPS/TLS), the SNI chooses; an HTTPS request whose Host belongs to another
 *   listener than its SNI is misdirected (421, GatewayHTTPListenerIsolation / misdirected tests).
 */
import { compareHostnameRank, hostnameMatches, hostnameRank, parseHost } from './hostname.ts';
import type { RequestView } from './request.ts';
import type { GatewayTable, ListenerTable } from './tables.ts';
import type { SimProtocol, SimRequest } from './types.ts';

export type ListenerChoice =
  | {
      readonly ok: true;
      readonly table: ListenerTable;
      readonly protocol: SimProtocol;
      readonly trace: string[];
    }
  | { readonly ok: false; readonly status: number | null; readonly trace: string[] };

/** Listener protocols that can carry a request of the given protocol. */
function carries(protocol: SimProtocol, listenerProtocol: string): boolean {
  switch (protocol) {
    case 'GRPC':
      return listenerProtocol === 'HTTP' || listenerProtocol === 'HTTPS';
    default:
      return listenerProtocol === protocol;
  }
}

const DEFAULT_PORT: Record<SimProtocol, number> = {
  HTTP: 80,
  GRPC: 80,
  HTTPS: 443,
  TLS: 443,
  TCP: 0,
  UDP: 0,
};

function inferProtocol(gw: GatewayTable, req: SimRequest): SimProtocol {
  if (req.protocol) return req.protocol;
  if (req.grpc) return 'GRPC';
  const onPort = gw.listeners.filter((l) => req.port === undefined || l.listener.port === req.port);
  for (const p of ['HTTP', 'HTTPS', 'TLS', 'TCP', 'UDP'] as const) {
    if (onPort.some((l) => l.listener.protocol === p)) return p;
  }
  return 'HTTP';
}

function inferPort(gw: GatewayTable, req: SimRequest, protocol: SimProtocol): number | null {
  if (req.port !== undefined) return req.port;
  const family = gw.listeners.filter((l) => carries(protocol, l.listener.protocol));
  const preferred = DEFAULT_PORT[protocol];
  if (family.some((l) => l.listener.port === preferred)) return preferred;
  const ports = [...new Set(family.map((l) => l.listener.port))].sort((a, b) => a - b);
  return ports[0] ?? null;
}

/** Most specific listener whose hostname matches `name` (null name: only catch-all listeners). */
function byHostname(candidates: readonly ListenerTable[], name: string | null): ListenerTable | null {
  let best: ListenerTable | null = null;
  for (const t of candidates) {
    const h = t.listener.hostname;
    const ok = h === undefined || h === '' || (name !== null && hostnameMatches(h, name));
    if (!ok) continue;
    if (!best || compareHostnameRank(hostnameRank(h), hostnameRank(best.listener.hostname)) < 0) best = t;
  }
  return best;
}

export function chooseListener(gw: GatewayTable, req: SimRequest, view: RequestView): ListenerChoice {
  const trace: string[] = [];
  const protocol = inferProtocol(gw, req);
  const port = inferPort(gw, req, protocol);
  const gwName = `${gw.namespace}/${gw.name}`;
  if (port === null) {
    trace.push(`Gateway ${gwName} has no listener that carries ${protocol}.`);
    return { ok: false, status: null, trace };
  }
  const onPort = gw.listeners.filter(
    (t) => t.listener.port === port && carries(protocol, t.listener.protocol),
  );
  const ready = onPort.filter((t) => t.listener.ready);
  if (ready.length === 0) {
    trace.push(
      onPort.length === 0
        ? `Gateway ${gwName} has no ${protocol} listener on port ${port}: the connection is refused.`
        : `The ${protocol} listeners on port ${port} (${onPort.map((t) => t.listener.name).join(', ')}) are not ready (not accepted, conflicted or with unresolved refs): nothing serves this port.`,
    );
    return { ok: false, status: null, trace };
  }
  const tls =
    protocol === 'HTTPS' ||
    protocol === 'TLS' ||
    (protocol === 'GRPC' && ready[0]?.listener.protocol === 'HTTPS');
  const sniName = tls ? (req.sni !== undefined ? parseHost(req.sni).name : view.host.name) : null;
  const selector = tls ? sniName : view.host.name;
  const chosen = byHostname(ready, selector);
  const what = tls
    ? `SNI ${selector ?? '(none)'}`
    : `host ${selector ?? '(IP address: matches no hostname)'}`;
  if (!chosen) {
    trace.push(
      `No ${protocol} listener on port ${port} accepts ${what} (listener hostnames: ${ready.map((t) => t.listener.hostname ?? '*').join(', ')}).`,
    );
    return { ok: false, status: tls ? null : 404, trace };
  }
  trace.push(describeChoice(chosen, ready, what, port, protocol));
  if (tls && protocol !== 'TLS' && view.host.name !== null && view.host.name !== sniName) {
    const misdirected = misdirectedNote(ready, chosen, view.host.name);
    if (misdirected !== null && req.httpVersion === '2') {
      trace.push(`${misdirected}: 421 Misdirected Request.`);
      return { ok: false, status: 421, trace };
    }
    if (misdirected !== null) {
      trace.push(
        `${misdirected}; an HTTP/1.1 request is still routed by the SNI's listener (HTTP/2 would get 421).`,
      );
    }
  }
  return { ok: true, table: chosen, protocol, trace };
}

/**
 * Spec (Listener.hostname, misdirected requests): when another listener on the port matches the
 * Host more specifically than the SNI's listener (or the SNI's listener does not match the Host
 * but another does), the request was misdirected over a reused connection.
 */
function misdirectedNote(
  ready: readonly ListenerTable[],
  chosen: ListenerTable,
  host: string,
): string | null {
  const byHost = byHostname(ready, host);
  if (byHost === null || byHost === chosen) return null;
  return `Host ${host} belongs to listener ${byHost.listener.name}, not to the SNI's listener ${chosen.listener.name}`;
}

function describeChoice(
  chosen: ListenerTable,
  ready: readonly ListenerTable[],
  what: string,
  port: number,
  protocol: SimProtocol,
): string {
  const h = chosen.listener.hostname;
  const why =
    h === undefined || h === ''
      ? 'it has no hostname (catch-all)'
      : h.startsWith('*.')
        ? `its wildcard hostname ${h} matches`
        : `its hostname ${h} matches exactly`;
  const others = ready
    .filter((t) => t !== chosen)
    .map((t) => `${t.listener.name} (${t.listener.hostname ?? '*'})`);
  const isolation =
    others.length > 0
      ? ` Other listeners on the port: ${others.join(', ')}; the most specific hostname wins (listener isolation).`
      : '';
  return `Listener ${chosen.listener.name} (${protocol}, port ${port}) takes ${what}: ${why}.${isolation}`;
}
