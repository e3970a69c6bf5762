/**
 * HTTPRoute/GRPCRoute tests whose manifests are new in the v1.7.0 folder
 * (kubernetes-sigs/gateway-api conformance/tests/<name>.go).
 */
import { CONTROLLER } from './harness.ts';
import type { ConformanceCase } from './table-types.ts';
import { F, INFRA, T, gatewayAndRoutesAccepted, resolvedRefsTrue, routeCondition } from './table-types.ts';

const V17 = ['v1.7.0'] as const;
const SAME = 'same-namespace';
const STALE_CONTROLLER = 'example.net/stale-controller';

function traffic(
  test: string,
  manifest: string,
  routes: string[],
  kind: 'HTTPRoute' | 'GRPCRoute' = 'HTTPRoute',
): ConformanceCase {
  return {
    test,
    versions: V17,
    manifests: [manifest],
    source: `GatewayAndRoutesMustBeAccepted pattern of conformance/tests/${manifest.replace('.yaml', '.go')}`,
    expectations: gatewayAndRoutesAccepted(SAME, routes, { kind }),
  };
}

const SUFFIXES = ['', '-path', '-path-header'];

export const ROUTE_V17_CASES: readonly ConformanceCase[] = [
  {
    test: 'GRPCRouteMultipleGateways',
    versions: V17,
    manifests: ['grpcroute-multiple-gateways.yaml'],
    source: 'GatewayAndRoutesMustBeAccepted pattern of conformance/tests/grpcroute-multiple-gateways.go',
    expectations: [
      ...gatewayAndRoutesAccepted(
        SAME,
        ['same-namespace-dedicated-route', 'multiple-gateways-shared-route'],
        {
          kind: 'GRPCRoute',
        },
      ),
      ...gatewayAndRoutesAccepted(
        'all-namespaces',
        ['all-namespaces-dedicated-route', 'multiple-gateways-shared-route'],
        {
          kind: 'GRPCRoute',
        },
      ),
    ],
  },
  {
    test: 'HTTPRouteMultipleRoutesAttachmentSameHostnameIntersection',
    versions: V17,
    manifests: ['httproute-multiple-routes-attachment-same-hostname-intersection.yaml'],
    source:
      'conformance/tests/httproute-multiple-routes-attachment-same-hostname-intersection.go (the older routes; the newer ones are created in code and checked for traffic)',
    expectations: SUFFIXES.flatMap((s) => [
      ...gatewayAndRoutesAccepted(`gw-httproute-exact-hostname-x${s}`, [`httproute-wc-hostname-x${s}-older`]),
      resolvedRefsTrue(`httproute-wc-hostname-x${s}-older`, `gw-httproute-exact-hostname-x${s}`),
      ...gatewayAndRoutesAccepted(`gw-httproute-wc-hostname-x${s}`, [
        `httproute-less-specific-wc-hostname-x${s}-older`,
      ]),
      resolvedRefsTrue(`httproute-less-specific-wc-hostname-x${s}-older`, `gw-httproute-wc-hostname-x${s}`),
    ]),
  },
  {
    test: 'GRPCRouteMultipleRoutesAttachmentSameHostnameIntersection',
    versions: V17,
    manifests: ['grpcroute-multiple-routes-attachment-same-hostname-intersection.yaml'],
    source:
      'conformance/tests/grpcroute-multiple-routes-attachment-same-hostname-intersection.go (the older routes, as the HTTPRoute twin)',
    expectations: [
      ...gatewayAndRoutesAccepted('gw-grpcroute-exact-hostname-x', ['grpcroute-wc-hostname-x-older'], {
        kind: 'GRPCRoute',
      }),
      resolvedRefsTrue('grpcroute-wc-hostname-x-older', 'gw-grpcroute-exact-hostname-x', 'GRPCRoute'),
      ...gatewayAndRoutesAccepted(
        'gw-grpcroute-wc-hostname-x',
        ['grpcroute-less-specific-wc-hostname-x-older'],
        {
          kind: 'GRPCRoute',
        },
      ),
      resolvedRefsTrue(
        'grpcroute-less-specific-wc-hostname-x-older',
        'gw-grpcroute-wc-hostname-x',
        'GRPCRoute',
      ),
    ],
  },
  {
    test: 'HTTPRouteRuleOrder',
    versions: V17,
    manifests: ['httproute-rule-order.yaml'],
    source: 'conformance/tests/httproute-rule-order.go',
    expectations: [
      ...gatewayAndRoutesAccepted(SAME, ['rule-order', 'rule-order-invalid-backend']),
      resolvedRefsTrue('rule-order', SAME),
      routeCondition('rule-order-invalid-backend', { name: SAME }, F('ResolvedRefs', 'BackendNotFound')),
    ],
  },
  traffic('HTTPRouteRetryConnectionError', 'httproute-retry-connection-error.yaml', [
    'retries-connection-error',
  ]),
  traffic('HTTPRouteRetryWithTimeouts', 'httproute-retry-with-timeouts.yaml', ['retries-with-timeouts']),
  traffic('HTTPRouteBackendURLRewrite', 'httproute-backend-url-rewrite.yaml', ['backend-url-rewrite']),
  traffic(
    'GRPCRouteRequestHeaderModifier',
    'grpcroute-request-header-modifier.yaml',
    ['grpc-request-header-modifier'],
    'GRPCRoute',
  ),
  {
    test: 'HTTPRoutePreserveForeignStatus',
    versions: V17,
    manifests: ['httproute-preserve-foreign-status.yaml'],
    source:
      'conformance/tests/httproute-preserve-foreign-status.go (StaleControllerName is our stand-in; our own entry is seeded as the controller wrote it)',
    expectations: gatewayAndRoutesAccepted(SAME, ['preserve-foreign-status']),
    steps: [
      {
        change:
          'seed a status.parents entry of another controller (unmanaged-gateway), then change rules[0].matches[0].path.value',
        object: { kind: 'HTTPRoute', name: 'preserve-foreign-status' },
        mutate: (raw) => {
          const entry = (name: string, controllerName: string) => ({
            parentRef: { group: 'gateway.networking.k8s.io', kind: 'Gateway', name, namespace: INFRA },
            controllerName,
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
          });
          raw['status'] = {
            parents: [entry(SAME, CONTROLLER), entry('unmanaged-gateway', STALE_CONTROLLER)],
          };
          const rules = (raw['spec'] as Record<string, unknown>)['rules'] as Record<string, unknown>[];
          const match = (rules[0]?.['matches'] as Record<string, unknown>[])[0] as Record<string, unknown>;
          (match['path'] as Record<string, unknown>)['value'] = '/preserve-foreign-status-updated';
        },
        expectations: [
          {
            what: 'route',
            name: 'preserve-foreign-status',
            exactParents: [{ name: SAME }],
            parent: { name: SAME },
            conditions: [T('Accepted')],
            latestGeneration: true,
            foreignParent: {
              name: 'unmanaged-gateway',
              controllerName: STALE_CONTROLLER,
              type: 'Accepted',
              reason: 'Accepted',
              observedGeneration: 1,
            },
            agreesWithObserved: true,
          },
        ],
      },
    ],
  },
];
