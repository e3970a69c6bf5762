/**
 * TCPRoute / UDPRoute / TLSRoute expectations (Gateway API v1.7.0 only: the v1.6.1 folder has no
 * manifests for them). Transcribed from kubernetes-sigs/gateway-api conformance/tests/<name>.go;
 * where the indexed .go predates the v1.7.0 manifests (other object names), the assertions are
 * kept and the names follow the v1.7.0 manifest, and `source` says so.
 * Gateway*RoutesMustBeAccepted(gw, routes) is `gatewayAndRoutesAccepted`; the listeners it checks
 * are the ones named in NewGatewayRef (all when none).
 */
import type { ConformanceCase, Expectation, RouteKind } from './table-types.ts';
import { F, INFRA, T, gatewayAndRoutesAccepted, resolvedRefsTrue, routeCondition } from './table-types.ts';

const V17 = ['v1.7.0'] as const;

/** A route whose only parent is the Gateway, Accepted (TCPRouteMustHaveParents and friends). */
function onlyParentAccepted(kind: RouteKind, route: string, gateway: string): Expectation[] {
  return [
    { what: 'route', kind, name: route, exactParents: [{ name: gateway }] },
    { what: 'route', kind, name: route, parent: { name: gateway }, conditions: [T('Accepted', 'Accepted')] },
  ];
}

function refsFalse(kind: RouteKind, route: string, gateway: string, reason: string): Expectation {
  return routeCondition(route, { name: gateway }, F('ResolvedRefs', reason), INFRA, kind);
}

/** *RouteMustHaveCondition(Accepted=False/reason) + zero routes on the Gateway (+ no accepted parents). */
function notAttached(kind: RouteKind, route: string, gateway: string, reason: string, noneAccepted = false) {
  return [
    routeCondition(route, { name: gateway }, F('Accepted', reason), INFRA, kind),
    ...(noneAccepted ? [{ what: 'route' as const, kind, name: route, noAcceptedParents: true }] : []),
    { what: 'gateway' as const, name: gateway, zeroRoutes: true },
  ];
}

/** The newer route the *MultipleRoutesAttachment tests create in code (second listener user). */
function newerRoute(
  kind: 'TCPRoute' | 'UDPRoute',
  gateway: string,
  section: string,
  backend: string,
  port: number,
) {
  const lower = kind.toLowerCase();
  return `apiVersion: gateway.networking.k8s.io/v1alpha2
kind: ${kind}
metadata:
  name: ${lower}-attach-newer
  namespace: ${INFRA}
  creationTimestamp: "2030-01-01T00:00:05Z"
spec:
  parentRefs:
    - name: ${gateway}
      sectionName: ${section}
  rules:
    - backendRefs:
        - name: ${backend}
          port: ${port}
`;
}

function multipleRoutes(kind: 'TCPRoute' | 'UDPRoute'): ConformanceCase {
  const lower = kind.toLowerCase();
  const proto = kind === 'TCPRoute' ? 'tcp' : 'udp';
  const gateway = `${proto}-multi-route-attach-gateway`;
  return {
    test: `${kind}MultipleRoutesAttachment`,
    versions: V17,
    manifests: [`${lower}-multiple-routes-attachment.yaml`],
    inline: newerRoute(kind, gateway, proto, `${proto}-attach-backend-2`, kind === 'TCPRoute' ? 3000 : 8080),
    source: `conformance/tests/${lower}-multiple-routes-attachment.go (the newer route is created in code: our own YAML)`,
    expectations: [
      ...gatewayAndRoutesAccepted(gateway, [`${lower}-attach-older`], { kind, listeners: [proto] }),
      routeCondition(`${lower}-attach-older`, { name: gateway }, T('Accepted', 'Accepted'), INFRA, kind),
      ...(kind === 'UDPRoute'
        ? [routeCondition(`${lower}-attach-newer`, { name: gateway }, T('Accepted', 'Accepted'), INFRA, kind)]
        : []),
      {
        what: 'gateway',
        name: gateway,
        listeners: [
          { name: proto, supportedKinds: [kind], conditions: [T('Accepted', 'Accepted')], attachedRoutes: 2 },
        ],
      },
    ],
  };
}

const TCP_CASES: readonly ConformanceCase[] = [
  {
    test: 'TCPRouteInvalidBackendRefNonexistent',
    versions: V17,
    manifests: ['tcproute-invalid-backendref-nonexistent.yaml'],
    source: 'conformance/tests/tcproute-invalid-backendref-nonexistent.go',
    expectations: [
      refsFalse(
        'TCPRoute',
        'tcp-route-invalid-backend-ref-nonexistent',
        'tcp-gateway-invalid-backend',
        'BackendNotFound',
      ),
    ],
  },
  {
    test: 'TCPRouteInvalidCrossNamespaceBackendRef',
    versions: V17,
    manifests: ['tcproute-invalid-cross-namespace-backend-ref.yaml'],
    source: 'conformance/tests/tcproute-invalid-cross-namespace-backend-ref.go',
    expectations: [
      ...gatewayAndRoutesAccepted(
        'tcp-invalid-cross-namespace-backend-ref-gateway',
        ['tcp-invalid-cross-namespace-backend-ref'],
        {
          kind: 'TCPRoute',
          listeners: ['tcp'],
        },
      ),
      refsFalse(
        'TCPRoute',
        'tcp-invalid-cross-namespace-backend-ref',
        'tcp-invalid-cross-namespace-backend-ref-gateway',
        'RefNotPermitted',
      ),
    ],
  },
  {
    test: 'TCPRouteInvalidNonTCPListener',
    versions: V17,
    manifests: ['tcproute-invalid-non-tcp-listener.yaml'],
    source:
      'conformance/tests/tcproute-invalid-non-tcp-listener.go (the version naming tcp-route, as the v1.7.0 manifest)',
    expectations: notAttached('TCPRoute', 'tcp-route', 'tcp-mixed-protocol-gateway', 'NotAllowedByListeners'),
  },
  multipleRoutes('TCPRoute'),
  {
    test: 'TCPRouteParentRefAttachAll',
    versions: V17,
    manifests: ['tcproute-parentref-attach-all.yaml'],
    source: 'conformance/tests/tcproute-parentref-attach-all.go',
    expectations: onlyParentAccepted('TCPRoute', 'tcp-route-attach-all', 'tcp-attach-all-gateway'),
  },
  {
    test: 'TCPRouteParentRefPortAndSectionName',
    versions: V17,
    manifests: ['tcproute-parentref-port-and-section-name.yaml'],
    source:
      'conformance/tests/tcproute-parentref-port-and-section-name.go (TCPRouteMustHaveParents per route)',
    expectations: ['tcp-route-by-port', 'tcp-route-by-section', 'tcp-route-by-section-and-port'].flatMap(
      (r) => onlyParentAccepted('TCPRoute', r, 'tcp-multi-listener-gateway'),
    ),
  },
  {
    test: 'TCPRouteReferenceGrant',
    versions: V17,
    manifests: ['tcproute-reference-grant.yaml'],
    source: 'conformance/tests/tcproute-reference-grant.go',
    expectations: gatewayAndRoutesAccepted('tcp-reference-grant-gateway', ['tcp-reference-grant'], {
      kind: 'TCPRoute',
      listeners: ['tcp'],
    }),
    steps: [
      {
        change: 'delete ReferenceGrant tcp-reference-grant',
        object: {
          kind: 'ReferenceGrant',
          name: 'tcp-reference-grant',
          namespace: 'gateway-conformance-web-backend',
        },
        delete: true,
        expectations: [
          refsFalse('TCPRoute', 'tcp-reference-grant', 'tcp-reference-grant-gateway', 'RefNotPermitted'),
        ],
      },
    ],
  },
  {
    test: 'TCPRouteWeightedRouting',
    versions: V17,
    manifests: ['tcproute-weighted-routing.yaml'],
    source: 'conformance/tests/tcproute-weighted-routing.go',
    expectations: gatewayAndRoutesAccepted('tcp-weighted-gateway', ['tcp-weighted-route'], {
      kind: 'TCPRoute',
      listeners: ['tcp'],
    }),
  },
];

const UDP_CASES: readonly ConformanceCase[] = [
  {
    test: 'UDPRouteInvalidBackendRefNonexistent',
    versions: V17,
    manifests: ['udproute-invalid-backendref-nonexistent.yaml'],
    source: 'conformance/tests/udproute-invalid-backendref-nonexistent.go',
    expectations: [
      refsFalse(
        'UDPRoute',
        'udp-route-invalid-backend-ref-nonexistent',
        'udp-gateway-invalid-backend',
        'BackendNotFound',
      ),
    ],
  },
  {
    test: 'UDPRouteInvalidCrossNamespaceBackendRef',
    versions: V17,
    manifests: ['udproute-invalid-cross-namespace-backend-ref.yaml'],
    source: 'conformance/tests/udproute-invalid-cross-namespace-backend-ref.go',
    expectations: [
      ...gatewayAndRoutesAccepted(
        'udp-gateway-invalid-cross-namespace-backend-ref',
        ['udp-route-invalid-cross-namespace-backend-ref'],
        { kind: 'UDPRoute' },
      ),
      refsFalse(
        'UDPRoute',
        'udp-route-invalid-cross-namespace-backend-ref',
        'udp-gateway-invalid-cross-namespace-backend-ref',
        'RefNotPermitted',
      ),
    ],
  },
  multipleRoutes('UDPRoute'),
  {
    test: 'UDPRouteNotAllowedByListeners',
    versions: V17,
    manifests: ['udproute-not-allowed-by-listeners.yaml'],
    source:
      'conformance/tests/udproute-not-allowed-by-listeners.go (the version naming udproute-tls-only-gateway, as the v1.7.0 manifest; run when TLSRoute is supported)',
    expectations: notAttached(
      'UDPRoute',
      'udproute-not-allowed-by-listeners',
      'udproute-tls-only-gateway',
      'NotAllowedByListeners',
    ),
  },
  {
    test: 'UDPRouteParentRefAttachAllListeners',
    versions: V17,
    manifests: ['udproute-parentref-attach-all-listeners.yaml'],
    source: 'conformance/tests/udproute-parentref-attach-all-listeners.go',
    expectations: [
      ...onlyParentAccepted('UDPRoute', 'udp-route-attach-all', 'udp-attach-all-listeners-gateway'),
      {
        what: 'gateway',
        name: 'udp-attach-all-listeners-gateway',
        listeners: ['udp-1', 'udp-2', 'udp-3'].map((name) => ({
          name,
          supportedKinds: ['UDPRoute'],
          conditions: [T('Accepted'), T('ResolvedRefs')],
          attachedRoutes: 1,
        })),
      },
    ],
  },
  {
    test: 'UDPRouteParentRefPortAndSectionName',
    versions: V17,
    manifests: ['udproute-parentref-port-and-section-name.yaml'],
    source: 'conformance/tests/udproute-parentref-port-and-section-name.go',
    expectations: ['udp-route-by-port', 'udp-route-by-section', 'udp-route-by-section-and-port'].flatMap(
      (r) => onlyParentAccepted('UDPRoute', r, 'udp-multi-listener-gateway'),
    ),
  },
  {
    test: 'UDPRouteReferenceGrant',
    versions: V17,
    manifests: ['udproute-reference-grant.yaml'],
    source: 'conformance/tests/udproute-reference-grant.go',
    expectations: [
      ...gatewayAndRoutesAccepted('udp-gateway-reference-grant', ['udp-route-reference-grant'], {
        kind: 'UDPRoute',
      }),
      routeCondition(
        'udp-route-reference-grant',
        { name: 'udp-gateway-reference-grant' },
        T('ResolvedRefs', 'ResolvedRefs'),
        INFRA,
        'UDPRoute',
      ),
    ],
    steps: [
      {
        change: 'delete ReferenceGrant udp-reference-grant',
        object: {
          kind: 'ReferenceGrant',
          name: 'udp-reference-grant',
          namespace: 'gateway-conformance-app-backend',
        },
        delete: true,
        expectations: [
          refsFalse(
            'UDPRoute',
            'udp-route-reference-grant',
            'udp-gateway-reference-grant',
            'RefNotPermitted',
          ),
        ],
      },
    ],
  },
  {
    test: 'UDPRouteSimple',
    versions: V17,
    manifests: ['udproute-simple.yaml'],
    source: 'GatewayAndUDPRoutesMustBeAccepted pattern of conformance/tests/udproute-simple.go',
    expectations: gatewayAndRoutesAccepted('udp-gateway', ['udp-route'], { kind: 'UDPRoute' }),
  },
  {
    test: 'UDPRouteWeightedRouting',
    versions: V17,
    manifests: ['udproute-weighted-routing.yaml'],
    source: 'GatewayAndUDPRoutesMustBeAccepted pattern of conformance/tests/udproute-weighted-routing.go',
    expectations: gatewayAndRoutesAccepted('udp-weighted-gateway', ['udp-weighted-route'], {
      kind: 'UDPRoute',
    }),
  },
];

const tlsAccepted = (gateway: string, routes: string[]): Expectation[] => [
  ...gatewayAndRoutesAccepted(gateway, routes, { kind: 'TLSRoute' }),
  ...routes.map((r) => resolvedRefsTrue(r, gateway, 'TLSRoute')),
];

const TLS_CASES: readonly ConformanceCase[] = [
  {
    test: 'TLSRouteHostnameIntersection',
    versions: V17,
    manifests: ['tlsroute-hostname-intersection.yaml'],
    source: 'conformance/tests/tlsroute-hostname-intersection.go',
    expectations: [
      ...tlsAccepted('gw-tlsroute-exact-hostname-x-1', ['tlsroute-more-specific-wc-hostname-x-1']),
      ...tlsAccepted('gw-tlsroute-more-specific-wc-hostname-x-2', [
        'tlsroute-exact-hostname-x-2',
        'tlsroute-less-specific-wc-hostname-x-2',
      ]),
      ...tlsAccepted('gw-tlsroute-less-specific-wc-hostname-x-3', [
        'tlsroute-exact-hostname-x-3',
        'tlsroute-more-specific-wc-hostname-x-3',
      ]),
      ...tlsAccepted('gw-tlsroute-empty-hostname-x-4', [
        'tlsroute-exact-hostname-x-4',
        'tlsroute-less-specific-wc-hostname-x-4',
      ]),
    ],
  },
  {
    test: 'TLSRouteInvalidBackendRefNonexistent',
    versions: V17,
    manifests: ['tlsroute-invalid-backendref-nonexistent.yaml'],
    source: 'conformance/tests/tlsroute-invalid-backendref-nonexistent.go',
    expectations: [
      ...gatewayAndRoutesAccepted(
        'gateway-tlsroute-invalid-backend-ref-nonexistent',
        ['invalid-backend-ref-nonexistent'],
        {
          kind: 'TLSRoute',
        },
      ),
      refsFalse(
        'TLSRoute',
        'invalid-backend-ref-nonexistent',
        'gateway-tlsroute-invalid-backend-ref-nonexistent',
        'BackendNotFound',
      ),
    ],
  },
  {
    test: 'TLSRouteInvalidBackendRefUnknownKind',
    versions: V17,
    manifests: ['tlsroute-invalid-backendref-unknown-kind.yaml'],
    source:
      'conformance/tests/tlsroute-invalid-backendref-unknown-kind.go (as HTTPRouteInvalidBackendRefUnknownKind)',
    expectations: [
      ...gatewayAndRoutesAccepted(
        'gateway-tlsroute-invalid-backend-ref-unknown-kind',
        ['invalid-backend-ref-unknown-kind'],
        {
          kind: 'TLSRoute',
        },
      ),
      refsFalse(
        'TLSRoute',
        'invalid-backend-ref-unknown-kind',
        'gateway-tlsroute-invalid-backend-ref-unknown-kind',
        'InvalidKind',
      ),
    ],
  },
  {
    test: 'TLSRouteInvalidNoMatchingListenerHostname',
    versions: V17,
    manifests: ['tlsroute-invalid-no-matching-listener-hostname.yaml'],
    source: 'conformance/tests/tlsroute-invalid-no-matching-listener-hostname.go',
    expectations: [
      ...notAttached(
        'TLSRoute',
        'tlsroute-hostname-mismatch-1',
        'gateway-tls-exact-hostname',
        'NoMatchingListenerHostname',
        true,
      ),
      ...notAttached(
        'TLSRoute',
        'tlsroute-hostname-mismatch-2',
        'gateway-tls-wildcard-hostname',
        'NoMatchingListenerHostname',
        true,
      ),
    ],
  },
  {
    test: 'TLSRouteInvalidNoMatchingListener',
    versions: V17,
    manifests: ['tlsroute-invalid-no-matching-listener.yaml'],
    source:
      'conformance/tests/tlsroute-invalid-no-matching-listener.go (the version with the three routes of the v1.7.0 manifest; zero routes is asserted on the HTTP-only and HTTPS-only Gateways)',
    expectations: [
      ...notAttached(
        'TLSRoute',
        'tlsroute-not-allowed-protocol-http',
        'gateway-tlsroute-http-only',
        'NotAllowedByListeners',
        true,
      ),
      ...notAttached(
        'TLSRoute',
        'tlsroute-not-allowed-protocol-https',
        'gateway-tlsroute-https-only',
        'NotAllowedByListeners',
        true,
      ),
      routeCondition(
        'tlsroute-no-matching-section-name',
        { name: 'gateway-tlsroute-tls-passthrough-only' },
        F('Accepted', 'NoMatchingParent'),
        INFRA,
        'TLSRoute',
      ),
      { what: 'route', kind: 'TLSRoute', name: 'tlsroute-no-matching-section-name', noAcceptedParents: true },
    ],
  },
  {
    test: 'TLSRouteInvalidReferenceGrant',
    versions: V17,
    manifests: ['tlsroute-invalid-reference-grant.yaml'],
    source: 'conformance/tests/tlsroute-invalid-reference-grant.go',
    expectations: [
      ...gatewayAndRoutesAccepted('gateway-tlsroute-referencegrant', ['gateway-conformance-infra-test'], {
        kind: 'TLSRoute',
      }),
      refsFalse(
        'TLSRoute',
        'gateway-conformance-infra-test',
        'gateway-tlsroute-referencegrant',
        'RefNotPermitted',
      ),
    ],
  },
  {
    test: 'TLSRouteListenerPassthroughSupportedKinds',
    versions: V17,
    manifests: ['tlsroute-listener-passthrough-supported-kinds.yaml'],
    source: 'conformance/tests/tlsroute-listener-passthrough-supported-kinds.go',
    expectations: [
      {
        what: 'gateway',
        name: 'gateway-tlsroute-passthrough-supported-kind',
        listeners: [
          {
            name: 'tls-passthrough',
            supportedKinds: ['TLSRoute'],
            conditions: [F('ResolvedRefs', 'InvalidRouteKinds')],
            attachedRoutes: 0,
          },
        ],
      },
    ],
  },
  {
    // The engine models a controller that supports TLSRoute mode Terminate
    // (SupportTLSRouteModeTerminate), so the *TerminateNotSupported test does not apply.
    test: 'TLSRouteListenerTerminateSupportedKinds',
    versions: V17,
    manifests: ['tlsroute-listener-terminate-supported-kinds.yaml'],
    source: 'conformance/tests/tlsroute-listener-terminate-supported-kinds.go',
    expectations: [
      {
        what: 'gateway',
        name: 'gateway-tlsroute-terminate-supported',
        listeners: [
          {
            name: 'tls-terminate',
            supportedKinds: ['TLSRoute'],
            conditions: [T('Accepted', 'Accepted')],
            attachedRoutes: 0,
          },
        ],
      },
    ],
  },
  {
    test: 'TLSRouteMixedTerminationSameNamespace',
    versions: V17,
    manifests: ['tlsroute-mixed-termination-same-namespace.yaml'],
    source:
      'GatewayAndTLSRoutesMustBeAccepted pattern of conformance/tests/tlsroute-mixed-termination-same-namespace.go (SupportTLSRouteModeMixed)',
    expectations: tlsAccepted('gateway-tlsroute-mixed-termination', [
      'gateway-conformance-mixed-passthroughroute',
      'gateway-conformance-mixed-terminateroute',
    ]),
  },
  {
    test: 'TLSRouteMultipleRoutesAttachmentSameHostnameIntersection',
    versions: V17,
    manifests: ['tlsroute-multiple-routes-attachment-same-hostname-intersection.yaml'],
    source:
      'conformance/tests/tlsroute-multiple-routes-attachment-same-hostname-intersection.go (the older routes; the newer ones are created in code and only checked for traffic)',
    expectations: [
      ...tlsAccepted('gw-tlsroute-exact-hostname-x', ['tlsroute-wc-hostname-x-older']),
      ...tlsAccepted('gw-tlsroute-wc-hostname-x', ['tlsroute-less-specific-wc-hostname-x-older']),
    ],
  },
  {
    test: 'TLSRouteSimpleSameNamespace',
    versions: V17,
    manifests: ['tlsroute-simple-same-namespace.yaml'],
    source:
      'GatewayAndTLSRoutesMustBeAccepted pattern of conformance/tests/tlsroute-simple-same-namespace.go',
    expectations: tlsAccepted('gateway-tlsroute', ['gateway-conformance-infra-test']),
  },
  {
    test: 'TLSRouteTerminateSimpleSameNamespace',
    versions: V17,
    manifests: ['tlsroute-terminate-simple-same-namespace.yaml'],
    source:
      'GatewayAndTLSRoutesMustBeAccepted pattern of conformance/tests/tlsroute-terminate-simple-same-namespace.go',
    expectations: tlsAccepted('gateway-tlsroute-terminate', ['tlsroute-terminated-test']),
  },
];

export const L4_ROUTE_CASES: readonly ConformanceCase[] = [...TCP_CASES, ...UDP_CASES, ...TLS_CASES];
