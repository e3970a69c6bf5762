/**
 * Stage "attach": each route parentRef against its Gateway or ListenerSet (apis/v1
 * shared_types.go ParentReference, RouteConditionReason; gateway_types.go AllowedRoutes).
 * Order of checks, as the conformance tests expect: parent exists → sectionName/port select
 * listeners (NoMatchingParent) → allowedRoutes namespaces and kinds (NotAllowedByListeners) →
 * hostname intersection (NoMatchingListenerHostname).
 */
import type { Diagnostic, Fix } from '../diagnostics/types.ts';
import { diagnose } from '../diagnostics/make.ts';
import { labelNamespaceFix } from '../diagnostics/fixes.ts';
import { GATEWAY_GROUP, GATEWAY_X_GROUP } from '../model/identity.ts';
import type { ParentRef, Route } from '../model/types.ts';
import type { AnalysisContext } from './context.ts';
import type { GatewayEval, GatewayStageResult } from './gateways.ts';
import { effectiveHostnames } from './hostnames.ts';
import type { ListenerEval } from './listener-eval.ts';
import { listenerLabel } from './listener-eval.ts';
import { describeSelector, labelsToSatisfy, selectorMatches } from './selectors.ts';
import { otherParentDiagnostic } from './mesh-parents.ts';
import { absence, namespaceLabelsUnknown } from './absent.ts';

export interface AttachedListener {
  readonly listener: ListenerEval;
  readonly hostnames: readonly string[];
}

export type ParentOutcome =
  | {
      readonly kind: 'accepted';
      listeners: AttachedListener[];
      /**
       * Selected listeners that are not Accepted or are Conflicted but whose allowedRoutes admit
       * the route: attached for attachedRoutes only (ListenerStatus.AttachedRoutes: "Listener or
       * Route status does not impact successful attachment, i.e. the AttachedRoutes field count
       * MUST be set for Listeners, even if the Accepted condition of an individual Listener is set
       * to False"). They serve no traffic (not ready) and take no part in collisions or shadowing.
       */
      dormant?: AttachedListener[];
    }
  | { readonly kind: 'rejected'; readonly reason: string; readonly message: string }
  | { readonly kind: 'pending'; readonly message: string };

export interface ParentEval {
  readonly route: Route;
  readonly parentRef: ParentRef;
  readonly controllerName: string;
  readonly gateway?: GatewayEval;
  outcome: ParentOutcome;
}

export function isGatewayParent(ref: ParentRef): boolean {
  return ref.group === GATEWAY_GROUP && ref.kind === 'Gateway';
}

export function isListenerSetParent(ref: ParentRef): boolean {
  return (
    (ref.group === GATEWAY_GROUP && ref.kind === 'ListenerSet') ||
    (ref.group === GATEWAY_X_GROUP && (ref.kind === 'XListenerSet' || ref.kind === 'ListenerSet'))
  );
}

export function attachRoutes(
  ctx: AnalysisContext,
  stage: GatewayStageResult,
  out: Diagnostic[],
): ParentEval[] {
  const result: ParentEval[] = [];
  for (const route of ctx.routes) {
    for (const parentRef of route.parentRefs) {
      // Mesh (Service) and other parents are not attached to listeners: said, not silent.
      if (!isGatewayParent(parentRef) && !isListenerSetParent(parentRef)) {
        out.push(otherParentDiagnostic(ctx, route, parentRef));
        continue;
      }
      result.push(attachParent(ctx, stage, route, parentRef, out));
    }
  }
  return result;
}

function routeLabel(route: Route): string {
  return `${route.kind} ${route.meta.namespace}/${route.meta.name}`;
}

function parentLabel(ref: ParentRef): string {
  return `${ref.kind} ${ref.namespace}/${ref.name}`;
}

interface ParentTarget {
  readonly gateway?: GatewayEval;
  /** Listeners the parentRef can select (before sectionName/port). */
  readonly candidates: readonly ListenerEval[];
  /** Set when the parent is a ListenerSet its Gateway does not accept. */
  readonly rejectedSet?: string;
}

function parentTarget(stage: GatewayStageResult, parentRef: ParentRef): ParentTarget {
  if (isGatewayParent(parentRef)) {
    const gateway = stage.gateways.get(parentRef.key);
    if (gateway === undefined) return { candidates: [] };
    // A Gateway parentRef selects only the Gateway's own listeners (GEP-1713): listeners
    // contributed by ListenerSets are reached through a ListenerSet parentRef.
    return { gateway, candidates: gateway.listeners.filter((l) => l.owner.kind === 'Gateway') };
  }
  const lse = stage.listenerSets.get(parentRef.key);
  if (lse?.gateway === undefined) return { candidates: [] };
  const rejected = lse.rejected !== undefined && !lse.rejected.pending ? lse.rejected.message : undefined;
  return {
    gateway: lse.gateway,
    candidates: lse.listeners,
    ...(rejected === undefined ? {} : { rejectedSet: rejected }),
  };
}

function attachParent(
  ctx: AnalysisContext,
  stage: GatewayStageResult,
  route: Route,
  parentRef: ParentRef,
  out: Diagnostic[],
): ParentEval {
  const field = `spec.parentRefs[${parentRef.index}]`;
  const target = parentTarget(stage, parentRef);
  const ge = target.gateway;
  const base = {
    route,
    parentRef,
    controllerName: ge?.controllerName ?? ctx.options.defaultControllerName,
    ...(ge === undefined ? {} : { gateway: ge }),
  };
  const report = (check: Parameters<typeof diagnose>[0], message: string, fix?: string): void => {
    out.push(
      diagnose(check, route, `${routeLabel(route)}: ${message}`, {
        field,
        ...(fix === undefined ? {} : { fix: { summary: fix } }),
        related: [parentRef.key],
      }),
    );
  };
  if (target.rejectedSet !== undefined) {
    const message = `${parentLabel(parentRef)} is not accepted by its Gateway: ${target.rejectedSet}`;
    report(
      'RouteParentListenerSetNotAccepted',
      message,
      'Fix the ListenerSet first (see its diagnostics); the route attaches once it is accepted.',
    );
    return { ...base, outcome: { kind: 'rejected', reason: 'NoMatchingParent', message } };
  }
  if (ge === undefined) {
    const a = absence(ctx, parentRef.group, parentRef.kind);
    const message = `${parentLabel(parentRef)} ${a.phrase}.`;
    if (!a.missing) {
      out.push(
        diagnose('RouteParentNotInInput', route, `${routeLabel(route)}: parentRef ${message}`, {
          field,
          fix: {
            summary: `Nothing to do if ${parentLabel(parentRef)} exists in the cluster; include it in the input to have attachment checked.`,
          },
          related: [parentRef.key],
          ...a.details,
        }),
      );
      return { ...base, outcome: { kind: 'rejected', reason: 'NoMatchingParent', message } };
    }
    report(
      'RouteParentNotFound',
      `parentRef ${message}`,
      `Fix ${field} (name, namespace, kind) or create ${parentLabel(parentRef)}.`,
    );
    return { ...base, outcome: { kind: 'rejected', reason: 'NoMatchingParent', message } };
  }
  if (ge.gatewayClass === undefined) {
    const className = ge.gateway.gatewayClassName;
    const a = absence(ctx, GATEWAY_GROUP, 'GatewayClass');
    const message = `Gateway ${ge.gateway.meta.namespace}/${ge.gateway.meta.name} is not reconciled: GatewayClass "${className}" ${a.phrase}.`;
    // A class only absent from the input (it comes with the controller) makes every route on the
    // Gateway pending here: as quiet as the class's own diagnostic, never louder than a warning.
    out.push(
      diagnose('RouteParentPending', route, `${routeLabel(route)}: ${message}`, {
        field,
        fix: {
          summary: a.missing
            ? `Create GatewayClass "${className}" (or include it in the input), or point the Gateway at an installed class.`
            : `Nothing to do if GatewayClass "${className}" is installed in the cluster; include it in the input to have attachment checked.`,
        },
        related: [parentRef.key],
        ...(a.details.severity === 'info' ? { severity: 'info' } : {}),
      }),
    );
    return { ...base, outcome: { kind: 'pending', message } };
  }
  const selected = target.candidates.filter(
    (l) =>
      (parentRef.sectionName === undefined || l.listener.name === parentRef.sectionName) &&
      (parentRef.port === undefined || l.listener.port === parentRef.port),
  );
  const outcome =
    selected.length === 0
      ? noMatchingSection(route, parentRef, target.candidates, field, out)
      : filterListeners(ctx, route, parentRef, selected, field, out);
  return { ...base, outcome };
}

function noMatchingSection(
  route: Route,
  parentRef: ParentRef,
  candidates: readonly ListenerEval[],
  field: string,
  out: Diagnostic[],
): ParentOutcome {
  const wanted = [
    parentRef.sectionName === undefined ? '' : `sectionName "${parentRef.sectionName}"`,
    parentRef.port === undefined ? '' : `port ${parentRef.port}`,
  ]
    .filter((s) => s !== '')
    .join(' and ');
  const existing = candidates.map((l) => `${l.listener.name} (port ${l.listener.port})`).join(', ');
  const message = `${parentLabel(parentRef)} has no listener with ${wanted}.`;
  out.push(
    diagnose(
      'RouteNoMatchingSection',
      route,
      `${routeLabel(route)}: ${message} Its listeners: ${existing === '' ? '(none)' : existing}.`,
      {
        field: `${field}${parentRef.sectionName === undefined ? '.port' : '.sectionName'}`,
        fix: {
          summary:
            candidates.length === 0
              ? `Attach to a parent that has listeners.`
              : `Use one of the listeners: ${candidates.map((l) => `sectionName: ${l.listener.name}, port: ${l.listener.port}`).join('; ')}.`,
        },
      },
    ),
  );
  return { kind: 'rejected', reason: 'NoMatchingParent', message };
}

function filterListeners(
  ctx: AnalysisContext,
  route: Route,
  parentRef: ParentRef,
  selected: readonly ListenerEval[],
  field: string,
  out: Diagnostic[],
): ParentOutcome {
  // Listeners that are not accepted or are conflicted take no routes.
  const live = selected.filter((l) => l.notAccepted === undefined && l.conflict === undefined);
  if (live.length === 0) {
    const message = `No usable listener on ${parentLabel(parentRef)} (selected listeners are invalid or conflicted).`;
    out.push(
      diagnose('RouteNoMatchingSection', route, `${routeLabel(route)}: ${message}`, {
        field,
        fix: { summary: 'Fix the listener diagnostics on the parent first.' },
      }),
    );
    return { kind: 'rejected', reason: 'NoMatchingParent', message };
  }
  const nsDenied: ListenerEval[] = [];
  const kindDenied: ListenerEval[] = [];
  const allowed: ListenerEval[] = [];
  for (const l of live) {
    if (!namespaceAllowed(ctx, l, route.meta.namespace)) nsDenied.push(l);
    else if (!l.supportedKinds.some((gk) => gk.group === GATEWAY_GROUP && gk.kind === route.kind))
      kindDenied.push(l);
    else allowed.push(l);
  }
  if (allowed.length === 0) {
    for (const l of nsDenied) out.push(namespaceDiagnostic(ctx, route, l, field));
    for (const l of kindDenied) out.push(kindDiagnostic(route, l, field));
    const message = `No listener of ${parentLabel(parentRef)} allows this route (${nsDenied.length > 0 ? 'namespace' : 'kind'} not allowed by allowedRoutes).`;
    return { kind: 'rejected', reason: 'NotAllowedByListeners', message };
  }
  const attached: AttachedListener[] = [];
  for (const l of allowed) {
    const hostnames =
      route.kind === 'TCPRoute' || route.kind === 'UDPRoute'
        ? []
        : effectiveHostnames(l.listener.hostname, route.hostnames);
    if (hostnames !== null) attached.push({ listener: l, hostnames });
  }
  if (attached.length === 0) {
    const listenerHosts = [...new Set(allowed.map((l) => `"${l.listener.hostname ?? '*'}"`))].join(', ');
    const message = `None of the route hostnames (${route.hostnames.join(', ')}) intersect the listener hostnames (${listenerHosts}).`;
    out.push(
      diagnose(
        'RouteNoMatchingListenerHostname',
        route,
        `${routeLabel(route)} on ${parentLabel(parentRef)}: ${message}`,
        {
          field: 'spec.hostnames',
          fix: {
            summary: `Add a hostname that matches ${listenerHosts} to spec.hostnames (or attach to a listener with a matching hostname).`,
          },
        },
      ),
    );
    return { kind: 'rejected', reason: 'NoMatchingListenerHostname', message };
  }
  const dormant = dormantListeners(
    ctx,
    route,
    selected.filter((l) => !live.includes(l)),
  );
  return { kind: 'accepted', listeners: attached, ...(dormant.length === 0 ? {} : { dormant }) };
}

/** Not-accepted or conflicted listeners that still admit the route (counted in attachedRoutes). */
function dormantListeners(
  ctx: AnalysisContext,
  route: Route,
  listeners: readonly ListenerEval[],
): AttachedListener[] {
  const out: AttachedListener[] = [];
  for (const l of listeners) {
    if (!namespaceAllowed(ctx, l, route.meta.namespace)) continue;
    if (!l.supportedKinds.some((gk) => gk.group === GATEWAY_GROUP && gk.kind === route.kind)) continue;
    const hostnames =
      route.kind === 'TCPRoute' || route.kind === 'UDPRoute'
        ? []
        : effectiveHostnames(l.listener.hostname, route.hostnames);
    if (hostnames !== null) out.push({ listener: l, hostnames });
  }
  return out;
}

export function namespaceAllowed(ctx: AnalysisContext, l: ListenerEval, namespace: string): boolean {
  const from = l.listener.allowedRoutes.from;
  switch (from) {
    case 'All':
      return true;
    case 'Same':
      // "Same" is the namespace of the object that defines the listener (Gateway or ListenerSet).
      return namespace === l.owner.meta.namespace;
    case 'Selector':
      return selectorMatches(
        l.listener.allowedRoutes.selector ?? { matchLabels: {}, matchExpressions: [] },
        ctx.namespaceLabels(namespace),
      );
    case 'None':
      return false;
  }
}

function namespaceDiagnostic(ctx: AnalysisContext, route: Route, l: ListenerEval, field: string): Diagnostic {
  const ns = route.meta.namespace;
  const from = l.listener.allowedRoutes.from;
  let why: string;
  let fix: Fix;
  if (from === 'Selector') {
    const selector = l.listener.allowedRoutes.selector ?? { matchLabels: {}, matchExpressions: [] };
    why = `admits routes only from namespaces matching ${describeSelector(selector)}`;
    const needed = labelsToSatisfy(selector, ctx.namespaceLabels(ns));
    const summary = `Label namespace ${ns} to match the listener's selector.`;
    fix =
      needed === null
        ? { summary: `Change ${listenerLabel(l)} allowedRoutes selector to admit namespace ${ns}.` }
        : labelNamespaceFix(ns, needed, summary);
  } else {
    why =
      from === 'Same'
        ? `admits routes only from namespace ${l.owner.meta.namespace} (from: Same)`
        : 'admits no routes (from: None)';
    fix = {
      summary: `Set allowedRoutes.namespaces.from to All (or Selector) on ${listenerLabel(l)}, or move the route to namespace ${l.owner.meta.namespace}.`,
    };
  }
  const unknown = namespaceLabelsUnknown(ctx, l, ns);
  if (unknown !== null)
    return diagnose(
      'NamespaceNotInInput',
      route,
      `${routeLabel(route)}: Namespace ${ns} is not in the input, so whether it matches the selector of ${listenerLabel(l)} (${describeSelector(l.listener.allowedRoutes.selector ?? { matchLabels: {}, matchExpressions: [] })}) is unknown; predicted as not allowed.`,
      {
        field,
        fix: {
          summary: `Nothing to do if namespace ${ns} is labelled ${Object.entries(unknown)
            .map(([k, v]) => `${k}=${v}`)
            .join(', ')} in the cluster; include the Namespace object in the input to have it checked.`,
          ...(fix.command === undefined ? {} : { command: fix.command }),
        },
        related: [l.owner.key],
        ...absence(ctx, '', 'Namespace').details,
      },
    );
  return diagnose(
    'RouteNamespaceNotAllowed',
    route,
    `${routeLabel(route)} in namespace ${ns} is not allowed by ${listenerLabel(l)}: it ${why}.`,
    {
      field,
      fix,
      related: [l.owner.key],
    },
  );
}

function kindDiagnostic(route: Route, l: ListenerEval, field: string): Diagnostic {
  const kinds = l.supportedKinds.map((gk) => gk.kind).join(', ') || '(none)';
  return diagnose(
    'RouteKindNotAllowed',
    route,
    `${routeLabel(route)} cannot attach to ${listenerLabel(l)} (protocol ${l.listener.protocol}), which accepts ${kinds}.`,
    {
      field,
      fix: {
        summary: `Attach the ${route.kind} to a listener that serves it (sectionName), or add it to allowedRoutes.kinds if the protocol allows.`,
      },
      related: [l.owner.key],
    },
  );
}
