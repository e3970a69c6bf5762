/**
 * The one place the engine calls the core's pipeline stages: load (parse + normalize), live
 * ingest (watch events per cluster) and analyze.
 */
import { analyze, analyzeClusters, applyWatchEvents, createSnapshot, loadManifests } from '@gatescope/core';
import type { Analysis, Diagnostic, Snapshot, WatchChange, WireObject } from '@gatescope/core';
import type { AnalyzeOptions } from '@gatescope/core/analysis/context';
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

/**
 * Live objects are kept per kube context: object keys do not include the cluster, so the same
 * Service in two clusters would otherwise overwrite each other. A single selected context then
 * shows exactly that cluster.
 */
export type LiveClusters = ReadonlyMap<string, Snapshot>;

export function liveClusters(objects: readonly WireObject[]): Map<string, Snapshot> {
  const clusters = new Map<string, Snapshot>();
  for (const [cluster, group] of byCluster(objects)) {
    const current = clusters.get(cluster) ?? createSnapshot([]);
    const events = group.map((o) => ({ type: 'ADDED' as const, object: o.object }));
    clusters.set(cluster, applyWatchEvents(current, events, { cluster }));
  }
  return clusters;
}

export function applyLiveChanges(
  clusters: LiveClusters,
  changes: readonly WatchChange[],
): Map<string, Snapshot> {
  const next = new Map(clusters);
  for (const [cluster, group] of byCluster(changes)) {
    next.set(cluster, applyWatchEvents(next.get(cluster) ?? createSnapshot([]), group, { cluster }));
  }
  return next;
}

/** The selected contexts (null: all), each its own Snapshot. */
export function selectClusters(
  clusters: LiveClusters,
  only: readonly string[] | null,
): Map<string, Snapshot> {
  return new Map([...clusters].filter(([name]) => only === null || only.includes(name)));
}

/**
 * Options: live sources take core's liveAnalyzeOptions(kinds) (the same /metrics uses); sandbox
 * YAML takes the defaults (files: everything visible, nothing complete, absent is info).
 */
export function analyzeSnapshot(snapshot: Snapshot, options: AnalyzeOptions = {}): Analysis {
  return analyze(snapshot, options);
}

/** Several contexts, each analysed on its own (only MCS exports are joined across them). */
export function analyzeContexts(clusters: LiveClusters, options: AnalyzeOptions = {}): Map<string, Analysis> {
  return analyzeClusters(clusters, options);
}
