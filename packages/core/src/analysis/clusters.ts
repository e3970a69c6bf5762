/**
 * Several clusters in one Snapshot (kube contexts, `meta.cluster`): which objects are analysed
 * together, and how the per-cluster analyses are merged back into one.
 *
 * Objects without a cluster ("": pasted YAML, a what-if overlay) are shared: they join every
 * named cluster, so an overlay applies to each selected context. With at most one named cluster
 * everything is analysed together, exactly as single-source input.
 */
import { sortDiagnostics } from '../diagnostics/make.ts';
import type { ObjectKey } from '../model/identity.ts';
import type { Snapshot } from '../model/snapshot.ts';
import type { GwObject } from '../model/types.ts';
import type { Analysis, PredictedStatus } from './types.ts';

/** The object lists to analyse separately; null when the snapshot is one cluster (plus shared). */
export function clusterPartitions(snapshot: Snapshot): GwObject[][] | null {
  const shared: GwObject[] = [];
  const named = new Map<string, GwObject[]>();
  for (const o of snapshot.objects) {
    if (o.meta.cluster === '') {
      shared.push(o);
      continue;
    }
    const list = named.get(o.meta.cluster);
    if (list === undefined) named.set(o.meta.cluster, [o]);
    else list.push(o);
  }
  if (named.size <= 1) return null;
  return [...named.values()].map((objects) => (shared.length === 0 ? objects : [...objects, ...shared]));
}

/** First occurrence by id (a shared object's relations appear once per cluster). */
function unique<T>(items: readonly T[], id: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = id(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * One Analysis from per-cluster ones. A shared object's predicted status is the last cluster's;
 * its resolved relations and diagnostics are kept once per distinct value.
 */
export function mergeAnalyses(snapshot: Snapshot, parts: readonly Analysis[]): Analysis {
  const predicted = new Map<ObjectKey, PredictedStatus>();
  for (const p of parts) for (const [k, s] of p.predicted) predicted.set(k, s);
  const all = <T>(pick: (a: Analysis) => readonly T[]): T[] => parts.flatMap(pick);
  return {
    snapshot,
    predicted,
    listeners: unique(
      all((a) => a.listeners),
      (l) => l.id,
    ),
    attachments: unique(
      all((a) => a.attachments),
      (x) => `${x.route}|${x.parentRefIndex}|${x.listenerId}`,
    ),
    backends: unique(
      all((a) => a.backends),
      (b) => `${b.route}|${b.ruleIndex}|${b.backendIndex}|${b.mirror?.filterIndex ?? ''}`,
    ),
    diagnostics: sortDiagnostics(
      unique(
        all((a) => a.diagnostics),
        (d) =>
          `${d.code}|${d.object.kind}|${d.object.namespace}|${d.object.name}|${d.field ?? ''}|${d.message}`,
      ),
    ),
  };
}
