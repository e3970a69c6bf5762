/**
 * The one place the engine calls the core's pipeline stages: load (parse + normalize), live
 * ingest (watch events per cluster) and analyze.
 */
import { analyze, applyWatchEvents, createSnapshot, loadManifests } from '@gatescope/core';
import type { Analysis, Diagnostic, KindStatus, Snapshot, WatchChange, WireObject } from '@gatescope/core';
import type { SourceFile } from './types.ts';

export interface Loaded {
  readonly snapshot: Snapshot;
  readonly diagnostics: readonly Diagnostic[];
}

export function loadFiles(files: readonly SourceFile[]): Loaded {
  return loadManifests(files);
}

/** Changes grouped by cluster in order, so that each batch carries its kube context. */
function byCluster<T extends { readonly cluster: string }>(items: readonly T[]): [string, T[]][] {
  const groups: [string, T[]][] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last !== undefined && last[0] === item.cluster) last[1].push(item);
    else groups.push([item.cluster, [item]]);
  }
  return groups;
}

export function liveSnapshot(objects: readonly WireObject[]): Loaded {
  let snapshot = createSnapshot([]);
  for (const [cluster, group] of byCluster(objects)) {
    snapshot = applyWatchEvents(
      snapshot,
      group.map((o) => ({ type: 'ADDED' as const, object: o.object })),
      { cluster },
    );
  }
  return { snapshot, diagnostics: [] };
}

export function applyLiveChanges(loaded: Loaded, changes: readonly WatchChange[]): Loaded {
  let snapshot = loaded.snapshot;
  for (const [cluster, group] of byCluster(changes)) {
    snapshot = applyWatchEvents(snapshot, group, { cluster });
  }
  return { snapshot, diagnostics: loaded.diagnostics };
}

/**
 * Live clusters usually do not let us read Secrets (DESIGN.md security rules): then certificate
 * health comes from the controller's listener conditions instead of being predicted.
 */
export function secretsVisibleIn(kinds: readonly KindStatus[]): boolean {
  return kinds.some((k) => k.kind === 'Secret' && k.group === '' && k.state === 'synced');
}

export function analyzeSnapshot(snapshot: Snapshot, secretsVisible = true): Analysis {
  return analyze(snapshot, { secretsVisible });
}
