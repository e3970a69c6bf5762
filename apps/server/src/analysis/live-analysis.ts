/**
 * Runs the core over the server's current objects (for /metrics): the same pipeline the browser
 * runs, so the health numbers match what the UI shows. The server runs it in a worker thread
 * (health-worker.ts), never on its main thread: see cached-health.ts.
 */
import { analyze, analyzeClusters } from '@gatescope/core/analysis/analyze';
import type { Analysis } from '@gatescope/core/analysis/types';
import { createSnapshot, type Snapshot } from '@gatescope/core/model/snapshot';
import { applyWatchEvents } from '@gatescope/core/store/apply';
import type { WireObject } from '@gatescope/core/wire';

/**
 * The objects of one source as a Snapshot. A single cluster keeps cluster "" so that keys match
 * pasted YAML of the same objects; several clusters are analysed apart (analyzeLive).
 */
export function snapshotOf(objects: readonly WireObject[], cluster = ''): Snapshot {
  const events = objects.map((item) => ({ type: 'ADDED' as const, object: item.object }));
  return applyWatchEvents(createSnapshot([]), events, { cluster });
}

/**
 * One Analysis per kube context, as the UI computes them: same-named objects in two clusters
 * never collide, and only ServiceImport↔ServiceExport links cross clusters.
 */
export function analyzeLive(
  objects: readonly WireObject[],
  options: Parameters<typeof analyze>[1] = {},
): Analysis[] {
  const clusters = new Set(objects.map((o) => o.cluster));
  if (clusters.size <= 1) return [analyze(snapshotOf(objects), options)];
  const perCluster = new Map(
    [...clusters].map(
      (c) =>
        [
          c,
          snapshotOf(
            objects.filter((o) => o.cluster === c),
            c,
          ),
        ] as const,
    ),
  );
  return [...analyzeClusters(perCluster, options).values()];
}

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
