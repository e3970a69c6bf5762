/** Per-kind sync state: merging status events, progress and the RBAC rule to suggest. */
import type { KindStatus } from '@gatescope/core';

function kindId(k: KindStatus): string {
  return `${k.cluster}/${k.group}/${k.kind}`;
}

/** Status events carry the kinds that changed; later values win. */
export function mergeKinds(current: readonly KindStatus[], updates: readonly KindStatus[]): KindStatus[] {
  const byId = new Map(current.map((k) => [kindId(k), k]));
  for (const k of updates) byId.set(kindId(k), k);
  return [...byId.values()].sort((a, b) => (kindId(a) < kindId(b) ? -1 : 1));
}

export interface SyncProgress {
  readonly synced: number;
  /** Kinds that will sync at all (absent and forbidden ones never do). */
  readonly total: number;
  readonly forbidden: number;
  readonly degraded: number;
  readonly done: boolean;
}

export function syncProgress(kinds: readonly KindStatus[]): SyncProgress {
  const relevant = kinds.filter((k) => k.state !== 'absent' && k.state !== 'forbidden');
  const synced = relevant.filter((k) => k.state === 'synced').length;
  return {
    synced,
    total: relevant.length,
    forbidden: kinds.filter((k) => k.state === 'forbidden').length,
    degraded: kinds.filter((k) => k.state === 'degraded').length,
    done: relevant.every((k) => k.state === 'synced' || k.state === 'degraded'),
  };
}

/** The ClusterRole rule a user needs to add for a forbidden kind (read-only, no wildcards). */
export function rbacRuleFor(kind: KindStatus): string {
  return [
    '- apiGroups: ["' + kind.group + '"]',
    '  resources: ["' + kind.resource + '"]',
    '  verbs: ["get", "list", "watch"]',
  ].join('\n');
}

/** One rule per API group covering every forbidden kind: what to paste into the ClusterRole. */
export function rbacRulesForForbidden(kinds: readonly KindStatus[]): string {
  const byGroup = new Map<string, Set<string>>();
  for (const k of kinds) {
    if (k.state !== 'forbidden') continue;
    const resources = byGroup.get(k.group) ?? new Set<string>();
    resources.add(k.resource);
    byGroup.set(k.group, resources);
  }
  return [...byGroup.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([group, resources]) =>
      [
        `- apiGroups: ["${group}"]`,
        `  resources: [${[...resources]
          .sort()
          .map((r) => `"${r}"`)
          .join(', ')}]`,
        '  verbs: ["get", "list", "watch"]',
      ].join('\n'),
    )
    .join('\n');
}
