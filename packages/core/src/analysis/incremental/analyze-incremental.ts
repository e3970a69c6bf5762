/**
 * Incremental analysis: the same Analysis as analyze(), recomputing only what a change can
 * affect. Split of the work:
 *  - "env": every object that is not a route (classes, Gateways, ListenerSets, namespaces,
 *    grants, Services, policies...). When any of them changes (by object identity) or the
 *    options change, everything is re-analysed: these objects can affect any route.
 *  - routes: when only routes changed, the groups of the changed routes (route-groups.ts; before
 *    and after the change) are re-analysed together with the env objects; every other route
 *    keeps its cached result. The parts of the env objects' analysis that sum over routes
 *    (attachedRoutes, BackendTLSPolicy ancestors, policy targets, observed-vs-predicted status)
 *    are recomputed from the merged route results, which is linear and cheap.
 * A state is consumed by the call it is passed to (its caches move to the new state); passing
 * it again falls back to a full analysis.
 */
import { sortDiagnostics } from '../../diagnostics/make.ts';
import type { Diagnostic } from '../../diagnostics/types.ts';
import type { ObjectKey } from '../../model/identity.ts';
import type { Snapshot } from '../../model/snapshot.ts';
import type { GwObject, Route } from '../../model/types.ts';
import type { AnalyzeOptions, ClusterParts } from '../analyze.ts';
import { analyze, analyzeClusterParts, gatewayAndListenerSetStatus } from '../analyze.ts';
import { backendTLSPolicyStatuses, gatewaysByBackend } from '../backend-tls.ts';
import { checkObserved } from '../checks/observed.ts';
import { checkPolicies } from '../checks/policies.ts';
import { clusterPartitions } from '../clusters.ts';
import type { AnalysisContext } from '../context.ts';
import { isRoute } from '../context.ts';
import { withObservedGeneration } from '../generation.ts';
import type { Analysis, PredictedStatus, ResolvedBackend, RouteAttachment } from '../types.ts';
import { RouteGroupIndex } from './route-groups.ts';
import type { RouteResult } from './route-results.ts';
import { listenersOf, routeResults } from './route-results.ts';

/** Caches carried from one call to the next (absent when the input is several clusters). */
interface Caches {
  /** The non-route objects, sorted by key, and their analysis without routes. */
  readonly envObjects: readonly GwObject[];
  readonly env: ClusterParts;
  readonly routes: Map<ObjectKey, RouteResult>;
  /** listener id → routes attached to it. */
  readonly attachedRoutes: Map<string, number>;
  readonly groups: RouteGroupIndex;
}

/** Opaque: what analyzeIncremental needs from the previous call. */
export interface IncrementalState {
  readonly snapshot: Snapshot;
  readonly options: AnalyzeOptions;
  readonly analysis: Analysis;
  /** @internal */
  readonly caches: Caches | undefined;
  /** @internal set once the caches moved to a newer state. */
  consumed: boolean;
}

export interface IncrementalResult {
  readonly analysis: Analysis;
  readonly state: IncrementalState;
}

/** analyze(snapshot, options), reusing `previous` (undefined: first call) where it still holds. */
export function analyzeIncremental(
  previous: IncrementalState | undefined,
  snapshot: Snapshot,
  options: AnalyzeOptions = {},
): IncrementalResult {
  const caches = previous?.caches;
  if (previous === undefined || caches === undefined || previous.consumed) return full(snapshot, options);
  if (!sameOptions(previous.options, options)) return full(snapshot, options);
  const changed = changedRoutes(previous.snapshot, snapshot);
  if (changed === null) return full(snapshot, options);
  previous.consumed = true;
  const analysis =
    changed.size === 0 ? { ...previous.analysis, snapshot } : update(caches, changed, snapshot, options);
  return { analysis, state: { snapshot, options, analysis, caches, consumed: false } };
}

function full(snapshot: Snapshot, options: AnalyzeOptions): IncrementalResult {
  const analysis = analyze(snapshot, options);
  const caches = clusterPartitions(snapshot) === null ? buildCaches(snapshot, options, analysis) : undefined;
  return { analysis, state: { snapshot, options, analysis, caches, consumed: false } };
}

function buildCaches(snapshot: Snapshot, options: AnalyzeOptions, analysis: Analysis): Caches {
  const envObjects = snapshot.objects.filter((o) => !isRoute(o));
  const env = analyzeClusterParts(sortedSnapshot(envObjects), options, envObjects, false);
  const routeList = snapshot.objects.filter(isRoute);
  const routes = routeResults(
    analysis,
    routeList.map((r) => r.key),
  );
  const attachedRoutes = new Map<string, number>();
  for (const result of routes.values()) addCounts(attachedRoutes, listenersOf(result), 1);
  const groups = new RouteGroupIndex();
  for (const route of routeList) groups.add(route);
  return { envObjects, env, routes, attachedRoutes, groups };
}

function sameOptions(a: AnalyzeOptions, b: AnalyzeOptions): boolean {
  return (
    a.secretsVisible === b.secretsVisible &&
    a.configMapsVisible === b.configMapsVisible &&
    a.channel === b.channel &&
    a.defaultControllerName === b.defaultControllerName
  );
}

/** Keys of routes added, modified or deleted; null when any other object changed. */
function changedRoutes(before: Snapshot, after: Snapshot): Set<ObjectKey> | null {
  const changed = new Set<ObjectKey>();
  let added = 0;
  for (const o of after.objects) {
    const old = before.byKey.get(o.key);
    if (old === o) continue;
    if (!isRoute(o) || (old !== undefined && !isRoute(old))) return null;
    if (old === undefined) added += 1;
    changed.add(o.key);
  }
  if (before.objects.length === after.objects.length - added) return changed;
  for (const o of before.objects) {
    if (after.byKey.has(o.key)) continue;
    if (!isRoute(o)) return null;
    changed.add(o.key);
  }
  return changed;
}

function update(
  caches: Caches,
  changed: ReadonlySet<ObjectKey>,
  snapshot: Snapshot,
  options: AnalyzeOptions,
): Analysis {
  const { groups } = caches;
  const dirty = groups.groupsOf(changed);
  for (const key of changed) {
    groups.remove(key);
    const route = snapshot.byKey.get(key);
    if (route !== undefined && isRoute(route)) groups.add(route);
  }
  for (const key of groups.groupsOf(changed)) dirty.add(key);
  for (const key of changed) dirty.add(key);

  const dirtyRoutes: Route[] = [];
  for (const key of dirty) {
    const route = snapshot.byKey.get(key);
    if (route !== undefined && isRoute(route)) dirtyRoutes.push(route);
  }
  const subObjects = mergeSorted(caches.envObjects, sortByKey(dirtyRoutes));
  const sub = analyzeClusterParts(sortedSnapshot(subObjects), options, subObjects, false).analysis;
  const fresh = routeResults(
    sub,
    dirtyRoutes.map((r) => r.key),
  );
  for (const key of dirty) {
    addCounts(caches.attachedRoutes, listenersOf(caches.routes.get(key)), -1);
    const result = fresh.get(key);
    if (result === undefined) caches.routes.delete(key);
    else caches.routes.set(key, result);
    addCounts(caches.attachedRoutes, listenersOf(result), 1);
  }
  return assemble(caches, snapshot);
}

/** The full Analysis from the env analysis and the cached route results. */
function assemble(caches: Caches, snapshot: Snapshot): Analysis {
  const { env, routes } = caches;
  const attachments: RouteAttachment[] = [];
  const backends: ResolvedBackend[] = [];
  const routeDiagnostics: Diagnostic[] = [];
  const routePredicted: [ObjectKey, PredictedStatus][] = [];
  for (const o of snapshot.objects) {
    const r = isRoute(o) ? routes.get(o.key) : undefined;
    if (r === undefined) continue;
    for (const a of r.attachments) attachments.push(a);
    for (const b of r.backends) backends.push(b);
    for (const d of r.diagnostics) routeDiagnostics.push(d);
    if (r.predicted !== undefined) routePredicted.push([o.key, r.predicted]);
  }
  const predicted = envPredicted(caches, snapshot, attachments, backends, routePredicted);
  const fullCtx: AnalysisContext = { ...env.ctx, snapshot };
  const partial = { snapshot, predicted, listeners: env.analysis.listeners, attachments, backends };
  const diagnostics = sortDiagnostics([
    ...env.analysis.diagnostics,
    ...routeDiagnostics,
    ...checkPolicies(fullCtx),
    ...checkObserved(env.ctx, partial),
  ]);
  return { ...partial, diagnostics };
}

/**
 * Predicted statuses in analyze()'s order: GatewayClasses, ListenerSets and Gateways (with the
 * current attachedRoutes), routes, BackendTLSPolicies.
 */
function envPredicted(
  caches: Caches,
  snapshot: Snapshot,
  attachments: readonly RouteAttachment[],
  backends: readonly ResolvedBackend[],
  routePredicted: readonly [ObjectKey, PredictedStatus][],
): Map<ObjectKey, PredictedStatus> {
  const { env } = caches;
  const generation = (key: ObjectKey): number | undefined => snapshot.byKey.get(key)?.meta.generation;
  for (const ge of env.stage.gateways.values()) {
    for (const l of ge.listeners) l.attachedRoutes = caches.attachedRoutes.get(l.id) ?? 0;
  }
  for (const lse of env.stage.listenerSets.values()) {
    for (const l of lse.listeners) l.attachedRoutes = caches.attachedRoutes.get(l.id) ?? 0;
  }
  const parents = new Map<ObjectKey, PredictedStatus>();
  gatewayAndListenerSetStatus(env.stage, parents);
  const predicted = new Map<ObjectKey, PredictedStatus>();
  for (const [key, status] of env.analysis.predicted) {
    if (status.kind === 'BackendTLSPolicy') continue;
    const recomputed = parents.get(key);
    predicted.set(
      key,
      recomputed === undefined ? status : withObservedGeneration(recomputed, generation(key)),
    );
  }
  for (const [key, status] of routePredicted) predicted.set(key, status);
  if (env.ctx.backendTLSPolicies.length === 0) return predicted;
  const controllerOf = (gw: ObjectKey): string =>
    env.stage.gateways.get(gw)?.controllerName ?? env.ctx.options.defaultControllerName;
  const use = gatewaysByBackend(backends, attachments);
  const fullCtx: AnalysisContext = { ...env.ctx, snapshot };
  for (const [key, status] of backendTLSPolicyStatuses(fullCtx, use, controllerOf))
    predicted.set(key, withObservedGeneration(status, generation(key)));
  return predicted;
}

function addCounts(counts: Map<string, number>, listeners: ReadonlySet<string>, delta: number): void {
  for (const id of listeners) {
    const n = (counts.get(id) ?? 0) + delta;
    if (n === 0) counts.delete(id);
    else counts.set(id, n);
  }
}

function byKey(a: GwObject, b: GwObject): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function sortByKey<T extends GwObject>(objects: T[]): T[] {
  return objects.sort(byKey);
}

/** Two key-sorted lists as one (the snapshot's order without sorting the env objects again). */
function mergeSorted(a: readonly GwObject[], b: readonly GwObject[]): GwObject[] {
  const out: GwObject[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && byKey(x, y) <= 0)) {
      if (x !== undefined) out.push(x);
      i += 1;
    } else {
      out.push(y);
      j += 1;
    }
  }
  return out;
}

/** A Snapshot of objects already sorted by key with distinct keys (createSnapshot re-sorts). */
function sortedSnapshot(objects: readonly GwObject[]): Snapshot {
  return { objects, byKey: new Map(objects.map((o) => [o.key, o])) };
}
