/**
 * The /metrics health of the server's current objects, from core's analyzeLive: the same
 * function and options the browser's engine uses, so the numbers match what the UI shows. The
 * server runs it in a worker thread (health-worker.ts), never on its main thread: see
 * cached-health.ts.
 */
import type { Analysis } from '@gatescope/core/analysis/types';

// How a live source is analysed lives in core (shared with the browser's engine).
export { analyzeLive, snapshotOf } from '@gatescope/core/analysis/live';

export interface AnalysisHealth {
  readonly routes: { readonly accepted: number; readonly notAccepted: number };
  readonly gateways: { readonly programmed: number; readonly notProgrammed: number };
  readonly diagnostics: ReadonlyMap<string, { readonly severity: string; readonly count: number }>;
}

function conditionTrue(conditions: readonly { type: string; status: string }[], type: string): boolean {
  return conditions.some((c) => c.type === type && c.status === 'True');
}

export function healthOf(analyses: readonly Analysis[]): AnalysisHealth {
  let accepted = 0;
  let notAccepted = 0;
  let programmed = 0;
  let notProgrammed = 0;
  for (const status of analyses.flatMap((a) => [...a.predicted.values()])) {
    if (status.kind === 'Route') {
      const ok =
        status.parents.length > 0 && status.parents.every((p) => conditionTrue(p.conditions, 'Accepted'));
      if (ok) accepted++;
      else notAccepted++;
    } else if (status.kind === 'Gateway') {
      if (conditionTrue(status.conditions, 'Programmed')) programmed++;
      else notProgrammed++;
    }
  }
  const diagnostics = new Map<string, { severity: string; count: number }>();
  for (const d of analyses.flatMap((a) => a.diagnostics)) {
    const entry = diagnostics.get(d.code) ?? { severity: d.severity, count: 0 };
    diagnostics.set(d.code, { severity: entry.severity, count: entry.count + 1 });
  }
  return { routes: { accepted, notAccepted }, gateways: { programmed, notProgrammed }, diagnostics };
}
