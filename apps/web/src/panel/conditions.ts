/**
 * Observed (what the controller wrote) vs predicted (what a conformant controller would write)
 * conditions of a node, lined up by type. Pure.
 */
import { isRoute, sameParentRef } from '@gatescope/core';
import type {
  Analysis,
  Condition,
  GwObject,
  PredictedStatus,
  StatusParentRef,
  TopoNode,
} from '@gatescope/core';

export interface ConditionRow {
  readonly type: string;
  readonly observed?: Condition;
  readonly predicted?: Condition;
  /** Both present and status or reason differ. */
  readonly differs: boolean;
}

export interface ConditionSection {
  readonly title: string;
  readonly rows: readonly ConditionRow[];
  readonly hasObserved: boolean;
}

export function lineUp(
  observed: readonly Condition[] | undefined,
  predicted: readonly Condition[],
): ConditionRow[] {
  const types = [...new Set([...predicted.map((c) => c.type), ...(observed ?? []).map((c) => c.type)])];
  return types.map((type) => {
    const o = observed?.find((c) => c.type === type);
    const p = predicted.find((c) => c.type === type);
    const differs = o !== undefined && p !== undefined && (o.status !== p.status || o.reason !== p.reason);
    return {
      type,
      differs,
      ...(o === undefined ? {} : { observed: o }),
      ...(p === undefined ? {} : { predicted: p }),
    };
  });
}

function parentTitle(p: StatusParentRef, role = 'parent'): string {
  const section = p.sectionName === undefined ? '' : `/${p.sectionName}`;
  const port = p.port === undefined ? '' : `:${p.port}`;
  return `${role} ${p.kind} ${p.namespace}/${p.name}${section}${port}`;
}

interface PerParent {
  readonly ref: StatusParentRef;
  readonly controllerName: string;
  readonly conditions: readonly Condition[];
}

/**
 * One section per predicted parent (route parents, policy ancestors) against the status the
 * controller wrote for the same reference, then the observed entries nothing predicted.
 */
function perParentSections(
  role: string,
  predicted: readonly PerParent[],
  observed: readonly PerParent[],
): ConditionSection[] {
  const sections = predicted.map((p) => {
    const o = observed.find((x) => sameParentRef(x.ref, p.ref))?.conditions;
    return { title: parentTitle(p.ref, role), rows: lineUp(o, p.conditions), hasObserved: o !== undefined };
  });
  for (const o of observed) {
    if (predicted.some((p) => sameParentRef(o.ref, p.ref))) continue;
    sections.push({
      title: `${parentTitle(o.ref, role)} (${o.controllerName})`,
      rows: lineUp(o.conditions, []),
      hasObserved: true,
    });
  }
  return sections;
}

function policySections(
  object: Extract<GwObject, { kind: 'BackendTLSPolicy' }>,
  predicted: Extract<PredictedStatus, { kind: 'BackendTLSPolicy' }>,
): ConditionSection[] {
  const observed = (object.observed?.ancestors ?? []).map((a) => ({ ...a, ref: a.parentRef }));
  const ancestors = predicted.ancestors.map((a) => ({ ...a, ref: a.ancestorRef }));
  const sections = perParentSections('ancestor', ancestors, observed);
  if (sections.length > 0) return sections;
  // No Gateway uses a targeted backend: a controller writes no ancestor; show what it would say.
  return [
    {
      title: 'BackendTLSPolicy (no ancestor: no Gateway uses its targets)',
      rows: lineUp(undefined, predicted.conditions),
      hasObserved: false,
    },
  ];
}

export function conditionSections(node: TopoNode, analysis: Analysis): ConditionSection[] {
  if (node.key === undefined) return [];
  const object = analysis.snapshot.byKey.get(node.key);
  const predicted = analysis.predicted.get(node.key);
  if (node.kind === 'Listener') {
    const listener = analysis.listeners.find((l) => l.id === node.id);
    if (listener === undefined) return [];
    const observedListeners =
      object?.kind === 'Gateway' || object?.kind === 'ListenerSet' ? object.observed?.listeners : undefined;
    const observed = observedListeners?.find((l) => l.name === listener.name)?.conditions;
    return [
      {
        title: `listener ${listener.name}`,
        rows: lineUp(observed, listener.conditions),
        hasObserved: observed !== undefined,
      },
    ];
  }
  if (node.kind === 'Rule' || object === undefined) return [];
  if (predicted?.kind === 'Route' && isRoute(object)) {
    const observed = (object.observed?.parents ?? []).map((o) => ({ ...o, ref: o.parentRef }));
    const parents = predicted.parents.map((p) => ({ ...p, ref: p.parentRef }));
    return perParentSections('parent', parents, observed);
  }
  if (predicted?.kind === 'BackendTLSPolicy' && object.kind === 'BackendTLSPolicy') {
    return policySections(object, predicted);
  }
  if (predicted !== undefined && predicted.kind !== 'Route') {
    const observed =
      object.kind === 'GatewayClass' || object.kind === 'Gateway' || object.kind === 'ListenerSet'
        ? object.observed?.conditions
        : undefined;
    return [
      {
        title: object.kind,
        rows: lineUp(observed, predicted.conditions),
        hasObserved: observed !== undefined,
      },
    ];
  }
  return [];
}
