/**
 * Stages "gatewayclasses" and "gateways": which Gateways are reconciled, their own listeners,
 * the ListenerSets they admit (spec.allowedListeners, GEP-1713) and listener conflicts across
 * the merged list. Produces the per-Gateway evaluation the route stage attaches to.
 */
import type { Diagnostic } from '../diagnostics/types.ts';
import { diagnose } from '../diagnostics/make.ts';
import { labelNamespaceFix } from '../diagnostics/fixes.ts';
import type { ObjectKey } from '../model/identity.ts';
import { GATEWAY_GROUP, keyOf } from '../model/identity.ts';
import type { Gateway, GatewayClass, ListenerSet } from '../model/types.ts';
import type { AnalysisContext } from './context.ts';
import { compareAge } from './context.ts';
import { findCondition } from './conditions.ts';
import type { ListenerEval } from './listener-eval.ts';
import { evaluateListener } from './listener-eval.ts';
import { markConflicts } from './listener-conflicts.ts';
import { applyFrontendValidation, backendClientCertificate } from './gateway-tls.ts';
import { insecureFrontendValidation } from './frontend-mode.ts';
import { markOverlappingTLS } from './overlapping-tls.ts';
import { absence, selectorLabelsUnknown } from './absent.ts';
import { describeSelector, labelsToSatisfy, selectorMatches } from './selectors.ts';

export interface GatewayEval {
  readonly gateway: Gateway;
  readonly gatewayClass?: GatewayClass;
  readonly controllerName: string;
  /** Gateway listeners first, then admitted ListenerSets' listeners, in precedence order. */
  readonly listeners: ListenerEval[];
  readonly invalidParameters?: string;
  /** Gateway ResolvedRefs from spec.tls.backend.clientCertificateRef, when set. */
  readonly clientCertificate?: { readonly ok: boolean; readonly reason: string; readonly message: string };
  /** InsecureFrontendValidationMode=True message (frontend-mode.ts), when AllowInsecureFallback is set. */
  readonly insecureFrontend?: string;
}

export interface ListenerSetEval {
  readonly listenerSet: ListenerSet;
  readonly gateway?: GatewayEval;
  /** Why the ListenerSet is not attached at all (its listeners are then not evaluated). */
  readonly rejected?: { readonly reason: string; readonly message: string; readonly pending: boolean };
  readonly listeners: ListenerEval[];
}

export interface GatewayStageResult {
  readonly gateways: ReadonlyMap<ObjectKey, GatewayEval>;
  readonly listenerSets: ReadonlyMap<ObjectKey, ListenerSetEval>;
}

export function evaluateGateways(ctx: AnalysisContext, out: Diagnostic[]): GatewayStageResult {
  const gateways = new Map<ObjectKey, GatewayEval>();
  const listenerSets = new Map<ObjectKey, ListenerSetEval>();
  for (const gateway of ctx.gateways) {
    const gatewayClass = ctx.gatewayClasses.get(gateway.gatewayClassName);
    if (gatewayClass === undefined) reportMissingClass(ctx, gateway, out);
    else checkClassObserved(gatewayClass, out);
    const invalidParameters = checkParameters(ctx, gateway, out);
    const listeners = gateway.listeners.map((l) => evaluateListener(ctx, gateway, gateway, l, out));
    applyFrontendValidation(ctx, gateway, listeners, out);
    const clientCertificate = backendClientCertificate(ctx, gateway, out);
    const insecureFrontend = insecureFrontendValidation(gateway, out);
    const ge: GatewayEval = {
      ...(clientCertificate === undefined ? {} : { clientCertificate }),
      ...(insecureFrontend === undefined ? {} : { insecureFrontend }),
      gateway,
      controllerName: gatewayClass?.controllerName ?? ctx.options.defaultControllerName,
      listeners,
      ...(gatewayClass === undefined ? {} : { gatewayClass }),
      ...(invalidParameters === undefined ? {} : { invalidParameters }),
    };
    gateways.set(gateway.key, ge);
  }
  for (const ls of [...ctx.listenerSets].sort(compareAge)) {
    const ge = gateways.get(ls.parentRef.key);
    const lse = admitListenerSet(ctx, ls, ge, out);
    listenerSets.set(ls.key, lse);
    if (ge !== undefined && lse.rejected === undefined) ge.listeners.push(...lse.listeners);
  }
  for (const ge of gateways.values()) {
    ge.listeners.forEach((l, i) => (l.precedence = i));
    markConflicts(ge.listeners, out);
    markOverlappingTLS(ge.listeners, out);
  }
  return { gateways, listenerSets };
}

function reportMissingClass(ctx: AnalysisContext, gateway: Gateway, out: Diagnostic[]): void {
  const a = absence(ctx, GATEWAY_GROUP, 'GatewayClass');
  out.push(
    diagnose(
      a.missing ? 'GatewayClassNotFound' : 'GatewayClassNotInInput',
      gateway,
      `Gateway ${gateway.meta.namespace}/${gateway.meta.name} uses GatewayClass "${gateway.gatewayClassName}", which ${a.phrase}; no controller ${a.missing ? '' : 'in the input '}reconciles it (Accepted=Unknown, Pending).`,
      {
        field: 'spec.gatewayClassName',
        fix: {
          summary: a.missing
            ? `Create GatewayClass "${gateway.gatewayClassName}" or set spec.gatewayClassName to an installed class (kubectl get gatewayclass).`
            : `Check that GatewayClass "${gateway.gatewayClassName}" is installed in the cluster (kubectl get gatewayclass), or include it in the input.`,
          command: 'kubectl get gatewayclass',
        },
        related: [
          keyOf({
            group: GATEWAY_GROUP,
            kind: 'GatewayClass',
            namespace: '',
            name: gateway.gatewayClassName,
          }),
        ],
        ...a.details,
      },
    ),
  );
}

function checkClassObserved(gatewayClass: GatewayClass, out: Diagnostic[]): void {
  const accepted =
    gatewayClass.observed === undefined
      ? undefined
      : findCondition(gatewayClass.observed.conditions, 'Accepted');
  if (accepted?.status !== 'False') return;
  out.push(
    diagnose(
      'GatewayClassNotAccepted',
      gatewayClass,
      `GatewayClass ${gatewayClass.meta.name} is not accepted by ${gatewayClass.controllerName}: ${accepted.reason}${accepted.message === '' ? '' : ` — ${accepted.message}`}.`,
      {
        field: 'status.conditions',
        fix: { summary: 'Check spec.controllerName, spec.parametersRef and the controller logs.' },
      },
    ),
  );
}

/** spec.infrastructure.parametersRef must name an existing object in the Gateway's namespace. */
function checkParameters(ctx: AnalysisContext, gateway: Gateway, out: Diagnostic[]): string | undefined {
  const ref = gateway.infrastructure?.['parametersRef'];
  if (ref === null || typeof ref !== 'object') return undefined;
  const r = ref as Record<string, unknown>;
  const group = typeof r['group'] === 'string' ? r['group'] : '';
  const kind = typeof r['kind'] === 'string' ? r['kind'] : '';
  const name = typeof r['name'] === 'string' ? r['name'] : '';
  const gk = group === '' ? kind : `${kind}.${group}`;
  // Kinds the input cannot show (live mode without ConfigMap/Secret access) are not judged.
  const invisible =
    group === '' &&
    ((kind === 'ConfigMap' && !ctx.options.configMapsVisible) ||
      (kind === 'Secret' && !ctx.options.secretsVisible));
  if (invisible) return undefined;
  const found = ctx.snapshot.objects.some(
    (o) =>
      o.ref.group === group &&
      o.ref.kind === kind &&
      o.meta.namespace === gateway.meta.namespace &&
      o.meta.name === name,
  );
  if (found) return undefined;
  const a = absence(ctx, group, kind);
  const message = `infrastructure.parametersRef ${gk} ${gateway.meta.namespace}/${name} ${a.phrase}.`;
  out.push(
    diagnose(
      a.missing ? 'GatewayInvalidParameters' : 'ParametersRefNotInInput',
      gateway,
      `Gateway ${gateway.meta.namespace}/${gateway.meta.name}: ${message}`,
      {
        field: 'spec.infrastructure.parametersRef',
        fix: {
          summary: a.missing
            ? 'Create the parameters object (a kind your controller supports) or remove parametersRef.'
            : `Nothing to do if ${gk} ${gateway.meta.namespace}/${name} exists in the cluster; include it in the input to have it checked.`,
        },
        ...a.details,
      },
    ),
  );
  return message;
}

function admitListenerSet(
  ctx: AnalysisContext,
  ls: ListenerSet,
  ge: GatewayEval | undefined,
  out: Diagnostic[],
): ListenerSetEval {
  const label = `${ls.ref.kind} ${ls.meta.namespace}/${ls.meta.name}`;
  const parent = `${ls.parentRef.namespace}/${ls.parentRef.name}`;
  if (ge === undefined) {
    const a = absence(ctx, GATEWAY_GROUP, 'Gateway');
    const message = `parentRef names Gateway ${parent}, which ${a.phrase}.`;
    out.push(
      diagnose(
        a.missing ? 'ListenerSetParentNotFound' : 'ListenerSetParentNotInInput',
        ls,
        `${label}: ${message}`,
        {
          field: 'spec.parentRef',
          fix: {
            summary: a.missing
              ? 'Point spec.parentRef at an existing Gateway (name and namespace).'
              : `Nothing to do if Gateway ${parent} exists in the cluster and allows this ListenerSet; include it in the input to have it checked.`,
          },
          related: [ls.parentRef.key],
          ...a.details,
        },
      ),
    );
    return {
      listenerSet: ls,
      rejected: { reason: 'ParentNotAccepted', message, pending: false },
      listeners: [],
    };
  }
  if (ge.gatewayClass === undefined) {
    const message = `parent Gateway ${parent} is not reconciled (its GatewayClass is absent).`;
    return {
      listenerSet: ls,
      gateway: ge,
      rejected: { reason: 'Pending', message, pending: true },
      listeners: [],
    };
  }
  const denial = listenerSetDenial(ctx, ge.gateway, ls);
  if (denial !== null) {
    // A Selector over a Namespace that is not in the input: its labels are unknown, not wrong.
    const selector = ge.gateway.allowedListeners.selector;
    const unknown =
      ge.gateway.allowedListeners.from === 'Selector' && selector !== undefined
        ? selectorLabelsUnknown(ctx, selector, ls.meta.namespace)
        : null;
    out.push(
      unknown === null
        ? diagnose('ListenerSetNotAllowed', ls, `${label}: Gateway ${parent} ${denial.why}.`, {
            field: 'spec.parentRef',
            ...(denial.fix === undefined ? {} : { fix: denial.fix }),
            related: [ge.gateway.key],
          })
        : diagnose(
            'NamespaceNotInInput',
            ls,
            `${label}: Namespace ${ls.meta.namespace} is not in the input, so whether Gateway ${parent} admits it (${denial.why}) is unknown; predicted as not allowed.`,
            {
              field: 'spec.parentRef',
              fix: {
                summary: `Nothing to do if namespace ${ls.meta.namespace} is labelled ${Object.entries(
                  unknown,
                )
                  .map(([k, v]) => `${k}=${v}`)
                  .join(', ')} in the cluster; include the Namespace object in the input to have it checked.`,
              },
              related: [ge.gateway.key],
              ...absence(ctx, '', 'Namespace').details,
            },
          ),
    );
    return {
      listenerSet: ls,
      gateway: ge,
      rejected: {
        reason: 'NotAllowed',
        message: `ListenerSet is not allowed by Gateway ${parent}: ${denial.why}.`,
        pending: false,
      },
      listeners: [],
    };
  }
  if (ge.invalidParameters !== undefined) {
    const message = `parent Gateway ${parent} is not accepted (InvalidParameters).`;
    return {
      listenerSet: ls,
      gateway: ge,
      rejected: { reason: 'ParentNotAccepted', message, pending: false },
      listeners: [],
    };
  }
  const listeners = ls.listeners.map((l) => evaluateListener(ctx, ge.gateway, ls, l, out));
  return { listenerSet: ls, gateway: ge, listeners };
}

function listenerSetDenial(
  ctx: AnalysisContext,
  gateway: Gateway,
  ls: ListenerSet,
): { why: string; fix?: { summary: string; command?: string } } | null {
  const allowed = gateway.allowedListeners;
  switch (allowed.from) {
    case 'All':
      return null;
    case 'Same':
      return ls.meta.namespace === gateway.meta.namespace
        ? null
        : {
            why: `allows ListenerSets only from its own namespace (${gateway.meta.namespace})`,
            fix: {
              summary: `Set spec.allowedListeners.namespaces.from to All or Selector on Gateway ${gateway.meta.namespace}/${gateway.meta.name}.`,
            },
          };
    case 'Selector': {
      const selector = allowed.selector ?? { matchLabels: {}, matchExpressions: [] };
      const labels = ctx.namespaceLabels(ls.meta.namespace);
      if (selectorMatches(selector, labels)) return null;
      const needed = labelsToSatisfy(selector, labels);
      const summary = `Label namespace ${ls.meta.namespace} so it matches the Gateway's allowedListeners selector (${describeSelector(selector)}).`;
      return {
        why: `admits ListenerSets only from namespaces matching ${describeSelector(selector)}`,
        ...(needed === null ? {} : { fix: labelNamespaceFix(ls.meta.namespace, needed, summary) }),
      };
    }
    case 'None':
      return {
        why: 'does not allow ListenerSets (spec.allowedListeners is unset or None)',
        fix: {
          summary: `Set spec.allowedListeners.namespaces.from (Same, All or Selector) on Gateway ${gateway.meta.namespace}/${gateway.meta.name}.`,
        },
      };
  }
}
