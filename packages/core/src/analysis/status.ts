/**
 * Stage "status": the predicted status objects, in the exact Kubernetes shape (DESIGN.md, CLI
 * contract), with condition types and reasons from apis/v1 (GatewayConditionType,
 * ListenerConditionType, RouteConditionType, ListenerSet conditions of GEP-1713).
 */
import type { ObjectKey } from '../model/identity.ts';
import type { Condition } from '../model/types.ts';
import type { ParentEval } from './attach.ts';
import type { RouteRefs } from './backends.ts';
import type { RuleValidity } from './rules.ts';
import { cond } from './conditions.ts';
import type { GatewayEval, ListenerSetEval } from './gateways.ts';
import type { ListenerEval } from './listener-eval.ts';
import type {
  PredictedListenerStatus,
  PredictedRouteParentStatus,
  PredictedStatus,
  ResolvedListener,
} from './types.ts';

const PENDING = 'Waiting for a controller: the GatewayClass is not in the input.';

export function listenerConditions(e: ListenerEval, reconciled: boolean): Condition[] {
  if (!reconciled) {
    return [
      cond('Accepted', 'Unknown', 'Pending', PENDING),
      cond('Programmed', 'Unknown', 'Pending', PENDING),
    ];
  }
  const refs = e.invalidKinds
    ? cond(
        'ResolvedRefs',
        false,
        'InvalidRouteKinds',
        'allowedRoutes.kinds lists kinds this listener cannot serve.',
      )
    : cond('ResolvedRefs', e.refs.ok, e.refs.reason, e.refs.message);
  if (e.notAccepted !== undefined) {
    return [
      cond('Accepted', false, e.notAccepted.reason, e.notAccepted.message),
      cond('Programmed', false, 'Invalid', e.notAccepted.message),
      refs,
      cond('Conflicted', false, 'NoConflicts', 'No conflicts.'),
    ];
  }
  if (e.conflict !== undefined) {
    return [
      cond('Accepted', false, e.conflict.reason, e.conflict.message),
      cond('Programmed', false, e.conflict.reason, e.conflict.message),
      refs,
      cond('Conflicted', true, e.conflict.reason, e.conflict.message),
    ];
  }
  const programmed = listenerServes(e);
  const overlap = e.overlappingTLS;
  return [
    cond('Accepted', true, 'Accepted', 'Listener is accepted.'),
    programmed
      ? cond('Programmed', true, 'Programmed', 'Listener is programmed.')
      : cond('Programmed', false, 'Invalid', `Listener is not programmed: ${refs.message}`),
    refs,
    cond('Conflicted', false, 'NoConflicts', 'No conflicts.'),
    // Negative polarity, "MUST NOT be set when it is False" (ListenerConditionOverlappingTLSConfig).
    ...(overlap === undefined ? [] : [cond('OverlappingTLSConfig', true, overlap.reason, overlap.message)]),
  ];
}

/** Listeners that take routes: accepted and not conflicted (invalid certs still count routes). */
export function acceptsRoutes(e: ListenerEval): boolean {
  return e.notAccepted === undefined && e.conflict === undefined;
}

/**
 * Serves traffic: accepted, certificate refs resolved and at least one route kind left. A listener
 * whose allowedRoutes.kinds lists some invalid kinds still serves the valid ones (ResolvedRefs is
 * False with InvalidRouteKinds, Programmed stays True).
 */
export function listenerServes(e: ListenerEval): boolean {
  return acceptsRoutes(e) && e.refs.ok && e.supportedKinds.length > 0;
}

/** Valid with no problem at all (anything else makes the parent report ListenersNotValid). */
function listenerValid(e: ListenerEval): boolean {
  return acceptsRoutes(e) && e.refs.ok && !e.invalidKinds;
}

function listenerStatus(e: ListenerEval, reconciled: boolean): PredictedListenerStatus {
  return {
    name: e.listener.name,
    attachedRoutes: reconciled ? e.attachedRoutes : 0,
    supportedKinds: e.supportedKinds.map((gk) => ({ group: gk.group, kind: gk.kind })),
    conditions: listenerConditions(e, reconciled),
  };
}

export function gatewayStatus(ge: GatewayEval, attachedListenerSets: number | undefined): PredictedStatus {
  const reconciled = ge.gatewayClass !== undefined;
  const own = ge.listeners.filter((l) => l.owner.kind === 'Gateway');
  const listeners = own.map((l) => listenerStatus(l, reconciled));
  const extra = attachedListenerSets === undefined ? {} : { attachedListenerSets };
  if (!reconciled) {
    return {
      kind: 'Gateway',
      conditions: [
        cond('Accepted', 'Unknown', 'Pending', PENDING),
        cond('Programmed', 'Unknown', 'Pending', PENDING),
      ],
      listeners,
      ...extra,
    };
  }
  const conditions = gatewayConditions(ge, own);
  const cc = ge.clientCertificate;
  if (cc !== undefined) conditions.push(cond('ResolvedRefs', cc.ok, cc.reason, cc.message));
  // Written only while AllowInsecureFallback is configured (GatewayConditionInsecureFrontendValidationMode).
  if (ge.insecureFrontend !== undefined)
    conditions.push(
      cond('InsecureFrontendValidationMode', true, 'ConfigurationChanged', ge.insecureFrontend),
    );
  return { kind: 'Gateway', conditions, listeners, ...extra };
}

function gatewayConditions(ge: GatewayEval, own: readonly ListenerEval[]): Condition[] {
  if (ge.invalidParameters !== undefined) {
    return [
      cond('Accepted', false, 'InvalidParameters', ge.invalidParameters),
      cond('Programmed', false, 'Invalid', 'Gateway is not accepted.'),
    ];
  }
  const accepted = own.filter(acceptsRoutes);
  const allValid = own.every(listenerValid);
  const isAccepted = own.length === 0 || accepted.length > 0;
  const acceptedCond = allValid
    ? cond('Accepted', true, 'Accepted', 'Gateway is accepted.')
    : cond(
        'Accepted',
        isAccepted,
        'ListenersNotValid',
        `${own.length - own.filter(listenerValid).length} of ${own.length} listeners are not valid.`,
      );
  const programmed = isAccepted && (own.length === 0 || ge.listeners.some(listenerServes));
  return [
    acceptedCond,
    programmed
      ? cond('Programmed', true, 'Programmed', 'Gateway is programmed.')
      : cond('Programmed', false, 'Invalid', 'No listener of the Gateway is valid.'),
  ];
}

export function listenerSetStatus(lse: ListenerSetEval): PredictedStatus {
  if (lse.rejected !== undefined) {
    const { reason, message, pending } = lse.rejected;
    const status = pending ? 'Unknown' : false;
    return {
      kind: 'ListenerSet',
      conditions: [cond('Accepted', status, reason, message), cond('Programmed', status, reason, message)],
      listeners: [],
    };
  }
  const listeners = lse.listeners.map((l) => listenerStatus(l, true));
  // A listener with unresolved refs counts as not valid (ListenerSetReferenceGrant conformance).
  const valid = lse.listeners.filter(listenerValid).length;
  const all = lse.listeners.length;
  let conditions: Condition[];
  if (valid === 0) {
    const message = 'No listener of the ListenerSet is valid.';
    conditions = [
      cond('Accepted', false, 'ListenersNotValid', message),
      cond('Programmed', false, 'ListenersNotValid', message),
    ];
  } else if (valid < all) {
    // Programmed keeps its True reason: the valid listeners are programmed (ListenerSetReasonProgrammed;
    // conformance ListenerSetProtocolConflict/HostnameConflict expect Programmed=True/Programmed
    // on a ListenerSet with one conflicted listener). Accepted says some listeners are not valid.
    const message = `${all - valid} of ${all} listeners are not valid.`;
    conditions = [
      cond('Accepted', true, 'ListenersNotValid', message),
      cond('Programmed', true, 'Programmed', `ListenerSet is programmed; ${message}`),
    ];
  } else {
    conditions = [
      cond('Accepted', true, 'Accepted', 'ListenerSet is accepted.'),
      cond('Programmed', true, 'Programmed', 'ListenerSet is programmed.'),
    ];
  }
  return { kind: 'ListenerSet', conditions, listeners };
}

export function isListenerSetAccepted(lse: ListenerSetEval): boolean {
  return lse.rejected === undefined && lse.listeners.some(listenerValid);
}

export function routeParentStatus(
  p: ParentEval,
  refs: RouteRefs,
  rules?: RuleValidity,
): PredictedRouteParentStatus {
  const ref = p.parentRef;
  const parentRef = {
    group: ref.group,
    kind: ref.kind,
    namespace: ref.namespace,
    name: ref.name,
    ...(ref.sectionName === undefined ? {} : { sectionName: ref.sectionName }),
    ...(ref.port === undefined ? {} : { port: ref.port }),
  };
  const accepted =
    p.outcome.kind === 'accepted'
      ? cond('Accepted', true, 'Accepted', 'Route is accepted.')
      : p.outcome.kind === 'pending'
        ? cond('Accepted', 'Unknown', 'Pending', p.outcome.message)
        : cond('Accepted', false, p.outcome.reason, p.outcome.message);
  const conditions = [accepted, cond('ResolvedRefs', refs.ok, refs.reason, refs.message)];
  // PartiallyInvalid is written only when true (apis/v1 RouteConditionPartiallyInvalid).
  if (rules !== undefined && p.outcome.kind === 'accepted' && rules.invalid < rules.total) {
    conditions.push(
      cond(
        'PartiallyInvalid',
        true,
        rules.reason,
        `${rules.invalid} of ${rules.total} rules dropped. ${rules.message}`,
      ),
    );
  }
  return { parentRef, controllerName: p.controllerName, conditions };
}

export function resolvedListener(e: ListenerEval, reconciled: boolean): ResolvedListener {
  return {
    id: e.id,
    gateway: e.gateway.key,
    owner: e.owner.key as ObjectKey,
    name: e.listener.name,
    port: e.listener.port,
    protocol: e.listener.protocol,
    ...(e.listener.hostname === undefined ? {} : { hostname: e.listener.hostname }),
    ...(e.listener.tls === undefined ? {} : { tls: e.listener.tls }),
    supportedKinds: e.supportedKinds,
    ready: reconciled && listenerServes(e),
    conditions: listenerConditions(e, reconciled),
  };
}
