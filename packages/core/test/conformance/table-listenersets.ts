/**
 * ListenerSet expectations (GEP-1713). Sources: kubernetes-sigs/gateway-api
 * conformance/tests/listenerset-*.go where the index has them; otherwise the same tests as
 * published in the asauber/gateway-api fork (names mapped to the v1.6.1 manifests); `source` says
 * which. Expectations marked "by analogy" follow a sibling test's assertions.
 */
import type { ConformanceCase, Expectation, ParentSel } from './table-types.ts';
import { F, INFRA, LS_LISTENER_OK, T, routeCondition, routesAcceptedByParent } from './table-types.ts';

const ls = (name: string, namespace = INFRA): ParentSel => ({ kind: 'ListenerSet', name, namespace });

function rejected(name: string, namespace = INFRA): Expectation {
  return {
    what: 'listenerSet',
    name,
    namespace,
    conditions: [F('Accepted', 'NotAllowed'), F('Programmed', 'NotAllowed')],
  };
}

function acceptedSet(name: string, listener: string, namespace = INFRA): Expectation {
  return {
    what: 'listenerSet',
    name,
    namespace,
    conditions: [T('Accepted', 'Accepted'), T('Programmed', 'Programmed')],
    listenerConditions: { names: [listener], conditions: LS_LISTENER_OK },
  };
}

const PROTOCOL_CONFLICTED = (reason: string) => [
  T('ResolvedRefs'),
  F('Accepted', reason),
  F('Programmed', reason),
  T('Conflicted', reason),
];

function conflictCase(kind: 'protocol' | 'hostname'): ConformanceCase {
  const reason = kind === 'protocol' ? 'ProtocolConflict' : 'HostnameConflict';
  const gw = `gateway-with-listenerset-${kind}-conflict`;
  const set = (suffix: string) => `listenerset-with-${kind}-conflict-with-${suffix}`;
  const withGw = `${kind}-conflict-with-gateway-listener`;
  const withLs = `${kind}-conflict-with-listener-set-listener`;
  // Upstream asserts Accepted=True with any reason and Programmed=True with reason Programmed.
  const partial = [T('Accepted', 'ListenersNotValid'), T('Programmed', 'Programmed')];
  const none = [F('Accepted', 'ListenersNotValid'), F('Programmed', 'ListenersNotValid')];
  return {
    test: kind === 'protocol' ? 'ListenerSetProtocolConflict' : 'ListenerSetHostnameConflict',
    manifests: [`listenerset-${kind}-conflict.yaml`],
    source:
      kind === 'protocol'
        ? 'conformance/tests/listenerset-protocol-conflict.go'
        : 'conformance/tests/listenerset-hostname-conflict.go (asauber fork; same assertions as the protocol test)',
    expectations: [
      { what: 'gateway', name: gw, conditions: [T('Accepted')], attachedListenerSets: 2 },
      {
        what: 'gateway',
        name: gw,
        listenerConditions: { names: ['gateway-listener', withGw], conditions: LS_LISTENER_OK },
      },
      {
        what: 'listenerSet',
        name: set('gateway-1'),
        conditions: partial,
        listenerConditions: { names: ['listener-set-1-listener', withLs], conditions: LS_LISTENER_OK },
      },
      {
        what: 'listenerSet',
        name: set('gateway-1'),
        listenerConditions: { names: [withGw], conditions: PROTOCOL_CONFLICTED(reason) },
      },
      {
        what: 'listenerSet',
        name: set('gateway-2'),
        conditions: none,
        listenerConditions: { names: [withGw], conditions: PROTOCOL_CONFLICTED(reason) },
      },
      {
        what: 'listenerSet',
        name: set('listener-set-1'),
        conditions: partial,
        listenerConditions: { names: ['listener-set-2-listener'], conditions: LS_LISTENER_OK },
      },
      {
        what: 'listenerSet',
        name: set('listener-set-1'),
        listenerConditions: { names: [withLs], conditions: PROTOCOL_CONFLICTED(reason) },
      },
      {
        what: 'listenerSet',
        name: set('listener-set-2'),
        conditions: none,
        listenerConditions: { names: [withLs], conditions: PROTOCOL_CONFLICTED(reason) },
      },
    ],
  };
}

export const LISTENERSET_CASES: readonly ConformanceCase[] = [
  {
    test: 'ListenerSetDefaultNotAllowed',
    manifests: ['listenerset-default-not-allowed.yaml'],
    source:
      'conformance/tests/listenerset-default-not-allowed.go (assertions as summarised in the upstream test journal)',
    expectations: [
      { what: 'gateway', name: 'gateway-default-does-not-allow-listenerset', conditions: [T('Accepted')] },
      rejected('listenerset-default-not-allowed'),
    ],
  },
  {
    test: 'ListenerSetAllowedNamespaceNone',
    manifests: ['listenerset-allowed-namespace-none.yaml'],
    source: 'conformance/tests/listenerset-allowed-namespace-none.go (by analogy with ...-selector.go)',
    expectations: [
      {
        what: 'gateway',
        name: 'gateway-does-not-allow-listenerset',
        conditions: [T('Accepted')],
        attachedListenerSets: 0,
      },
      rejected('listenerset-not-allowed'),
    ],
  },
  {
    test: 'ListenerSetAllowedNamespaceSame',
    manifests: ['listenerset-allowed-namespace-same.yaml'],
    source: 'conformance/tests/listenerset-allowed-namespace-same.go (by analogy with ...-selector.go)',
    expectations: [
      {
        what: 'gateway',
        name: 'gateway-allows-listenerset-in-same-namespace',
        conditions: [T('Accepted')],
        attachedListenerSets: 1,
      },
      acceptedSet('listenerset-in-same-namespace', 'listenerset-in-same-namespace-listener'),
      rejected('listenerset-in-different-namespace', 'gateway-api-listenerset-not-allowed-ns'),
    ],
  },
  {
    test: 'ListenerSetAllowedNamespaceSelector',
    manifests: ['listenerset-allowed-namespace-selector.yaml'],
    source: 'conformance/tests/listenerset-allowed-namespace-selector.go',
    expectations: [
      {
        what: 'gateway',
        name: 'gateway-allows-listenerset-in-selected-namespace',
        conditions: [T('Accepted')],
        attachedListenerSets: 1,
      },
      acceptedSet(
        'listenerset-in-selected-namespace',
        'listenerset-in-selected-namespace-listener',
        'gateway-api-listenerset-selector-allowed-ns',
      ),
      rejected('listenerset-not-in-selected-namespace', 'gateway-api-listenerset-selector-not-allowed-ns'),
    ],
  },
  conflictCase('protocol'),
  conflictCase('hostname'),
  {
    test: 'ListenerSetReferenceGrant',
    manifests: ['listenerset-reference-grant.yaml'],
    source: 'conformance/tests/listenerset-reference-grant.go',
    expectations: [
      {
        what: 'gateway',
        name: 'gateway-with-listener-sets-test-reference-grant',
        conditions: [T('Accepted')],
      },
      {
        what: 'listenerSet',
        name: 'listenerset-with-reference-grant',
        conditions: [T('Accepted'), T('Programmed')],
        listenerConditions: {
          names: ['listenerset-with-reference-grant-listener'],
          conditions: [T('ResolvedRefs')],
        },
      },
      {
        what: 'listenerSet',
        name: 'listenerset-without-reference-grant',
        namespace: 'gateway-api-listener-sets-test-reference-grant-ns',
        conditions: [F('Accepted', 'ListenersNotValid'), F('Programmed', 'ListenersNotValid')],
        listenerConditions: {
          names: ['listenerset-without-reference-grant-listener'],
          conditions: [F('ResolvedRefs', 'RefNotPermitted')],
        },
      },
    ],
  },
  {
    test: 'ListenerSetAllowedRoutesSupportedKinds',
    manifests: ['listenerset-allowed-routes-supported-kinds.yaml'],
    source:
      'v1.6.1 manifest (a TLS listener allowing only HTTPRoute); assertions by analogy with GatewayInvalidRouteKind',
    expectations: [
      {
        what: 'gateway',
        name: 'gateway-with-listener-sets-test-supported-route-kinds',
        conditions: [T('Accepted')],
      },
      {
        what: 'listenerSet',
        name: 'listenerset-test-allowed-routes-supported-kinds',
        listeners: [
          {
            name: 'listener-set-listener-allowed-routes-tls-only',
            supportedKinds: [],
            attachedRoutes: 0,
            conditions: [F('ResolvedRefs', 'InvalidRouteKinds')],
          },
        ],
      },
    ],
  },
  {
    test: 'ListenerSetAllowedRoutesNamespaces',
    manifests: ['listenerset-allowed-routes-namespaces.yaml'],
    source: 'conformance/tests/listenerset-allowed-routes-namespaces.go (asauber fork)',
    expectations: [
      {
        what: 'gateway',
        name: 'gateway-with-listener-sets-test-allowed-routes',
        conditions: [T('Accepted')],
        attachedListenerSets: 2,
      },
      ...routesAcceptedByParent(ls('listenerset-test-allowed-routes-namespaces'), [
        { name: 'route-in-same-namespace' },
        { name: 'route-in-selected-namespace', namespace: 'gateway-api-routes-allowed-ns' },
        { name: 'route-not-in-selected-namespace', namespace: 'gateway-api-routes-not-allowed-ns' },
      ]),
      {
        what: 'listenerSet',
        name: 'listenerset-test-allowed-routes-namespaces',
        listeners: [
          { name: 'listener-set-listener-allowed-routes-all', attachedRoutes: 3, conditions: LS_LISTENER_OK },
          {
            name: 'listener-set-listener-allowed-routes-same',
            attachedRoutes: 1,
            conditions: LS_LISTENER_OK,
          },
          {
            name: 'listener-set-listener-allowed-routes-selector',
            attachedRoutes: 1,
            conditions: LS_LISTENER_OK,
          },
        ],
      },
      ...routesAcceptedByParent(ls('listenerset-test-allowed-routes-cross-ns', 'gateway-api-ls-cross-ns'), [
        { name: 'route-in-listenerset-namespace', namespace: 'gateway-api-ls-cross-ns' },
      ]),
      routeCondition(
        'route-in-gateway-namespace',
        ls('listenerset-test-allowed-routes-cross-ns', 'gateway-api-ls-cross-ns'),
        F('Accepted', 'NotAllowedByListeners'),
      ),
      {
        what: 'listenerSet',
        name: 'listenerset-test-allowed-routes-cross-ns',
        namespace: 'gateway-api-ls-cross-ns',
        listeners: [
          {
            name: 'listener-set-listener-allowed-routes-cross-ns-same',
            attachedRoutes: 1,
            conditions: LS_LISTENER_OK,
          },
        ],
      },
    ],
  },
  {
    test: 'ListenerSetDualParentRefIndependence',
    manifests: ['listenerset-dual-parentref-independence.yaml'],
    source:
      'conformance/tests/listenerset-dual-parentref-independence.go (asauber fork; names mapped to the v1.6.1 manifest)',
    expectations: [
      {
        what: 'gateway',
        name: 'gateway-dual-parentref',
        conditions: [T('Accepted')],
        attachedListenerSets: 1,
      },
      routeCondition('route-dual-parentref-both', { name: 'gateway-dual-parentref' }, T('Accepted')),
      routeCondition('route-dual-parentref-both', ls('ls-dual-parentref'), T('Accepted')),
      routeCondition(
        'route-dual-parentref-one',
        { name: 'gateway-dual-parentref' },
        F('Accepted', 'NoMatchingParent'),
      ),
      routeCondition('route-dual-parentref-one', ls('ls-dual-parentref'), T('Accepted')),
      {
        what: 'listenerSet',
        name: 'ls-dual-parentref',
        listeners: [{ name: 'ls-dual-parentref-listener', attachedRoutes: 2, conditions: LS_LISTENER_OK }],
      },
    ],
  },
  {
    test: 'ListenerSetGatewayParentSectionNameNotFound',
    manifests: ['listenerset-gateway-parent-section-name-not-found.yaml'],
    source:
      'conformance/tests/listenerset-gateway-parent-section-name-not-found.go (asauber fork; names mapped to the v1.6.1 manifest)',
    expectations: [
      { what: 'gateway', name: 'gateway-section-name', conditions: [T('Accepted')], attachedListenerSets: 1 },
      ...routesAcceptedByParent(ls('listenerset-section-name'), [{ name: 'route-via-listenerset' }]),
      routeCondition(
        'route-via-gateway',
        { name: 'gateway-section-name' },
        F('Accepted', 'NoMatchingParent'),
      ),
    ],
  },
  {
    test: 'ListenerSetRouteStatusScopedToParentRef',
    manifests: ['listenerset-route-status-scoped-to-parentref.yaml'],
    source: 'conformance/tests/listenerset-route-status-scoped-to-parentref.go (asauber fork)',
    expectations: [
      { what: 'gateway', name: 'gateway-parentref', conditions: [T('Accepted')], attachedListenerSets: 1 },
      {
        what: 'listenerSet',
        name: 'listenerset-parentref',
        listeners: [
          { name: 'listenerset-parentref-listener', attachedRoutes: 1, conditions: LS_LISTENER_OK },
        ],
      },
      routeCondition('route-parentref-gwonly', { name: 'gateway-parentref' }, T('Accepted')),
      {
        what: 'route',
        name: 'route-parentref-gwonly',
        exactParents: [{ kind: 'Gateway', name: 'gateway-parentref' }],
      },
      ...routesAcceptedByParent(ls('listenerset-parentref'), [{ name: 'route-parentref-lsonly' }]),
      { what: 'route', name: 'route-parentref-lsonly', exactParents: [ls('listenerset-parentref')] },
    ],
  },
  {
    test: 'ListenerSetHTTPRouting',
    manifests: ['listenerset-http-routing.yaml'],
    source:
      'conformance/tests/listenerset-http-routing.go (route/parent acceptance as summarised in the upstream test journal)',
    expectations: [
      {
        what: 'gateway',
        name: 'gateway-with-listener-sets-http-routing',
        conditions: [T('Accepted')],
        attachedListenerSets: 2,
      },
      ...routesAcceptedByParent({ name: 'gateway-with-listener-sets-http-routing' }, [
        { name: 'gateway-route' },
        { name: 'gateway-section-route' },
        { name: 'attaches-to-all-listeners' },
      ]),
      ...routesAcceptedByParent(ls('listener-set-http-routing-1'), [
        { name: 'listener-set-http-routing-1-route' },
        { name: 'listener-set-http-routing-1-section-route' },
        { name: 'attaches-to-all-listeners' },
      ]),
      ...routesAcceptedByParent(ls('listener-set-http-routing-2'), [
        { name: 'listener-set-http-routing-2-route' },
        { name: 'attaches-to-all-listeners' },
      ]),
      acceptedSet('listener-set-http-routing-1', 'listener-set-http-routing-1-listener-1'),
      acceptedSet('listener-set-http-routing-2', 'listener-set-http-routing-2-listener-1'),
    ],
  },
];
