/**
 * GET /metrics (Prometheus text format 0.0.4): per-kind object counts, sync state and watch
 * restarts, plus the health the analysis computes for any controller: routes accepted or not,
 * gateways programmed or not, diagnostics by code.
 */
import type { FastifyInstance } from 'fastify';
import type { KindSyncState } from '@gatescope/core/wire';
import { CachedHealth } from '../analysis/cached-health.ts';
import type { DataSource } from '../source/types.ts';
import type { BatchStats } from './analyze.ts';
import type { EventStats } from './events.ts';

const STATES: readonly KindSyncState[] = ['absent', 'forbidden', 'syncing', 'synced', 'degraded'];

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function labels(values: Record<string, string>): string {
  const parts = Object.entries(values).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
  return parts.length === 0 ? '' : `{${parts.join(',')}}`;
}

class MetricsText {
  private readonly lines: string[] = [];

  family(name: string, type: 'gauge' | 'counter', help: string): this {
    this.lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    return this;
  }

  sample(name: string, values: Record<string, string>, value: number): this {
    this.lines.push(`${name}${labels(values)} ${Number.isFinite(value) ? value : 0}`);
    return this;
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

/**
 * The exposition text. The analysis health comes from `health` (a worker, at most once per stream
 * seq; see cached-health.ts). gatescope_analysis_failed and gatescope_analysis_current are always
 * there; the health families are the newest successful analysis (so alerts keep the last known
 * state while an analysis fails or is still running), absent only before the first one.
 */
export async function renderMetrics(
  source: DataSource,
  health: CachedHealth,
  events?: EventStats,
  batch?: BatchStats,
): Promise<string> {
  const outcome = await health.get(source.hub, source.kinds());
  const out = new MetricsText();
  const kinds = source.kinds();
  const kindLabels = (k: (typeof kinds)[number]): Record<string, string> => ({
    cluster: k.cluster,
    group: k.group,
    kind: k.kind,
  });

  out.family('gatescope_objects', 'gauge', 'Objects held per kind.');
  for (const k of kinds) out.sample('gatescope_objects', kindLabels(k), k.count);
  out.family('gatescope_kind_sync_state', 'gauge', 'Sync state per kind (1 for the current state).');
  for (const k of kinds) {
    for (const state of STATES)
      out.sample('gatescope_kind_sync_state', { ...kindLabels(k), state }, k.state === state ? 1 : 0);
  }
  out.family(
    'gatescope_watch_restarts_total',
    'counter',
    'Watch restarts per kind (errors and 410 relists).',
  );
  for (const k of kinds) out.sample('gatescope_watch_restarts_total', kindLabels(k), k.restarts);
  const counters = source.metrics();
  out.family('gatescope_watch_relists_total', 'counter', 'Relists after 410 Gone (expired resourceVersion).');
  out.sample('gatescope_watch_relists_total', {}, counters.watchRelists);
  out.family('gatescope_discovery_failures_total', 'counter', 'Failed API discovery passes.');
  out.sample('gatescope_discovery_failures_total', {}, counters.discoveryFailures);
  const readiness = source.readiness();
  out.family('gatescope_ready', 'gauge', 'Whether the first full sync is done.');
  out.sample('gatescope_ready', {}, readiness.ready ? 1 : 0);
  out.family('gatescope_stream_clients', 'gauge', 'Connected SSE clients.');
  out.sample('gatescope_stream_clients', {}, source.hub.clientCount);
  out.family('gatescope_stream_max_buffered_bytes', 'gauge', 'Largest unsent SSE buffer of any client.');
  out.sample('gatescope_stream_max_buffered_bytes', {}, source.hub.maxClientBufferedBytes());
  out.family('gatescope_stream_resyncs_total', 'counter', 'Slow SSE clients resynced with a fresh snapshot.');
  out.sample('gatescope_stream_resyncs_total', {}, source.hub.stats.resyncs);
  out.family(
    'gatescope_stream_stalled_cut_total',
    'counter',
    'SSE clients cut off after sending nothing with unsent bytes queued (stalled readers).',
  );
  out.sample('gatescope_stream_stalled_cut_total', {}, source.hub.stats.stalledCut);
  if (events !== undefined) {
    out.family('gatescope_stream_max_clients', 'gauge', 'Most SSE clients accepted at once.');
    out.sample('gatescope_stream_max_clients', {}, events.maxClients);
    out.family(
      'gatescope_stream_rejected_total',
      'counter',
      'SSE connections refused (503) because the most clients were open.',
    );
    out.sample('gatescope_stream_rejected_total', {}, events.rejected);
  }
  if (batch !== undefined) {
    out.family('gatescope_batch_calls_total', 'counter', 'POST /api/analyze and /api/simulate calls run.');
    out.sample('gatescope_batch_calls_total', {}, batch.jobs);
    out.family(
      'gatescope_batch_timeouts_total',
      'counter',
      'Analyze/simulate calls ended at their time budget (422).',
    );
    out.sample('gatescope_batch_timeouts_total', {}, batch.timeouts);
    out.family(
      'gatescope_batch_out_of_memory_total',
      'counter',
      'Analyze/simulate calls that reached the worker heap limit (413).',
    );
    out.sample('gatescope_batch_out_of_memory_total', {}, batch.outOfMemory);
    out.family(
      'gatescope_batch_rejected_total',
      'counter',
      'Analyze/simulate calls refused (503) because too many were waiting.',
    );
    out.sample('gatescope_batch_rejected_total', {}, batch.rejected);
  }

  out.family('gatescope_analysis_failed', 'gauge', 'The newest analysis of the objects failed.');
  out.sample('gatescope_analysis_failed', {}, outcome.failed ? 1 : 0);
  out.family(
    'gatescope_analysis_current',
    'gauge',
    'The health families below describe the current objects (0: an older state, or none yet).',
  );
  out.sample('gatescope_analysis_current', {}, outcome.current ? 1 : 0);
  const h = outcome.health;
  if (h === undefined) return out.toString();
  out.family('gatescope_routes', 'gauge', 'Routes by predicted acceptance on all their parents.');
  out.sample('gatescope_routes', { accepted: 'true' }, h.routes.accepted);
  out.sample('gatescope_routes', { accepted: 'false' }, h.routes.notAccepted);
  out.family('gatescope_gateways', 'gauge', 'Gateways by predicted Programmed condition.');
  out.sample('gatescope_gateways', { programmed: 'true' }, h.gateways.programmed);
  out.sample('gatescope_gateways', { programmed: 'false' }, h.gateways.notProgrammed);
  out.family('gatescope_diagnostics', 'gauge', 'Current diagnostics by code and severity.');
  for (const [code, entry] of [...h.diagnostics].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    out.sample('gatescope_diagnostics', { code, severity: entry.severity }, entry.count);
  }
  return out.toString();
}

export function registerMetricsRoute(
  app: FastifyInstance,
  source: DataSource,
  events?: EventStats,
  batch?: BatchStats,
): void {
  const health = new CachedHealth({ log: (message) => app.log.warn(message) });
  // A stopping server must not wait for an analysis (up to its timeout) before it can exit.
  app.addHook('onClose', () => health.close());
  app.get('/metrics', async (_request, reply) =>
    reply
      .type('text/plain; version=0.0.4; charset=utf-8')
      .send(await renderMetrics(source, health, events, batch)),
  );
}
