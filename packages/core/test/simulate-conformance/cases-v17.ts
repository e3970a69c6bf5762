/**
 * Request cases of the HTTP and gRPC traffic tests new in v1.7.0: *-multiple-routes-attachment-
 * same-hostname-intersection (HTTP, gRPC; TLS is in cases-l4.ts), httproute-rule-order.go,
 * -backend-url-rewrite.go, -retry-with-timeouts.go, -retry-connection-error.go, the
 * attempts-0 rows of -retry.go, grpcroute-multiple-gateways.go and
 * -request-header-modifier.go. The objects those tests create in code ("newer" routes) are
 * written here as `setup` documents (our own, from the Go source); run.ts stamps them one
 * second after the manifests, as the upstream tests sleep a second before creating them.
 */
import { INFRA, rowsOf } from './case-types.ts';
import type { ConfCase, ConfExpect, ConfRequest } from './case-types.ts';

const V17 = { versions: ['v1.7.0'] as const };
const GRPC_SERVICE = 'gateway_api_conformance.echo_basic.grpcecho.GrpcEcho';
const v = (n: 1 | 2 | 3): ConfExpect => ({ backend: `infra-backend-v${n}` });

/** A route the upstream test creates in code: one rule, no matches, one backend. */
function newerRoute(
  kind: 'HTTPRoute' | 'GRPCRoute',
  name: string,
  gateway: string,
  hostname: string,
  backend: string,
): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: ${kind}
metadata: { name: ${name}, namespace: ${INFRA} }
spec:
  parentRefs: [{ name: ${gateway} }]
  hostnames: ["${hostname}"]
  rules: [{ backendRefs: [{ name: ${backend}, port: 8080 }] }]
`;
}

const SAME_HOST = 'httproute-multiple-routes-attachment-same-hostname-intersection.yaml';
const NOT_READABLE =
  'The stored upstream Go test predates v1.7.0 and has only the exact and wildcard subtests; the ' +
  'v1.7.0 manifest adds -x-path and -x-path-header Gateways whose older routes carry PathPrefix ' +
  '/path/prefix (and header Header-B: B). The newer routes are taken to be the same as in the ' +
  'readable subtests (hostname only, infra-backend-v2), which is what the test names ' +
  '("original hostnames over hostname intersections") need: the written hostname wins over the ' +
  'longer path and the header match.';

function sameHostnameCase(
  gateway: string,
  newer: string,
  hostname: string,
  request: ConfRequest,
  adapted?: string,
): ConfCase {
  return {
    test: 'HTTPRouteMultipleRoutesAttachmentSameHostnameIntersection',
    ...V17,
    ...(adapted !== undefined ? { adapted } : {}),
    manifests: [SAME_HOST],
    setup: [newerRoute('HTTPRoute', newer, gateway, hostname, 'infra-backend-v2')],
    gateway: `${INFRA}/${gateway}`,
    request,
    expect: v(2),
  };
}

const ABC = { host: 'abc.example.com', path: '/' };
const ABC_PATH = { host: 'abc.example.com', path: '/path/prefix' };
const ABC_PATH_HEADER = { ...ABC_PATH, headers: { 'Header-B': 'B' } };

export const SAME_HOSTNAME_CASES: ConfCase[] = [
  sameHostnameCase(
    'gw-httproute-exact-hostname-x',
    'httproute-exact-hostname-x-newer',
    'abc.example.com',
    ABC,
  ),
  sameHostnameCase(
    'gw-httproute-wc-hostname-x',
    'httproute-more-specific-wc-hostname-x-newer',
    '*.example.com',
    ABC,
  ),
  sameHostnameCase(
    'gw-httproute-exact-hostname-x-path',
    'httproute-exact-hostname-x-path-newer',
    'abc.example.com',
    ABC_PATH,
    NOT_READABLE,
  ),
  sameHostnameCase(
    'gw-httproute-exact-hostname-x-path-header',
    'httproute-exact-hostname-x-path-header-newer',
    'abc.example.com',
    ABC_PATH_HEADER,
    NOT_READABLE,
  ),
  sameHostnameCase(
    'gw-httproute-wc-hostname-x-path',
    'httproute-more-specific-wc-hostname-x-path-newer',
    '*.example.com',
    ABC_PATH,
    NOT_READABLE,
  ),
  sameHostnameCase(
    'gw-httproute-wc-hostname-x-path-header',
    'httproute-more-specific-wc-hostname-x-path-header-newer',
    '*.example.com',
    ABC_PATH_HEADER,
    NOT_READABLE,
  ),
  ...[
    ['gw-grpcroute-exact-hostname-x', 'grpcroute-exact-hostname-x-newer', 'abc.example.com'],
    ['gw-grpcroute-wc-hostname-x', 'grpcroute-more-specific-wc-hostname-x-newer', '*.example.com'],
  ].map(([gateway = '', name = '', hostname = '']): ConfCase => ({
    test: 'GRPCRouteMultipleRoutesAttachmentSameHostnameIntersection',
    ...V17,
    manifests: ['grpcroute-multiple-routes-attachment-same-hostname-intersection.yaml'],
    setup: [newerRoute('GRPCRoute', name, gateway, hostname, 'grpc-infra-backend-v2')],
    gateway: `${INFRA}/${gateway}`,
    request: { protocol: 'GRPC', host: 'abc.example.com', grpc: { service: GRPC_SERVICE, method: 'Echo' } },
    expect: { backend: 'grpc-infra-backend-v2', grpcCode: 'OK' },
  })),
];

const echo = (method: 'Echo' | 'EchoTwo', headers?: Record<string, string>): ConfRequest => ({
  protocol: 'GRPC',
  grpc: { service: GRPC_SERVICE, method },
  host: GRPC_SERVICE,
  ...(headers ? { headers } : {}),
});

const retry = (path: string, code: number, count: number, delay?: string): ConfRequest => ({
  path: `${path}?responseCode=${code}&succeedAfter=${count}${delay ? `&delayRetry=${delay}` : ''}`,
  backendBehavior: { failures: { code, count, ...(delay !== undefined ? { delay } : {}) } },
});
const RETRY_TIMEOUTS_ADAPTED =
  'The stored upstream Go test predates v1.7.0 (paths /retry/backend-request-timeout-200ms and ' +
  '/retry/request-timeout-200ms); its four cases are kept with the v1.7.0 manifest paths and ' +
  'limits: backend-timeout-500ms (attempts 3, backendRequest 500ms): 2 slow failures -> 200, ' +
  '4 (1 + 3 retries) -> 504; request-timeout-500ms (attempts 5, request 500ms): 4 fast ' +
  'failures -> 200, 4 failures of 200ms (800ms) -> 504.';
const ATTEMPTS_0_ADAPTED =
  'The v1.7.0 manifest adds /retry/code-all-attempts-0 (attempts: 0); the stored Go test has no ' +
  'rows for it. Spec: "An explicit zero value MUST disable retries".';
const v3 = (status = 200): ConfExpect => ({ backend: 'infra-backend-v3', status });

export const V17_CASES: ConfCase[] = [
  ...SAME_HOSTNAME_CASES,
  ...rowsOf(
    'HTTPRouteRuleOrder',
    'httproute-rule-order.yaml',
    [
      [{ path: '/rule-order', headers: { 'x-color': 'blue', 'x-version': 'one' } }, v(1)],
      [{ path: '/rule-order-invalid-backend' }, { status: 500 }],
    ],
    V17,
  ),
  ...rowsOf(
    'HTTPRouteBackendURLRewrite',
    'httproute-backend-url-rewrite.yaml',
    [
      [{ path: '/full/original' }, { ...v(1), upstreamPath: '/rewritten-full' }],
      [{ path: '/prefix/original' }, { ...v(1), upstreamPath: '/rewritten-prefix/original' }],
    ],
    V17,
  ),
  ...rowsOf(
    'HTTPRouteRetryWithTimeouts',
    'httproute-retry-with-timeouts.yaml',
    [
      [retry('/retry/backend-timeout-500ms', 500, 2, '1s'), v3()],
      [retry('/retry/backend-timeout-500ms', 500, 4, '1s'), v3(504)],
      [retry('/retry/request-timeout-500ms', 500, 4), v3()],
      [retry('/retry/request-timeout-500ms', 500, 4, '200ms'), v3(504)],
    ],
    { ...V17, adapted: RETRY_TIMEOUTS_ADAPTED },
  ),
  ...rowsOf(
    'HTTPRouteRetry',
    'httproute-retry.yaml',
    [
      [retry('/retry/code-all-attempts-0', 500, 1), v3(500)],
      [retry('/retry/code-all-attempts-0', 503, 1), v3(503)],
    ],
    { ...V17, adapted: ATTEMPTS_0_ADAPTED },
  ),
  // Upstream: one of the Service's two pods refuses connections; a retry stanza (attempts 100)
  // must hide it. Modelled as the first try failing to connect.
  ...rowsOf(
    'HTTPRouteRetryConnectionError',
    'httproute-retry-connection-error.yaml',
    [
      [
        {
          path: '/retry-on-connection-errors',
          backendBehavior: { failures: { code: 503, count: 1, connectionError: true } },
        },
        { backend: 'infra-backend-connection-error', status: 200 },
      ],
    ],
    V17,
  ),
  ...rowsOf(
    'GRPCRouteMultipleGateways',
    'grpcroute-multiple-gateways.yaml',
    [
      [echo('Echo'), { backend: 'grpc-infra-backend-v1', grpcCode: 'OK' }],
      [echo('EchoTwo'), { backend: 'grpc-infra-backend-v2', grpcCode: 'OK' }],
    ],
    { ...V17, gateway: `${INFRA}/same-namespace` },
  ),
  ...rowsOf(
    'GRPCRouteMultipleGateways',
    'grpcroute-multiple-gateways.yaml',
    [
      [echo('Echo'), { backend: 'grpc-infra-backend-v1', grpcCode: 'OK' }],
      [echo('EchoTwo'), { backend: 'grpc-infra-backend-v3', grpcCode: 'OK' }],
    ],
    { ...V17, gateway: `${INFRA}/all-namespaces` },
  ),
  ...rowsOf(
    'GRPCRouteRequestHeaderModifier',
    'grpcroute-request-header-modifier.yaml',
    [
      [
        echo('Echo', { 'Some-Other-Header': 'this-header-should-be-set' }),
        {
          backend: 'grpc-infra-backend-v1',
          upstreamHeaders: {
            'Some-Other-Header': 'this-header-should-be-set',
            'X-Header-Set': 'set-overwrites-values',
          },
        },
      ],
      [
        echo('Echo', {
          'Some-Other-Header': 'this-header-should-be-set',
          'X-Header-Set': 'this-value-should-be-overwritten',
        }),
        {
          backend: 'grpc-infra-backend-v1',
          upstreamHeaders: {
            'Some-Other-Header': 'this-header-should-be-set',
            'X-Header-Set': 'set-overwrites-values',
          },
        },
      ],
      [
        echo('EchoTwo', {
          'X-Header-Set-2': 'set-header-2',
          'X-Header-Add-2': 'add-header-2',
          'X-Header-Remove-2': 'should-be-removed-2',
          'Some-Other-Header': 'another-header-val',
        }),
        {
          backend: 'grpc-infra-backend-v2',
          upstreamHeaders: {
            'X-Header-Set-1': 'header-set-1',
            'X-Header-Set-2': 'header-set-2',
            'X-Header-Add-1': 'header-add-1',
            'X-Header-Add-2': 'add-header-2,header-add-2',
            'Some-Other-Header': 'another-header-val',
          },
          upstreamAbsentHeaders: ['X-Header-Remove-2'],
        },
      ],
      [
        echo('EchoTwo', {
          'x-header-set-1': 'original-set-1',
          'x-header-add-1': 'existing-add-1',
          'x-header-remove-1': 'should-be-removed-1',
        }),
        {
          backend: 'grpc-infra-backend-v2',
          upstreamHeaders: {
            'X-Header-Set-1': 'header-set-1',
            'X-Header-Add-1': 'existing-add-1,header-add-1',
          },
          upstreamAbsentHeaders: ['X-Header-Remove-1'],
        },
      ],
    ],
    {
      ...V17,
      adapted:
        'The stored upstream Go test predates the v1.7.0 manifest (it expects values, e.g. ' +
        'X-Header-Set-1: set-overwrites-values on EchoTwo, that no v1.7.0 rule sets, and add/remove ' +
        'rows on Echo whose rules lose to the first Echo rule by rule order). The rows keep the ' +
        'requests of its set and multiple-operation cases with what the v1.7.0 rules do to them.',
    },
  ),
];
