/**
 * The parts of the non-route objects' analysis that sum over every route, recomputed on each
 * incremental call from the merged route results: Gateway and ListenerSet statuses
 * (attachedRoutes), BackendTLSPolicy ancestors, policy target checks and the observed-status
 * check of those objects.
 */
import type { Diagnostic } from '../../diagnostics/types.ts';
import type { ObjectKey } from '../../model/identity.ts';
import type { Snapshot } from '../../model/snapshot.ts';
import { gatewayAndListenerSetStatus } from '../analyze.ts';
import { backendTLSPolicyStatuses, gatewaysByBackend } from '../backend-tls.ts';
import type { PartialAnalysis } from '../checks/index.ts';
import { checkObserved } from '../checks/observed.ts';
import { checkPolicies } from '../checks/policies.ts';
import { finalStatus } from '../generation.ts';
import { ownControllers } from '../foreign-status.ts';
import type { PredictedStatus } from '../types.ts';
import type { Caches } from './analyze-incremental.ts';

/** Gateway, ListenerSet and BackendTLSPolicy statuses for the routes in `analysis`. */
export function envStatuses(caches: Caches, analysis: PartialAnalysis): Map<ObjectKey, PredictedStatus> {
  const { ctx, stage } = caches.env;
  const count = (id: string): number => caches.attachedRoutes.get(id) ?? 0;
  for (const ge of stage.gateways.values()) for (const l of ge.listeners) l.attachedRoutes = count(l.id);
  for (const lse of stage.listenerSets.values())
    for (const l of lse.listeners) l.attachedRoutes = count(l.id);
  const statuses = new Map<ObjectKey, PredictedStatus>();
  gatewayAndListenerSetStatus(stage, statuses);
  if (ctx.backendTLSPolicies.length > 0) {
    const controllerOf = (gw: ObjectKey): string =>
      stage.gateways.get(gw)?.controllerName ?? ctx.options.defaultControllerName;
    const use = gatewaysByBackend(analysis.backends, analysis.attachments);
    const fullCtx = { ...ctx, snapshot: analysis.snapshot };
    for (const [key, status] of backendTLSPolicyStatuses(fullCtx, use, controllerOf))
      statuses.set(key, status);
  }
  const snapshot = analysis.snapshot;
  const ours = ownControllers(ctx);
  for (const [key, status] of statuses)
    statuses.set(key, finalStatus(status, snapshot.byKey.get(key), snapshot, ours));
  return statuses;
}

/** Diagnostics on non-route objects that depend on the routes (policy targets, observed status). */
export function volatileDiagnostics(
  caches: Caches,
  snapshot: Snapshot,
  analysis: PartialAnalysis,
): Diagnostic[] {
  return [...checkPolicies({ ...caches.env.ctx, snapshot }), ...checkObserved(caches.volatileCtx, analysis)];
}
