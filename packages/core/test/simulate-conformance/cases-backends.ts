/**
 * Transcribed from conformance/tests/httproute-https-listener.go,
 * -https-listener-detect-misdirected-requests.go, -cross-namespace.go, -reference-grant.go,
 * -invalid-*.go, -partially-invalid-via-invalid-reference-grant.go, -omitted-backendrefs.go,
 * -named-rule.go, -service-types.go, -simple-same-namespace.go, -timeout-*.go, -retry.go,
 * -backend-protocol-h2c.go and -backend-protocol-websocket.go.
 */
import { INFRA } from './case-types.ts';
import type { ConfCase, ConfExpect, ConfRequest } from './case-types.ts';

function table(
  test: string,
  manifest: string,
  rows: [ConfRequest, ConfExpect][],
  gateway?: string,
  setup?: readonly string[],
): ConfCase[] {
  return rows.map(([request, expect]) => ({
    test,
    manifests: [manifest],
    request,
    expect,
    ...(gateway !== undefined ? { gateway: `${INFRA}/${gateway}` } : {}),
    ...(setup !== undefined ? { setup } : {}),
  }));
}

/**
 * HTTPRouteServiceTypes' setupEndpointSlices step: the test fills the manual EndpointSlices with
 * the (ready) infra-backend-v1 pods before sending requests.
 */
const READY_SLICES = ['manual-endpointslices', 'headless-manual-endpointslices'].flatMap((svc) =>
  ['ip4', 'ip6'].map(
    (family) => `apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: ${svc}-${family}
  namespace: ${INFRA}
  labels: { kubernetes.io/service-name: ${svc} }
addressType: ${family === 'ip4' ? 'IPv4' : 'IPv6'}
ports: [{ name: first-port, port: 3000, protocol: TCP }]
endpoints:
- addresses: ["${family === 'ip4' ? '10.0.0.1' : 'fd00::1'}"]
  conditions: { ready: true, serving: true, terminating: false }
`,
  ),
);

const HTTPS = 'same-namespace-with-https-listener';
const tls = (sni: string, host: string, path = '/'): ConfRequest => ({
  protocol: 'HTTPS',
  port: 443,
  sni,
  host,
  path,
});
const h2 = (sni: string, host: string): ConfRequest => ({
  ...tls(sni, host, '/detect-misdirected-requests'),
  httpVersion: '2',
});
const ok = (backend: string, namespace = INFRA): ConfExpect => ({ status: 200, backend, namespace });
const status = (code: number): ConfExpect => ({ status: code });
const WEB = 'gateway-conformance-web-backend';
const APP = 'gateway-conformance-app-backend';
const retry = (path: string, code: number, count: number): ConfRequest => ({
  path: `${path}?responseCode=${code}&succeedAfter=${count}`,
  backendBehavior: { failures: { code, count } },
});

export const BACKEND_CASES: ConfCase[] = [
  ...table(
    'HTTPRouteHTTPSListener',
    'httproute-https-listener.yaml',
    [
      [tls('example.org', 'example.org'), ok('infra-backend-v1')],
      [tls('unknown-example.org', 'second-example.org'), status(404)],
      [tls('second-example.org', 'second-example.org'), ok('infra-backend-v2')],
      [tls('unknown-example.org', 'unknown-example.org'), status(404)],
    ],
    HTTPS,
  ),
  ...table(
    'HTTPRouteHTTPSListenerDetectMisdirectedRequests',
    'httproute-https-listener-detect-misdirected-requests.yaml',
    [
      [h2('example.org', 'example.org'), ok('infra-backend-v1')],
      [h2('example.org', 'second-example.org'), status(421)],
      [h2('example.org', 'unknown-example.org'), status(404)],
      [h2('second-example.org', 'second-example.org'), ok('infra-backend-v2')],
      [h2('second-example.org', 'example.org'), status(421)],
      [h2('second-example.org', 'unknown-example.org'), status(421)],
      [h2('third-example.wildcard.org', 'third-example.wildcard.org'), ok('infra-backend-v3')],
      [h2('third-example.wildcard.org', 'fith-example.wildcard.org'), ok('infra-backend-v3')],
      [h2('third-example.wildcard.org', 'fourth-example.wildcard.org'), status(421)],
      [h2('third-example.wildcard.org', 'second-example.org'), status(421)],
      [h2('third-example.wildcard.org', 'unknown-example.org'), status(421)],
      [h2('fourth-example.wildcard.org', 'fourth-example.wildcard.org'), ok('infra-backend-v1')],
      [h2('fourth-example.wildcard.org', 'fith-example.wildcard.org'), status(421)],
      [h2('unknown-example.org', 'example.org'), ok('infra-backend-v1')],
      [h2('unknown-example.org', 'unknown-example.org'), status(404)],
    ],
    HTTPS,
  ),
  ...table(
    'HTTPRouteCrossNamespace',
    'httproute-cross-namespace.yaml',
    [[{ path: '/' }, ok('web-backend', WEB)]],
    'backend-namespaces',
  ),
  ...table('HTTPRouteReferenceGrant', 'httproute-reference-grant.yaml', [
    [{ path: '/' }, ok('web-backend', WEB)],
  ]),
  ...table('HTTPRouteInvalidBackendRefUnknownKind', 'httproute-invalid-backendref-unknown-kind.yaml', [
    [{ method: 'GET', path: '/v2' }, status(500)],
  ]),
  ...table('HTTPRouteInvalidCrossNamespaceBackendRef', 'httproute-invalid-cross-namespace-backend-ref.yaml', [
    [{ method: 'GET', path: '/' }, status(500)],
  ]),
  ...table('HTTPRouteInvalidNonExistentBackendRef', 'httproute-invalid-nonexistent-backendref.yaml', [
    [{ method: 'GET', path: '/' }, status(500)],
  ]),
  ...table('HTTPRouteInvalidReferenceGrant', 'httproute-invalid-reference-grant.yaml', [
    [{ method: 'GET', path: '/' }, status(500)],
  ]),
  ...table(
    'HTTPRoutePartiallyInvalidViaInvalidReferenceGrant',
    'httproute-partially-invalid-via-invalid-reference-grant.yaml',
    [
      [{ method: 'GET', path: '/v2' }, status(500)],
      [{ method: 'GET', path: '/' }, ok('app-backend-v1', APP)],
    ],
  ),
  ...table('HTTPRouteOmittedBackendRefs', 'httproute-omitted-backendrefs.yaml', [
    [{ path: '/forward' }, ok('infra-backend-v1')],
    [{ path: '/omitted-no-forward' }, status(500)],
    [{ path: '/empty-no-forward' }, status(500)],
  ]),
  ...table('HTTPRouteNamedRule', 'httproute-named-rule.yaml', [
    [{ path: '/named' }, status(200)],
    [{ path: '/unnamed' }, status(200)],
  ]),
  // Upstream expects pod infra-backend-v1 behind each Service kind; we check the Service reached.
  ...table(
    'HTTPRouteServiceTypes',
    'httproute-service-types.yaml',
    [
      [{ path: '/headless' }, ok('headless')],
      [{ path: '/manual-endpointslices' }, ok('manual-endpointslices')],
      [{ path: '/headless-manual-endpointslices' }, ok('headless-manual-endpointslices')],
    ],
    undefined,
    READY_SLICES,
  ),
  ...table('HTTPRouteSimpleSameNamespace', 'httproute-simple-same-namespace.yaml', [
    [{ path: '/' }, ok('infra-backend-v1')],
  ]),
  ...table('HTTPRouteRequestTimeout', 'httproute-timeout-request.yaml', [
    [{ path: '/request-timeout' }, status(200)],
    [{ path: '/request-timeout?delay=1s', backendBehavior: { delay: '1s' } }, status(504)],
    [{ path: '/disable-request-timeout?delay=1s', backendBehavior: { delay: '1s' } }, status(200)],
  ]),
  ...table('HTTPRouteBackendRequestTimeout', 'httproute-timeout-backend-request.yaml', [
    [{ path: '/backend-timeout' }, status(200)],
    [{ path: '/backend-timeout?delay=1s', backendBehavior: { delay: '1s' } }, status(504)],
  ]),
  ...table('HTTPRouteRetry', 'httproute-retry.yaml', [
    [retry('/retry/code-500-attempts-3', 500, 2), ok('infra-backend-v3')],
    [retry('/retry/code-500-attempts-3', 500, 4), { ...ok('infra-backend-v3'), status: 500 }],
    [retry('/retry/code-500-attempts-3', 503, 2), { ...ok('infra-backend-v3'), status: 503 }],
    [retry('/retry/code-all-attempts-2', 500, 1), ok('infra-backend-v3')],
    [retry('/retry/code-all-attempts-2', 500, 3), { ...ok('infra-backend-v3'), status: 500 }],
    [retry('/retry/code-all-attempts-2', 502, 1), ok('infra-backend-v3')],
    [retry('/retry/code-all-attempts-2', 502, 3), { ...ok('infra-backend-v3'), status: 502 }],
    [retry('/retry/code-all-attempts-2', 503, 1), ok('infra-backend-v3')],
    [retry('/retry/code-all-attempts-2', 503, 3), { ...ok('infra-backend-v3'), status: 503 }],
    [retry('/retry/code-all-attempts-2', 504, 1), ok('infra-backend-v3')],
    [retry('/retry/code-all-attempts-2', 504, 3), { ...ok('infra-backend-v3'), status: 504 }],
  ]),
  ...table('HTTPRouteBackendProtocolH2C', 'httproute-backend-protocol-h2c.yaml', [
    [{ path: '/', httpVersion: '2' }, ok('infra-backend-v1')],
  ]),
  ...table('HTTPRouteBackendProtocolWebSocket', 'httproute-backend-protocol-websocket.yaml', [
    [{ path: '/ws', headers: { Connection: 'Upgrade', Upgrade: 'websocket' } }, ok('infra-backend-v1')],
  ]),
];
