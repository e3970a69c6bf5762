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
 *    are recomputed from the merged route results. The lists of the previous Analysis are
 *    patched (patch.ts), so a one-route change costs no pass over every route beyond the
 *    comparison of the two snapshots.
 * A state is consumed by the call it is passed to (its caches move to the new state); passing
 * it again falls back to a full analysis.
 */
import { sortDiagnostics } from '../../diagnostics/make.ts';
import type { Diagnostic } from '../../diagnostics/types.ts';
import type { ObjectKey } from '../../model/identity.ts';
import type { Snapshot } from '../../model/snapshot.ts';
import type { GwObject, Route } from '../../model/types.ts';
import type { AnalyzeOptions, ClusterParts } from '../analyze.ts';
import { analyze, analyzeClusterParts } from '../analyze.ts';
import { checkObserved } from '../checks/observed.ts';
import { clusterPartitions } from '../clusters.ts';
import type { AnalysisContext } from '../context.ts';
import { isRoute } from '../../model/types.ts';
import type { Analysis, PredictedStatus } from '../types.ts';
import { envStatuses, volatileDiagnostics } from './env.ts';
import { mergeDiagnostics, replaceSegments } from './patch.ts';
import { RouteGroupIndex } from './route-groups.ts';
import type { RouteResult } from './route-results.ts';
import { diagnosticId, diagnosticKey, listenersOf, routeResults } from './route-results.ts';

/** Caches carried from one call to the next (absent when the input is several clusters). */
export interface Caches {
  /** The non-route objects' analysis without routes (its listeners' counts are set per call). */
  readonly env: ClusterParts;
  /** The index over Gateways, ListenerSets and BackendTLSPolicies: their observed status check. */
  readonly volatileCtx: AnalysisContext;
  readonly routes: Map<ObjectKey, RouteResult>;
  /** listener id → routes attached to it. */
  readonly attachedRoutes: Map<string, number>;
  readonly groups: RouteGroupIndex;
  /** Ids of the current diagnostics that depend on every route (policies, observed status). */
  volatileIds: Set<string>;
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
  const diff = changedRoutes(previous.snapshot, snapshot);
  if (diff === null) return full(snapshot, options);
  previous.consumed = true;
  const analysis =
    diff.changed.size === 0
      ? { ...previous.analysis, snapshot }
      : update(previous.analysis, caches, diff, snapshot, options);
  return { analysis, state: { snapshot, options, analysis, caches, consumed: false } };
}

function full(snapshot: Snapshot, options: AnalyzeOptions): IncrementalResult {
  const analysis = analyze(snapshot, options);
  const caches = clusterPartitions(snapshot) === null ? buildCaches(snapshot, options, analysis) : undefined;
  return { analysis, state: { snapshot, options, analysis, caches, consumed: false } };
}

const VOLATILE_KINDS: ReadonlySet<string> = new Set(['Gateway', 'ListenerSet', 'BackendTLSPolicy']);

function buildCaches(snapshot: Snapshot, options: AnalyzeOptions, analysis: Analysis): Caches {
  const envObjects = snapshot.objects.filter((o) => !isRoute(o));
  const env = analyzeClusterParts(sortedSnapshot(envObjects), options, envObjects, false);
  const volatileObjects = envObjects.filter((o) => VOLATILE_KINDS.has(o.kind));
  const volatileCtx: AnalysisContext = {
    ...env.ctx,
    snapshot: { objects: volatileObjects, byKey: env.ctx.snapshot.byKey },
  };
  const routeList = snapshot.objects.filter(isRoute);
  const routes = routeResults(
    analysis,
    routeList.map((r) => r.key),
  );
  const attachedRoutes = new Map<string, number>();
  for (const result of routes.values()) addCounts(attachedRoutes, listenersOf(result), 1);
  const groups = new RouteGroupIndex();
  for (const route of routeList) groups.add(route);
  const caches = { env, volatileCtx, routes, attachedRoutes, groups, volatileIds: new Set<string>() };
  caches.volatileIds = new Set(volatileDiagnostics(caches, snapshot, analysis).map(diagnosticId));
  return caches;
}

function sameOptions(a: AnalyzeOptions, b: AnalyzeOptions): boolean {
  return (
    a.secretsVisible === b.secretsVisible &&
    a.configMapsVisible === b.configMapsVisible &&
    a.channel === b.channel &&
    a.defaultControllerName === b.defaultControllerName &&
    a.absentSeverity === b.absentSeverity &&
    String(a.completeKinds ?? '') === String(b.completeKinds ?? '')
  );
}

interface Diff {
  /** Routes added, modified or deleted. */
  readonly changed: Set<ObjectKey>;
  readonly added: Set<ObjectKey>;
}

/**
 * Walks both snapshots (sorted by key) side by side, comparing objects by identity (the store
 * keeps unchanged objects). Null when anything but a route changed.
 */
function changedRoutes(before: Snapshot, after: Snapshot): Diff | null {
  const changed = new Set<ObjectKey>();
  const added = new Set<ObjectKey>();
  const a = before.objects;
  const b = after.objects;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x === y) {
      i += 1;
      j += 1;
    } else if (y === undefined || (x !== undefined && x.key < y.key)) {
      if (x === undefined || !isRoute(x)) return null;
      changed.add(x.key);
      i += 1;
    } else if (x === undefined || y.key < x.key) {
      if (!isRoute(y)) return null;
      changed.add(y.key);
      added.add(y.key);
      j += 1;
    } else {
      if (!isRoute(x) || !isRoute(y)) return null;
      changed.add(y.key);
      i += 1;
      j += 1;
    }
  }
  return { changed, added };
}

/** The changed routes with every route they may affect, before and after the change. */
function dirtyRoutes(
  groups: RouteGroupIndex,
  changed: ReadonlySet<ObjectKey>,
  snapshot: Snapshot,
): ObjectKey[] {
  const dirty = groups.groupsOf(changed);
  for (const key of changed) {
    groups.remove(key);
    const route = snapshot.byKey.get(key);
    if (route !== undefined && isRoute(route)) groups.add(route);
  }
  for (const key of groups.groupsOf(changed)) dirty.add(key);
  for (const key of changed) dirty.add(key);
  return [...dirty].sort();
}

function update(
  previous: Analysis,
  caches: Caches,
  diff: Diff,
  snapshot: Snapshot,
  options: AnalyzeOptions,
): Analysis {
  const { env } = caches;
  const dirty = dirtyRoutes(caches.groups, diff.changed, snapshot);
  const routes: Route[] = [];
  for (const key of dirty) {
    const route = snapshot.byKey.get(key);
    if (route !== undefined && isRoute(route)) routes.push(route);
  }
  // The routes with the cached index and gateway stage of the (unchanged) non-route objects.
  const routesOnly: Snapshot = { objects: routes, byKey: snapshot.byKey };
  const ctx: AnalysisContext = { ...env.ctx, snapshot: routesOnly, routes };
  const sub = analyzeClusterParts(routesOnly, options, [], false, { ctx, stage: env.stage }).analysis;
  // The observed-status check was left out above; on a route it reads only that route.
  const observed = checkObserved(ctx, sub);
  const fresh = routeResults(
    observed.length === 0 ? sub : { ...sub, diagnostics: sortDiagnostics([...sub.diagnostics, ...observed]) },
    routes.map((r) => r.key),
  );
  for (const key of dirty) {
    addCounts(caches.attachedRoutes, listenersOf(caches.routes.get(key)), -1);
    const result = fresh.get(key);
    if (result === undefined) caches.routes.delete(key);
    else caches.routes.set(key, result);
    addCounts(caches.attachedRoutes, listenersOf(result), 1);
  }
  const of = (key: ObjectKey): RouteResult | undefined => caches.routes.get(key);
  const attachments = replaceSegments(previous.attachments, dirty, (k) => of(k)?.attachments ?? []);
  const backends = replaceSegments(previous.backends, dirty, (k) => of(k)?.backends ?? []);
  const predicted = routePredicted(previous, caches, dirty, diff, snapshot);
  const partial = { snapshot, predicted, listeners: env.analysis.listeners, attachments, backends };
  for (const [key, status] of envStatuses(caches, partial)) predicted.set(key, status);

  const dirtySet = new Set<string>(dirty);
  const kept = previous.diagnostics.filter(
    (d) => !dirtySet.has(diagnosticKey(d)) && !caches.volatileIds.has(diagnosticId(d)),
  );
  const volatile = volatileDiagnostics(caches, snapshot, partial);
  caches.volatileIds = new Set(volatile.map(diagnosticId));
  const changedDiagnostics: Diagnostic[] = [...volatile];
  for (const key of dirty) changedDiagnostics.push(...(of(key)?.diagnostics ?? []));
  const diagnostics = mergeDiagnostics(kept, sortDiagnostics(changedDiagnostics));
  return { ...partial, diagnostics };
}

/**
 * The previous predicted statuses with the dirty routes' replaced, in analyze()'s order
 * (GatewayClasses, ListenerSets, Gateways, routes by key, BackendTLSPolicies). A Map keeps
 * insertion order, so an added route needs the map rebuilt; other changes update in place.
 */
function routePredicted(
  previous: Analysis,
  caches: Caches,
  dirty: readonly ObjectKey[],
  diff: Diff,
  snapshot: Snapshot,
): Map<ObjectKey, PredictedStatus> {
  if (diff.added.size === 0) {
    const predicted = new Map(previous.predicted);
    for (const key of dirty) {
      const status = caches.routes.get(key)?.predicted;
      if (status === undefined) predicted.delete(key);
      else predicted.set(key, status);
    }
    return predicted;
  }
  const predicted = new Map<ObjectKey, PredictedStatus>();
  for (const [key, status] of previous.predicted) {
    if (status.kind !== 'Route' && status.kind !== 'BackendTLSPolicy') predicted.set(key, status);
  }
  for (const o of snapshot.objects) {
    const status = isRoute(o) ? caches.routes.get(o.key)?.predicted : undefined;
    if (status !== undefined) predicted.set(o.key, status);
  }
  for (const [key, status] of previous.predicted) {
    if (status.kind === 'BackendTLSPolicy') predicted.set(key, status);
  }
  return predicted;
}

function addCounts(counts: Map<string, number>, listeners: ReadonlySet<string>, delta: number): void {
  for (const id of listeners) {
    const n = (counts.get(id) ?? 0) + delta;
    if (n === 0) counts.delete(id);
    else counts.set(id, n);
  }
}

/** A Snapshot of objects already sorted by key with distinct keys (createSnapshot re-sorts). */
function sortedSnapshot(objects: readonly GwObject[]): Snapshot {
  return { objects, byKey: new Map(objects.map((o) => [o.key, o])) };
}
