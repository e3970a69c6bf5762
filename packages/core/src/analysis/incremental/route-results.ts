/**
 * The share of an Analysis that belongs to one route: its predicted status, attachments,
 * resolved backends and the diagnostics on it. Cached per route by the incremental analysis.
 */
import type { Diagnostic } from '../../diagnostics/types.ts';
import type { ObjectKey } from '../../model/identity.ts';
import { keyOf } from '../../model/identity.ts';
import type { Analysis, PredictedStatus, ResolvedBackend, RouteAttachment } from '../types.ts';

export interface RouteResult {
  readonly predicted: PredictedStatus | undefined;
  readonly attachments: RouteAttachment[];
  readonly backends: ResolvedBackend[];
  readonly diagnostics: Diagnostic[];
}

export function diagnosticKey(d: Diagnostic): ObjectKey {
  return keyOf({
    group: d.object.group ?? '',
    kind: d.object.kind,
    namespace: d.object.namespace,
    name: d.object.name,
  });
}

/**
 * Splits `analysis` into per-route results for the routes in `routes` (in the analysis' own
 * order, so concatenating them in route order gives back the full lists).
 */
export function routeResults(analysis: Analysis, routes: Iterable<ObjectKey>): Map<ObjectKey, RouteResult> {
  const out = new Map<ObjectKey, RouteResult>();
  for (const key of routes) {
    out.set(key, { predicted: analysis.predicted.get(key), attachments: [], backends: [], diagnostics: [] });
  }
  for (const a of analysis.attachments) out.get(a.route)?.attachments.push(a);
  for (const b of analysis.backends) out.get(b.route)?.backends.push(b);
  for (const d of analysis.diagnostics) out.get(diagnosticKey(d))?.diagnostics.push(d);
  return out;
}

/** Listener ids a route is attached to, each once (attachedRoutes counts routes). */
export function listenersOf(result: RouteResult | undefined): Set<string> {
  return new Set(result?.attachments.map((a) => a.listenerId) ?? []);
}

/** What sortDiagnostics treats as the same diagnostic. */
export function diagnosticId(d: Diagnostic): string {
  return `${d.code}|${diagnosticKey(d)}|${d.field ?? ''}|${d.message}`;
}
