/**
 * HTTPRoute/GRPCRoute expectations. Tests with specific status assertions are transcribed from
 * their conformance/tests/<name>.go; the traffic tests all open with
 * kubernetes.GatewayAndHTTPRoutesMustBeAccepted (or the GRPC variant) over the manifest's routes,
 * which `trafficCase` encodes (source says which).
 */
import type { ConformanceCase, Expectation } from './table-types.ts';
import { F, INFRA, T, gatewayAndRoutesAccepted, resolvedRefsTrue, routeCondition } from './table-types.ts';

const SAME = 'same-namespace';

function trafficCase(
  test: string,
  manifest: string,
  gateway: string,
  routes: readonly string[],
  kind: 'HTTPRoute' | 'GRPCRoute' = 'HTTPRoute',
): ConformanceCase {
  return {
    test,
    manifests: [manifest],
    source: `GatewayAndRoutesMustBeAccepted pattern of conformance/tests/${manifest.replace('.yaml', '.go')}`,
    expectations: gatewayAndRoutesAccepted(gateway, routes, { kind }),
  };
}

/** A route that must not attach: the status assertions the *Invalid* tests share. */
function notAttached(
  route: string,
  gateway: string,
  reason: string,
  namespace = INFRA,
  refsTrue = true,
): Expectation[] {
  return [
    ...(refsTrue ? [resolvedRefsTrue(route, gateway, 'HTTPRoute', namespace)] : []),
    routeCondition(route, { name: gateway }, F('Accepted', reason), namespace),
    { what: 'route', name: route, namespace, noAcceptedParents: true },
    { what: 'gateway', name: gateway, zeroRoutes: true },
  ];
}

function acceptedWithBadRefs(test: string, manifest: string, route: string, reason: string): ConformanceCase {
  return {
    test,
    manifests: [manifest],
    source: `conformance/tests/${manifest.replace('.yaml', '.go')}`,
    expectations: [
      ...gatewayAndRoutesAccepted(SAME, [route]),
      routeCondition(route, { name: SAME }, F('ResolvedRefs', reason)),
    ],
  };
}

const HOSTNAME_ROUTES = [
  'specific-host-matches-listener-specific-host',
  'specific-host-matches-listener-wildcard-host',
  'wildcard-host-matches-listener-specific-host',
  'wildcard-host-matches-listener-wildcard-host',
];

const listenerOk = (name: string, attachedRoutes: number) => ({
  name,
  supportedKinds: ['HTTPRoute'],
  conditions: [T('Accepted'), T('ResolvedRefs')],
  attachedRoutes,
});

export const ROUTE_CASES: readonly ConformanceCase[] = [
  acceptedWithBadRefs(
    'HTTPRouteInvalidCrossNamespaceBackendRef',
    'httproute-invalid-cross-namespace-backend-ref.yaml',
    'invalid-cross-namespace-backend-ref',
    'RefNotPermitted',
  ),
  acceptedWithBadRefs(
    'HTTPRouteInvalidBackendRefUnknownKind',
    'httproute-invalid-backendref-unknown-kind.yaml',
    'invalid-backend-ref-unknown-kind',
    'InvalidKind',
  ),
  acceptedWithBadRefs(
    'HTTPRouteInvalidNonExistentBackendRef',
    'httproute-invalid-nonexistent-backendref.yaml',
    'invalid-nonexistent-backend-ref',
    'BackendNotFound',
  ),
  acceptedWithBadRefs(
    'HTTPRoutePartiallyInvalidViaInvalidReferenceGrant',
    'httproute-partially-invalid-via-invalid-reference-grant.yaml',
    'invalid-reference-grant',
    'RefNotPermitted',
  ),
  acceptedWithBadRefs(
    'HTTPRouteInvalidReferenceGrant',
    'httproute-invalid-reference-grant.yaml',
    'reference-grant',
    'RefNotPermitted',
  ),
  {
    test: 'HTTPRouteInvalidCrossNamespaceParentRef',
    manifests: ['httproute-invalid-cross-namespace-parent-ref.yaml'],
    source: 'conformance/tests/httproute-invalid-cross-namespace-parent-ref.go',
    expectations: notAttached(
      'invalid-cross-namespace-parent-ref',
      SAME,
      'NotAllowedByListeners',
      'gateway-conformance-web-backend',
    ),
  },
  {
    test: 'HTTPRouteInvalidParentRefNotMatchingListenerPort',
    manifests: ['httproute-invalid-parentref-not-matching-listener-port.yaml'],
    source: 'conformance/tests/httproute-invalid-parentref-not-matching-listener-port.go',
    expectations: notAttached('httproute-listener-not-matching-route-port', SAME, 'NoMatchingParent'),
  },
  {
    test: 'HTTPRouteInvalidParentRefNotMatchingSectionName',
    manifests: ['httproute-invalid-parentref-not-matching-section-name.yaml'],
    source: 'conformance/tests/httproute-invalid-parentref-not-matching-section-name.go',
    expectations: notAttached(
      'httproute-listener-not-matching-section-name',
      SAME,
      'NoMatchingParent',
      INFRA,
      false,
    ),
  },
  {
    test: 'HTTPRouteInvalidParentRefSectionNameNotMatchingPort',
    manifests: ['httproute-invalid-parentref-section-name-not-matching-port.yaml'],
    source: 'conformance/tests/httproute-invalid-parentref-section-name-not-matching-port.go',
    expectations: notAttached(
      'httproute-listener-section-name-not-matching-port',
      'gateway-with-one-not-matching-port-and-section-name-route',
      'NoMatchingParent',
      INFRA,
      false,
    ),
  },
  {
    test: 'HTTPRouteDisallowedKind',
    manifests: ['httproute-disallowed-kind.yaml'],
    source: 'conformance/tests/httproute-disallowed-kind.go',
    expectations: notAttached('disallowed-kind', 'tlsroutes-only', 'NotAllowedByListeners'),
  },
  {
    test: 'HTTPRouteListenerHostnameMatching',
    manifests: ['httproute-listener-hostname-matching.yaml'],
    source: 'conformance/tests/httproute-listener-hostname-matching.go',
    expectations: [
      ...gatewayAndRoutesAccepted('httproute-listener-hostname-matching', ['backend-v1'], {
        listeners: ['listener-1'],
      }),
      ...gatewayAndRoutesAccepted('httproute-listener-hostname-matching', ['backend-v2'], {
        listeners: ['listener-2'],
      }),
      ...gatewayAndRoutesAccepted('httproute-listener-hostname-matching', ['backend-v3'], {
        listeners: ['listener-3', 'listener-4'],
      }),
      ...['backend-v1', 'backend-v2', 'backend-v3'].map((r) =>
        resolvedRefsTrue(r, 'httproute-listener-hostname-matching'),
      ),
    ],
  },
  {
    test: 'HTTPRouteListenerPortMatching',
    manifests: ['httproute-listener-port-matching.yaml'],
    source: 'conformance/tests/httproute-listener-port-matching.go',
    expectations: [
      ...gatewayAndRoutesAccepted('httproute-listener-port-matching', ['backend-v1'], {
        listeners: ['listener-1'],
      }),
      ...gatewayAndRoutesAccepted('httproute-listener-port-matching', ['backend-v2'], {
        listeners: ['listener-2'],
      }),
      ...gatewayAndRoutesAccepted('httproute-listener-port-matching', ['backend-v3'], {
        listeners: ['listener-4'],
      }),
      ...['backend-v1', 'backend-v2', 'backend-v3'].map((r) =>
        resolvedRefsTrue(r, 'httproute-listener-port-matching'),
      ),
    ],
  },
  {
    test: 'HTTPRouteHostnameIntersection',
    manifests: ['httproute-hostname-intersection.yaml'],
    source: 'conformance/tests/httproute-hostname-intersection.go',
    expectations: [
      ...gatewayAndRoutesAccepted('httproute-hostname-intersection', HOSTNAME_ROUTES),
      ...HOSTNAME_ROUTES.map((r) => resolvedRefsTrue(r, 'httproute-hostname-intersection')),
      {
        what: 'route',
        name: 'no-intersecting-hosts',
        exactParents: [{ name: 'httproute-hostname-intersection' }],
      },
      routeCondition(
        'no-intersecting-hosts',
        { name: 'httproute-hostname-intersection' },
        F('Accepted', 'NoMatchingListenerHostname'),
      ),
      {
        what: 'gateway',
        name: 'httproute-hostname-intersection',
        listeners: [listenerOk('listener-1', 2), listenerOk('listener-2', 1), listenerOk('listener-3', 1)],
      },
      ...gatewayAndRoutesAccepted('httproute-hostname-intersection-all', [
        'httproute-hostname-intersection-all',
      ]),
      resolvedRefsTrue('httproute-hostname-intersection-all', 'httproute-hostname-intersection-all'),
    ],
  },
  {
    test: 'HTTPRouteCrossNamespace',
    manifests: ['httproute-cross-namespace.yaml'],
    source: 'GatewayAndRoutesMustBeAccepted pattern of conformance/tests/httproute-cross-namespace.go',
    expectations: gatewayAndRoutesAccepted('backend-namespaces', [
      { name: 'cross-namespace', namespace: 'gateway-conformance-web-backend' },
    ]),
  },
  {
    test: 'HTTPRouteMultipleGateways',
    manifests: ['httproute-multiple-gateways.yaml'],
    source: 'GatewayAndRoutesMustBeAccepted pattern of conformance/tests/httproute-multiple-gateways.go',
    expectations: [
      ...gatewayAndRoutesAccepted(SAME, ['same-namespace-dedicated-route', 'multiple-gateways-shared-route']),
      ...gatewayAndRoutesAccepted('all-namespaces', [
        'all-namespaces-dedicated-route',
        'multiple-gateways-shared-route',
      ]),
    ],
  },
  {
    test: 'HTTPRouteRedirectPortAndScheme',
    manifests: ['httproute-redirect-port-and-scheme.yaml'],
    source:
      'GatewayAndRoutesMustBeAccepted pattern of conformance/tests/httproute-redirect-port-and-scheme.go',
    expectations: [
      ...gatewayAndRoutesAccepted(SAME, ['http-route-for-listener-on-port-80']),
      ...gatewayAndRoutesAccepted('same-namespace-with-http-listener-on-8080', [
        'http-route-for-listener-on-port-8080',
      ]),
      ...gatewayAndRoutesAccepted('same-namespace-with-https-listener', [
        'http-route-for-listener-on-port-443',
      ]),
    ],
  },
  {
    test: 'HTTPRouteHTTPSListener',
    manifests: ['httproute-https-listener.yaml'],
    source: 'GatewayAndRoutesMustBeAccepted pattern of conformance/tests/httproute-https-listener.go',
    expectations: gatewayAndRoutesAccepted('same-namespace-with-https-listener', [
      'httproute-https-test',
      'httproute-https-test-no-hostname',
    ]),
  },
  {
    test: 'HTTPRouteHTTPSListenerDetectMisdirectedRequests',
    manifests: ['httproute-https-listener-detect-misdirected-requests.yaml'],
    source:
      'GatewayAndRoutesMustBeAccepted pattern of conformance/tests/httproute-https-listener-detect-misdirected-requests.go',
    expectations: gatewayAndRoutesAccepted(
      'same-namespace-with-https-listener',
      [1, 2, 3, 4].map((i) => `https-listener-detect-misdirected-requests-test-${i}`),
    ),
  },
  {
    test: 'GRPCRouteListenerHostnameMatching',
    manifests: ['grpcroute-listener-hostname-matching.yaml'],
    source:
      'GatewayAndRoutesMustBeAccepted pattern of conformance/tests/grpcroute-listener-hostname-matching.go',
    expectations: gatewayAndRoutesAccepted(
      'grpcroute-listener-hostname-matching',
      ['backend-v1', 'backend-v2', 'backend-v3'],
      { kind: 'GRPCRoute' },
    ),
  },
  trafficCase(
    'GRPCExactMethodMatching',
    'grpcroute-exact-method-matching.yaml',
    SAME,
    ['exact-matching'],
    'GRPCRoute',
  ),
  trafficCase(
    'GRPCRouteHeaderMatching',
    'grpcroute-header-matching.yaml',
    SAME,
    ['grpc-header-matching'],
    'GRPCRoute',
  ),
  trafficCase('GRPCRouteNamedRule', 'grpcroute-named-rule.yaml', SAME, ['grpc-named-rules'], 'GRPCRoute'),
  trafficCase('GRPCRouteWeight', 'grpcroute-weight.yaml', SAME, ['weighted-backends'], 'GRPCRoute'),
  trafficCase('HTTPRoute303Redirect', 'httproute-303-redirect.yaml', SAME, ['303-redirect']),
  trafficCase('HTTPRoute307Redirect', 'httproute-307-redirect.yaml', SAME, ['307-redirect']),
  trafficCase('HTTPRoute308Redirect', 'httproute-308-redirect.yaml', SAME, ['308-redirect']),
  trafficCase('HTTPRouteBackendProtocolH2C', 'httproute-backend-protocol-h2c.yaml', SAME, [
    'backend-protocol-h2c',
  ]),
  trafficCase('HTTPRouteBackendProtocolWebSocket', 'httproute-backend-protocol-websocket.yaml', SAME, [
    'backend-protocol-ws',
  ]),
  trafficCase('HTTPRouteCORS', 'httproute-cors.yaml', SAME, [
    'cors-multiple-origins-methods-headers',
    'cors-wildcard-methods',
    'cors-wildcard-methods-headers',
    'cors-wildcard-origin',
  ]),
  trafficCase('HTTPRouteExactPathMatching', 'httproute-exact-path-matching.yaml', SAME, ['exact-matching']),
  trafficCase('HTTPRouteHeaderMatching', 'httproute-header-matching.yaml', SAME, ['header-matching']),
  trafficCase('HTTPRouteMatchingAcrossRoutes', 'httproute-matching-across-routes.yaml', SAME, [
    'matching-part1',
    'matching-part2',
  ]),
  trafficCase('HTTPRouteMatching', 'httproute-matching.yaml', SAME, ['matching']),
  trafficCase('HTTPRouteMethodMatching', 'httproute-method-matching.yaml', SAME, ['method-matching']),
  trafficCase('HTTPRouteNamedRule', 'httproute-named-rule.yaml', SAME, ['http-named-rules']),
  // HTTPRouteObservedGenerationBump: a two-step case in table-steps.ts.
  trafficCase('HTTPRouteOmittedBackendRefs', 'httproute-omitted-backendrefs.yaml', SAME, [
    'omitted-backendrefs',
  ]),
  trafficCase('HTTPRoutePathMatchOrder', 'httproute-path-match-order.yaml', SAME, ['path-matching-order']),
  trafficCase('HTTPRouteQueryParamMatching', 'httproute-query-param-matching.yaml', SAME, [
    'query-param-matching',
  ]),
  trafficCase('HTTPRouteRedirectHostAndStatus', 'httproute-redirect-host-and-status.yaml', SAME, [
    'redirect-host-and-status',
  ]),
  trafficCase('HTTPRouteRedirectPath', 'httproute-redirect-path.yaml', SAME, ['redirect-path']),
  trafficCase('HTTPRouteRedirectPort', 'httproute-redirect-port.yaml', SAME, ['redirect-port']),
  trafficCase('HTTPRouteRedirectScheme', 'httproute-redirect-scheme.yaml', SAME, ['redirect-scheme']),
  trafficCase('HTTPRouteReferenceGrant', 'httproute-reference-grant.yaml', SAME, ['reference-grant']),
  trafficCase(
    'HTTPRouteRequestHeaderModifierBackendWeights',
    'httproute-request-header-modifier-backend-weights.yaml',
    SAME,
    ['request-header-modifier-backend-weights'],
  ),
  trafficCase(
    'HTTPRouteBackendRequestHeaderModifier',
    'httproute-request-header-modifier-backend.yaml',
    SAME,
    ['request-header-modifier'],
  ),
  trafficCase('HTTPRouteRequestHeaderModifier', 'httproute-request-header-modifier.yaml', SAME, [
    'request-header-modifier',
  ]),
  trafficCase('HTTPRouteRequestMirror', 'httproute-request-mirror.yaml', SAME, ['request-mirror']),
  trafficCase('HTTPRouteRequestMultipleMirrors', 'httproute-request-multiple-mirrors.yaml', SAME, [
    'request-multiple-mirrors',
  ]),
  trafficCase('HTTPRouteRequestPercentageMirror', 'httproute-request-percentage-mirror.yaml', SAME, [
    'request-percentage-mirror',
  ]),
  trafficCase('HTTPRouteResponseHeaderModifier', 'httproute-response-header-modifier.yaml', SAME, [
    'response-header-modifier',
  ]),
  trafficCase('HTTPRouteRetry', 'httproute-retry.yaml', SAME, ['retries']),
  trafficCase('HTTPRouteRewriteHost', 'httproute-rewrite-host.yaml', SAME, ['rewrite-host']),
  trafficCase('HTTPRouteRewritePath', 'httproute-rewrite-path.yaml', SAME, ['rewrite-path']),
  trafficCase('HTTPRouteServiceTypes', 'httproute-service-types.yaml', SAME, ['service-types']),
  trafficCase('HTTPRouteSimpleSameNamespace', 'httproute-simple-same-namespace.yaml', SAME, [
    'gateway-conformance-infra-test',
  ]),
  trafficCase('HTTPRouteTimeoutBackendRequest', 'httproute-timeout-backend-request.yaml', SAME, [
    'backend-request-timeout',
  ]),
  trafficCase('HTTPRouteTimeoutRequest', 'httproute-timeout-request.yaml', SAME, ['request-timeout']),
  trafficCase('HTTPRouteWeight', 'httproute-weight.yaml', SAME, ['weighted-backends']),
];
