/**
 * Check "observed": where objects carry the status a real controller wrote, compare it with the
 * prediction (condition status per type, attachedRoutes) and flag stale observedGeneration.
 */
import type { Diagnostic } from '../../diagnostics/types.ts';
import { diagnose } from '../../diagnostics/make.ts';
import type { Condition, GwObject } from '../../model/types.ts';
import { sameParentRef } from '../../model/identity.ts';
import type { AnalysisContext } from '../context.ts';
import { isForeignConditionType, ownControllers } from '../foreign-status.ts';
import type { PredictedStatus } from '../types.ts';
import type { PartialAnalysis } from './index.ts';

interface Difference {
  readonly where: string;
  readonly observed: string;
  readonly predicted: string;
}

function compareConditions(
  where: string,
  observed: readonly Condition[],
  predicted: readonly Condition[],
  skip: readonly string[] = [],
): Difference[] {
  const out: Difference[] = [];
  for (const p of predicted) {
    if (p.status === 'Unknown' || skip.includes(p.type)) continue;
    const o = observed.find((c) => c.type === p.type);
    if (o === undefined || o.status === p.status) continue;
    out.push({
      where: `${where}${p.type}`,
      observed: `${o.status} (${o.reason})`,
      predicted: `${p.status} (${p.reason})`,
    });
  }
  return out;
}

function differences(
  ctx: AnalysisContext,
  object: GwObject,
  predicted: PredictedStatus,
  ours: ReadonlySet<string>,
): Difference[] {
  if (object.kind === 'Gateway' && predicted.kind === 'Gateway' && object.observed !== undefined) {
    const diffs = compareConditions('', object.observed.conditions, predicted.conditions);
    for (const pl of predicted.listeners) {
      const ol = object.observed.listeners.find((l) => l.name === pl.name);
      if (ol === undefined) continue;
      const skip = ctx.options.secretsVisible ? [] : ['ResolvedRefs', 'Programmed'];
      diffs.push(...compareConditions(`listener ${pl.name} `, ol.conditions, pl.conditions, skip));
      if (ol.attachedRoutes !== pl.attachedRoutes) {
        diffs.push({
          where: `listener ${pl.name} attachedRoutes`,
          observed: String(ol.attachedRoutes),
          predicted: String(pl.attachedRoutes),
        });
      }
    }
    return diffs;
  }
  if (object.kind === 'ListenerSet' && predicted.kind === 'ListenerSet' && object.observed !== undefined) {
    return compareConditions('', object.observed.conditions, predicted.conditions);
  }
  if (predicted.kind === 'Route' && 'parentRefs' in object && object.observed !== undefined) {
    const diffs: Difference[] = [];
    for (const pp of predicted.parents) {
      // Another controller's entry for the same parent is its own business (foreign-status.ts).
      const op = object.observed.parents.find(
        (o) => sameParentRef(o.parentRef, pp.parentRef) && ours.has(o.controllerName),
      );
      if (op === undefined) continue;
      diffs.push(
        ...compareConditions(
          `parent ${pp.parentRef.kind} ${pp.parentRef.name} `,
          op.conditions,
          pp.conditions,
        ),
      );
    }
    return diffs;
  }
  // CA bundle health is predicted only when ConfigMaps are visible (live role: not).
  if (
    predicted.kind === 'BackendTLSPolicy' &&
    object.kind === 'BackendTLSPolicy' &&
    object.observed !== undefined &&
    ctx.options.configMapsVisible
  ) {
    const diffs: Difference[] = [];
    for (const pa of predicted.ancestors) {
      const oa = object.observed.ancestors.find(
        (o) =>
          o.parentRef.name === pa.ancestorRef.name &&
          o.parentRef.kind === pa.ancestorRef.kind &&
          (o.parentRef.namespace === pa.ancestorRef.namespace || o.parentRef.namespace === '') &&
          ours.has(o.controllerName),
      );
      if (oa === undefined) continue;
      diffs.push(...compareConditions(`ancestor ${pa.ancestorRef.name} `, oa.conditions, pa.conditions));
    }
    return diffs;
  }
  return [];
}

/**
 * The conditions our controllers wrote: other controllers' conditions types and status entries
 * keep the generation they were written at (foreign-status.ts; upstream exempts them too).
 */
function observedConditions(object: GwObject, ours: ReadonlySet<string>): readonly Condition[] {
  if (!('observed' in object) || object.observed === undefined) return [];
  const o = object.observed as Record<string, unknown>;
  const own = (level: 'Gateway' | 'Listener' | 'Parent') => (c: Condition) =>
    !isForeignConditionType(level, c.type);
  const all: Condition[] =
    object.kind === 'GatewayClass'
      ? ((o['conditions'] as Condition[] | undefined) ?? []).filter(
          (c) => !isForeignConditionType('GatewayClass', c.type),
        )
      : ((o['conditions'] as Condition[] | undefined) ?? []).filter(own('Gateway'));
  for (const l of (o['listeners'] as { conditions: Condition[] }[] | undefined) ?? [])
    all.push(...l.conditions.filter(own('Listener')));
  type Entry = { controllerName?: string; conditions: Condition[] };
  for (const p of [
    ...((o['parents'] as Entry[] | undefined) ?? []),
    ...((o['ancestors'] as Entry[] | undefined) ?? []),
  ]) {
    if (p.controllerName !== undefined && !ours.has(p.controllerName)) continue;
    all.push(...p.conditions.filter(own('Parent')));
  }
  return all;
}

/** Built only for a diagnostic: most objects have nothing to report. */
function labelOf(object: GwObject): string {
  return `${object.ref.kind} ${object.meta.namespace === '' ? '' : `${object.meta.namespace}/`}${object.meta.name}`;
}

export function checkObserved(ctx: AnalysisContext, analysis: PartialAnalysis): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ours = ownControllers(ctx);
  for (const object of ctx.snapshot.objects) {
    const generation = object.meta.generation;
    if (generation !== undefined) {
      const stale = observedConditions(object, ours).filter(
        (c) => c.observedGeneration !== undefined && c.observedGeneration < generation,
      );
      if (stale.length > 0) {
        const oldest = Math.min(...stale.map((c) => c.observedGeneration ?? generation));
        out.push(
          diagnose(
            'StaleObservedGeneration',
            object,
            `${labelOf(object)}: status was written for generation ${oldest}, but metadata.generation is ${generation}; the controller has not processed the latest spec.`,
            {
              field: 'status',
              fix: {
                summary:
                  'Wait for the controller to reconcile, or check that it is running (its logs and leader election).',
              },
            },
          ),
        );
      }
    }
    const predicted = analysis.predicted.get(object.key);
    if (predicted === undefined) continue;
    const diffs = differences(ctx, object, predicted, ours);
    if (diffs.length === 0) continue;
    out.push(
      diagnose(
        'StatusDisagreesWithPrediction',
        object,
        `${labelOf(object)}: the controller's status disagrees with the spec prediction — ${diffs.map((d) => `${d.where}: observed ${d.observed}, predicted ${d.predicted}`).join('; ')}.`,
        {
          field: 'status',
          fix: {
            summary:
              'Compare with the predicted status; the controller may be non-conformant, or it sees objects missing from this input.',
          },
        },
      ),
    );
  }
  return out;
}
