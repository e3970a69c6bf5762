/**
 * GatewayClass, Gateway and ListenerSet (gateway-api apis/v1/gatewayclass_types.go,
 * gateway_types.go, listenerset_types.go). Defaults applied here:
 * - Listener.allowedRoutes: `{namespaces: {from: Same}}`; kinds unspecified or empty → null
 *   ("determined using the Listener protocol", left to analysis).
 * - RouteGroupKind.group: gateway.networking.k8s.io.
 * - ListenerTLSConfig.mode: Terminate; certificateRefs: core Secret in the Gateway's namespace.
 * - Gateway.allowedListeners: `{namespaces: {from: None}}`.
 * - ListenerSet.parentRef: group gateway.networking.k8s.io, kind Gateway, the ListenerSet's namespace.
 */
import { GATEWAY_GROUP, keyOf } from '../identity.ts';
import type {
  AllowedRoutes,
  Gateway,
  GatewayClass,
  LabelSelector,
  LabelSelectorRequirement,
  Listener,
  ListenerSet,
  ListenerTLS,
} from '../types.ts';
import {
  int,
  list,
  oneOf,
  rec,
  recList,
  report,
  reqStr,
  str,
  strList,
  strMap,
  type FieldCtx,
  type Rec,
} from './fields.ts';
import { baseOf, type Header } from './meta.ts';
import { resolveRef, secretRef } from './refs.ts';
import { conditions, observedGateway, observedListeners } from './status.ts';

const FROM = ['All', 'Same', 'Selector', 'None'] as const;
const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;

export function labelSelector(ctx: FieldCtx, raw: Rec, path: string): LabelSelector {
  return {
    matchLabels: strMap(ctx, raw, 'matchLabels', path),
    matchExpressions: recList(ctx, raw, 'matchExpressions', path, (e, p): LabelSelectorRequirement => ({
      key: reqStr(ctx, e, 'key', p),
      operator: oneOf(ctx, e, 'operator', p, OPERATORS, 'In'),
      values: strList(ctx, e, 'values', p),
    })),
  };
}

/** `{from, selector?}` of allowedRoutes.namespaces / allowedListeners.namespaces. */
function namespacesFrom(
  ctx: FieldCtx,
  parent: Rec | undefined,
  path: string,
  fallback: (typeof FROM)[number],
): { from: (typeof FROM)[number]; selector?: LabelSelector } {
  const ns = parent === undefined ? undefined : rec(ctx, parent, 'namespaces', path);
  if (ns === undefined) return { from: fallback };
  const nsPath = `${path}.namespaces`;
  const from = oneOf(ctx, ns, 'from', nsPath, FROM, fallback);
  const selectorRaw = rec(ctx, ns, 'selector', nsPath);
  if (from === 'Selector' && selectorRaw === undefined) {
    report(ctx, 'MissingField', `${nsPath}.selector`, 'is required when from is Selector');
  }
  return selectorRaw === undefined
    ? { from }
    : { from, selector: labelSelector(ctx, selectorRaw, `${nsPath}.selector`) };
}

function allowedRoutes(ctx: FieldCtx, listener: Rec, path: string): AllowedRoutes {
  const raw = rec(ctx, listener, 'allowedRoutes', path);
  const arPath = `${path}.allowedRoutes`;
  const namespaces = namespacesFrom(ctx, raw, arPath, 'Same');
  const kinds =
    raw === undefined
      ? []
      : recList(ctx, raw, 'kinds', arPath, (gk, p) => ({
          group: str(ctx, gk, 'group', p) ?? GATEWAY_GROUP,
          kind: reqStr(ctx, gk, 'kind', p),
        }));
  return { ...namespaces, kinds: kinds.length === 0 ? null : kinds };
}

function listenerTls(ctx: FieldCtx, raw: Rec, path: string, namespace: string): ListenerTLS {
  const frontendValidation = rec(ctx, raw, 'frontendValidation', path);
  return {
    mode: oneOf(ctx, raw, 'mode', path, ['Terminate', 'Passthrough'], 'Terminate'),
    certificateRefs: recList(ctx, raw, 'certificateRefs', path, (r, p) => secretRef(ctx, r, p, namespace)),
    options: strMap(ctx, raw, 'options', path),
    ...(frontendValidation !== undefined && { frontendValidation }),
  };
}

/**
 * ProtocolType: "All Core ProtocolType values MUST be treated case-insensitively by
 * implementations. For example, "HTTP", "http", and "hTtP" are all equivalent" (apis/v1
 * gateway_types.go). Written once here in the recommended upper case, so every later stage
 * compares one spelling; any other value is kept as written (implementation-specific ones are
 * case-sensitive).
 */
const CORE_PROTOCOLS: ReadonlySet<string> = new Set(['HTTP', 'HTTPS', 'TLS', 'TCP', 'UDP']);

function coreProtocol(protocol: string): string {
  const upper = protocol.toUpperCase();
  return CORE_PROTOCOLS.has(upper) ? upper : protocol;
}

export function listeners(ctx: FieldCtx, spec: Rec, namespace: string): Listener[] {
  return recList(ctx, spec, 'listeners', 'spec', (l, p, index) => {
    // An empty hostname means none (the CRD rejects "", the ListenerSet CEL rules treat it so).
    const hostname = str(ctx, l, 'hostname', p) || undefined;
    const port = int(ctx, l, 'port', p);
    if (port === undefined && l['port'] === undefined)
      report(ctx, 'MissingField', `${p}.port`, 'is required');
    const tlsRaw = rec(ctx, l, 'tls', p);
    return {
      name: reqStr(ctx, l, 'name', p),
      ...(hostname !== undefined && { hostname }),
      // 0 marks a missing or unreadable port (reported above); no listener can use it.
      port: port ?? 0,
      protocol: coreProtocol(reqStr(ctx, l, 'protocol', p)),
      ...(tlsRaw !== undefined && { tls: listenerTls(ctx, tlsRaw, `${p}.tls`, namespace) }),
      allowedRoutes: allowedRoutes(ctx, l, p),
      index,
    };
  });
}

export function normalizeGatewayClass(h: Header): GatewayClass {
  const { ctx, spec, status } = h;
  const paramsRaw = rec(ctx, spec, 'parametersRef', 'spec');
  // ParametersReference: group and kind required; namespace only for namespaced parameters.
  const parametersRef =
    paramsRaw === undefined
      ? undefined
      : resolveRef(ctx, paramsRaw, 'spec.parametersRef', {
          group: reqStr(ctx, paramsRaw, 'group', 'spec.parametersRef'),
          kind: reqStr(ctx, paramsRaw, 'kind', 'spec.parametersRef'),
          namespace: '',
        });
  const description = str(ctx, spec, 'description', 'spec');
  return {
    kind: 'GatewayClass',
    ...baseOf(h),
    controllerName: reqStr(ctx, spec, 'controllerName', 'spec'),
    ...(parametersRef !== undefined && { parametersRef }),
    ...(description !== undefined && { description }),
    ...(status !== undefined && {
      observed: {
        conditions: conditions(ctx, status, 'status'),
        supportedFeatures: list(ctx, status, 'supportedFeatures', 'status', (f) =>
          // v1.2+ lists `{name}` objects; earlier versions plain strings.
          typeof f === 'string'
            ? f
            : typeof f === 'object' && f !== null
              ? String((f as Rec)['name'] ?? '')
              : undefined,
        ).filter((f) => f !== ''),
      },
    }),
  };
}

export function normalizeGateway(h: Header): Gateway {
  const { ctx, spec, status } = h;
  const tls = rec(ctx, spec, 'tls', 'spec');
  const infrastructure = rec(ctx, spec, 'infrastructure', 'spec');
  return {
    kind: 'Gateway',
    ...baseOf(h),
    gatewayClassName: reqStr(ctx, spec, 'gatewayClassName', 'spec'),
    listeners: listeners(ctx, spec, h.ref.namespace),
    addresses: recList(ctx, spec, 'addresses', 'spec', (a, p) => ({
      type: str(ctx, a, 'type', p) ?? 'IPAddress',
      value: reqStr(ctx, a, 'value', p),
    })),
    allowedListeners: namespacesFrom(
      ctx,
      rec(ctx, spec, 'allowedListeners', 'spec'),
      'spec.allowedListeners',
      'None',
    ),
    ...(tls !== undefined && { tls }),
    ...(infrastructure !== undefined && { infrastructure }),
    ...(status !== undefined && { observed: observedGateway(ctx, status) }),
  };
}

export function normalizeListenerSet(h: Header): ListenerSet {
  const { ctx, spec, status } = h;
  const parentRaw = rec(ctx, spec, 'parentRef', 'spec');
  if (parentRaw === undefined) report(ctx, 'MissingField', 'spec.parentRef', 'is required');
  const resolved =
    parentRaw === undefined
      ? undefined
      : resolveRef(ctx, parentRaw, 'spec.parentRef', {
          group: GATEWAY_GROUP,
          kind: 'Gateway',
          namespace: h.ref.namespace,
        });
  // Unresolvable parent: an empty name matches no Gateway, and the diagnostic above says why.
  const missing = { group: GATEWAY_GROUP, kind: 'Gateway', namespace: h.ref.namespace, name: '' };
  const parentRef = resolved ?? { ...missing, key: keyOf(missing) };
  return {
    kind: 'ListenerSet',
    ...baseOf(h),
    parentRef,
    listeners: listeners(ctx, spec, h.ref.namespace),
    ...(status !== undefined && {
      observed: {
        conditions: conditions(ctx, status, 'status'),
        listeners: observedListeners(ctx, status, 'status'),
      },
    }),
  };
}
