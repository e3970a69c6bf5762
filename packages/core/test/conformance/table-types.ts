/**
 * The shape of our transcription of upstream conformance expectations (kubernetes-sigs/gateway-api
 * conformance/tests/*.go) and small builders mirroring the upstream helpers in
 * conformance/utils/kubernetes/helpers.go.
 */

/** The upstream releases whose manifests (../shared/conformance/<version>) the harness runs. */
export type Version = 'v1.6.1' | 'v1.7.0';
export const VERSIONS: readonly Version[] = ['v1.6.1', 'v1.7.0'];

export type RouteKind = 'HTTPRoute' | 'GRPCRoute' | 'TLSRoute' | 'TCPRoute' | 'UDPRoute';

/** A condition another controller wrote that ours must keep byte for byte (preserve-foreign tests). */
export interface ForeignCond {
  readonly type: string;
  readonly reason: string;
  readonly observedGeneration: number;
}

export interface Cond {
  readonly type: string;
  readonly status: 'True' | 'False' | 'Unknown';
  /** Absent: any reason (upstream `Reason: ""`). */
  readonly reason?: string;
}

export interface ListenerExp {
  readonly name: string;
  readonly attachedRoutes?: number;
  /** Upstream listenersMatch: expected kinds must be present; an empty list means none at all. */
  readonly supportedKinds?: readonly string[];
  readonly conditions?: readonly Cond[];
}

export interface ParentSel {
  readonly kind?: 'Gateway' | 'ListenerSet';
  readonly name: string;
  readonly namespace?: string;
  readonly sectionName?: string;
}

export type Expectation =
  | {
      readonly what: 'gateway';
      readonly name: string;
      readonly namespace?: string;
      readonly conditions?: readonly Cond[];
      /** GatewayStatusMustHaveListeners: exactly these listeners (by name). */
      readonly listeners?: readonly ListenerExp[];
      /** GatewayListenersMustHaveConditions: these listeners (all when names is empty) have the conditions. */
      readonly listenerConditions?: {
        readonly names: readonly string[];
        readonly conditions: readonly Cond[];
      };
      readonly attachedListenerSets?: number;
      /** GatewayMustHaveZeroRoutes. */
      readonly zeroRoutes?: boolean;
      /** GatewayMustHaveLatestConditions: every condition has observedGeneration = generation. */
      readonly latestGeneration?: boolean;
      /** Foreign conditions kept unchanged on the Gateway (listener undefined) or a listener. */
      readonly foreignConditions?: readonly (ForeignCond & { readonly listener?: string })[];
      /** The analysis reports no StatusDisagreesWithPrediction for this object. */
      readonly agreesWithObserved?: boolean;
    }
  | {
      readonly what: 'listenerSet';
      readonly name: string;
      readonly namespace?: string;
      readonly conditions?: readonly Cond[];
      readonly listeners?: readonly ListenerExp[];
      /** Subset: listeners with these names must have the conditions. */
      readonly listenerConditions?: {
        readonly names: readonly string[];
        readonly conditions: readonly Cond[];
      };
    }
  | {
      readonly what: 'route';
      readonly kind?: RouteKind;
      readonly name: string;
      readonly namespace?: string;
      /** HTTPRouteMustHaveCondition(route, parent, cond). */
      readonly parent?: ParentSel;
      readonly conditions?: readonly Cond[];
      /** HTTPRouteMustHaveParents / RouteMustHaveParents: exactly these parents. */
      readonly exactParents?: readonly ParentSel[];
      /** HTTPRouteMustHaveNoAcceptedParents. */
      readonly noAcceptedParents?: boolean;
      /** HTTPRouteMustHaveLatestConditions: every condition has observedGeneration = generation. */
      readonly latestGeneration?: boolean;
      /** A status.parents entry of another controller, kept unchanged. */
      readonly foreignParent?: { readonly name: string; readonly controllerName: string } & ForeignCond;
      readonly agreesWithObserved?: boolean;
    }
  | {
      /** BackendTLSPolicyMustHaveCondition(policy, gateway, cond): on the ancestor of that Gateway. */
      readonly what: 'backendTLSPolicy';
      readonly name: string;
      readonly namespace?: string;
      readonly ancestor: string;
      readonly conditions: readonly Cond[];
      /** BackendTLSPolicyMustHaveLatestConditions. */
      readonly latestGeneration?: boolean;
      /** A status.ancestors entry of another controller, kept unchanged. */
      readonly foreignAncestor?: { readonly name: string; readonly controllerName: string } & ForeignCond;
      readonly agreesWithObserved?: boolean;
    }
  | {
      /** GWCMustHave*Condition(class). */
      readonly what: 'gatewayClass';
      readonly name: string;
      readonly conditions: readonly Cond[];
      /** GatewayClassConditionsHaveLatestObservedGeneration. */
      readonly latestGeneration?: boolean;
    };

/**
 * A change the upstream test makes to a live object (a patch, then the API server bumps
 * metadata.generation), and what it expects afterwards.
 */
export interface ConformanceStep {
  readonly change: string;
  readonly object: { readonly kind: string; readonly name: string; readonly namespace?: string };
  /** Edits the object (a copy of what the suite applied); generation is bumped by the harness. */
  readonly mutate?: (object: Record<string, unknown>) => void;
  /** The test deletes the object instead (a DELETED watch event). */
  readonly delete?: boolean;
  readonly expectations: readonly Expectation[];
  /** As ConformanceCase.knownGaps, for this step's expectations. */
  readonly knownGaps?: Readonly<Record<number, string>>;
}

export interface ConformanceCase {
  /** Upstream ShortName. */
  readonly test: string;
  /**
   * The releases the case runs on (default: all). A test whose manifests or assertions changed
   * between releases has one entry per release.
   */
  readonly versions?: readonly Version[];
  /** Manifests applied after base-manifests.yaml and suite-programmatic-resources.yaml. */
  readonly manifests: readonly string[];
  /** Where the expectations were transcribed from. */
  readonly source: string;
  readonly expectations: readonly Expectation[];
  /**
   * Expectations we know we do not meet, with the reason (they run as expected failures so a
   * fix is noticed). Indexes into `expectations`.
   */
  readonly knownGaps?: Readonly<Record<number, string>>;
  /**
   * Expectations that wait on another helper's item (named in the reason): skipped with the
   * reason, re-checked by removing the entry. Indexes into `expectations`.
   */
  readonly pending?: Readonly<Record<number, string>>;
  /** Objects the test creates in code (our own minimal YAML), applied after the manifests. */
  readonly inline?: string;
  /**
   * Tests that change objects over time: each step is applied with applyWatchEvent to the
   * previous step's snapshot and its expectations are checked on the new analysis. Objects a
   * step changes start at metadata.generation 1, as the API server stores them.
   */
  readonly steps?: readonly ConformanceStep[];
}

export const INFRA = 'gateway-conformance-infra';

export const T = (type: string, reason?: string): Cond => ({
  type,
  status: 'True',
  ...(reason === undefined ? {} : { reason }),
});
export const F = (type: string, reason?: string): Cond => ({
  type,
  status: 'False',
  ...(reason === undefined ? {} : { reason }),
});

/** The listener conditions GatewayAndRoutesMustBeAccepted requires. */
export const LISTENER_OK: readonly Cond[] = [T('ResolvedRefs'), T('Accepted'), T('Programmed')];

/** generateAcceptedListenerConditions() of the ListenerSet tests. */
export const LS_LISTENER_OK: readonly Cond[] = [
  T('ResolvedRefs'),
  T('Accepted'),
  T('Programmed'),
  F('Conflicted', 'NoConflicts'),
];

/**
 * kubernetes.GatewayAndRoutesMustBeAccepted(gw, routes...): the Gateway is programmed, every
 * route has exactly one parent (the Gateway) with Accepted=True/Accepted, and the Gateway's
 * listeners are ResolvedRefs/Accepted/Programmed.
 */
export function gatewayAndRoutesAccepted(
  gateway: string,
  routes: readonly (string | { name: string; namespace: string; kind?: RouteKind })[],
  options: { kind?: RouteKind; listeners?: readonly string[] } = {},
): Expectation[] {
  const out: Expectation[] = [
    {
      what: 'gateway',
      name: gateway,
      conditions: [T('Programmed')],
      listenerConditions: { names: options.listeners ?? [], conditions: LISTENER_OK },
    },
  ];
  for (const r of routes) {
    const route = typeof r === 'string' ? { name: r, namespace: INFRA } : r;
    const kind =
      typeof r === 'string' ? (options.kind ?? 'HTTPRoute') : (r.kind ?? options.kind ?? 'HTTPRoute');
    out.push({
      what: 'route',
      kind,
      name: route.name,
      namespace: route.namespace,
      parent: { name: gateway },
      conditions: [T('Accepted', 'Accepted')],
    });
  }
  return out;
}

/** kubernetes.HTTPRouteMustHaveResolvedRefsConditionsTrue(route, gw). */
export function resolvedRefsTrue(
  route: string,
  parent: string,
  kind: RouteKind = 'HTTPRoute',
  namespace = INFRA,
): Expectation {
  return {
    what: 'route',
    kind,
    name: route,
    namespace,
    parent: { name: parent },
    conditions: [T('ResolvedRefs')],
  };
}

/** kubernetes.HTTPRouteMustHaveCondition(route, parent, cond). */
export function routeCondition(
  route: string,
  parent: ParentSel,
  cond: Cond,
  namespace = INFRA,
  kind: RouteKind = 'HTTPRoute',
): Expectation {
  return { what: 'route', kind, name: route, namespace, parent, conditions: [cond] };
}

/** kubernetes.RoutesAndParentMustBeAccepted(parent, routes...): Accepted=True on that parent. */
export function routesAcceptedByParent(
  parent: ParentSel,
  routes: readonly { name: string; namespace?: string }[],
): Expectation[] {
  return routes.map((r) => ({
    what: 'route',
    name: r.name,
    namespace: r.namespace ?? INFRA,
    parent,
    conditions: [T('Accepted')],
  }));
}
