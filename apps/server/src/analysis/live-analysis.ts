/**
 * Runs the core over the server's current objects (for /metrics): the same pipeline the browser
 * runs, so the health numbers match what the UI shows.
 */
import { analyze } from '@gatescope/core/analysis/analyze';
import type { Analysis } from '@gatescope/core/analysis/types';
import { visibilityFromKinds } from '@gatescope/core/analysis/visibility';
import { createSnapshot, type Snapshot } from '@gatescope/core/model/snapshot';
import { applyWatchEvents } from '@gatescope/core/store/apply';
import type { KindStatus, WireObject } from '@gatescope/core/wire';

export function snapshotOf(objects: readonly WireObject[]): Snapshot {
  const byCluster = new Map<string, WireObject[]>();
  for (const item of objects) {
    const list = byCluster.get(item.cluster) ?? [];
    list.push(item);
    byCluster.set(item.cluster, list);
  }
  let snapshot = createSnapshot([]);
  // A single cluster keeps cluster "" so that keys match pasted YAML of the same objects.
  const single = byCluster.size <= 1;
  for (const [cluster, items] of byCluster) {
    const events = items.map((item) => ({ type: 'ADDED' as const, object: item.object }));
    snapshot = applyWatchEvents(snapshot, events, { cluster: single ? '' : cluster });
  }
  return snapshot;
}

export interface AnalysisHealth {
  readonly routes: { readonly accepted: number; readonly notAccepted: number };
  readonly gateways: { readonly programmed: number; readonly notProgrammed: number };
  readonly diagnostics: ReadonlyMap<string, { readonly severity: string; readonly count: number }>;
}

function conditionTrue(conditions: readonly { type: string; status: string }[], type: string): boolean {
  return conditions.some((c) => c.type === type && c.status === 'True');
}

export function healthOf(analysis: Analysis): AnalysisHealth {
  let accepted = 0;
  let notAccepted = 0;
  let programmed = 0;
  let notProgrammed = 0;
  for (const status of analysis.predicted.values()) {
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
  for (const d of analysis.diagnostics) {
    const entry = diagnostics.get(d.code) ?? { severity: d.severity, count: 0 };
    diagnostics.set(d.code, { severity: entry.severity, count: entry.count + 1 });
  }
  return { routes: { accepted, notAccepted }, gateways: { programmed, notProgrammed }, diagnostics };
}

/** Analyses at most once per stream sequence number. */
export class CachedHealth {
  private cached: { key: string; health: AnalysisHealth } | undefined;

  get(key: string, objects: () => readonly WireObject[], kinds: readonly KindStatus[]): AnalysisHealth {
    if (this.cached?.key !== key) {
      // Without read access to Secrets/ConfigMaps their absence proves nothing: same rule as the UI.
      const analysis = analyze(snapshotOf(objects()), visibilityFromKinds(kinds));
      this.cached = { key, health: healthOf(analysis) };
    }
    return this.cached.health;
  }
}
