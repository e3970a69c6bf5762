/**
 * Status written by other controllers, kept as they wrote it. apis/v1 (ListenerStatus.Conditions
 * notes, RouteParentStatus, PolicyAncestorStatus): implementations MUST NOT remove or change
 * conditions they are not responsible for (a type such as `special.io/SomeField`), nor
 * status.parents / status.ancestors entries whose controllerName is another implementation's
 * (conformance: GatewayPreserveForeignConditions, HTTPRoutePreserveForeignStatus,
 * BackendTLSPolicyPreserveForeignStatus). The predicted status is what our controller writes
 * after its read-modify-write cycle, so it carries them unchanged.
 */
import { sameParentRef } from '../model/identity.ts';
import type { Condition, GatewayClass, GwObject, ObservedRouteParentStatus } from '../model/types.ts';
import type { Snapshot } from '../model/snapshot.ts';
import type { PredictedStatus } from './types.ts';

/** Condition types the API defines per status level: the controller owns these. */
const OWN_TYPES = {
  GatewayClass: ['Accepted', 'SupportedVersion'],
  Gateway: [
    'Accepted',
    'Programmed',
    'ResolvedRefs',
    'Ready',
    'Scheduled',
    'InsecureFrontendValidationMode',
    'AttachedListenerSets',
  ],
  Listener: [
    'Accepted',
    'Programmed',
    'ResolvedRefs',
    'Conflicted',
    'OverlappingTLSConfig',
    'Ready',
    'Detached',
  ],
  Parent: ['Accepted', 'ResolvedRefs', 'PartiallyInvalid'],
} as const;

type Level = keyof typeof OWN_TYPES;

/** A condition type no Gateway API controller is responsible for at that level. */
export function isForeignConditionType(level: Level, type: string): boolean {
  return !(OWN_TYPES[level] as readonly string[]).includes(type);
}

function keepForeign(level: Level, predicted: readonly Condition[], observed: readonly Condition[]) {
  const extra = observed.filter(
    (o) => isForeignConditionType(level, o.type) && !predicted.some((p) => p.type === o.type),
  );
  return extra.length === 0 ? predicted : [...predicted, ...extra];
}

/** The controllers this analysis writes status for: every GatewayClass's, and the default. */
export function ownControllers(ctx: {
  readonly gatewayClasses: ReadonlyMap<string, GatewayClass>;
  readonly options: { readonly defaultControllerName: string };
}): Set<string> {
  const out = new Set<string>([ctx.options.defaultControllerName]);
  for (const gc of ctx.gatewayClasses.values()) out.add(gc.controllerName);
  return out;
}

/**
 * Entries of other controllers are kept. For a parent we predict an entry for, the prediction
 * stands when the parent is in the input (the other name is the real controller of that parent,
 * whose class is not in the input: we predict what it writes); when the parent is not in the
 * input, our entry (its controller a guess) gives way to the other controller's.
 */
function mergeEntries<T extends { readonly controllerName: string }>(
  predicted: readonly T[],
  observed: readonly ObservedRouteParentStatus[],
  refOf: (p: T) => ObservedRouteParentStatus['parentRef'],
  ours: ReadonlySet<string>,
  inInput: (ref: ObservedRouteParentStatus['parentRef']) => boolean,
  toEntry: (o: ObservedRouteParentStatus) => T,
): readonly T[] {
  const foreign = observed.filter((o) => !ours.has(o.controllerName));
  if (foreign.length === 0) return predicted;
  const kept = predicted.filter(
    (p) => inInput(refOf(p)) || !foreign.some((f) => sameParentRef(f.parentRef, refOf(p))),
  );
  const added = foreign.filter((f) => !kept.some((p) => sameParentRef(f.parentRef, refOf(p))));
  return added.length === 0 && kept.length === predicted.length
    ? predicted
    : [...kept, ...added.map(toEntry)];
}

export function withForeignStatus(
  status: PredictedStatus,
  object: GwObject | undefined,
  snapshot: Snapshot,
  ours: ReadonlySet<string>,
): PredictedStatus {
  if (object === undefined || !('observed' in object) || object.observed === undefined) return status;
  const inInput = (ref: ObservedRouteParentStatus['parentRef']): boolean =>
    snapshot.objects.some(
      (o) =>
        o.ref.kind === ref.kind &&
        o.ref.group === ref.group &&
        o.meta.name === ref.name &&
        o.meta.namespace === ref.namespace,
    );
  switch (status.kind) {
    case 'GatewayClass':
      if (object.kind !== 'GatewayClass' || object.observed === undefined) return status;
      return {
        ...status,
        conditions: keepForeign('GatewayClass', status.conditions, object.observed.conditions),
      };
    case 'Gateway':
    case 'ListenerSet': {
      if ((object.kind !== 'Gateway' && object.kind !== 'ListenerSet') || object.observed === undefined)
        return status;
      const observed = object.observed;
      return {
        ...status,
        conditions: keepForeign('Gateway', status.conditions, observed.conditions),
        listeners: status.listeners.map((l) => {
          const ol = observed.listeners.find((x) => x.name === l.name);
          return ol === undefined
            ? l
            : { ...l, conditions: keepForeign('Listener', l.conditions, ol.conditions) };
        }),
      };
    }
    case 'Route': {
      if (!('parentRefs' in object) || object.observed === undefined) return status;
      const parents = mergeEntries(
        status.parents,
        object.observed.parents,
        (p) => p.parentRef,
        ours,
        inInput,
        (o) => ({ parentRef: o.parentRef, controllerName: o.controllerName, conditions: o.conditions }),
      );
      return parents === status.parents ? status : { ...status, parents };
    }
    case 'BackendTLSPolicy': {
      if (object.kind !== 'BackendTLSPolicy' || object.observed === undefined) return status;
      const ancestors = mergeEntries(
        status.ancestors,
        object.observed.ancestors,
        (a) => a.ancestorRef,
        ours,
        inInput,
        (o) => ({ ancestorRef: o.parentRef, controllerName: o.controllerName, conditions: o.conditions }),
      );
      return ancestors === status.ancestors ? status : { ...status, ancestors };
    }
  }
}
