/**
 * Which referenced kinds a live source can actually see. Live clusters usually do not let us
 * read Secrets or ConfigMaps (DESIGN.md security rules): then certificate and CA health comes
 * from the controller's own conditions instead of being predicted from absent objects.
 *
 * A kind whose watch is synced (listed, readable) in every context is complete: an object of it
 * that is not in the snapshot does not exist, so references to it are reported as missing
 * (errors). Every other kind (absent CRD, forbidden, still syncing, degraded) is only "not in
 * the input" (absent.ts).
 */
import type { KindStatus } from '../wire.ts';
import { kindId } from './absent.ts';
import type { AnalyzeOptions } from './context.ts';

function synced(kinds: readonly KindStatus[], kind: string): boolean {
  return kinds.some((k) => k.kind === kind && k.group === '' && k.state === 'synced');
}

/** Kinds synced in every context that reports kind states (`Kind` or `Kind.group`), sorted. */
export function completeKindsOf(kinds: readonly KindStatus[]): string[] {
  const clusters = new Set(kinds.map((k) => k.cluster));
  const syncedIn = new Map<string, Set<string>>();
  for (const k of kinds) {
    if (k.state !== 'synced') continue;
    const id = kindId(k.group, k.kind);
    const set = syncedIn.get(id) ?? new Set<string>();
    set.add(k.cluster);
    syncedIn.set(id, set);
  }
  return [...syncedIn]
    .filter(([, set]) => set.size === clusters.size)
    .map(([id]) => id)
    .sort();
}

export function visibilityFromKinds(
  kinds: readonly KindStatus[],
): Required<Pick<AnalyzeOptions, 'secretsVisible' | 'configMapsVisible' | 'completeKinds'>> {
  return {
    secretsVisible: synced(kinds, 'Secret'),
    configMapsVisible: synced(kinds, 'ConfigMap'),
    completeKinds: completeKindsOf(kinds),
  };
}
