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
import { candidatePatterns, compareHostnameRank, lowerPatternMatches, parseHost } from './hostname.ts';
import type { HostnameRank } from './hostname.ts';
import type { RequestView } from './request.ts';
import type { GatewayTable, ListenerTable, PortListeners } from './tables.ts';
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

/** Without an explicit protocol, the first of these that a listener (on the port) speaks. */
const INFER_ORDER = ['HTTP', 'HTTPS', 'TLS', 'TCP', 'UDP'] as const;

function inferProtocol(gw: GatewayTable, req: SimRequest): SimProtocol {
  if (req.protocol) return req.protocol;
  if (req.grpc) return 'GRPC';
  const onPort = req.port === undefined ? gw.listeners : (gw.ports.get(req.port)?.all ?? []);
  for (const p of INFER_ORDER) {
    for (const l of onPort) if (l.listener.protocol === p) return p;
  }
  return 'HTTP';
}

function inferPort(gw: GatewayTable, req: SimRequest, protocol: SimProtocol): number | null {
  if (req.port !== undefined) return req.port;
  const preferred = DEFAULT_PORT[protocol];
  if (gw.ports.get(preferred)?.all.some((l) => carries(protocol, l.listener.protocol))) return preferred;
  const ports = [...gw.ports.entries()]
    .filter(([, p]) => p.all.some((l) => carries(protocol, l.listener.protocol)))
    .map(([port]) => port)
    .sort((a, b) => a - b);
  return ports[0] ?? null;
}

/**
 * Most specific ready listener on the port whose hostname matches `name` (null name: only
 * listeners without hostname), looked up by hostname: the name itself, then its wildcard
 * suffixes from the longest, then the catch-all.
 */
function byHostname(port: PortListeners, protocol: SimProtocol, name: string | null): ListenerTable | null {
  if (name !== null && port.byHostname.size <= SCAN_HOSTNAMES) return scanHostnames(port, protocol, name);
  if (name !== null) {
    for (const pattern of candidatePatterns(name)) {
      const hit = carrying(port.byHostname.get(pattern), protocol);
      if (hit) return hit;
    }
  }
  return carrying(port.byHostname.get(''), protocol);
}

/** Up to this many listener hostnames on a port, matching each beats building candidate patterns. */
const SCAN_HOSTNAMES = 8;

/** Same answer as the lookup by candidate patterns: the most specific matching hostname wins. */
function scanHostnames(port: PortListeners, protocol: SimProtocol, name: string): ListenerTable | null {
  let best: ListenerTable | null = null;
  let bestRank: HostnameRank | null = null;
  for (const { pattern, rank, listeners } of port.hostnames) {
    if (!lowerPatternMatches(pattern, name)) continue;
    if (bestRank !== null && compareHostnameRank(rank, bestRank) >= 0) continue;
    const hit = carrying(listeners, protocol);
    if (hit) {
      best = hit;
      bestRank = rank;
    }
  }
  return best ?? carrying(port.byHostname.get(''), protocol);
}

function carrying(list: readonly ListenerTable[] | undefined, protocol: SimProtocol): ListenerTable | null {
  if (list === undefined) return null;
  for (const t of list) if (carries(protocol, t.listener.protocol)) return t;
  return null;
}

/** `detail`: name the other listeners on the port in the trace (explain); simulate leaves it out. */
export function chooseListener(
  gw: GatewayTable,
  req: SimRequest,
  view: RequestView,
  detail = false,
): ListenerChoice {
  const trace: string[] = [];
  const protocol = inferProtocol(gw, req);
  const port = inferPort(gw, req, protocol);
  if (port === null) {
    trace.push(`Gateway ${gw.namespace}/${gw.name} has no listener that carries ${protocol}.`);
    return { ok: false, status: null, trace };
  }
  const listeners = gw.ports.get(port);
  const ready = listeners ? readyFor(listeners, protocol) : [];
  if (!listeners || ready.length === 0) {
    const onPort = listeners?.all.filter((t) => carries(protocol, t.listener.protocol)) ?? [];
    trace.push(
      onPort.length === 0
        ? `Gateway ${gw.namespace}/${gw.name} has no ${protocol} listener on port ${port}: the connection is refused.`
        : `The ${protocol} listeners on port ${port} (${names(onPort)}) are not ready: ${notReadyWhy(gw, onPort)}. Nothing serves this port.`,
    );
    return { ok: false, status: null, trace };
  }
  const tls =
    protocol === 'HTTPS' ||
    protocol === 'TLS' ||
    (protocol === 'GRPC' && ready[0]?.listener.protocol === 'HTTPS');
  const sniName = tls ? (req.sni !== undefined ? parseHost(req.sni).name : view.host.name) : null;
  const selector = tls ? sniName : view.host.name;
  const chosen = byHostname(listeners, protocol, selector);
  const what = tls
    ? `SNI ${selector ?? '(none)'}`
    : `host ${selector ?? '(IP address: matches no hostname)'}`;
  if (!chosen) {
    trace.push(
      `No ${protocol} listener on port ${port} accepts ${what} (listener hostnames: ${hostnames(ready)}).`,
    );
    return { ok: false, status: tls ? null : 404, trace };
  }
  trace.push(describeChoice(chosen, detail ? ready : null, what, port, protocol));
  if (tls && protocol !== 'TLS' && view.host.name !== null && view.host.name !== sniName) {
    const misdirected = misdirectedNote(listeners, protocol, chosen, view.host.name);
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

/** Ready listeners on the port that carry the protocol (gRPC rides on HTTP and HTTPS). */
function readyFor(port: PortListeners, protocol: SimProtocol): readonly ListenerTable[] {
  if (protocol !== 'GRPC') return port.readyByProtocol.get(protocol) ?? [];
  return [...(port.readyByProtocol.get('HTTP') ?? []), ...(port.readyByProtocol.get('HTTPS') ?? [])];
}

/**
 * The real reason nothing serves: the Gateway's own (its GatewayClass is not in the input), else
 * the first listener's first failing condition (e.g. its certificate Secret is not in the input).
 */
function notReadyWhy(gw: GatewayTable, onPort: readonly ListenerTable[]): string {
  if (gw.notServing !== undefined) return gw.notServing;
  for (const t of onPort) {
    const c = t.listener.conditions;
    const bad =
      c.find((x) => x.type === 'Accepted' && x.status !== 'True') ??
      c.find((x) => x.type === 'ResolvedRefs' && x.status === 'False') ??
      c.find((x) => x.type === 'Programmed' && x.status !== 'True');
    if (bad !== undefined)
      return `listener ${t.listener.name}: ${bad.reason}: ${bad.message.replace(/\.$/, '')}`;
  }
  return 'not accepted, conflicted or with unresolved refs';
}

/** At most this many other listeners are named in a trace line. */
const MAX_NAMED = 5;

function names(list: readonly ListenerTable[]): string {
  const shown = list.slice(0, MAX_NAMED).map((t) => t.listener.name);
  return list.length > MAX_NAMED
    ? `${shown.join(', ')} and ${list.length - MAX_NAMED} more`
    : shown.join(', ');
}

function hostnames(list: readonly ListenerTable[]): string {
  const shown = list.slice(0, MAX_NAMED).map((t) => t.listener.hostname ?? '*');
  return list.length > MAX_NAMED
    ? `${shown.join(', ')} and ${list.length - MAX_NAMED} more`
    : shown.join(', ');
}

/**
 * Spec (Listener.hostname, misdirected requests): when another listener on the port matches the
 * Host more specifically than the SNI's listener (or the SNI's listener does not match the Host
 * but another does), the request was misdirected over a reused connection.
 */
function misdirectedNote(
  port: PortListeners,
  protocol: SimProtocol,
  chosen: ListenerTable,
  host: string,
): string | null {
  const byHost = byHostname(port, protocol, host);
  if (byHost === null || byHost === chosen) return null;
  return `Host ${host} belongs to listener ${byHost.listener.name}, not to the SNI's listener ${chosen.listener.name}`;
}

/** Why `chosen` takes the request; `others` (explain only) are the other ready listeners. */
/** Why a listener takes the requests its hostname matches (request-independent). */
export function choiceReason(hostname: string | undefined): string {
  if (hostname === undefined || hostname === '') return 'it has no hostname (catch-all)';
  return hostname.startsWith('*.')
    ? `its wildcard hostname ${hostname} matches`
    : `its hostname ${hostname} matches exactly`;
}

/** The trace line of the choice; `ready` (explain only) adds the other listeners on the port. */
function describeChoice(
  chosen: ListenerTable,
  ready: readonly ListenerTable[] | null,
  what: string,
  port: number,
  protocol: SimProtocol,
): string {
  const line = `Listener ${chosen.listener.name} (${protocol}, port ${port}) takes ${what}: ${chosen.reason}.`;
  if (ready === null) return line;
  const others = ready
    .filter((t) => t !== chosen)
    .map((t) => `${t.listener.name} (${t.listener.hostname ?? '*'})`);
  return others.length > 0
    ? `${line} Other listeners on the port: ${others.join(', ')}; the most specific hostname wins (listener isolation).`
    : line;
}
