/**
 * The offline "conformant controller": named stages, each a pure function over the snapshot and
 * the previous stages' values, collecting diagnostics instead of aborting (Envoy Gateway
 * translator style). Stage order:
 *   1. context      index the snapshot (context.ts)
 *   2. gateways     GatewayClass, listeners, ListenerSets, conflicts (gateways.ts)
 *   3. attach       route parentRefs → listeners (attach.ts)
 *   4. collisions   GRPCRoute/HTTPRoute hostname collisions (collisions.ts)
 *      rules        rules a controller drops: PartiallyInvalid / not accepted (rules.ts)
 *   5. backends     backendRefs, ReferenceGrants, endpoints (backends.ts)
 *   6. status       predicted status objects (status.ts, gateway-class.ts, backend-tls.ts)
 *   7. checks       shadowing, policies, features, channel, observed status (checks/*.ts)
 */
import type { Diagnostic } from '../diagnostics/types.ts';
import { sortDiagnostics } from '../diagnostics/make.ts';
import type { ObjectKey } from '../model/identity.ts';
import type { Snapshot } from '../model/snapshot.ts';
import { createSnapshot } from '../model/snapshot.ts';
import { clusterPartitions, mergeAnalyses } from './clusters.ts';
import type { GwObject } from '../model/types.ts';
import type { ParentEval } from './attach.ts';
import { attachRoutes } from './attach.ts';
import { resolveBackends } from './backends.ts';
import { resolveCollisions } from './collisions.ts';
import { checkRules } from './rules.ts';
import type { AnalysisContext, AnalyzeOptions } from './context.ts';
import { buildContext } from './context.ts';
import { backendTLSPolicyStatuses, gatewaysByBackend } from './backend-tls.ts';
import { finalStatus } from './generation.ts';
import { ownControllers } from './foreign-status.ts';
import { gatewayClassStatus, gatewayCRDs, supportedVersionCondition } from './gateway-class.ts';
import { evaluateGateways } from './gateways.ts';
import type { GatewayStageResult } from './gateways.ts';
import {
  gatewayStatus,
  isListenerSetAccepted,
  listenerSetStatus,
  resolvedListener,
  routeParentStatus,
} from './status.ts';
import { runChecks } from './checks/index.ts';
import { softenConsequences } from './absent.ts';
import type {
  Analysis,
  PredictedRouteParentStatus,
  PredictedStatus,
  ResolvedListener,
  RouteAttachment,
} from './types.ts';

export type { AnalyzeOptions } from './context.ts';

/**
 * Objects from several clusters (kube contexts, `meta.cluster`) are analysed cluster by cluster
 * (clusters.ts): a route never attaches to a Gateway, a backend or a grant of another cluster.
 * The one join across clusters is MCS: a ServiceImport's exporting clusters come from
 * ServiceExports anywhere in the input. Object keys do not include the cluster, so the input
 * must not hold two objects with the same key (the caller keeps clusters apart, see
 * analyzeClusters, or lets one win).
 */
export function analyze(snapshot: Snapshot, options: AnalyzeOptions = {}): Analysis {
  const partitions = clusterPartitions(snapshot);
  if (partitions === null) return analyzeCluster(snapshot, options, snapshot.objects);
  const parts = partitions.map((objects) =>
    analyzeCluster(createSnapshot(objects), options, snapshot.objects),
  );
  return mergeAnalyses(snapshot, parts);
}

/**
 * Clusters kept apart, as the web holds live contexts (one Snapshot per kube context): no key can
 * collide, each cluster gets its own Analysis, and ServiceExports of every cluster feed the
 * ServiceImports of every other one.
 */
export function analyzeClusters(
  clusters: ReadonlyMap<string, Snapshot>,
  options: AnalyzeOptions = {},
): Map<string, Analysis> {
  const everything = [...clusters.values()].flatMap((s) => s.objects);
  return new Map([...clusters].map(([name, s]) => [name, analyzeCluster(s, options, everything)]));
}

function analyzeCluster(
  snapshot: Snapshot,
  options: AnalyzeOptions,
  allObjects: readonly GwObject[],
): Analysis {
  return analyzeClusterParts(snapshot, options, allObjects, true).analysis;
}

/** One cluster's analysis with the index and gateway stage it was built on (incremental.ts). */
export interface ClusterParts {
  readonly analysis: Analysis;
  readonly ctx: AnalysisContext;
  readonly stage: GatewayStageResult;
}

/**
 * `routeDependentChecks` false leaves out the checks whose result on non-route objects depends
 * on the set of routes (policy targets, observed vs predicted status): the incremental path
 * runs those itself over the whole input. `reuse`: the index and gateway stage of the same
 * non-route objects (incremental.ts), so only the routes are evaluated; its listeners'
 * attachedRoutes are then counts of this call's routes, and its diagnostics and statuses of
 * non-route objects are not meaningful.
 */
export function analyzeClusterParts(
  snapshot: Snapshot,
  options: AnalyzeOptions,
  allObjects: readonly GwObject[],
  routeDependentChecks: boolean,
  reuse?: { readonly ctx: AnalysisContext; readonly stage: GatewayStageResult },
): ClusterParts {
  const out: Diagnostic[] = [];
  const ctx = reuse?.ctx ?? buildContext(snapshot, options, allObjects);
  const stage = reuse?.stage ?? evaluateGateways(ctx, out);
  const parents = attachRoutes(ctx, stage, out);
  resolveCollisions(parents, out);
  const rules = checkRules(ctx.routes, parents, out);
  const attachments = countAttachments(parents);
  const { backends, refsByRoute } = resolveBackends(ctx, out);

  const predicted = new Map<ObjectKey, PredictedStatus>();
  const supportedVersion = supportedVersionCondition(gatewayCRDs(snapshot.objects));
  for (const gc of ctx.gatewayClasses.values())
    predicted.set(gc.key, gatewayClassStatus(gc, supportedVersion));
  gatewayAndListenerSetStatus(stage, predicted);
  const routeParents = new Map<ObjectKey, PredictedRouteParentStatus[]>();
  const ok = { ok: true, reason: 'ResolvedRefs', message: 'All references are resolved.' };
  for (const p of parents) {
    const list = routeParents.get(p.route.key) ?? [];
    list.push(routeParentStatus(p, refsByRoute.get(p.route.key) ?? ok, rules.get(p.route.key)));
    routeParents.set(p.route.key, list);
  }
  for (const route of ctx.routes)
    predicted.set(route.key, { kind: 'Route', parents: routeParents.get(route.key) ?? [] });
  const controllerOf = (gw: ObjectKey): string =>
    stage.gateways.get(gw)?.controllerName ?? ctx.options.defaultControllerName;
  // The backend use index is a pass over every backend: only built when a policy reads it.
  if (ctx.backendTLSPolicies.length > 0) {
    const use = gatewaysByBackend(backends, attachments);
    for (const [key, status] of backendTLSPolicyStatuses(ctx, use, controllerOf)) predicted.set(key, status);
  }
  const ours = ownControllers(ctx);
  for (const [key, status] of predicted)
    predicted.set(key, finalStatus(status, snapshot.byKey.get(key), snapshot, ours));

  const listeners: ResolvedListener[] = [];
  for (const ge of stage.gateways.values()) {
    for (const l of ge.listeners) listeners.push(resolvedListener(l, ge.gatewayClass !== undefined));
  }
  const analysis = { snapshot, predicted, listeners, attachments, backends };
  out.push(...runChecks(ctx, analysis, parents, routeDependentChecks));
  softenConsequences(out, ctx.options.absentSeverity);
  return { analysis: { ...analysis, diagnostics: sortDiagnostics(out) }, ctx, stage };
}

/**
 * attachedRoutes: routes (not parentRefs) accepted on each listener, including the not-accepted
 * listeners their parentRef attaches them to (attach.ts, `dormant`); also the attachment list.
 */
function countAttachments(parents: readonly ParentEval[]): RouteAttachment[] {
  const attachments: RouteAttachment[] = [];
  const seen = new Map<string, Set<string>>();
  for (const p of parents) {
    if (p.outcome.kind !== 'accepted') continue;
    for (const a of [...p.outcome.listeners, ...(p.outcome.dormant ?? [])]) {
      const routes = seen.get(a.listener.id) ?? new Set<string>();
      if (!routes.has(p.route.key)) a.listener.attachedRoutes += 1;
      routes.add(p.route.key);
      seen.set(a.listener.id, routes);
      attachments.push({
        route: p.route.key,
        routeKind: p.route.kind,
        parentRefIndex: p.parentRef.index,
        listenerId: a.listener.id,
        gateway: a.listener.gateway.key,
        hostnames: a.hostnames,
      });
    }
  }
  return attachments;
}

export function gatewayAndListenerSetStatus(
  stage: GatewayStageResult,
  predicted: Map<ObjectKey, PredictedStatus>,
): void {
  const attachedSets = new Map<ObjectKey, number>();
  const referenced = new Set<ObjectKey>();
  for (const lse of stage.listenerSets.values()) {
    predicted.set(lse.listenerSet.key, listenerSetStatus(lse));
    const gw = lse.gateway?.gateway.key;
    if (gw === undefined) continue;
    referenced.add(gw);
    if (isListenerSetAccepted(lse)) attachedSets.set(gw, (attachedSets.get(gw) ?? 0) + 1);
  }
  for (const ge of stage.gateways.values()) {
    const key = ge.gateway.key;
    const usesSets = referenced.has(key) || ge.gateway.allowedListeners.from !== 'None';
    predicted.set(key, gatewayStatus(ge, usesSets ? (attachedSets.get(key) ?? 0) : undefined));
  }
}
