/**
 * How a live source is analysed, in one place for every adapter: the server's /metrics (in its
 * health worker) and the browser's engine must report the same codes for the same cluster.
 *
 * - Options come from the kinds' sync states only (visibility.ts): Secrets/ConfigMaps the source
 *   cannot read prove nothing by their absence; kinds synced everywhere are complete.
 * - Each kube context is its own Snapshot; only ServiceImport↔ServiceExport links cross them.
 */
import { createSnapshot, type Snapshot } from '../model/snapshot.ts';
import { applyWatchEvents } from '../store/apply.ts';
import type { KindStatus, WireObject } from '../wire.ts';
import { analyze, analyzeClusters } from './analyze.ts';
import type { AnalyzeOptions } from './context.ts';
import type { Analysis } from './types.ts';
import { visibilityFromKinds } from './visibility.ts';

/** What analysing a live source assumes, from its kinds' sync states. */
export function liveAnalyzeOptions(kinds: readonly KindStatus[]): AnalyzeOptions {
  return visibilityFromKinds(kinds);
}

/**
 * The objects of one source as a Snapshot. A single cluster keeps cluster "" so that keys match
 * pasted YAML of the same objects; several clusters are analysed apart (analyzeLive).
 */
export function snapshotOf(objects: readonly WireObject[], cluster = ''): Snapshot {
  const events = objects.map((item) => ({ type: 'ADDED' as const, object: item.object }));
  return applyWatchEvents(createSnapshot([]), events, { cluster });
}

/** One Analysis per kube context, with the options the kinds' sync states imply. */
export function analyzeLive(objects: readonly WireObject[], kinds: readonly KindStatus[]): Analysis[] {
  const options = liveAnalyzeOptions(kinds);
  const clusters = new Set(objects.map((o) => o.cluster));
  if (clusters.size <= 1) return [analyze(snapshotOf(objects), options)];
  const perCluster = new Map<string, Snapshot>();
  for (const c of clusters)
    perCluster.set(
      c,
      snapshotOf(
        objects.filter((o) => o.cluster === c),
        c,
      ),
    );
  return [...analyzeClusters(perCluster, options).values()];
}
