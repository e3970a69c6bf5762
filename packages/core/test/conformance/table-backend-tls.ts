/**
 * BackendTLSPolicy expectations (v1.7.0 ships the manifests; in v1.6.1 these tests are covered by
 * our own fixtures in ../analysis/backend-tls.test.ts). Transcribed from
 * kubernetes-sigs/gateway-api conformance/tests/backendtlspolicy*.go:
 * BackendTLSPolicyMustHaveCondition(policy, gateway, cond) is the condition on the ancestor of
 * that Gateway.
 */
import { CONTROLLER } from './harness.ts';
import type { Cond, ConformanceCase, Expectation } from './table-types.ts';
import { F, T, gatewayAndRoutesAccepted, resolvedRefsTrue } from './table-types.ts';

const V17 = ['v1.7.0'] as const;
const SAME = 'same-namespace';

const policy = (name: string, conditions: readonly Cond[], ancestor = SAME): Expectation => ({
  what: 'backendTLSPolicy',
  name,
  ancestor,
  conditions,
});
const accepted = (name: string, ancestor = SAME) => policy(name, [T('Accepted', 'Accepted')], ancestor);

const STALE_CONTROLLER = 'example.net/stale-controller';
const SEEDED = { type: 'Accepted', reason: 'Accepted', observedGeneration: 1 };

export const BACKEND_TLS_CASES: readonly ConformanceCase[] = [
  {
    test: 'BackendTLSPolicy',
    versions: V17,
    manifests: ['backendtlspolicy.yaml'],
    source:
      'conformance/tests/backendtlspolicy.go (Gateway/route acceptance; the indexed .go predates v1.7.0, so Accepted on each policy is by analogy with BackendTLSPolicyMustHaveAcceptedConditionTrue of the sibling tests: every policy names an existing CA ConfigMap; the SNI/certificate checks are traffic)',
    expectations: [
      ...gatewayAndRoutesAccepted(SAME, ['backendtlspolicy']),
      resolvedRefsTrue('backendtlspolicy', SAME),
      ...['normative-test', 'host-mismatch', 'cert-mismatch', 'reconcile-test'].map((p) => accepted(p)),
    ],
  },
  {
    test: 'BackendTLSPolicyConflictResolution',
    versions: V17,
    manifests: ['backendtlspolicy-conflict-resolution.yaml'],
    source: 'conformance/tests/backendtlspolicy-conflict-resolution.go',
    expectations: [
      ...gatewayAndRoutesAccepted(SAME, ['backendtlspolicy-conflict-resolution']),
      resolvedRefsTrue('backendtlspolicy-conflict-resolution', SAME),
      accepted('conflicted-without-section-name-1'),
      policy('conflicted-without-section-name-2', [F('Accepted', 'Conflicted')]),
      accepted('conflicted-with-section-name-1'),
      policy('conflicted-with-section-name-2', [F('Accepted', 'Conflicted')]),
      accepted('not-conflicted-with-section-name'),
      accepted('not-conflicted-without-section-name'),
    ],
  },
  {
    test: 'BackendTLSPolicyInvalidCACertificateRef',
    versions: V17,
    manifests: ['backendtlspolicy-invalid-ca-certificate-ref.yaml'],
    source: 'conformance/tests/backendtlspolicy-invalid-ca-certificate-ref.go',
    expectations: [
      ...gatewayAndRoutesAccepted(SAME, ['backendtlspolicy-invalid-ca-certificate-ref']),
      ...['nonexistent-ca-certificate-ref', 'malformed-ca-certificate-ref'].map((p) =>
        policy(p, [F('Accepted', 'NoValidCACertificate'), F('ResolvedRefs', 'InvalidCACertificateRef')]),
      ),
    ],
  },
  {
    test: 'BackendTLSPolicyInvalidKind',
    versions: V17,
    manifests: ['backendtlspolicy-invalid-kind.yaml'],
    source: 'conformance/tests/backendtlspolicy-invalid-kind.go',
    expectations: [
      ...gatewayAndRoutesAccepted(SAME, ['backendtlspolicy-invalid-kind-test']),
      policy('invalid-kind', [F('Accepted', 'NoValidCACertificate'), F('ResolvedRefs', 'InvalidKind')]),
    ],
  },
  {
    test: 'BackendTLSPolicySANValidation',
    versions: V17,
    manifests: ['backendtlspolicy-san.yaml'],
    source:
      'conformance/tests/backendtlspolicy-san.go (Gateway/route acceptance; Accepted per policy by analogy, SAN matching is traffic)',
    expectations: [
      ...gatewayAndRoutesAccepted(SAME, ['backendtlspolicy-san-test']),
      ...[
        'san-dns',
        'san-dns-mismatch',
        'san-uri',
        'san-uri-mismatch',
        'multiple-sans',
        'multiple-mismatch-sans',
      ].map((p) => accepted(p)),
    ],
  },
  {
    test: 'BackendTLSPolicyGRPCRoute',
    versions: V17,
    manifests: ['backendtlspolicy-grpcroute.yaml'],
    source:
      'conformance/tests/backendtlspolicy-grpcroute.go (Gateway/route acceptance; Accepted per policy by analogy)',
    expectations: [
      ...gatewayAndRoutesAccepted(
        SAME,
        ['backendtlspolicy-grpcroute', 'backendtlspolicy-grpcroute-cert-mismatch'],
        {
          kind: 'GRPCRoute',
        },
      ),
      ...['grpc-normative-test', 'grpc-host-mismatch', 'grpc-cert-mismatch'].map((p) => accepted(p)),
    ],
  },
  {
    test: 'BackendTLSPolicyTLSRouteTerminate',
    versions: V17,
    manifests: ['backendtlspolicy-tlsroute-terminate.yaml'],
    source:
      'conformance/tests/backendtlspolicy-tlsroute-terminate.go (Gateway/route acceptance; Accepted on the policy by analogy)',
    expectations: [
      ...gatewayAndRoutesAccepted(
        'gateway-btls-tlsroute-terminate',
        ['backendtlspolicy-tlsroute-terminate'],
        {
          kind: 'TLSRoute',
        },
      ),
      accepted('btls-tlsroute-terminate-test', 'gateway-btls-tlsroute-terminate'),
    ],
  },
  {
    test: 'BackendTLSPolicyObservedGenerationBump',
    versions: V17,
    manifests: ['backendtlspolicy-observed-generation-bump.yaml'],
    source: 'conformance/tests/backendtlspolicy-observed-generation-bump.go',
    expectations: [
      {
        what: 'backendTLSPolicy',
        name: 'observed-generation-bump',
        ancestor: SAME,
        conditions: [T('Accepted', 'Accepted')],
        latestGeneration: true,
      },
    ],
    steps: [
      {
        change: 'spec.validation.hostname = foo.example.com',
        object: { kind: 'BackendTLSPolicy', name: 'observed-generation-bump' },
        mutate: (raw) => {
          ((raw['spec'] as Record<string, unknown>)['validation'] as Record<string, unknown>)['hostname'] =
            'foo.example.com';
        },
        expectations: [
          {
            what: 'backendTLSPolicy',
            name: 'observed-generation-bump',
            ancestor: SAME,
            conditions: [T('Accepted')],
            latestGeneration: true,
          },
        ],
      },
    ],
  },
  {
    test: 'BackendTLSPolicyPreserveForeignStatus',
    versions: V17,
    manifests: ['backendtlspolicy-preserve-foreign-status.yaml'],
    source:
      'conformance/tests/backendtlspolicy-preserve-foreign-status.go (StaleControllerName is our stand-in; our own status entry is seeded as the controller wrote it)',
    expectations: [
      ...gatewayAndRoutesAccepted(SAME, ['backendtlspolicy-preserve-foreign-status']),
      accepted('backendtlspolicy-preserve-foreign-status'),
    ],
    steps: [
      {
        change:
          'seed a status.ancestors entry of another controller (unmanaged-gateway), then spec.validation.hostname = second.example.com',
        object: { kind: 'BackendTLSPolicy', name: 'backendtlspolicy-preserve-foreign-status' },
        mutate: (raw) => {
          raw['status'] = {
            ancestors: [
              {
                ancestorRef: {
                  group: 'gateway.networking.k8s.io',
                  kind: 'Gateway',
                  name: SAME,
                  namespace: 'gateway-conformance-infra',
                },
                controllerName: CONTROLLER,
                conditions: [
                  {
                    type: 'Accepted',
                    status: 'True',
                    reason: 'Accepted',
                    message: '',
                    observedGeneration: 1,
                    lastTransitionTime: '2030-01-01T00:00:00Z',
                  },
                ],
              },
              {
                ancestorRef: {
                  group: 'gateway.networking.k8s.io',
                  kind: 'Gateway',
                  name: 'unmanaged-gateway',
                  namespace: 'gateway-conformance-infra',
                },
                controllerName: STALE_CONTROLLER,
                conditions: [
                  {
                    type: 'Accepted',
                    status: 'True',
                    reason: 'Accepted',
                    message: '',
                    observedGeneration: 1,
                    lastTransitionTime: '2030-01-01T00:00:00Z',
                  },
                ],
              },
            ],
          };
          ((raw['spec'] as Record<string, unknown>)['validation'] as Record<string, unknown>)['hostname'] =
            'second.example.com';
        },
        expectations: [
          {
            what: 'backendTLSPolicy',
            name: 'backendtlspolicy-preserve-foreign-status',
            ancestor: SAME,
            conditions: [T('Accepted', 'Accepted')],
            latestGeneration: true,
            foreignAncestor: { name: 'unmanaged-gateway', controllerName: STALE_CONTROLLER, ...SEEDED },
            agreesWithObserved: true,
          },
        ],
      },
    ],
  },
];
