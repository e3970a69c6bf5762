/**
 * TLS, TCP and UDP request cases new in v1.7.0: tlsroute-hostname-intersection.go,
 * -multiple-routes-attachment-same-hostname-intersection.go, -simple-same-namespace.go,
 * -terminate-simple-same-namespace.go, -mixed-termination-same-namespace.go,
 * tcproute-{parentref-attach-all, parentref-port-and-section-name, reference-grant,
 * weighted-routing, multiple-routes-attachment}.go and the udproute-* equivalents. A
 * connection has no HTTP status: the row checks where it goes (backend, shares) or that no
 * route takes it ("connection reset" upstream).
 */
import { INFRA, rowsOf } from './case-types.ts';
import type { ConfCase, ConfExpect, ConfRequest } from './case-types.ts';

const V17 = { versions: ['v1.7.0'] as const };
const WEB = 'gateway-conformance-web-backend';
const APP = 'gateway-conformance-app-backend';

const sni = (name: string, port = 443): ConfRequest => ({ protocol: 'TLS', port, sni: name });
const tcp = (port: number): ConfRequest => ({ protocol: 'TCP', port });
const udp = (port: number): ConfRequest => ({ protocol: 'UDP', port });
const to = (backend: string, namespace = INFRA): ConfExpect => ({ backend, namespace });
const closed: ConfExpect = { closed: true };

function at(
  test: string,
  manifest: string,
  gateway: string,
  rows: [ConfRequest, ConfExpect][],
  setup?: string[],
): ConfCase[] {
  return rowsOf(test, manifest, rows, {
    ...V17,
    gateway: `${INFRA}/${gateway}`,
    ...(setup ? { setup } : {}),
  });
}

/** The newer route an upstream test creates in code (`sectionName` listener, one backend). */
function newerL4(
  kind: 'TCPRoute' | 'UDPRoute' | 'TLSRoute',
  name: string,
  gateway: string,
  backend: string,
  port: number,
  extra = '',
): string {
  const version = kind === 'UDPRoute' ? 'v1alpha2' : kind === 'TCPRoute' ? 'v1alpha2' : 'v1alpha2';
  return `apiVersion: gateway.networking.k8s.io/${version}
kind: ${kind}
metadata: { name: ${name}, namespace: ${INFRA} }
spec:
  parentRefs: [{ name: ${gateway}${extra} }]
  rules: [{ backendRefs: [{ name: ${backend}, port: ${port} }] }]
`;
}

function newerTls(name: string, gateway: string, hostname: string): string {
  return `apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TLSRoute
metadata: { name: ${name}, namespace: ${INFRA} }
spec:
  parentRefs: [{ name: ${gateway} }]
  hostnames: ["${hostname}"]
  rules: [{ backendRefs: [{ name: tls-backend-2, port: 443 }] }]
`;
}

const TLS_X = 'tlsroute-hostname-intersection.yaml';
const TLS_SAME = 'tlsroute-multiple-routes-attachment-same-hostname-intersection.yaml';

export const L4_CASES: ConfCase[] = [
  ...at('TLSRouteHostnameIntersection', TLS_X, 'gw-tlsroute-exact-hostname-x-1', [
    [sni('abc.example.com'), to('tls-backend')],
    [sni('non.matching.com'), closed],
  ]),
  ...at('TLSRouteHostnameIntersection', TLS_X, 'gw-tlsroute-more-specific-wc-hostname-x-2', [
    [sni('abc.example.com'), to('tls-backend')],
    [sni('other.example.com'), to('tls-backend-2')],
    [sni('non.matching.com'), closed],
  ]),
  ...at('TLSRouteHostnameIntersection', TLS_X, 'gw-tlsroute-less-specific-wc-hostname-x-3', [
    [sni('abc.example.com'), to('tls-backend')],
    [sni('other.example.com'), to('tls-backend-2')],
    [sni('non.matching.com'), closed],
  ]),
  ...at('TLSRouteHostnameIntersection', TLS_X, 'gw-tlsroute-empty-hostname-x-4', [
    [sni('abc.example.com'), to('tls-backend')],
    [sni('other.example.com'), to('tls-backend-2')],
    [sni('non.matching.org'), closed],
  ]),
  ...at(
    'TLSRouteMultipleRoutesAttachmentSameHostnameIntersection',
    TLS_SAME,
    'gw-tlsroute-exact-hostname-x',
    [[sni('abc.example.com'), to('tls-backend-2')]],
    [newerTls('tlsroute-exact-hostname-x-newer', 'gw-tlsroute-exact-hostname-x', 'abc.example.com')],
  ),
  ...at(
    'TLSRouteMultipleRoutesAttachmentSameHostnameIntersection',
    TLS_SAME,
    'gw-tlsroute-wc-hostname-x',
    [[sni('abc.example.com'), to('tls-backend-2')]],
    [newerTls('tlsroute-more-specific-wc-hostname-x-newer', 'gw-tlsroute-wc-hostname-x', '*.example.com')],
  ),
  ...at('TLSRouteSimpleSameNamespace', 'tlsroute-simple-same-namespace.yaml', 'gateway-tlsroute', [
    [sni('abc.example.com'), to('tcp-backend')],
  ]),
  ...at(
    'TLSRouteTerminateSimpleSameNamespace',
    'tlsroute-terminate-simple-same-namespace.yaml',
    'gateway-tlsroute-terminate',
    [[sni('tls.example.com', 8443), to('tcp-backend')]],
  ),
  ...at(
    'TLSRouteMixedTerminationSameNamespace',
    'tlsroute-mixed-termination-same-namespace.yaml',
    'gateway-tlsroute-mixed-termination',
    [
      [sni('abc.example.com', 8883), to('tcp-backend')],
      [sni('tls.example.com', 8883), to('tcp-backend')],
    ],
  ),
  ...at('TCPRouteParentRefAttachAll', 'tcproute-parentref-attach-all.yaml', 'tcp-attach-all-gateway', [
    [tcp(9310), to('tcp-echo-attach-all')],
    [tcp(9311), to('tcp-echo-attach-all')],
    [tcp(9312), to('tcp-echo-attach-all')],
    [tcp(9313), to('tcp-echo-attach-all')],
  ]),
  ...at(
    'TCPRouteParentRefPortAndSectionName',
    'tcproute-parentref-port-and-section-name.yaml',
    'tcp-multi-listener-gateway',
    [
      [tcp(9300), to('tcp-echo-one')],
      [tcp(9301), to('tcp-echo-two')],
      [tcp(9302), to('tcp-echo-three')],
    ],
  ),
  ...at('TCPRouteReferenceGrant', 'tcproute-reference-grant.yaml', 'tcp-reference-grant-gateway', [
    [tcp(9320), to('tcp-reference-grant-backend', WEB)],
  ]),
  ...at('TCPRouteWeightedRouting', 'tcproute-weighted-routing.yaml', 'tcp-weighted-gateway', [
    [tcp(9300), { shares: { 'tcp-backend-v1': 0.7, 'tcp-backend-v2': 0.3, 'tcp-backend-v3': 0 } }],
  ]),
  ...at(
    'TCPRouteMultipleRoutesAttachment',
    'tcproute-multiple-routes-attachment.yaml',
    'tcp-multi-route-attach-gateway',
    [
      [
        tcp(9310),
        { ...to('tcp-attach-backend-1'), shares: { 'tcp-attach-backend-1': 1, 'tcp-attach-backend-2': 0 } },
      ],
    ],
    [
      newerL4(
        'TCPRoute',
        'tcproute-attach-newer',
        'tcp-multi-route-attach-gateway',
        'tcp-attach-backend-2',
        3000,
        ', sectionName: tcp',
      ),
    ],
  ),
  ...at('UDPRouteSimple', 'udproute-simple.yaml', 'udp-gateway', [[udp(5300), to('udp-echo')]]),
  ...at(
    'UDPRouteParentRefAttachAllListeners',
    'udproute-parentref-attach-all-listeners.yaml',
    'udp-attach-all-listeners-gateway',
    [
      [udp(5310), to('udp-echo-attach-all')],
      [udp(5311), to('udp-echo-attach-all')],
      [udp(5312), to('udp-echo-attach-all')],
    ],
  ),
  ...at(
    'UDPRouteParentRefPortAndSectionName',
    'udproute-parentref-port-and-section-name.yaml',
    'udp-multi-listener-gateway',
    [
      [udp(5300), to('udp-echo-by-port')],
      [udp(5301), to('udp-echo-by-section')],
      [udp(5302), to('udp-echo-by-section-and-port')],
    ],
  ),
  ...at('UDPRouteReferenceGrant', 'udproute-reference-grant.yaml', 'udp-gateway-reference-grant', [
    [udp(5300), to('udp-echo-reference-grant', APP)],
  ]),
  ...at('UDPRouteWeightedRouting', 'udproute-weighted-routing.yaml', 'udp-weighted-gateway', [
    [udp(5300), { shares: { 'udp-backend-v1': 0.7, 'udp-backend-v2': 0.3, 'udp-backend-v3': 0 } }],
  ]),
  ...at(
    'UDPRouteMultipleRoutesAttachment',
    'udproute-multiple-routes-attachment.yaml',
    'udp-multi-route-attach-gateway',
    [
      [
        udp(5301),
        { ...to('udp-attach-backend-1'), shares: { 'udp-attach-backend-1': 1, 'udp-attach-backend-2': 0 } },
      ],
    ],
    [
      newerL4(
        'UDPRoute',
        'udproute-attach-newer',
        'udp-multi-route-attach-gateway',
        'udp-attach-backend-2',
        8080,
        ', sectionName: udp',
      ),
    ],
  ),
];
