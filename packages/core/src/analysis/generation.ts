/**
 * A conformant controller writes `observedGeneration: metadata.generation` on every condition it
 * sets (the conformance helpers *MustHaveLatestConditions check it). Objects without a generation
 * (pasted YAML) get none.
 */
import type { Snapshot } from '../model/snapshot.ts';
import type { Condition, GwObject } from '../model/types.ts';
import { withForeignStatus } from './foreign-status.ts';
import type { PredictedStatus } from './types.ts';

function stamp(conditions: readonly Condition[], observedGeneration: number): Condition[] {
  return conditions.map((c) => ({ ...c, observedGeneration }));
}

export function withObservedGeneration(
  status: PredictedStatus,
  generation: number | undefined,
): PredictedStatus {
  if (generation === undefined) return status;
  switch (status.kind) {
    case 'GatewayClass':
      return { ...status, conditions: stamp(status.conditions, generation) };
    case 'Gateway':
    case 'ListenerSet':
      return {
        ...status,
        conditions: stamp(status.conditions, generation),
        listeners: status.listeners.map((l) => ({ ...l, conditions: stamp(l.conditions, generation) })),
      };
    case 'Route':
      return {
        ...status,
        parents: status.parents.map((p) => ({ ...p, conditions: stamp(p.conditions, generation) })),
      };
    case 'BackendTLSPolicy':
      return {
        ...status,
        conditions: stamp(status.conditions, generation),
        ancestors: status.ancestors.map((a) => ({ ...a, conditions: stamp(a.conditions, generation) })),
      };
  }
}

/**
 * The status our controller writes: its own conditions stamped with the generation, plus what
 * other controllers wrote, unchanged (foreign-status.ts).
 */
export function finalStatus(
  status: PredictedStatus,
  object: GwObject | undefined,
  snapshot: Snapshot,
  ours: ReadonlySet<string>,
): PredictedStatus {
  return withForeignStatus(withObservedGeneration(status, object?.meta.generation), object, snapshot, ours);
}
