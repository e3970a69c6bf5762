/**
 * What analysis produces: the status a conformant controller would write (predicted), the
 * resolved relations later stages build on (listeners, attachments, backends), and diagnostics.
 * The simulator and the topology read only this, never raw objects' optional fields.
 */
import type { Diagnostic } from '../diagnostics/types.ts';
import type { GroupKind, ObjectKey, ObjectRef } from '../model/identity.ts';
import type { Snapshot } from '../model/snapshot.ts';
import type {
  Condition,
  ListenerTLS,
  ObservedListenerStatus,
  ObservedRouteParentStatus,
  ProtocolType,
  RouteKind,
} from '../model/types.ts';

/**
 * Predicted status in the exact Kubernetes shape (DESIGN.md, CLI contract): the same shapes the
 * controller writes, so observed and predicted compare field by field.
 */
export type PredictedListenerStatus = ObservedListenerStatus;
export type PredictedRouteParentStatus = ObservedRouteParentStatus;

/** One entry of PolicyStatus.ancestors (apis/v1 PolicyAncestorStatus). */
export interface PredictedPolicyAncestorStatus {
  readonly ancestorRef: {
    readonly group: string;
    readonly kind: string;
    readonly namespace: string;
    readonly name: string;
    readonly sectionName?: string;
  };
  readonly controllerName: string;
  readonly conditions: readonly Condition[];
}

export type PredictedStatus =
  | { readonly kind: 'GatewayClass'; readonly conditions: readonly Condition[] }
  | {
      readonly kind: 'Gateway';
      readonly conditions: readonly Condition[];
      readonly listeners: readonly PredictedListenerStatus[];
      readonly attachedListenerSets?: number;
    }
  | {
      readonly kind: 'ListenerSet';
      readonly conditions: readonly Condition[];
      readonly listeners: readonly PredictedListenerStatus[];
    }
  | { readonly kind: 'Route'; readonly parents: readonly PredictedRouteParentStatus[] }
  | {
      readonly kind: 'BackendTLSPolicy';
      /** status.ancestors: one per Gateway that uses a targeted backend (none when unused). */
      readonly ancestors: readonly PredictedPolicyAncestorStatus[];
      /**
       * The conditions every ancestor gets (they do not depend on the ancestor), also when there
       * is no ancestor: for views that show one list. Not part of the Kubernetes status shape.
       */
      readonly conditions: readonly Condition[];
    };

/**
 * A listener as the data plane sees it: from a Gateway's spec or from an attached ListenerSet.
 * `id` is the UI node id: `Listener/<ns>/<gateway>/<listener>` (for a ListenerSet listener the
 * ListenerSet's namespace and name).
 */
export interface ResolvedListener {
  readonly id: string;
  readonly gateway: ObjectKey;
  /** The Gateway itself, or the ListenerSet that contributed this listener. */
  readonly owner: ObjectKey;
  readonly name: string;
  readonly port: number;
  readonly protocol: ProtocolType;
  readonly hostname?: string;
  readonly tls?: ListenerTLS;
  /** Kinds of route this listener admits (after filtering invalid kinds). */
  readonly supportedKinds: readonly GroupKind[];
  /**
   * It serves traffic: its Gateway is reconciled (class present), it is Accepted and not
   * Conflicted, its certificate refs resolve and at least one route kind is left. A listener that
   * lists some invalid kinds still serves the valid ones (ResolvedRefs=False/InvalidRouteKinds).
   */
  readonly ready: boolean;
  readonly conditions: readonly Condition[];
}

/**
 * One route attached to one listener through one of its parentRefs. A route whose two parentRefs
 * both select the same listener appears twice (once per parentRefIndex) but counts once in
 * attachedRoutes. Routes that are not Accepted on a parent (including HTTPRoute/GRPCRoute
 * hostname-collision losers and routes with no valid rule) have no attachment there.
 */
export interface RouteAttachment {
  readonly route: ObjectKey;
  readonly routeKind: RouteKind;
  readonly parentRefIndex: number;
  readonly listenerId: string;
  readonly gateway: ObjectKey;
  /**
   * Hostnames of the route that intersect the listener's, narrowed to the more specific side
   * (route `*.example.com` on listener `foo.example.com` gives `foo.example.com`).
   * Empty: the route matches any host the listener accepts.
   */
  readonly hostnames: readonly string[];
}

/** A route's backendRef (or a mirror's) with its target resolved. */
export interface ResolvedBackend {
  readonly route: ObjectKey;
  readonly ruleIndex: number;
  /**
   * Index in the rule's backendRefs. For a mirror target: the backendRef whose filter mirrors,
   * or -1 when the RequestMirror filter is on the rule itself (see `mirror`).
   */
  readonly backendIndex: number;
  readonly target: ObjectRef & { readonly key: ObjectKey };
  readonly port?: number;
  readonly weight: number;
  /** False when the reference cannot be used (missing, not permitted, bad kind or port). */
  readonly valid: boolean;
  /** Gateway API reason when invalid: BackendNotFound, RefNotPermitted, InvalidKind, ... */
  readonly reason?: string;
  /**
   * A kind only some implementations serve (backend-kinds.ts): not checked, counted valid (the
   * controller it is written for forwards to it), shown as implementation-specific.
   */
  readonly implementationSpecific?: true;
  /** Ready/total endpoints, when EndpointSlices are known. */
  readonly endpoints?: { readonly ready: number; readonly total: number };
  /** For ServiceImport targets: the exporting clusters, when known. */
  readonly clusters?: readonly string[];
  /** The ReferenceGrant that permits a cross-namespace reference. */
  readonly grantedBy?: ObjectKey;
  /**
   * Set when this is the target of a RequestMirror filter rather than a backendRef: the filter's
   * index in the rule's filters, or in backendRefs[backendRefIndex].filters.
   */
  readonly mirror?: { readonly filterIndex: number; readonly backendRefIndex?: number };
}

export interface Analysis {
  readonly snapshot: Snapshot;
  /** Predicted status per GatewayClass, Gateway, ListenerSet, Route and BackendTLSPolicy, by key. */
  readonly predicted: ReadonlyMap<ObjectKey, PredictedStatus>;
  readonly listeners: readonly ResolvedListener[];
  readonly attachments: readonly RouteAttachment[];
  readonly backends: readonly ResolvedBackend[];
  /** Sorted: severity, then object key, then code. */
  readonly diagnostics: readonly Diagnostic[];
}
