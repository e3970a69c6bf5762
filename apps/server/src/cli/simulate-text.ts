/**
 * The text form of a simulate result: what happened first (status, listener, route, backends,
 * redirect, rewrites), then the numbered trace a person can follow.
 */
import type { SimRequest, SimResult } from '@gatescope/core/matching/types';
import { terminalSafe } from './output/terminal-safe.ts';

function describeRequest(q: SimRequest): string {
  if (q.grpc) return `gRPC ${q.grpc.service}/${q.grpc.method}${q.host ? ` (authority ${q.host})` : ''}`;
  if (q.protocol === 'TLS' || q.protocol === 'TCP' || q.protocol === 'UDP') {
    return `${q.protocol} connection${q.port !== undefined ? ` to port ${q.port}` : ''}${q.sni ? ` (SNI ${q.sni})` : ''}`;
  }
  const host = q.host ?? '(gateway address)';
  return `${q.method ?? 'GET'} ${host}${q.path ?? '/'}${q.port !== undefined ? ` on port ${q.port}` : ''}`;
}

function outcome(r: SimResult): string {
  if (r.status === null) {
    if (r.route) return 'connection forwarded';
    // Listeners that exist but do not serve (e.g. their GatewayClass is not in the input): the
    // trace names why; "refused" would blame the network.
    const notServed = r.explanation.some((l) => l.endsWith('Nothing serves this port.'));
    return notServed
      ? 'no answer (nothing serves this port: see Why)'
      : 'no answer (connection refused or closed)';
  }
  const grpc = r.grpcCode !== undefined ? ` (gRPC ${r.grpcCode})` : '';
  return `${r.status}${grpc}`;
}

function headers(h: Readonly<Record<string, string>>): string {
  const entries = Object.entries(h);
  return entries.length === 0 ? '(none)' : entries.map(([k, v]) => `${k}: ${v}`).join(', ');
}

export function formatSimText(request: SimRequest, r: SimResult): string {
  const lines: string[] = [];
  const id = r.id !== null ? ` [${String(r.id)}]` : '';
  lines.push(`Request${id}: ${describeRequest(request)} → gateway ${request.gateway}`);
  lines.push(`Answer:  ${outcome(r)}`);
  if (r.listener !== null) lines.push(`Listener: ${r.listener}`);
  if (r.route)
    lines.push(
      `Route:    ${r.route.kind} ${r.route.namespace}/${r.route.name}${r.rule !== null ? ` rule ${r.rule}` : ''}`,
    );
  for (const b of r.backends) {
    const share = `${Math.round(b.probability * 1000) / 10}%`;
    const state = b.valid ? '' : ` INVALID (${b.reason ?? 'unresolved'}: this share gets 500)`;
    const clusters = b.clusters ? ` clusters: ${b.clusters.join(', ') || 'none'}` : '';
    lines.push(
      `Backend:  ${b.kind} ${b.namespace}/${b.name}${b.port !== null ? `:${b.port}` : ''} weight ${b.weight} → ${share}${state}${clusters}`,
    );
  }
  if (r.redirect) lines.push(`Redirect: ${r.redirect.statusCode} Location: ${r.redirect.location}`);
  if (r.upstreamRequest) {
    const u = r.upstreamRequest;
    lines.push(`Upstream: ${u.method} ${u.host}${u.path}  headers: ${headers(u.headers)}`);
  }
  if (r.responseHeaders && Object.keys(r.responseHeaders).length > 0)
    lines.push(`Response headers: ${headers(r.responseHeaders)}`);
  for (const m of r.mirrors)
    lines.push(
      `Mirror:   ${m.kind} ${m.namespace}/${m.name}${m.port !== null ? `:${m.port}` : ''} (${m.percent}% of requests)`,
    );
  if (r.timeouts)
    lines.push(
      `Timeouts: ${Object.entries(r.timeouts)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
  if (r.retry) lines.push(`Retry:    ${r.retry.attempts ?? '?'} attempts on ${r.retry.codes.join(', ')}`);
  lines.push('Why:');
  // Explanation lines that start with spaces belong to the step above (e.g. the candidate list).
  let step = 0;
  for (const line of r.explanation) {
    if (line.startsWith('  ')) lines.push(`    ${line.trimStart()}`);
    else lines.push(`  ${++step}. ${line}`);
  }
  // Names, hosts, paths and header values come from manifests and requests: no terminal escapes.
  return terminalSafe(`${lines.join('\n')}\n`);
}
