/**
 * Which referenced kinds a live source can actually see. Live clusters usually do not let us
 * read Secrets or ConfigMaps (DESIGN.md security rules): then certificate and CA health comes
 * from the controller's own conditions instead of being predicted from absent objects.
 */
import type { KindStatus } from '../wire.ts';
import type { AnalyzeOptions } from './context.ts';

function synced(kinds: readonly KindStatus[], kind: string): boolean {
  return kinds.some((k) => k.kind === kind && k.group === '' && k.state === 'synced');
}

export function visibilityFromKinds(
  kinds: readonly KindStatus[],
): Required<Pick<AnalyzeOptions, 'secretsVisible' | 'configMapsVisible'>> {
  return { secretsVisible: synced(kinds, 'Secret'), configMapsVisible: synced(kinds, 'ConfigMap') };
}
