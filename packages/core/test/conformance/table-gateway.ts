/**
 * Gateway-level expectations transcribed from kubernetes-sigs/gateway-api conformance/tests/*.go
 * (read with the search tool; file named in `source`). Names follow the v1.6.1 manifests.
 */
import type { ConformanceCase, ListenerExp } from './table-types.ts';
import { F, LISTENER_OK, T, gatewayAndRoutesAccepted, resolvedRefsTrue } from './table-types.ts';

const httpsListener = (reason: string): ListenerExp => ({
  name: 'https',
  supportedKinds: ['HTTPRoute'],
  conditions: [F('ResolvedRefs', reason)],
  attachedRoutes: 0,
});

const isolationRoutes = (suffix: string): string[] =>
  ['empty-hostname', 'wildcard-example-com', 'wildcard-foo-example-com', 'abc-foo-example-com'].map(
    (n) => `attaches-to-${n}${suffix}`,
  );

const CLIENT_VALIDATION_ROUTES = [
  'client-certificate-validation-https-test',
  'client-certificate-validation-https-test-no-hostname',
];

export const GATEWAY_CASES: readonly ConformanceCase[] = [
  {
    test: 'GatewayInvalidRouteKind',
    manifests: ['gateway-invalid-route-kind.yaml'],
    source: 'conformance/tests/gateway-invalid-route-kind.go',
    expectations: [
      {
        what: 'gateway',
        name: 'gateway-only-invalid-route-kind',
        listeners: [
          {
            name: 'http',
            supportedKinds: [],
            conditions: [F('ResolvedRefs', 'InvalidRouteKinds')],
            attachedRoutes: 0,
          },
        ],
      },
      {
        what: 'gateway',
        name: 'gateway-supported-and-invalid-route-kind',
        listeners: [
          {
            name: 'http',
            supportedKinds: ['HTTPRoute'],
            conditions: [F('ResolvedRefs', 'InvalidRouteKinds')],
            attachedRoutes: 0,
          },
        ],
      },
    ],
  },
  {
    test: 'GatewayInvalidTLSConfiguration',
    manifests: ['gateway-invalid-tls-configuration.yaml'],
    source: 'conformance/tests/gateway-invalid-tls-configuration.go',
    expectations: [
      {
        what: 'gateway',
        name: 'gateway-certificate-nonexistent-secret',
        listeners: [httpsListener('InvalidCertificateRef')],
      },
      {
        what: 'gateway',
        name: 'gateway-certificate-unsupported-group',
        listeners: [httpsListener('InvalidCertificateRef')],
      },
      {
        what: 'gateway',
        name: 'gateway-certificate-unsupported-kind',
        listeners: [httpsListener('InvalidCertificateRef')],
      },
      {
        what: 'gateway',
        name: 'gateway-certificate-malformed-secret',
        listeners: [httpsListener('InvalidCertificateRef')],
      },
    ],
  },
  {
    test: 'GatewayWithAttachedRoutes',
    manifests: ['gateway-with-attached-routes.yaml'],
    source: 'conformance/tests/gateway-with-attached-routes.go',
    expectations: [
      {
        what: 'gateway',
        name: 'gateway-with-one-attached-route',
        listeners: [
          {
            name: 'http',
            supportedKinds: ['HTTPRoute'],
            conditions: [T('Accepted'), T('ResolvedRefs')],
            attachedRoutes: 1,
          },
        ],
      },
      {
        what: 'gateway',
        name: 'gateway-with-two-attached-routes',
        listeners: [
          {
            name: 'http',
            supportedKinds: ['HTTPRoute'],
            conditions: [T('Accepted'), T('ResolvedRefs')],
            attachedRoutes: 2,
          },
        ],
      },
      {
        what: 'gateway',
        name: 'unresolved-gateway-with-one-attached-unresolved-route',
        listeners: [
          {
            name: 'tls',
            supportedKinds: ['HTTPRoute'],
            conditions: [F('Programmed'), F('ResolvedRefs')],
            attachedRoutes: 1,
          },
        ],
      },
      {
        what: 'route',
        name: 'http-route-4',
        parent: { name: 'unresolved-gateway-with-one-attached-unresolved-route' },
        conditions: [F('ResolvedRefs')],
      },
    ],
  },
  {
    test: 'GatewayWithAttachedRoutesWithPort8080',
    manifests: ['gateway-with-attached-routes-with-port-8080.yaml'],
    source: 'conformance/tests/gateway-with-attached-routes.go',
    expectations: [
      {
        what: 'gateway',
        name: 'gateway-with-two-listeners-and-one-attached-route',
        listeners: [
          {
            name: 'http-unattached',
            supportedKinds: ['HTTPRoute'],
            conditions: [T('Accepted'), T('ResolvedRefs')],
            attachedRoutes: 0,
          },
          {
            name: 'http',
            supportedKinds: ['HTTPRoute'],
            conditions: [T('Accepted'), T('ResolvedRefs')],
            attachedRoutes: 1,
          },
        ],
      },
    ],
  },
  {
    test: 'GatewayListenerUnsupportedProtocol',
    manifests: ['gateway-invalid-listeners-unsupported-protocol.yaml'],
    source: 'conformance/tests/gateway-invalid-listeners-unsupported-protocol.go',
    expectations: [
      {
        what: 'gateway',
        name: 'gateway-only-unsupported-protocols',
        conditions: [F('Accepted', 'ListenersNotValid')],
        listeners: [
          {
            name: 'invalid',
            supportedKinds: [],
            conditions: [F('Accepted', 'UnsupportedProtocol')],
            attachedRoutes: 0,
          },
        ],
      },
      {
        what: 'gateway',
        name: 'gateway-supported-and-unsupported-protocols',
        conditions: [T('Accepted', 'ListenersNotValid')],
        listeners: [
          {
            name: 'http',
            supportedKinds: ['HTTPRoute'],
            conditions: [T('Accepted', 'Accepted')],
            attachedRoutes: 0,
          },
          {
            name: 'invalid',
            supportedKinds: [],
            conditions: [F('Accepted', 'UnsupportedProtocol')],
            attachedRoutes: 0,
          },
        ],
      },
    ],
  },
  {
    test: 'GatewayInvalidParametersRef',
    manifests: ['gateway-invalid-parameters-ref.yaml'],
    source: 'conformance/tests/gateway-invalid-parameters-ref.go',
    expectations: [
      {
        what: 'gateway',
        name: 'gateway-invalid-parameters-ref',
        conditions: [F('Accepted', 'InvalidParameters')],
      },
    ],
  },
  {
    test: 'GatewaySecretInvalidReferenceGrant',
    manifests: ['gateway-secret-invalid-reference-grant.yaml'],
    source: 'conformance/tests/gateway-secret-invalid-reference-grant.go',
    expectations: [
      {
        what: 'gateway',
        name: 'gateway-secret-invalid-reference-grant',
        listeners: [httpsListener('RefNotPermitted')],
      },
    ],
  },
  {
    test: 'GatewaySecretMissingReferenceGrant',
    versions: ['v1.6.1'],
    manifests: ['gateway-secret-missing-reference-grant.yaml'],
    source:
      'conformance/tests/gateway-secret-missing-reference-grant.go (https listener only, as in the v1.6.1 manifest)',
    expectations: [
      {
        what: 'gateway',
        name: 'gateway-secret-missing-reference-grant',
        listeners: [httpsListener('RefNotPermitted')],
      },
    ],
  },
  {
    // v1.7.0 adds listener https-nonexistent-secret: a Secret in another namespace that does not
    // exist and no ReferenceGrant; the grant is checked first, so RefNotPermitted (not
    // InvalidCertificateRef).
    test: 'GatewaySecretMissingReferenceGrant',
    versions: ['v1.7.0'],
    manifests: ['gateway-secret-missing-reference-grant.yaml'],
    source: 'conformance/tests/gateway-secret-missing-reference-grant.go (v1.7.0: two listeners)',
    expectations: [
      {
        what: 'gateway',
        name: 'gateway-secret-missing-reference-grant',
        listeners: [
          httpsListener('RefNotPermitted'),
          { ...httpsListener('RefNotPermitted'), name: 'https-nonexistent-secret' },
        ],
      },
    ],
  },
  {
    test: 'GatewaySecretReferenceGrantSpecific',
    manifests: ['gateway-secret-reference-grant-specific.yaml'],
    source: 'conformance/tests/gateway-secret-reference-grant-specific.go',
    expectations: [
      {
        what: 'gateway',
        name: 'gateway-secret-reference-grant-specific',
        listeners: [
          {
            name: 'https',
            supportedKinds: ['HTTPRoute'],
            conditions: [T('Programmed', 'Programmed'), T('ResolvedRefs')],
            attachedRoutes: 0,
          },
        ],
      },
    ],
  },
  {
    test: 'GatewaySecretReferenceGrantAllInNamespace',
    manifests: ['gateway-secret-reference-grant-all-in-namespace.yaml'],
    source:
      'conformance/tests/gateway-secret-reference-grant-all-in-namespace.go (same assertions as ...-specific.go)',
    expectations: [
      {
        what: 'gateway',
        name: 'gateway-secret-reference-grant-all-in-namespace',
        listeners: [
          {
            name: 'https',
            supportedKinds: ['HTTPRoute'],
            conditions: [T('Programmed', 'Programmed'), T('ResolvedRefs')],
            attachedRoutes: 0,
          },
        ],
      },
    ],
  },
  {
    test: 'GatewayHTTPListenerIsolation',
    manifests: [
      'gateway-http-listener-isolation.yaml',
      'gateway-http-listener-isolation-with-hostname-intersection.yaml',
    ],
    source: 'conformance/tests/gateway-http-listener-isolation.go',
    expectations: [
      ...gatewayAndRoutesAccepted('http-listener-isolation', isolationRoutes('')),
      ...isolationRoutes('').map((r) => resolvedRefsTrue(r, 'http-listener-isolation')),
      ...gatewayAndRoutesAccepted(
        'http-listener-isolation-with-hostname-intersection',
        isolationRoutes('-with-hostname-intersection'),
      ),
      ...isolationRoutes('-with-hostname-intersection').map((r) =>
        resolvedRefsTrue(r, 'http-listener-isolation-with-hostname-intersection'),
      ),
    ],
  },
  {
    test: 'GatewayInvalidFrontendClientCertificateValidation',
    manifests: ['gateway-with-invalid-clientcertificate-validation.yaml'],
    source: 'conformance/tests/gateway-with-invalid-clientcertificate-validation.go',
    expectations: [
      {
        what: 'gateway',
        name: 'gateway-with-invalid-client-cert-validation',
        listenerConditions: { names: ['https'], conditions: LISTENER_OK },
      },
      ...(
        [
          ['https-unresolved', 'InvalidCACertificateRef'],
          ['https-invalid-kind', 'InvalidCACertificateKind'],
          ['https-grant-missing', 'RefNotPermitted'],
        ] as const
      ).map(([name, reason]) => ({
        what: 'gateway' as const,
        name: 'gateway-with-invalid-client-cert-validation',
        listenerConditions: {
          names: [name],
          conditions: [F('ResolvedRefs', reason), F('Accepted', 'NoValidCACertificate'), F('Programmed')],
        },
      })),
    ],
  },
  {
    test: 'GatewayFrontendInvalidDefaultClientCertificateValidation',
    manifests: ['gateway-invalid-default-frontend-client-certificate-validation.yaml'],
    source: 'conformance/tests/gateway-invalid-default-frontend-client-certificate-validation.go',
    expectations: [
      {
        what: 'gateway',
        name: 'invalid-default-client-validation-config',
        listenerConditions: { names: ['http'], conditions: LISTENER_OK },
      },
      {
        what: 'gateway',
        name: 'invalid-default-client-validation-config',
        listenerConditions: {
          names: ['https'],
          conditions: [
            F('ResolvedRefs', 'InvalidCACertificateRef'),
            F('Accepted', 'NoValidCACertificate'),
            F('Programmed'),
          ],
        },
      },
    ],
  },
  {
    test: 'GatewayInvalidTLSBackendConfiguration',
    manifests: ['gateway-invalid-tls-backend-configuration.yaml'],
    source: 'conformance/tests/gateway-invalid-tls-backend-configuration.go',
    expectations: (
      [
        ['gateway-client-certificate-nonexistent-secret', 'InvalidClientCertificateRef'],
        ['gateway-client-certificate-unsupported-group', 'InvalidClientCertificateRef'],
        ['gateway-client-certificate-unsupported-kind', 'InvalidClientCertificateRef'],
        ['gateway-client-certificate-malformed-secret', 'InvalidClientCertificateRef'],
        ['gateway-client-certificate-missing-reference-grant', 'RefNotPermitted'],
      ] as const
    ).map(([name, reason]) => ({
      what: 'gateway' as const,
      name,
      conditions: [F('ResolvedRefs', reason), T('Accepted', 'Accepted')],
    })),
  },
  {
    test: 'GatewayFrontendClientCertificateValidation',
    manifests: ['gateway-with-clientcertificate-validation.yaml'],
    source: 'conformance/tests/gateway-with-clientcertificate-validation.go',
    expectations: [
      ...gatewayAndRoutesAccepted('client-validation-default', CLIENT_VALIDATION_ROUTES),
      ...CLIENT_VALIDATION_ROUTES.map((r) => resolvedRefsTrue(r, 'client-validation-default')),
    ],
  },
  {
    test: 'GatewayFrontendClientCertificateValidationInsecureFallback',
    manifests: ['gateway-with-clientcertificate-validation-insecure-fallback.yaml'],
    source:
      'GatewayAndRoutesMustBeAccepted pattern of conformance/tests/gateway-with-clientcertificate-validation-insecure-fallback.go',
    expectations: gatewayAndRoutesAccepted('client-validation-insecure-fallback', [
      'client-cert-validation-insecure-fallback-test',
      'client-cert-validation-insecure-fallback-test-no-hostname',
    ]),
  },
  {
    test: 'GatewayBackendClientCertificate',
    manifests: ['gateway-tls-backend-client-certificate.yaml'],
    source: 'conformance/tests/gateway-tls-backend-client-certificate.go',
    expectations: [
      ...gatewayAndRoutesAccepted('gateway-tls-backend-client-certificate', [
        'gateway-tls-backend-client-certificate',
      ]),
      resolvedRefsTrue('gateway-tls-backend-client-certificate', 'gateway-tls-backend-client-certificate'),
      {
        what: 'backendTLSPolicy',
        name: 'gateway-tls-backend-client-certificate-test',
        ancestor: 'gateway-tls-backend-client-certificate',
        conditions: [T('Accepted', 'Accepted')],
      },
      {
        what: 'gateway',
        name: 'gateway-tls-backend-client-certificate',
        conditions: [T('ResolvedRefs', 'ResolvedRefs')],
      },
    ],
  },
];
